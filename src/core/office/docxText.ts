import { DEFAULT_EXTRACTION_LIMITS, ExtractionRefused, ParagraphCollector, type ExtractedText, type ExtractionLimits } from './extractedText';
import { readXml, StopReading, type XmlHandlers } from './xmlEvents';
import { readZipEntries } from './zipEntries';

const DOCUMENT = 'word/document.xml';
const FOOTNOTES = 'word/footnotes.xml';
const ENDNOTES = 'word/endnotes.xml';
const STYLES = 'word/styles.xml';
const PARTS = new Set([DOCUMENT, FOOTNOTES, ENDNOTES, STYLES]);

/** Elements whose whole content is not text a reader of the document sees as current. */
const SKIPPED = new Set([
  'w:del', // a tracked deletion
  'w:moveFrom', // the old place of moved text
  'w:instrText', // a field's instruction
  'w:delInstrText',
  'mc:Fallback', // the same content again, for older readers
  'w:pPr', // paragraph properties (tab stops are `w:tab` too); read for the style only
  'w:rPr',
  'w:commentReference',
]);

/** A paragraph being read: its text so far, its style and outline level, its nested paragraphs. */
interface OpenParagraph {
  text: string;
  style?: string;
  outlineLevel?: number;
  /** Paragraphs of a text box inside this one: they follow it. */
  nested: { text: string; style?: string; outlineLevel?: number }[];
}

/**
 * The text of a .docx (WordprocessingML): `word/document.xml`, then the footnotes, then the
 * endnotes, one paragraph per line (table cells are paragraphs). A paragraph is its runs joined,
 * whatever proof marks, bookmarks or language changes split them; inserted text counts, deleted or
 * moved-away text does not; a field gives its result, not its instruction. Headings come from the
 * paragraph's style resolved in `word/styles.xml` (style ids are localized: `Titre1` in French Word),
 * or from an outline level.
 */
export function docxText(bytes: Uint8Array, limits: ExtractionLimits = DEFAULT_EXTRACTION_LIMITS): ExtractedText {
  const parts = readZipEntries(bytes, (name) => PARTS.has(name), limits);
  const document = parts.get(DOCUMENT);
  if (!document) {
    throw new ExtractionRefused(`not a Word document (no ${DOCUMENT})`);
  }
  const styles = parts.has(STYLES) ? headingStyles(parts.get(STYLES)!) : new Map<string, number>();
  const out = new ParagraphCollector(limits.maxTextLength);
  for (const part of [DOCUMENT, FOOTNOTES, ENDNOTES]) {
    const xml = parts.get(part);
    if (xml && out.truncated === undefined) {
      readXml(xml, part, paragraphReader(out, styles, part !== DOCUMENT));
    }
  }
  return out.result('docx');
}

