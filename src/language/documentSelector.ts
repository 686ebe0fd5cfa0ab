import * as vscode from 'vscode';

/** Languages used when the setting is missing or not a list of strings. */
const DEFAULT_LANGUAGES: readonly string[] = ['markdown', 'plaintext', 'latex', 'restructuredtext', 'asciidoc'];

/** Schemes whose documents are views of something else (diffs, output): no diagnostics there. */
const NOT_AUTHORED_SCHEMES = new Set(['git', 'output', 'debug', 'vscode-scm', 'gitfs', 'merge-conflict.conflict-diff']);

function readLanguages(): readonly string[] {
  const value: unknown = vscode.workspace.getConfiguration('egn').get('languages');
  return Array.isArray(value) && value.every((l) => typeof l === 'string') ? value : DEFAULT_LANGUAGES;
}

/**
 * The one DocumentSelector of writing support, built from the setting `egn.languages`. When the
 * setting changes, every provider registered through `register` is registered again with the new
 * selector (no reload), and the context key `egn.activeLanguage` (keybinding, editor menu) follows
 * the active editor.
 */
export class WritingLanguages implements vscode.Disposable {
  private languages: readonly string[] = readLanguages();
  private readonly changed = new vscode.EventEmitter<void>();
  private readonly disposables: vscode.Disposable[] = [this.changed];
  /** Fires after `egn.languages` changed and the providers were registered again. */
  readonly onDidChange = this.changed.event;

  constructor() {
    this.disposables.push(
      vscode.workspace.onDidChangeConfiguration((e) => {
        if (e.affectsConfiguration('egn.languages')) {
          this.languages = readLanguages();
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
    return this.languages.includes(document.languageId) && !NOT_AUTHORED_SCHEMES.has(document.uri.scheme);
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
