import { DEFAULT_EXTRACTION_LIMITS, ExtractionRefused, ParagraphCollector, type ExtractedText, type ExtractionLimits } from './extractedText';
import { readXml, StopReading } from './xmlEvents';
import { readZipEntries } from './zipEntries';

const CONTENT = 'content.xml';
const MANIFEST = 'META-INF/manifest.xml';

/** Elements whose content is not current text of the document. */
const SKIPPED = new Set([
  'text:tracked-changes', // the changed regions: a deletion's text lives there
  'text:note-citation', // the note's mark (« 1 »): glued to the text it follows, it would change `EGN-7` into `EGN-71`
  'office:annotation', // comments
  'text:bookmark-ref',
]);

interface OpenParagraph {
  text: string;
  level?: number;
  nested: { text: string; level?: number }[];
}

/**
 * The text of an .odt (OpenDocument text): `content.xml`'s `office:text`, one paragraph (`text:p`)
 * or heading (`text:h`, with its outline level) per line; spans joined, `text:s` as its spaces,
 * tabs, line breaks as spaces; a note's body follows the paragraph it is in; table cells are
 * paragraphs; tracked deletions are not text. An encrypted document (`manifest:encryption-data`)
 * is refused.
 */
export function odtText(bytes: Uint8Array, limits: ExtractionLimits = DEFAULT_EXTRACTION_LIMITS): ExtractedText {
  const parts = readZipEntriesOfOdt(bytes, limits);
  const content = parts.get(CONTENT);
  if (!content) {
    throw new ExtractionRefused(`not an OpenDocument text (no ${CONTENT})`);
  }
  const out = new ParagraphCollector(limits.maxTextLength);
  const open: OpenParagraph[] = [];
  let body = 0;
  let skipped = 0;
  const current = (): OpenParagraph | undefined => open[open.length - 1];
  const add = (s: string): void => {
    const p = current();
    if (p && skipped === 0) {
      p.text += s;
    }
  };
  const emit = (p: { text: string; level?: number }): void => {
    if (!out.add(p.text, p.level)) {
      throw new StopReading();
    }
  };
  readXml(content, CONTENT, {
    open(name, a) {
      if (name === 'office:text') {
        body++;
      }
      if (body === 0) {
        return;
      }
      if (SKIPPED.has(name)) {
        skipped++;
        return;
      }
      if (skipped > 0) {
        return;
      }
      switch (name) {
        case 'text:p':
          open.push({ text: '', nested: [] });
          break;
        case 'text:h': {
          const level = Number(a['text:outline-level'] ?? '1');
          open.push({ text: '', nested: [], level: Number.isInteger(level) && level > 0 ? level : 1 });
          break;
        }
        case 'text:s': {
          const c = Number(a['text:c'] ?? '1');
          add(' '.repeat(Number.isInteger(c) && c > 0 ? Math.min(c, 1000) : 1));
          break;
        }
        case 'text:tab':
          add('\t');
          break;
        case 'text:line-break':
          add(' ');
          break;
      }
    },
    close(name) {
      if (body === 0) {
        return;
      }
      if (name === 'office:text') {
        body--;
        return;
      }
      if (SKIPPED.has(name)) {
        skipped--;
        return;
      }
      if (skipped > 0 || (name !== 'text:p' && name !== 'text:h')) {
        return;
      }
      const p = open.pop();
      if (!p) {
        return;
      }
      const outer = current();
      if (outer) {
        outer.nested.push(p, ...p.nested);
      } else {
        emit(p);
        p.nested.forEach(emit);
      }
    },
    text(t) {
      if (body > 0) {
        add(t);
      }
    },
  });
  return out.result('odt');
}

function readZipEntriesOfOdt(bytes: Uint8Array, limits: ExtractionLimits): Map<string, Uint8Array> {
  let parts: Map<string, Uint8Array>;
  try {
    parts = readZipEntries(bytes, (name) => name === CONTENT || name === MANIFEST, limits);
  } catch (e) {
    // An encrypted content.xml does not inflate: say why when the manifest says so.
    if (e instanceof ExtractionRefused && manifestSaysEncrypted(bytes, limits)) {
      throw new ExtractionRefused('an encrypted (password-protected) document');
    }
    throw e;
  }
  const manifest = parts.get(MANIFEST);
  if (manifest && isEncrypted(manifest)) {
    throw new ExtractionRefused('an encrypted (password-protected) document');
  }
  return parts;
}

function manifestSaysEncrypted(bytes: Uint8Array, limits: ExtractionLimits): boolean {
  try {
    const manifest = readZipEntries(bytes, (name) => name === MANIFEST, limits).get(MANIFEST);
    return manifest !== undefined && isEncrypted(manifest);
  } catch {
    return false;
  }
}

function isEncrypted(manifest: Uint8Array): boolean {
  let encrypted = false;
  readXml(manifest, MANIFEST, {
    open(name) {
      if (name === 'manifest:encryption-data') {
        encrypted = true;
        throw new StopReading();
      }
    },
    close() {},
    text() {},
  });
  return encrypted;
}