function paragraphReader(out: ParagraphCollector, styles: ReadonlyMap<string, number>, notes: boolean): XmlHandlers {
  const open: OpenParagraph[] = [];
  let skipped = 0;
  let inText = false;
  let inRun = 0;
  /** Fields being read, innermost last: true while in the instruction (before `separate`). */
  const fields: boolean[] = [];
  /** Inside a separator note (footnotes.xml, endnotes.xml): not a note. */
  let separator = false;
  let inPPr = false;
  const current = (): OpenParagraph | undefined => open[open.length - 1];
  const inInstruction = (): boolean => fields.length > 0 && fields[fields.length - 1];
  const add = (s: string): void => {
    const p = current();
    if (p && skipped === 0 && !inInstruction() && !separator) {
      p.text += s;
    }
  };
  const emit = (p: { text: string; style?: string; outlineLevel?: number }): void => {
    const level = p.outlineLevel ?? (p.style !== undefined ? styles.get(p.style) : undefined);
    if (!out.add(p.text, level)) {
      throw new StopReading();
    }
  };
  return {
    open(name, a) {
      if (name === 'w:pPr') {
        inPPr = true;
      }
      if (inPPr && open.length > 0) {
        const p = current()!;
        if (name === 'w:pStyle' && a['w:val'] !== undefined) {
          p.style = a['w:val'];
        } else if (name === 'w:outlineLvl') {
          p.outlineLevel = outlineLevel(a['w:val']);
        }
      }
      if (SKIPPED.has(name)) {
        skipped++;
        return;
      }
      switch (name) {
        case 'w:p':
          open.push({ text: '', nested: [] });
          break;
        case 'w:footnote':
        case 'w:endnote':
          separator = notes && (a['w:type'] === 'separator' || a['w:type'] === 'continuationSeparator' || a['w:type'] === 'continuationNotice');
          break;
        case 'w:r':
          inRun++;
          break;
        case 'w:t':
          inText = true;
          break;
        case 'w:tab':
          if (inRun > 0) {
            add('\t');
          }
          break;
        case 'w:br':
        case 'w:cr':
          if (inRun > 0) {
            add(' ');
          }
          break;
        case 'w:noBreakHyphen':
          add('\u2011');
          break;
        case 'w:softHyphen':
          add('\u00ad');
          break;
        case 'w:sym':
          if (a['w:char']) {
            add(symbol(a['w:char']));
          }
          break;
        case 'w:fldChar': {
          const type = a['w:fldCharType'];
          if (type === 'begin') {
            fields.push(true);
          } else if (type === 'separate' && fields.length > 0) {
            fields[fields.length - 1] = false;
          } else if (type === 'end') {
            fields.pop();
          }
          break;
        }
      }
    },
    close(name) {
      if (name === 'w:pPr') {
        inPPr = false;
      }
      if (SKIPPED.has(name)) {
        skipped--;
        return;
      }
      switch (name) {
        case 'w:p': {
          const p = open.pop();
          if (!p) {
            break;
          }
          const outer = current();
          if (outer) {
            outer.nested.push(p, ...p.nested);
          } else if (!separator) {
            emit(p);
            p.nested.forEach(emit);
          }
          break;
        }
        case 'w:footnote':
        case 'w:endnote':
          separator = false;
          break;
        case 'w:r':
          inRun--;
          break;
        case 'w:t':
          inText = false;
          break;
      }
    },
    text(t) {
      if (inText) {
        add(t);
      }
    },
  };
}

/** `w:outlineLvl`'s value (0 = level 1; 9 is body text) as a heading level. */
function outlineLevel(value: string | undefined): number | undefined {
  const n = Number(value);
  return Number.isInteger(n) && n >= 0 && n < 9 ? n + 1 : undefined;
}

/** A `w:sym` character: hexadecimal, in the private area (F0xx) for symbol fonts. */
function symbol(hex: string): string {
  const code = Number.parseInt(hex, 16);
  return Number.isFinite(code) && code > 0 && code < 0x110000 && (code < 0xd800 || code > 0xdfff) ? String.fromCodePoint(code) : '';
}

/**
 * Style id → heading level, from `word/styles.xml`: a style named `heading N` (built-in names are
 * English whatever the language of Word; the ids are not), or with an outline level, or based on
 * such a style.
 */
export function headingStyles(xml: Uint8Array): Map<string, number> {
  const own = new Map<string, number>();
  const basedOn = new Map<string, string>();
  let id: string | undefined;
  let inPPr = false;
  readXml(xml, STYLES, {
    open(name, a) {
      if (name === 'w:style') {
        id = a['w:type'] === undefined || a['w:type'] === 'paragraph' ? a['w:styleId'] : undefined;
      } else if (id !== undefined) {
        if (name === 'w:name') {
          const m = /^heading ([1-9])$/i.exec(a['w:val'] ?? '');
          if (m) {
            own.set(id, Number(m[1]));
          }
        } else if (name === 'w:basedOn' && a['w:val']) {
          basedOn.set(id, a['w:val']);
        } else if (name === 'w:pPr') {
          inPPr = true;
        } else if (name === 'w:outlineLvl' && inPPr && !own.has(id)) {
          const level = outlineLevel(a['w:val']);
          if (level !== undefined) {
            own.set(id, level);
          }
        }
      }
    },
    close(name) {
      if (name === 'w:style') {
        id = undefined;
      } else if (name === 'w:pPr') {
        inPPr = false;
      }
    },
    text() {},
  });
  const levels = new Map<string, number>();
  for (const styleId of new Set([...own.keys(), ...basedOn.keys()])) {
    let s: string | undefined = styleId;
    for (let hops = 0; s !== undefined && hops < 20; hops++) {
      const level = own.get(s);
      if (level !== undefined) {
        levels.set(styleId, level);
        break;
      }
      s = basedOn.get(s);
    }
  }
  return levels;
}
