import * as vscode from 'vscode';
import type { FileFilter } from '../core/globMatcher';
import { extractionNote, type ExtractedText, type ExtractionResult } from '../core/office/extractedText';
import type { OfficeTextReader } from '../core/office/readOfficeDocument';
import type { TextLayout } from '../core/textLayout';
import { extractedTextUri, isOfficeFile, originalOfExtracted } from './extractedTextUri';

/** Documents read at once: the extraction itself runs in one thread; this hides the reads' latency. */
const CONCURRENCY = 4;
/** The glob of the documents read by their text. */
export const OFFICE_GLOB = '**/*.{docx,odt,pdf,DOCX,ODT,PDF}';

/** Where the documents' text goes: the citation index (the text view's URI as the key). */
export interface OfficeIndexSink {
  set(uri: string, text: string, layout: TextLayout): void;
  delete(uri: string): void;
  documents(): readonly string[];
}

/** A folder's documents to read: its filter (include, excludes, size) and `egn.index.exclude`. */
export interface OfficeFolder {
  readonly folder: vscode.WorkspaceFolder;
  readonly filter: FileFilter;
  readonly exclude: string;
  readonly maxFileSize: number;
}

/**
 * The Word, LibreOffice and PDF documents of the workspace in the citation index: listed apart
 * from text files (ripgrep cannot read them), read through the host's `OfficeTextReader` (a thread
 * in the Node host), indexed under their text view's URI. Every document skipped or cut short is
 * one line in the EGN log. Owned by `WorkspaceCitations`, which calls it on builds and file events.
 */
export class OfficeDocuments {
  constructor(
    private readonly reader: OfficeTextReader,
    private readonly output: vscode.LogOutputChannel,
  ) {}

  /** Whether `uri` is for this class to handle (a document, or a text view). */
  owns(uri: vscode.Uri): boolean {
    return isOfficeFile(uri) || originalOfExtracted(uri) !== undefined;
  }

  /** Reads a folder's documents into `sink`; the number indexed and skipped, for the log. */
  async buildFolder(f: OfficeFolder, sink: OfficeIndexSink, stopped: () => boolean): Promise<{ indexed: number; skipped: number }> {
    const exclude = f.exclude ? new vscode.RelativePattern(f.folder, f.exclude) : null;
    const found = await vscode.workspace.findFiles(new vscode.RelativePattern(f.folder, OFFICE_GLOB), exclude);
    const files = found.filter((uri) => f.filter.accepts(relativePath(f.folder, uri)));
    let next = 0;
    let indexed = 0;
    let skipped = 0;
    const worker = async (): Promise<void> => {
      while (next < files.length && !stopped()) {
        const uri = files[next++];
        const extracted = await this.extract(uri, f.maxFileSize);
        if (stopped()) {
          return;
        }
        if (extracted) {
          sink.set(extractedTextUri(uri).toString(), extracted.text, extracted.layout);
          indexed++;
        } else {
          sink.delete(extractedTextUri(uri).toString());
          skipped++;
        }
      }
    };
    await Promise.all(Array.from({ length: Math.min(CONCURRENCY, files.length) }, worker));
    return { indexed, skipped };
  }

  /**
   * Brings one document (or the documents under a folder that is gone) up to date with the disk.
   * `f` is the document's folder filter when it is in the index's scope.
   */
  async refresh(uri: vscode.Uri, f: OfficeFolder | undefined, sink: OfficeIndexSink): Promise<void> {
    const original = originalOfExtracted(uri) ?? uri;
    const key = extractedTextUri(original).toString();
    let isFile: boolean;
    try {
      isFile = ((await vscode.workspace.fs.stat(original)).type & vscode.FileType.File) !== 0;
    } catch {
      isFile = false;
    }
    if (!isFile || !f) {
      sink.delete(key);
      return;
    }
    const extracted = await this.extract(original, f.maxFileSize);
    if (extracted) {
      sink.set(key, extracted.text, extracted.layout);
    } else {
      sink.delete(key);
    }
  }

  /** Forgets the documents at or under `uri` (a file or folder gone, or renamed away); how many. */
  forget(uri: vscode.Uri, sink: OfficeIndexSink): number {
    const prefix = uri.toString();
    let forgotten = 0;
    for (const d of sink.documents()) {
      const original = originalOfExtracted(vscode.Uri.parse(d))?.toString();
      if (original !== undefined && (original === prefix || original.startsWith(`${prefix}/`))) {
        sink.delete(d);
        forgotten++;
      }
    }
    return forgotten;
  }

  /**
   * The extracted text of a document, or undefined with one line in the log when it is skipped
   * (too large, hostile, damaged); a document cut at a cap is kept and noted.
   */
  async extract(uri: vscode.Uri, maxFileSize: number): Promise<ExtractedText | undefined> {
    const shown = vscode.workspace.asRelativePath(uri, (vscode.workspace.workspaceFolders?.length ?? 0) > 1);
    let result: ExtractionResult;
    try {
      if (uri.scheme === 'file' && this.reader.readFile) {
        result = await this.reader.readFile(uri.fsPath, maxFileSize);
      } else {
        const stat = await vscode.workspace.fs.stat(uri);
        result = stat.size > maxFileSize
          ? { ok: false, reason: `larger than egn.index.maxFileSize (${maxFileSize.toLocaleString('en')} bytes)` }
          : await this.reader.readBytes(uri.path.slice(uri.path.lastIndexOf('/') + 1), await vscode.workspace.fs.readFile(uri));
      }
    } catch (e) {
      result = { ok: false, reason: `cannot be read (${e instanceof Error ? e.message : String(e)})` };
    }
    const note = extractionNote(shown, result);
    if (note) {
      this.output.warn(note);
    }
    return result.ok ? result.extracted : undefined;
  }

  dispose(): void {
    this.reader.dispose?.();
  }
}

function relativePath(folder: vscode.WorkspaceFolder, uri: vscode.Uri): string {
  const base = folder.uri.path.endsWith('/') ? folder.uri.path : `${folder.uri.path}/`;
  return uri.path.startsWith(base) ? uri.path.slice(base.length) : uri.path.replace(/^\/+/, '');
}
