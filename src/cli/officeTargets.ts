import { extractionNote, officeKindOf, type ExtractedText } from '../core/office/extractedText';
import { OfficeReader } from '../node/officeReader';

/** Documents read at once: the extraction runs in one thread; this overlaps its reads. */
const CONCURRENCY = 4;

/** A file of the command line, as far as reading it goes. */
interface OfficeTarget {
  readonly path: string;
  readonly maxFileSize: number;
}

/** Whether a target is a Word, LibreOffice or PDF document, read by its text. */
export function isOfficeTarget(target: OfficeTarget): boolean {
  return officeKindOf(target.path) !== undefined;
}

/**
 * The extracted text of each Word, LibreOffice and PDF document among `targets`, read by the
 * extension's own reader (`OfficeReader`: the same thread and core extractors as the editor's).
 * A document skipped or cut short is one line on stderr naming it and saying why.
 */
export async function readOfficeTargets<T extends OfficeTarget>(targets: readonly T[], shown: (file: string) => string): Promise<Map<T, ExtractedText>> {
  const out = new Map<T, ExtractedText>();
  if (targets.length === 0) {
    return out;
  }
  const reader = new OfficeReader();
  let next = 0;
  try {
    const worker = async (): Promise<void> => {
      while (next < targets.length) {
        const t = targets[next++];
        const result = await reader.readFile(t.path, t.maxFileSize);
        const note = extractionNote(shown(t.path), result);
        if (note) {
          process.stderr.write(`${note}\n`);
        }
        if (result.ok) {
          out.set(t, result.extracted);
        }
      }
    };
    await Promise.all(Array.from({ length: Math.min(CONCURRENCY, targets.length) }, worker));
  } finally {
    reader.dispose();
  }
  return out;
}
