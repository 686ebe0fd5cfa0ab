// @ts-check
// Generates the `contributes.snippets` file from the catalogue, so the snippet choices always
// match data/egn-2020.yaml.
import * as fs from 'node:fs';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);

/** Escapes text for a snippet choice: `$`, `}`, `\`, `,` and `|` are syntax there. */
function choiceText(s) {
  return s.replace(/[$}\\,|]/g, (c) => `\\${c}`);
}

/**
 * @param {string} yamlPath
 * @param {string} outPath
 */
export function writeSnippets(yamlPath, outPath) {
  const YAML = require('yaml');
  const doc = YAML.parse(fs.readFileSync(yamlPath, 'utf8'));
  const prefix = String(doc.prefix);
  /** @type {{ number: number, title: string }[]} */
  const proposals = [];
  for (const g of doc.groups ?? []) {
    for (const p of g.proposals ?? []) { proposals.push(p); }
    for (const s of g.subthemes ?? []) {
      for (const p of s.proposals ?? []) { proposals.push(p); }
    }
  }
  proposals.sort((a, b) => a.number - b.number);
  const choices = proposals.map((p) => choiceText(`${prefix}-${p.number} — ${p.title}`)).join(',');
  const idChoices = proposals.map((p) => `${prefix}-${p.number}`).join(',');
  const snippets = {
    [`${prefix} reference with title`]: {
      prefix: [`${prefix.toLowerCase()}ref`],
      description: `${prefix}: reference and title of a proposal`,
      body: [`\${1|${choices}|}`],
    },
    [`${prefix} reference`]: {
      prefix: [`${prefix.toLowerCase()}id`],
      description: `${prefix}: reference to a proposal`,
      body: [`\${1|${idChoices}|}`],
    },
  };
  fs.writeFileSync(outPath, JSON.stringify(snippets, null, 2));
}
