import { Unzip, UnzipInflate, UnzipPassThrough } from 'fflate';
import { ExtractionRefused, type ExtractionLimits } from './extractedText';

/** Input handed to the unzipper at a time: one chunk inflates to at most ~1,000× its size (8 MB), before the count can stop it. */
const CHUNK = 8 * 1024;

const OLE_SIGNATURE = [0xd0, 0xcf, 0x11, 0xe0];

/**
 * Refuses bytes that are not a zip archive, naming what they are when it is known: a
 * password-protected Word or LibreOffice file is an OLE compound file, not a zip.
 */
export function checkZipSignature(bytes: Uint8Array): void {
  if (OLE_SIGNATURE.every((b, i) => bytes[i] === b)) {
    throw new ExtractionRefused('an OLE compound file, not a zip: a password-protected (encrypted) or legacy binary document');
  }
  if (!(bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04)) {
    throw new ExtractionRefused('not a zip archive');
  }
}

/**
 * The inflated bytes of the entries of a zip archive that `wanted` names, read with fflate's
 * streaming unzip (small, no dependency, runs in Node and in a web worker alike; it reads local
 * headers in order and never allocates from a declared size). Every inflated byte is counted as it
 * comes: an entry past `maxEntryBytes`, an archive past `maxArchiveBytes` or `maxEntries` is
 * refused whatever its headers declare. Entries not wanted are never inflated.
 */
export function readZipEntries(bytes: Uint8Array, wanted: (name: string) => boolean, limits: ExtractionLimits): Map<string, Uint8Array> {
  checkZipSignature(bytes);
  const done = new Map<string, Uint8Array>();
  const started = new Set<string>();
  let entries = 0;
  let total = 0;
  let refusal: string | undefined;
  const unzip = new Unzip((file) => {
    if (refusal !== undefined) {
      return;
    }
    if (++entries > limits.maxEntries) {
      refusal = `more than ${limits.maxEntries.toLocaleString('en')} entries in the archive`;
      return;
    }
    if (!wanted(file.name) || started.has(file.name)) {
      return;
    }
    started.add(file.name);
    const chunks: Uint8Array[] = [];
    let size = 0;
    file.ondata = (err, chunk, final) => {
      if (refusal !== undefined) {
        return;
      }
      if (err) {
        refusal = `${file.name} cannot be inflated (${err.message})`;
        return;
      }
      size += chunk.length;
      total += chunk.length;
      if (size > limits.maxEntryBytes) {
        refusal = `${file.name} inflates past ${mb(limits.maxEntryBytes)} (a zip bomb or not a real document)`;
        file.terminate();
        return;
      }
      if (total > limits.maxArchiveBytes) {
        refusal = `the archive inflates past ${mb(limits.maxArchiveBytes)}`;
        file.terminate();
        return;
      }
      chunks.push(chunk);
      if (final) {
        done.set(file.name, concat(chunks, size));
      }
    };
    file.start();
  });
  unzip.register(UnzipInflate);
  unzip.register(UnzipPassThrough);
  try {
    for (let at = 0; at < bytes.length && refusal === undefined; at += CHUNK) {
      const end = Math.min(bytes.length, at + CHUNK);
      unzip.push(bytes.subarray(at, end), end === bytes.length);
    }
  } catch (e) {
    refusal ??= `a damaged zip archive (${e instanceof Error ? e.message : String(e)})`;
  }
  if (refusal !== undefined) {
    throw new ExtractionRefused(refusal);
  }
  for (const name of started) {
    if (!done.has(name)) {
      throw new ExtractionRefused(`a truncated zip archive (${name} ends early)`);
    }
  }
  return done;
}

function concat(chunks: readonly Uint8Array[], size: number): Uint8Array {
  if (chunks.length === 1) {
    return chunks[0];
  }
  const out = new Uint8Array(size);
  let at = 0;
  for (const c of chunks) {
    out.set(c, at);
    at += c.length;
  }
  return out;
}

function mb(bytes: number): string {
  return `${Math.round(bytes / (1024 * 1024))} MB`;
}
