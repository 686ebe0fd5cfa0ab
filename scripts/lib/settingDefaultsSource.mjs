// @ts-check
// The source of src/core/generated/settingDefaults.ts: the default of every setting package.json
// declares, so that the extension and egn-cite read one table (see scripts/generateSettingDefaults.mjs).

/**
 * @param {{ contributes: { configuration: { properties: Record<string, { default?: unknown }> } } }} manifest the parsed package.json
 * @returns {string}
 */
export function settingDefaultsSource(manifest) {
  const entries = Object.entries(manifest.contributes.configuration.properties)
    .filter(([, p]) => p.default !== undefined)
    .map(([key, p]) => `  ${JSON.stringify(key)}: ${JSON.stringify(p.default)},`);
  return [
    '// Generated from package.json by scripts/generateSettingDefaults.mjs (also run by scripts/build.mjs): do not edit.',
    '',
    '/** The default of every setting, as package.json declares it: the extension and egn-cite read this one table. */',
    'export const SETTING_DEFAULTS = Object.freeze({',
    ...entries,
    '} as const);',
    '',
    '/** The name of a setting that has a default. */',
    'export type SettingWithDefault = keyof typeof SETTING_DEFAULTS;',
    '',
  ].join('\n');
}
