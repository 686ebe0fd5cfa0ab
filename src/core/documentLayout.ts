import type { TextLayout } from './textLayout';

const BY_LANGUAGE: Readonly<Record<string, TextLayout['kind']>> = {
  markdown: 'markdown', latex: 'latex', tex: 'latex', restructuredtext: 'restructuredtext', asciidoc: 'asciidoc',
};

const BY_EXTENSION: Readonly<Record<string, TextLayout['kind']>> = {
  md: 'markdown', markdown: 'markdown', mdx: 'markdown', myst: 'markdown', tex: 'latex', ltx: 'latex', rst: 'restructuredtext', adoc: 'asciidoc', asciidoc: 'asciidoc', asc: 'asciidoc',
};

/** The layout of an open document, by its VS Code language id: plain text for any other. */
export function layoutOfLanguage(languageId: string): TextLayout {
  return { kind: BY_LANGUAGE[languageId] ?? 'plaintext' } as TextLayout;
}

/**
 * The layout of a file on disk, by its extension (what the index knows of a file it has not
 * opened), so that a file gives the same citations read from disk as open in the editor with its
 * usual language.
 */
export function layoutOfPath(path: string): TextLayout {
  const name = path.slice(path.lastIndexOf('/') + 1);
  const dot = name.lastIndexOf('.');
  const ext = dot < 0 ? '' : name.slice(dot + 1).toLowerCase();
  return { kind: BY_EXTENSION[ext] ?? 'plaintext' } as TextLayout;
}

/**
 * The line that makes the next one not count (`egn-ignore-next-line`), in the comment syntax of
 * `languageId`, so that the marker does not show in the rendered document.
 */
export function ignoreNextLineComment(languageId: string): string {
  switch (BY_LANGUAGE[languageId]) {
    case 'markdown':
      return '<!-- egn-ignore-next-line -->';
    case 'latex':
      return '% egn-ignore-next-line';
    case 'restructuredtext':
      return '.. egn-ignore-next-line';
    case 'asciidoc':
      return '// egn-ignore-next-line';
    default:
      return 'egn-ignore-next-line';
  }
}
