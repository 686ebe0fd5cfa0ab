import { isUtf8 } from 'node:buffer';
import * as fs from 'node:fs';
import { isProbablyBinary } from '../core/globMatcher';
import { readIgnoreMarkers, withoutIgnored } from '../core/ignoreMarkers';
import { decode } from '../core/indexBuilder';
import { ReferenceScanner } from '../core/referenceScanner';

/** What a scan needs of a catalogue; plain data, so that it can be sent to a worker thread. */
export interface ScanCatalogue {
  readonly prefix: string;
  /** The proposal numbers that exist. */
  readonly numbers: readonly number[];
}

/** Which citations a scan returns: only those of numbers that do not exist, or all of them. */
export type ScanMode = 'unknown' | 'all';

/**
 * One citation: `[catalogue, number, line, character, endLine, endCharacter, flags]`, lines and
 * characters 0-based in UTF-16 units as VS Code counts them (a tuple: results cross threads by
 * structured clone, and tuples clone several times faster than objects).
 */
export type FoundCitation = readonly [number, number, number, number, number, number, number];
/** `FoundCitation` flag: a proposal with that number exists. */
export const EXISTS = 1;
/** `FoundCitation` flag: a number only implied by a range (the 4 of `EGN-3 à 5`). */
export const IMPLIED = 2;

/** The outcome for one file. */
export type FileScan =
  | { readonly status: 'scanned'; readonly citations: readonly FoundCitation[] }
  | { readonly status: 'tooLarge' | 'binary' }
  | { readonly status: 'unreadable'; readonly message: string };

/** The text of a file, or why the index leaves it out. */
export type FileText = { readonly status: 'text'; readonly text: string } | Exclude<FileScan, { readonly status: 'scanned' }>;

/**
 * Reads a file with the editor's rules: over `maxFileSize` bytes or binary, it is left out; text is
 * UTF-8 (BOM dropped) or UTF-16 after its BOM, as `readIndexableText` decides in the extension.
 */
export function readIndexableFile(file: string, maxFileSize: number): FileText {
  let bytes: Buffer;
  try {
    // One call: the size is checked on the bytes read (the editor checks the stat, then the bytes).
    bytes = fs.readFileSync(file);
  } catch (e) {
    return { status: 'unreadable', message: e instanceof Error ? e.message : String(e) };
  }
  if (bytes.length > maxFileSize) {
    return { status: 'tooLarge' };
  }
  // Valid UTF-8 without NUL, by far the common case, is checked natively; only other files take
  // the byte-by-byte look of `isProbablyBinary` (as the index builder's fast path does).
  if (isUtf8(bytes) && bytes.subarray(0, 8192).indexOf(0) === -1) {
    return { status: 'text', text: bytes.toString('utf8', hasUtf8Bom(bytes) ? 3 : 0) };
  }
  if (isProbablyBinary(bytes)) {
    return { status: 'binary' };
  }
  return { status: 'text', text: decode(bytes) };
}

function hasUtf8Bom(bytes: Uint8Array): boolean {
  return bytes.length >= 3 && bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf;
}

/** Scans texts for the references of several catalogues, as the editor's index does. */
export class DocumentScanner {
  private readonly scanners: readonly ReferenceScanner[];
  private readonly exists: readonly ((n: number) => boolean)[];
  /** Lower-cased prefixes: a text holding none of them has no reference, and is not scanned. */
  private readonly needles: readonly string[];

  constructor(catalogues: readonly ScanCatalogue[], private readonly maxFileSize: number) {
    this.exists = catalogues.map((c) => {
      const set = new Set(c.numbers);
      return (n: number) => set.has(n);
    });
    this.scanners = catalogues.map((c, k) => new ReferenceScanner(c.prefix, this.exists[k]));
    this.needles = catalogues.map((c) => c.prefix.toLowerCase());
  }

  /** Reads (see `readIndexableFile`) and scans one file; ignore markers apply. */
  scanFile(file: string, mode: ScanMode): FileScan {
    const read = readIndexableFile(file, this.maxFileSize);
    return read.status === 'text' ? { status: 'scanned', citations: this.scanText(read.text, mode) } : read;
  }

  /** The citations of `text` (see `ScanMode`), catalogue by catalogue, each in text order. */
  scanText(text: string, mode: ScanMode): FoundCitation[] {
    const out: FoundCitation[] = [];
    let lower: string | undefined;
    let markers: ReturnType<typeof readIgnoreMarkers> | undefined;
    for (let k = 0; k < this.scanners.length; k++) {
      // Cheap prefilter: most files of a workspace never name a catalogue.
      lower ??= text.toLowerCase();
      if (!lower.includes(this.needles[k])) {
        continue;
      }
      markers ??= readIgnoreMarkers(text);
      const refs = withoutIgnored(markers, this.scanners[k].scan(text));
      const positions = new Positions(text);
      for (const ref of refs) {
        if (mode === 'unknown' && ref.exists) {
          continue;
        }
        const [line, character] = positions.of(ref.start);
        const [endLine, endCharacter] = positions.of(ref.end);
        out.push([k, ref.number, line, character, endLine, endCharacter, ref.exists ? EXISTS : 0]);
        if (mode === 'all') {
          for (const n of ref.implied) {
            out.push([k, n, line, character, endLine, endCharacter, IMPLIED | (this.exists[k](n) ? EXISTS : 0)]);
          }
        }
      }
    }
    return out;
  }
}

/**
 * Offset → 0-based line and character, for offsets asked in ascending order (a single forward walk).
 * Line breaks are `\r\n`, `\n` and a lone `\r`, as in VS Code's `TextDocument`.
 */
class Positions {
  private line = 0;
  private lineStart = 0;
  private walked = 0;

  constructor(private readonly text: string) {}

  of(offset: number): [number, number] {
    const text = this.text;
    for (let i = this.walked; i < offset; i++) {
      const c = text.charCodeAt(i);
      if (c === 0x0a || (c === 0x0d && text.charCodeAt(i + 1) !== 0x0a)) {
        this.line++;
        this.lineStart = i + 1;
      }
    }
    this.walked = Math.max(this.walked, offset);
    return [this.line, offset - this.lineStart];
  }
}
