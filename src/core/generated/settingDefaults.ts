// Generated from package.json by scripts/generateSettingDefaults.mjs (also run by scripts/build.mjs): do not edit.

/** The default of every setting, as package.json declares it: the extension and egn-cite read this one table. */
export const SETTING_DEFAULTS = Object.freeze({
  "egn.languages": ["markdown","plaintext","latex","restructuredtext","asciidoc"],
  "egn.reference.format": "id",
  "egn.reference.quotes": "asWritten",
  "egn.export.csvSeparator": "auto",
  "egn.diagnostics.enabled": true,
  "egn.diagnostics.nonCanonicalHint": false,
  "egn.prose.enabled": true,
  "egn.prose.names": [],
  "egn.index.include": "**/*.{md,markdown,txt,tex,rst,adoc,asciidoc,docx,odt,pdf}",
  "egn.index.exclude": "**/{node_modules,.git,out,dist,build,_build,target}/**",
  "egn.index.maxFileSize": 1048576,
  "egn.index.enabled": true,
  "egn.catalogue.showCitationCounts": true,
  "egn.statusBar.enabled": true,
  "egn.catalogues.include": "**/*.catalogue.{yaml,yml,json}",
  "egn.catalogues.showBundled": true,
} as const);

/** The name of a setting that has a default. */
export type SettingWithDefault = keyof typeof SETTING_DEFAULTS;
