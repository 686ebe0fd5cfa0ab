import type { ScannedDocument } from './citationIndex';

/**
 * Several scanned documents in two buffers, so that a reader thread sends a batch in one transfer
 * (no copy) instead of three small typed arrays and a map per document, which the structured clone
 * of `postMessage` copies one by one, and which the receiving thread (the extension host's) then
 * allocates and collects one by one.
 */
export interface PackedDocuments {
  /** The number of documents, `HEADER` int32 per document (see `H_DATA` and the following), then every document's data and excerpt metadata. */
  readonly ints: Int32Array;
  /** Every document's excerpts, one after the other. */
  readonly bytes: Uint8Array;
  /** Numbers that do not fit an int32: [document, record offset, number] (practically never present). */
  readonly wide: readonly (readonly [number, number, number])[];
  /** The written digits of numbers past 2^53: [document, record offset, digits] (see `ScannedDocument.digits`). */
  readonly digits: readonly (readonly [number, number, string])[];
}

const HEADER = 4;
/** Length of the document's `data`, or -1 for a document that cites nothing. */
const H_DATA = 0;
const H_META = 1;
const H_BYTES = 2;
const H_CAPPED = 3;

/** Packs `documents` (undefined for one citing nothing) in the order given. */
export function packScannedDocuments(documents: readonly (ScannedDocument | undefined)[]): PackedDocuments {
  let intCount = 1 + documents.length * HEADER;
  let byteCount = 0;
  for (const d of documents) {
    if (d) {
      intCount += d.data.length + d.excerptMeta.length;
      byteCount += d.excerpts.length;
    }
  }
  const ints = new Int32Array(intCount);
  const bytes = new Uint8Array(byteCount);
  const wide: [number, number, number][] = [];
  const digits: [number, number, string][] = [];
  ints[0] = documents.length;
  let at = 1 + documents.length * HEADER;
  let byteAt = 0;
  documents.forEach((d, k) => {
    const h = 1 + k * HEADER;
    if (!d) {
      ints[h + H_DATA] = -1;
      return;
    }
    ints[h + H_DATA] = d.data.length;
    ints[h + H_META] = d.excerptMeta.length;
    ints[h + H_BYTES] = d.excerpts.length;
    ints[h + H_CAPPED] = d.capped ? 1 : 0;
    ints.set(d.data, at);
    at += d.data.length;
    ints.set(d.excerptMeta, at);
    at += d.excerptMeta.length;
    bytes.set(d.excerpts, byteAt);
    byteAt += d.excerpts.length;
    for (const [offset, n] of d.wide ?? []) {
      wide.push([k, offset, n]);
    }
    for (const [offset, written] of d.digits ?? []) {
      digits.push([k, offset, written]);
    }
  });
  return { ints, bytes, wide, digits };
}

/**
 * The documents of `packed`, in order. Their arrays are views into the packed buffers (no copy):
 * a buffer lives as long as one of its documents is kept.
 */
export function unpackScannedDocuments(packed: PackedDocuments): (ScannedDocument | undefined)[] {
  const { ints, bytes } = packed;
  const count = ints[0];
  const documents: (ScannedDocument | undefined)[] = [];
  let at = 1 + count * HEADER;
  let byteAt = 0;
  for (let k = 0; k < count; k++) {
    const h = 1 + k * HEADER;
    const dataLength = ints[h + H_DATA];
    if (dataLength < 0) {
      documents.push(undefined);
      continue;
    }
    const data = ints.subarray(at, at + dataLength);
    at += dataLength;
    const excerptMeta = ints.subarray(at, at + ints[h + H_META]);
    at += ints[h + H_META];
    const excerpts = bytes.subarray(byteAt, byteAt + ints[h + H_BYTES]);
    byteAt += ints[h + H_BYTES];
    documents.push({ data, excerptMeta, excerpts, wide: undefined, capped: ints[h + H_CAPPED] === 1 });
  }
  for (const [k, offset, n] of packed.wide) {
    const d = documents[k];
    if (d) {
      const wide = new Map(d.wide ?? []);
      wide.set(offset, n);
      documents[k] = { ...d, wide };
    }
  }
  for (const [k, offset, written] of packed.digits) {
    const d = documents[k];
    if (d) {
      const digits = new Map(d.digits ?? []);
      digits.set(offset, written);
      documents[k] = { ...d, digits };
    }
  }
  return documents;
}
