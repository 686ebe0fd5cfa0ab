import * as vscode from 'vscode';
import { Disposable } from '../core/dispose';
import type { IndexUpdater } from './indexUpdater';

/** An open document is rescanned after this pause in typing. */
const TYPING_DEBOUNCE_MS = 150;

/**
 * Follows the open documents into the index: an unsaved document counts with its text, rescanned
 * after a pause in typing; opened or closed, a document is its file again.
 */
export class OpenDocumentFollower extends Disposable {
  private readonly typingTimers = new Map<string, ReturnType<typeof setTimeout>>();

  /**
   * @param whenBuilt Runs an action now if the index is built, or queues the URI for after the build.
   * @param generation The current build's number (a read started under another is dropped).
   */
  constructor(
    private readonly updater: IndexUpdater,
    whenBuilt: (uri: vscode.Uri, action: () => void) => void,
    generation: () => number,
  ) {
    super();
    this.register({
      dispose: () => {
        for (const t of this.typingTimers.values()) {
          clearTimeout(t);
        }
      },
    });
    // An opened document is its file's text until edited; `refresh` decides as for any event.
    this.register(vscode.workspace.onDidOpenTextDocument((d) => whenBuilt(d.uri, () => void updater.refresh(d.uri, false))));
    this.register(vscode.workspace.onDidChangeTextDocument((e) => whenBuilt(e.document.uri, () => this.scheduleTyping(e.document))));
    this.register(vscode.workspace.onDidCloseTextDocument((d) => whenBuilt(d.uri, () => void updater.refreshFromDisk(d.uri, generation()))));
  }

  private scheduleTyping(document: vscode.TextDocument): void {
    const key = document.uri.toString();
    const previous = this.typingTimers.get(key);
    if (previous) {
      clearTimeout(previous);
    }
    this.typingTimers.set(key, setTimeout(() => {
      this.typingTimers.delete(key);
      // Back to its saved state (undo, save), a document is its file again, which may be gone.
      if (!document.isClosed && document.isDirty) {
        this.updater.refreshFromDocument(document);
      } else {
        void this.updater.refresh(document.uri, false);
      }
    }, TYPING_DEBOUNCE_MS));
  }
}
