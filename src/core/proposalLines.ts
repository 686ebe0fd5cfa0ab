import { isMap, isScalar, isSeq, LineCounter, parseDocument, type Node } from 'yaml';

/**
 * The line (0-based) of each proposal's entry in the catalogue YAML, keyed by proposal number: where
 * go to definition takes the writer. Reads the YAML's own structure (groups → proposals or
 * subthemes → proposals), so comments or quoted titles that look like `number: 12` never confuse it.
 * Never throws: a broken file gives the entries it could read.
 */
export function proposalLines(yamlText: string): Map<number, number> {
  const lines = new Map<number, number>();
  const counter = new LineCounter();
  const doc = parseDocument(yamlText, { lineCounter: counter, prettyErrors: false });
  const visitProposals = (proposals: unknown): void => {
    if (!isSeq(proposals)) {
      return;
    }
    for (const item of proposals.items) {
      if (!isMap(item)) {
        continue;
      }
      const value = item.get('number', true);
      const start = (item as Node).range?.[0];
      if (isScalar(value) && typeof value.value === 'number' && start !== undefined && !lines.has(value.value)) {
        lines.set(value.value, counter.linePos(start).line - 1);
      }
    }
  };
  const groups = isMap(doc.contents) ? doc.contents.get('groups', true) : undefined;
  if (!isSeq(groups)) {
    return lines;
  }
  for (const group of groups.items) {
    if (!isMap(group)) {
      continue;
    }
    visitProposals(group.get('proposals', true));
    const subthemes = group.get('subthemes', true);
    if (isSeq(subthemes)) {
      for (const sub of subthemes.items) {
        if (isMap(sub)) {
          visitProposals(sub.get('proposals', true));
        }
      }
    }
  }
  return lines;
}
