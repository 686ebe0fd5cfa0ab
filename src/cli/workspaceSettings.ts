import * as fs from 'node:fs';
import * as path from 'node:path';
import { SETTING_DEFAULTS } from '../core/generated/settingDefaults';
import { enabledPatterns } from '../core/globMatcher';
import { PROSE_DEFAULTS, type ProseSettings } from '../core/documentText';
import { findNodeAtLocation, getNodeValue, parseTree, printParseErrorCode, type Node, type ParseError } from 'jsonc-parser';

/** The settings the command line reads: their defaults are package.json's, as the editor's. */
type CliSetting = 'egn.index.include' | 'egn.index.exclude' | 'egn.catalogues.include';

/** VS Code's own default of `files.exclude`, which the editor's index applies under any workspace value. */
const FILES_EXCLUDE_DEFAULT: Readonly<Record<string, boolean>> = Object.freeze({
  '**/.git': true,
  '**/.svn': true,
  '**/.hg': true,
  '**/.DS_Store': true,
  '**/Thumbs.db': true,
});

/** What the command line takes from a folder's `.vscode/settings.json` (or the defaults). */
export interface WorkspaceSettings {
  readonly include: string;
  readonly exclude: string;
  readonly maxFileSize: number;
  /** The enabled patterns of `files.exclude`, which the editor's index honours too. */
  readonly filesExclude: readonly string[];
  readonly cataloguesInclude: string;
  /** `egn.prose.enabled` and `egn.prose.names`, as the editor reads them (src/catalogues/proseSettings.ts). */
  readonly prose: ProseSettings;
  /**
   * `egn.diagnostics.nonCanonicalHint` for a file (relative POSIX path): the setting, or its
   * language-specific value (`"[markdown]": { … }`) for the file's language (see `languageOf`).
   */
  nonCanonicalHint(relativePath: string): boolean;
}

/**
 * The language VS Code gives a file of the index's default include, by its extension: what a
 * language-specific setting (`"[markdown]"`) applies to. Other files have none here.
 */
export function languageOf(relativePath: string): string | undefined {
  const ext = /\.([^./]+)$/.exec(relativePath)?.[1].toLowerCase();
  switch (ext) {
    case 'md':
    case 'markdown':
      return 'markdown';
    case 'txt':
      return 'plaintext';
    case 'tex':
      return 'latex';
    case 'rst':
      return 'restructuredtext';
    case 'adoc':
    case 'asciidoc':
      return 'asciidoc';
    default:
      return undefined;
  }
}

const HINT = 'egn.diagnostics.nonCanonicalHint' satisfies keyof typeof SETTING_DEFAULTS;

/**
 * The exclude patterns of a folder: `--exclude` (else `egn.index.exclude`), then the enabled
 * `files.exclude` patterns, which the editor's index honours too.
 */
export function folderExcludes(settings: WorkspaceSettings, exclude: readonly string[] | undefined): string[] {
  return [...(exclude ?? [settings.exclude]), ...settings.filesExclude];
}

/** A settings file that cannot be used, and where. */
export class SettingsError extends Error {
  constructor(readonly file: string, readonly line: number, readonly column: number, message: string) {
    super(`${file}:${line}:${column}: ${message}`);
  }
}

/**
 * Reads the `egn.*` and `files.exclude` settings of the folder `root` from its
 * `.vscode/settings.json`, with comments and trailing commas allowed as VS Code allows them.
 * A missing file means the defaults; a file that does not parse, or a setting of the wrong type,
 * throws a `SettingsError` naming the file, line and column.
 */
export function readWorkspaceSettings(root: string): WorkspaceSettings {
  const file = path.join(root, '.vscode', 'settings.json');
  let text: string;
  try {
    text = fs.readFileSync(file, 'utf8');
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT' || (e as NodeJS.ErrnoException).code === 'ENOTDIR') {
      return defaults();
    }
    throw new SettingsError(file, 1, 1, `cannot read the settings: ${e instanceof Error ? e.message : String(e)}`);
  }
  return parseWorkspaceSettings(text, file);
}

