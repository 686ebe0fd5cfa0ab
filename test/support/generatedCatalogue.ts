/**
 * A catalogue file written by code, for tests and benchmarks of many or large catalogues: `count`
 * proposals numbered from 1, spread over `groups` groups, with plausible French titles.
 */
export function generatedCatalogueYaml(prefix: string, count: number, groups = 5): string {
  const lines = [
    '# yaml-language-server: $schema=../catalogue.schema.json',
    `id: ${prefix.toLowerCase()}-genere`,
    `prefix: ${prefix}`,
    `title: "Catalogue généré ${prefix}"`,
    'groups:',
  ];
  const perGroup = Math.ceil(count / groups);
  let n = 1;
  for (let g = 1; g <= groups && n <= count; g++) {
    lines.push(`  - id: axe-${g}`, `    title: "Axe ${g}"`, '    proposals:');
    for (let k = 0; k < perGroup && n <= count; k++, n++) {
      lines.push(`      - number: ${n}`, `        title: "Action ${n} : déployer les usages du numérique dans l’établissement ${n % 97}"`);
    }
  }
  return `${lines.join('\n')}\n`;
}
