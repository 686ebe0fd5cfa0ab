import * as fs from 'node:fs';
import * as path from 'node:path';

/** The `egn.index.maxFileSize` the reading-paths fixture is made for (above the 8 KB binary sample). */
export const FIXTURE_MAX_FILE_SIZE = 16_384;

/** Bytes of a UTF-16 text with its byte order mark. */
function utf16(text: string, endian: 'le' | 'be'): Buffer {
  const le = Buffer.from(text, 'utf16le');
  if (endian === 'be') {
    le.swap16();
  }
  return Buffer.concat([Buffer.from(endian === 'le' ? [0xff, 0xfe] : [0xfe, 0xff]), le]);
}

/**
 * Files that every reading path of the index (ripgrep, Node's fs, workspace.fs) must read alike:
 * encodings, line breaks, lists, ranges, ignore markers, and files that must be skipped. Relative
 * path → bytes. `trop-gros.md` and `juste.md` are cut for `FIXTURE_MAX_FILE_SIZE`.
 */
export function readingPathsFixture(): Map<string, Buffer> {
  const files = new Map<string, Buffer>();
  const put = (rel: string, bytes: Buffer | string): void => {
    files.set(rel, typeof bytes === 'string' ? Buffer.from(bytes, 'utf8') : bytes);
  };
  put('utf8.md', '# Plan\n\nVoir EGN-7, 8 et 9 puis EGN-3 à 5.\nL’école « EGN n° 12 » et egn-40 à 42.\n');
  put('bom-utf8.md', Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from('EGN-1 en tête, après la marque.\nEGN-2\n')]));
  put('crlf.txt', 'Première ligne\r\nEGN-13 et EGN-14\r\n\r\nfin EGN-15, 16 ou 17\r\n');
  put('sans-fin.md', 'pas de saut final\nderniere EGN-20');
  put('latin1.txt', Buffer.from('Le numérique à l\u2019école : EGN-21 et EGN-22 à 24.\n'.replace('\u2019', "'"), 'latin1'));
  put('utf16le.txt', utf16('Texte en UTF-16 LE\r\nVu EGN-25 à l’école, EGN-26.\n', 'le'));
  put('utf16be.txt', utf16('Texte en UTF-16 BE\nEGN-27 😀 EGN-28', 'be'));
  put('ignore-ligne.md', 'EGN-29\n<!-- egn-ignore-next-line -->\nEGN-30 ignoré\nEGN-31\n');
  put('rapport.md', '<!-- egn-ignore-file -->\n# Rapport exporté\nEGN-32 EGN-33\n');
  put('ignore-tard.md', `${'ligne\n'.repeat(10)}egn-ignore-file trop tard\nEGN-34\n`);
  put('sous/dossier/profond.md', 'EGN-35 à EGN-38');
  put('juste.md', `EGN-39 ${'x'.repeat(FIXTURE_MAX_FILE_SIZE - 8)}\n`);
  put('trop-gros.md', `EGN-1 ${'x'.repeat(FIXTURE_MAX_FILE_SIZE)}\n`);
  put('binaire.md', Buffer.concat([Buffer.from('EGN-2\n'), Buffer.from([0, 1, 2, 3]), Buffer.from('\nEGN-3\n')]));
  put('nul-tardif.md', Buffer.concat([Buffer.from('a'.repeat(9000)), Buffer.from([0]), Buffer.from('\nEGN-4 après un NUL tardif\n')]));
  put('node_modules/paquet/README.md', 'EGN-5 exclu');
  put('image.png', 'EGN-6 pas du texte indexé');
  put('long.md', `${'mot '.repeat(400)}EGN-10 ${'mot '.repeat(400)}\n`);
  put('rien.md', 'aucune référence ici\n');
  put('.cache/cache.md', 'EGN-11 dans un dossier caché');
  return files;
}

/** Writes `files` under `root` (created), returning `root`. */
export function writeFixture(root: string, files: ReadonlyMap<string, Buffer>): string {
  for (const [rel, bytes] of files) {
    const p = path.join(root, ...rel.split('/'));
    fs.mkdirSync(path.dirname(p), { recursive: true });
    fs.writeFileSync(p, bytes);
  }
  return root;
}

/**
 * The reading-paths fixture with a second catalogue's references (prefix `FRA`, actions 1 to 12)
 * beside the EGN's, in the same tricky encodings and line breaks.
 */
export function twoCataloguesFixture(): Map<string, Buffer> {
  const files = readingPathsFixture();
  files.set('fra/mixte.md', Buffer.from('# Feuille de route\n\nVoir EGN-7 et FRA-2 à 4, puis fra n° 12 et FRA-13.\nRien ici.\nFRA-1, 5 et EGN-9\n', 'utf8'));
  files.set('fra/crlf.txt', Buffer.from('Ligne\r\nFRA-6 et FRA-7\r\n<!-- egn-ignore-next-line -->\r\nFRA-8 ignoré\r\nFRA-9', 'utf8'));
  const le = Buffer.from('UTF-16 LE\r\nFRA-10 à l’école, EGN-26.\n', 'utf16le');
  files.set('fra/utf16le.txt', Buffer.concat([Buffer.from([0xff, 0xfe]), le]));
  files.set('fra/latin1.txt', Buffer.from('Académie : FRA-11 et EGN-3.\n', 'latin1'));
  return files;
}
