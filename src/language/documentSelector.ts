import * as vscode from 'vscode';
import { Disposable } from '../core/dispose';
import { isEgnDocument, languagesFromSetting } from '../core/egnLanguages';

/** The value of `egn.languages`, or the defaults (the decision is `languagesFromSetting`'s). */
function readEgnLanguages(): readonly string[] {
  return languagesFromSetting(vscode.workspace.getConfiguration('egn').get('languages'));
}

/**
 * The one DocumentSelector of writing support, built from the setting `egn.languages`. When the
 * setting changes, every provider registered through `registerProviders` is registered again with the new
 * selector (no reload), and the context key `egn.activeLanguage` (keybinding, editor menu) follows
 * the active editor.
 */
export class WritingLanguages extends Disposable {
  private languages: readonly string[] = readEgnLanguages();
  private readonly changed = this.register(new vscode.EventEmitter<void>());
  /** Fires after `egn.languages` changed and the providers were registered again. */
  readonly onDidChange = this.changed.event;

  constructor() {
    super();
    this.register(vscode.workspace.onDidChangeConfiguration((e) => {
      if (e.affectsConfiguration('egn.languages')) {
        this.languages = readEgnLanguages();
        this.updateContextKey();
        this.changed.fire();
      }
    }));
    this.register(vscode.window.onDidChangeActiveTextEditor(() => this.updateContextKey()));
    // A document whose language mode changes is closed and reopened under the new language.
    this.register(vscode.workspace.onDidOpenTextDocument(() => this.updateContextKey()));
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
  registerProviders(registerWith: (selector: vscode.DocumentSelector) => vscode.Disposable): vscode.Disposable {
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
}
