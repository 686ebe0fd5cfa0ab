import * as vscode from 'vscode';
import type { Catalogue } from '../core/catalogue';
import type { Citation } from '../core/citationIndex';
import type { ReferenceScanner } from '../core/referenceScanner';
import type { CitationSource } from './citationSource';

/** Placeholder until the workspace index lands: an index that is never built. */
export class WorkspaceCitations implements CitationSource {
  private readonly changed = new vscode.EventEmitter<void>();
  readonly onDidChange = this.changed.event;
  readonly isReady = false;
  constructor(_catalogue: Catalogue, _scanner: ReferenceScanner, _output: vscode.LogOutputChannel) {}
  ready(): Promise<boolean> { return Promise.resolve(false); }
  citationsOf(_number: number): readonly Citation[] { return []; }
  counts(): ReadonlyMap<number, number> { return new Map(); }
  dispose(): void { this.changed.dispose(); }
}
