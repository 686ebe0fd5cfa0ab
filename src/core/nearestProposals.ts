/**
 * The proposal numbers a mistyped number most likely meant, best first: by edit distance between the
 * written digits and each number's digits (Damerau: a swap of two neighbouring digits counts as one
 * edit, so 41 is one edit from 14), then by how many leading digits they share (41 → 4 and 40 before
 * 1 and 14), then in number order. For `41` among 1–40: 4, 40, 1, 11, 14, 21, 31, then two edits away.
 */
export function nearestNumbers(written: number, numbers: readonly number[], count: number): number[] {
  const w = String(written);
  return numbers
    .filter((n) => n !== written)
    .map((n) => ({ n, distance: editDistance(w, String(n)), prefix: commonPrefix(w, String(n)) }))
    .sort((a, b) => a.distance - b.distance || b.prefix - a.prefix || a.n - b.n)
    .slice(0, Math.max(0, count))
    .map((c) => c.n);
}

/** Optimal-string-alignment distance (Levenshtein plus adjacent transpositions). Strings here are a few digits. */
function editDistance(a: string, b: string): number {
  const d: number[][] = Array.from({ length: a.length + 1 }, (_, i) => Array.from({ length: b.length + 1 }, (_, j) => (i === 0 ? j : j === 0 ? i : 0)));
  for (let i = 1; i <= a.length; i++) {
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      d[i][j] = Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) {
        d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
      }
    }
  }
  return d[a.length][b.length];
}

function commonPrefix(a: string, b: string): number {
  let k = 0;
  while (k < a.length && k < b.length && a[k] === b[k]) {
    k++;
  }
  return k;
}
