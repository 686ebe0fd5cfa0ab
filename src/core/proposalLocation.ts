import type { Catalogue, Proposal } from './catalogue';
import { positionOfPath } from './catalogueLoader';
import type { JsonPath } from './schemaValidator';

/**
 * The path of a proposal's `number` key in its catalogue file: `groups[g].proposals[p].number`,
 * or `groups[g].subthemes[s].proposals[p].number`. The model keeps groups, sub-themes and
 * proposals in file order, so their indexes are the file's. Undefined when `p` is not one of
 * `catalogue`'s proposals.
 */
export function proposalNumberPath(catalogue: Catalogue, p: Proposal): JsonPath | undefined {
  const g = catalogue.themes.indexOf(p.theme);
  if (g < 0) {
    return undefined;
  }
  if (p.subtheme) {
    const s = p.theme.subthemes.indexOf(p.subtheme);
    const k = p.subtheme.proposals.indexOf(p);
    return s < 0 || k < 0 ? undefined : ['groups', g, 'subthemes', s, 'proposals', k, 'number'];
  }
  const k = p.theme.proposals.indexOf(p);
  return k < 0 ? undefined : ['groups', g, 'proposals', k, 'number'];
}

/**
 * Where the `number:` key of proposal `p` is in `text`, the catalogue file it was loaded from:
 * 0-based line and character (what an editor needs). Falls back to the file's start when the text
 * no longer has that proposal there (edited since it loaded).
 */
export function proposalPosition(text: string, catalogue: Catalogue, p: Proposal): { line: number; character: number } {
  const path = proposalNumberPath(catalogue, p);
  if (!path) {
    return { line: 0, character: 0 };
  }
  const { line, column } = positionOfPath(text, path, true);
  return { line: line - 1, character: column - 1 };
}
