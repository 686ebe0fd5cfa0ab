/**
 * The messages between the coverage report's webview and the extension: one typed union per
 * direction. Everything the webview sends is untrusted and goes through `parseCoverageMessage`.
 */

/** Export formats of `egn.exportCoverage`. */
export type CoverageFormat = 'markdown' | 'csv';

/** From the webview to the extension. */
export type CoverageMessage =
  /** Open a proposal's details; the number is checked against the catalogue. */
  | { readonly type: 'openProposal'; readonly number: number }
  /** Open the document at this index of the documents the page was given (never a raw URI). */
  | { readonly type: 'openDocument'; readonly index: number }
  /** Open the reference to an unknown proposal at this index of the list the page was given. */
  | { readonly type: 'openUnknownReference'; readonly index: number }
  | { readonly type: 'export'; readonly format: CoverageFormat }
  /** Build the workspace index (after the user cancelled the first build). */
  | { readonly type: 'buildIndex' }
  /** Show the catalogue at this index of the picker the page was given. */
  | { readonly type: 'selectCatalogue'; readonly index: number };

/** From the extension to the webview: the new content of the page, already escaped. */
export type CoverageUpdate = { readonly type: 'update'; readonly bodyHtml: string; readonly state: CoveragePanelState };

/**
 * What a coverage panel shows; saved by the webview so that the panel survives a reload. `catalogue`
 * is the prefix of the catalogue shown (the EGN when absent; for a document, the one it cites most).
 */
export type CoveragePanelState =
  | { readonly scope: 'workspace'; readonly catalogue?: string }
  | { readonly scope: 'document'; readonly uri: string; readonly catalogue?: string };

function isIndex(v: unknown): v is number {
  return typeof v === 'number' && Number.isInteger(v) && v >= 0;
}

/** The message if `raw` is a well-formed `CoverageMessage`, else undefined (ignored by the caller). */
export function parseCoverageMessage(raw: unknown): CoverageMessage | undefined {
  if (typeof raw !== 'object' || raw === null) {
    return undefined;
  }
  const m = raw as Record<string, unknown>;
  switch (m.type) {
    case 'openProposal':
      return isIndex(m.number) ? { type: 'openProposal', number: m.number } : undefined;
    case 'openDocument':
      return isIndex(m.index) ? { type: 'openDocument', index: m.index } : undefined;
    case 'openUnknownReference':
      return isIndex(m.index) ? { type: 'openUnknownReference', index: m.index } : undefined;
    case 'export':
      return m.format === 'markdown' || m.format === 'csv' ? { type: 'export', format: m.format } : undefined;
    case 'buildIndex':
      return { type: 'buildIndex' };
    case 'selectCatalogue':
      return isIndex(m.index) ? { type: 'selectCatalogue', index: m.index } : undefined;
    default:
      return undefined;
  }
}

/** The state if `raw` is a well-formed `CoveragePanelState`, else undefined. */
export function parseCoveragePanelState(raw: unknown): CoveragePanelState | undefined {
  if (typeof raw !== 'object' || raw === null) {
    return undefined;
  }
  const s = raw as Record<string, unknown>;
  // A prefix is 2–12 ASCII letters or digits: anything else is dropped, not trusted.
  const catalogue = typeof s.catalogue === 'string' && /^[A-Za-z][A-Za-z0-9]{1,11}$/.test(s.catalogue) ? { catalogue: s.catalogue } : {};
  if (s.scope === 'workspace') {
    return { scope: 'workspace', ...catalogue };
  }
  if (s.scope === 'document' && typeof s.uri === 'string' && s.uri.length > 0) {
    return { scope: 'document', uri: s.uri, ...catalogue };
  }
  return undefined;
}
