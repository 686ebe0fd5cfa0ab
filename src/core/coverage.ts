import type { Catalogue, Proposal, Theme } from './catalogue';
import type { CitationIndex } from './citationIndex';

/** A proposal and how many times the documents in scope cite it. */
export interface ProposalCoverage {
  readonly proposal: Proposal;
  readonly count: number;
}

/** How much of one group of proposals (a theme, or the common proposals) is cited. */
export interface ThemeCoverage {
  readonly theme: Theme;
  /** Proposals in the group. */
  readonly total: number;
  /** Proposals of the group cited at least once. */
  readonly cited: number;
  /** Every proposal of the group, in catalogue order. */
  readonly proposals: readonly ProposalCoverage[];
}

/** One document of the scope. */
export interface DocumentCoverage {
  readonly uri: string;
  /** The catalogue's proposal numbers it cites, ascending. */
  readonly cited: readonly number[];
  /** Its citations of catalogue proposals, repeats and implied range numbers included. */
  readonly citations: number;
}

/** A citation of a number that is no proposal of the catalogue (`EGN-45`), a likely typo. */
export interface UnknownReference {
  readonly uri: string;
  readonly number: number;
  /** The digits as written when `number` cannot show them (see `Citation.digits`, `writtenNumber`). */
  readonly digits?: string;
  /** 0-based, as VS Code counts. */
  readonly line: number;
  readonly character: number;
}

/** What the coverage report and its exports show. */
export interface Coverage {
  /** Whole index, or the documents asked for. */
  readonly scope: 'workspace' | 'documents';
  /** The catalogue's reference prefix (`EGN`), to write unknown references. */
  readonly prefix: string;
  readonly totalProposals: number;
  /** Proposals cited at least once in the scope. */
  readonly citedCount: number;
  /** One entry per group of the catalogue (the five themes and the common proposals), in order. */
  readonly themes: readonly ThemeCoverage[];
  /** Every proposal, by number: the columns of `matrix`. */
  readonly proposals: readonly ProposalCoverage[];
  /** The proposals never cited in the scope, by number. */
  readonly uncited: readonly Proposal[];
  /** The rows of `matrix`, sorted by URI. */
  readonly documents: readonly DocumentCoverage[];
  /** `matrix[d][p]`: citations of `proposals[p]` in `documents[d]`. */
  readonly matrix: readonly (readonly number[])[];
  /**
   * Citations of numbers absent from the catalogue, by document then position. Numbers only
   * implied by a range (the 41 to 44 of `EGN-38 à 45`) are left out: the range's end is reported.
   */
  readonly unknownReferences: readonly UnknownReference[];
}

/**
 * Computes how much of the catalogue the indexed documents cite: overall, per group, per document.
 *
 * Without `scope`, the scope is the whole index, and only documents that cite something are rows
 * of the matrix (a workspace has many files that cite nothing). With `scope`, every URI given is a
 * row, cited or not, indexed or not: a report on the active document must show it even when it
 * cites nothing yet.
 *
 * `position` is the catalogue's position in the index's list of catalogues (see `Citation.catalogue`;
 * 0, the bundled EGN catalogue, when not given).
 */
export function computeCoverage(
  catalogue: Catalogue,
  index: CitationIndex,
  scope?: { readonly uris: readonly string[] },
  position = 0,
): Coverage {
  const uris = scope ? [...new Set(scope.uris)].sort(byCodeUnits) : index.documents();
  const column = new Map<number, number>(catalogue.proposals.map((p, k) => [p.number, k]));
  const totals = new Array<number>(catalogue.proposals.length).fill(0);
  const documents: DocumentCoverage[] = [];
  const matrix: number[][] = [];
  const unknownReferences: UnknownReference[] = [];

  for (const uri of uris) {
    const counts = index.documentCounts(uri, position);
    if (!scope && counts.size === 0) {
      continue;
    }
    const row = new Array<number>(catalogue.proposals.length).fill(0);
    let citations = 0;
    let hasUnknown = false;
    for (const [n, c] of counts) {
      const k = column.get(n);
      if (k === undefined) {
        hasUnknown = true;
        continue;
      }
      row[k] += c;
      totals[k] += c;
      citations += c;
    }
    if (!scope && citations === 0 && !hasUnknown) {
      continue;
    }
    if (hasUnknown) {
      // Positions are needed only here, so only here are citations materialized.
      for (const c of index.documentCitations(uri, { implied: false, catalogue: position })) {
        if (!c.implied && !column.has(c.number)) {
          unknownReferences.push({ uri, number: c.number, line: c.line, character: c.character, ...(c.digits !== undefined ? { digits: c.digits } : {}) });
        }
      }
    }
    const cited = catalogue.proposals.filter((_, k) => row[k] > 0).map((p) => p.number);
    documents.push({ uri, cited, citations });
    matrix.push(row);
  }

  const proposals = catalogue.proposals.map((proposal, k) => ({ proposal, count: totals[k] }));
  const byNumber = new Map(proposals.map((pc) => [pc.proposal.number, pc]));
  const themes = catalogue.themes.map((theme): ThemeCoverage => {
    const items = theme.proposals.map((p) => byNumber.get(p.number) ?? { proposal: p, count: 0 });
    return { theme, total: items.length, cited: items.filter((pc) => pc.count > 0).length, proposals: items };
  });
  const uncited = proposals.filter((pc) => pc.count === 0).map((pc) => pc.proposal);
  return {
    scope: scope ? 'documents' : 'workspace',
    prefix: catalogue.prefix,
    totalProposals: proposals.length,
    citedCount: proposals.length - uncited.length,
    themes,
    proposals,
    uncited,
    documents,
    matrix,
    unknownReferences,
  };
}

function byCodeUnits(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
