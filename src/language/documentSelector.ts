import * as vscode from 'vscode';
import { isEgnDocument, languagesFromSetting } from '../core/egnLanguages';

/** The value of `egn.languages`, or the defaults (the decision is `languagesFromSetting`'s). */
function readEgnLanguages(): readonly string[] {
  return languagesFromSetting(vscode.workspace.getConfiguration('egn').get('languages'));
}

/**
 * The one DocumentSelector of writing support, built from the setting `egn.languages`. When the
 * setting changes, every provider registered through `register` is registered again with the new
 * selector (no reload), and the context key `egn.activeLanguage` (keybinding, editor menu) follows
 * the active editor.
 */
export class WritingLanguages implements vscode.Disposable {
  private languages: readonly string[] = readEgnLanguages();
  private readonly changed = new vscode.EventEmitter<void>();
  private readonly disposables: vscode.Disposable[] = [this.changed];
  /** Fires after `egn.languages` changed and the providers were registered again. */
  readonly onDidChange = this.changed.event;

  constructor() {
    this.disposables.push(
      vscode.workspace.onDidChangeConfiguration((e) => {
        if (e.affectsConfiguration('egn.languages')) {
          this.languages = readEgnLanguages();
          this.updateContextKey();
          this.changed.fire();
        }
      }),
      vscode.window.onDidChangeActiveTextEditor(() => this.updateContextKey()),
      // A document whose language mode changes is closed and reopened under the new language.
      vscode.workspace.onDidOpenTextDocument(() => this.updateContextKey()),
    );
    this.updateContextKey();
  }

  /** The current selector: one filter per language, any scheme (files, untitled, virtual workspaces). */
  get selector(): vscode.DocumentSelector {
    return this.languages.map((language) => ({ language }));
  }

  /** Whether writing support applies to `document` (its language is listed, and it is authored text). */
  includes(document: vscode.TextDocument): boolean {
    return isEgnDocument(this.languages, document.languageId, document.uri.scheme);
  }

  /**
   * Calls `registerWith(selector)` now and again after each change of the setting, disposing the
   * previous registration first.
   */
  register(registerWith: (selector: vscode.DocumentSelector) => vscode.Disposable): vscode.Disposable {
    let current = registerWith(this.selector);
    const listener = this.onDidChange(() => {
      current.dispose();
      current = registerWith(this.selector);
    });
    return new vscode.Disposable(() => {
      listener.dispose();
      current.dispose();
    });
  }

  private updateContextKey(): void {
    const doc = vscode.window.activeTextEditor?.document;
    void vscode.commands.executeCommand('setContext', 'egn.activeLanguage', doc !== undefined && this.includes(doc));
  }

  dispose(): void {
    for (const d of this.disposables) {
      d.dispose();
    }
  }
}