/** The settings of the text of a `settings.json`; `file` names it in errors. */
export function parseWorkspaceSettings(text: string, file: string): WorkspaceSettings {
  const errors: ParseError[] = [];
  const tree = parseTree(text, errors, { allowTrailingComma: true, disallowComments: false });
  const at = (offset: number): { line: number; column: number } => {
    const before = text.slice(0, offset);
    const line = before.split(/\r\n|\r|\n/).length;
    return { line, column: offset - Math.max(before.lastIndexOf('\n'), before.lastIndexOf('\r')) };
  };
  if (errors.length > 0) {
    const { line, column } = at(errors[0].offset);
    throw new SettingsError(file, line, column, `invalid JSON: ${printParseErrorCode(errors[0].error)}`);
  }
  if (!tree || tree.type !== 'object') {
    if (text.trim() === '') {
      return defaults();
    }
    throw new SettingsError(file, 1, 1, 'the settings must be a JSON object');
  }
  const fail = (node: Node, message: string): never => {
    const { line, column } = at(node.offset);
    throw new SettingsError(file, line, column, message);
  };
  const get = (key: string): Node | undefined => findNodeAtLocation(tree, [key]);
  const str = (key: CliSetting): string => {
    const node = get(key);
    if (!node) {
      return SETTING_DEFAULTS[key] as string;
    }
    return typeof node.value === 'string' ? node.value : fail(node, `"${key}" must be a string (a glob pattern)`);
  };
  const sizeNode = get('egn.index.maxFileSize');
  let maxFileSize: number = SETTING_DEFAULTS['egn.index.maxFileSize'];
  if (sizeNode) {
    if (typeof sizeNode.value !== 'number' || !(sizeNode.value >= 0)) {
      fail(sizeNode, '"egn.index.maxFileSize" must be a number of bytes, 0 or more');
    }
    maxFileSize = sizeNode.value as number;
  }
  const proseNode = get('egn.prose.enabled');
  if (proseNode && typeof proseNode.value !== 'boolean') {
    fail(proseNode, '"egn.prose.enabled" must be true or false');
  }
  const namesNode = get('egn.prose.names');
  const names = namesNode ? (getNodeValue(namesNode) as unknown) : SETTING_DEFAULTS['egn.prose.names'];
  if (!Array.isArray(names) || !names.every((n) => typeof n === 'string')) {
    fail(namesNode!, '"egn.prose.names" must be a list of names, such as ["EGNé"]');
  }
  const prose: ProseSettings = {
    enabled: proseNode ? (proseNode.value as boolean) : SETTING_DEFAULTS['egn.prose.enabled'],
    names: (names as string[]).map((n) => n.trim()).filter((n) => n.length > 0),
  };
  const excludeNode = get('files.exclude');
  if (excludeNode && excludeNode.type !== 'object') {
    fail(excludeNode, '"files.exclude" must be an object of glob patterns');
  }
  // VS Code merges a workspace's object setting into the default one, key by key.
  const filesExclude = enabledPatterns({ ...FILES_EXCLUDE_DEFAULT, ...(excludeNode ? (getNodeValue(excludeNode) as Record<string, unknown>) : undefined) });
  const hint = (node: Node | undefined, fallback: boolean): boolean => {
    if (!node) {
      return fallback;
    }
    return typeof node.value === 'boolean' ? node.value : fail(node, `"${HINT}" must be true or false`);
  };
  const hintDefault = hint(get(HINT), SETTING_DEFAULTS[HINT]);
  // Language-specific values, as VS Code reads them: `"[markdown]"`, or `"[markdown][latex]"` for several.
  const byLanguage = new Map<string, boolean>();
  for (const property of tree.children ?? []) {
    const key = property.children?.[0]?.value as unknown;
    const value = property.children?.[1];
    if (typeof key !== 'string' || !/^(\[[^\]]+\])+$/.test(key) || value?.type !== 'object') {
      continue;
    }
    const node = findNodeAtLocation(value, [HINT]);
    if (node) {
      for (const m of key.matchAll(/\[([^\]]+)\]/g)) {
        byLanguage.set(m[1], hint(node, hintDefault));
      }
    }
  }
  return {
    include: str('egn.index.include'),
    exclude: str('egn.index.exclude'),
    maxFileSize,
    filesExclude,
    cataloguesInclude: str('egn.catalogues.include'),
    prose,
    // Asked for every file: a constant when no language has its own value (nearly always).
    nonCanonicalHint: byLanguage.size === 0 ? () => hintDefault : (relativePath) => byLanguage.get(languageOf(relativePath) ?? '') ?? hintDefault,
  };
}

function defaults(): WorkspaceSettings {
  return {
    include: SETTING_DEFAULTS['egn.index.include'],
    exclude: SETTING_DEFAULTS['egn.index.exclude'],
    maxFileSize: SETTING_DEFAULTS['egn.index.maxFileSize'],
    filesExclude: enabledPatterns(FILES_EXCLUDE_DEFAULT),
    cataloguesInclude: SETTING_DEFAULTS['egn.catalogues.include'],
    prose: PROSE_DEFAULTS,
    nonCanonicalHint: () => false,
  };
}
