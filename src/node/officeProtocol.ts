import type { ExtractionResult } from '../core/office/extractedText';

/** A document for the office thread: a path it reads itself, or bytes already read. */
export interface OfficeRequest {
  readonly id: number;
  /** The file's name (its extension says its kind). */
  readonly name: string;
  readonly path?: string;
  readonly bytes?: Uint8Array;
  readonly maxFileSize: number;
}

/** The thread's answer. */
export interface OfficeResponse {
  readonly id: number;
  readonly result: ExtractionResult;
  /** The file was over `maxFileSize`: skipped as too large, not as unreadable. */
  readonly tooLarge?: boolean;
}
