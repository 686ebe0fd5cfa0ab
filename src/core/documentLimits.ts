/**
 * What one document may cost the editor. A hostile or generated document (a megabyte of
 * `EGN-1 à 41 `, 100,000 list items) would otherwise send VS Code tens of thousands of links and
 * warnings, and make every hover and every keystroke wait; a document a person writes stays far
 * below these. The index's own bound is `MAX_RECORDS_PER_DOCUMENT` (src/core/citationIndex.ts).
 */

/** Document links (Ctrl+click on a reference) given for one document: the first ones, in text order. */
export const MAX_LINKS_PER_DOCUMENT = 5_000;

/**
 * Warnings and hints shown for one document; one more diagnostic then says how many were left out.
 * With that note a document stays within the 1,000 diagnostics VS Code's extension host keeps per
 * file: past them it drops the rest, ours included, and says only how many it dropped.
 */
export const MAX_DIAGNOSTICS_PER_DOCUMENT = 999;
