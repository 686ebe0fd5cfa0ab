import * as vscode from 'vscode';
import type { ExtensionDeps } from '../deps';
import { BUNDLED_SOURCE, CatalogueSet } from '../core/catalogueSet';
import { filterPandocDocument, type PandocDocument } from '../core/pandocFilter';
import { PandocError, type PandocRunner } from './pandocRunner';

/** Where pandoc's installation is explained. */
const PANDOC_INSTALL_URL = 'https://pandoc.org/installing.html';

/** pandoc's reader for a VS Code language (anything else is read as Markdown, pandoc's own default). */
const PANDOC_READERS: Readonly<Record<string, string>> = { markdown: 'markdown', latex: 'latex', restructuredtext: 'rst', asciidoc: 'markdown', plaintext: 'markdown' };

/** The output formats offered, by extension (pandoc picks its writer from the name). */
const OUTPUTS: readonly string[] = ['docx', 'odt', 'html', 'pdf'];

/** The file to write: the command's argument (a URI or a path, as tests and keybindings pass it), else asked. */
async function outputUri(arg: unknown, source: vscode.Uri): Promise<vscode.Uri | undefined> {
  if (arg instanceof vscode.Uri) {
    return arg;
  }
  if (typeof arg === 'string' && arg.length > 0) {
    return vscode.Uri.file(arg);
  }
  const defaultUri = source.scheme === 'file' ? vscode.Uri.file(source.fsPath.replace(/\.[^./\\]*$/, '') + '.docx') : undefined;
  return vscode.window.showSaveDialog({
    title: vscode.l10n.t('Export with Pandoc'),
    defaultUri,
    saveLabel: vscode.l10n.t('Export'),
    filters: { [vscode.l10n.t('Word document')]: ['docx'], [vscode.l10n.t('OpenDocument text')]: ['odt'], HTML: ['html'], PDF: ['pdf'] },
  });
}

/**
 * *EGN: Export with Pandoc…* (`egn.exportWithPandoc [output]`): the active document through pandoc into
 * a Word (or ODT, HTML, PDF) deliverable, its references rewritten by the same filter as `egn-pandoc`
 * (src/core/pandocFilter.ts) with the catalogues in use, workspace ones included. The editor's text is
 * exported, unsaved edits included. pandoc reads it into JSON, the filter runs here, pandoc writes the
 * file: no `node` needs to be on the PATH for pandoc to run a filter. Without a runner (the web worker),
 * or without pandoc, it says why and how to get it.
 */
export function registerPandocExport(_context: vscode.ExtensionContext, deps: ExtensionDeps, runner: PandocRunner | undefined): vscode.Disposable {
  return vscode.commands.registerCommand('egn.exportWithPandoc', async (arg?: unknown) => {
    if (!runner) {
      void vscode.window.showInformationMessage(vscode.l10n.t('Export with Pandoc is not available in the browser: it runs the pandoc program, which needs VS Code on a computer (desktop or remote). egn-pandoc does the same from a terminal.'));
      return;
    }
    const editor = vscode.window.activeTextEditor;
    if (!editor) {
      void vscode.window.showInformationMessage(vscode.l10n.t('Open the document to export (a Markdown plan, for instance), then run Export with Pandoc again.'));
      return;
    }
    const version = await runner.version();
    if (!version) {
      const open = vscode.l10n.t('How to Install pandoc');
      const choice = await vscode.window.showErrorMessage(vscode.l10n.t('pandoc was not found on the PATH. Install it (Debian or Ubuntu: sudo apt-get install pandoc; Windows: winget install pandoc; macOS: brew install pandoc), then restart VS Code.'), open);
      if (choice === open) {
        void vscode.env.openExternal(vscode.Uri.parse(PANDOC_INSTALL_URL));
      }
      return;
    }
    const document = editor.document;
    const target = await outputUri(arg, document.uri);
    if (!target) {
      return;
    }
    const extension = target.path.split('.').pop()?.toLowerCase() ?? '';
    if (!OUTPUTS.includes(extension)) {
      void vscode.window.showErrorMessage(vscode.l10n.t('Choose a file ending in .docx, .odt, .html or .pdf: pandoc writes the format its name says.'));
      return;
    }
    const cwd = document.uri.scheme === 'file' ? vscode.Uri.joinPath(document.uri, '..').fsPath : undefined;
    const reader = PANDOC_READERS[document.languageId] ?? 'markdown';
    try {
      const result = await vscode.window.withProgress({ location: vscode.ProgressLocation.Notification, title: vscode.l10n.t('Exporting with pandoc…') }, async () => {
        const json = JSON.parse(await runner.run(['-f', reader, '-t', 'json'], document.getText(), cwd)) as PandocDocument;
        const filtered = filterPandocDocument(json, deps.catalogues?.current ?? CatalogueSet.of([{ catalogue: deps.catalogue, source: BUNDLED_SOURCE }]));
        const args = ['-f', 'json', '-o', target.fsPath, ...(cwd ? ['--resource-path', cwd] : [])];
        await runner.run(args, JSON.stringify(filtered.document), cwd);
        return filtered;
      });
      deps.output.info(`Exported ${document.uri.toString()} to ${target.fsPath} with ${version}: ${result.references} references, ${result.cited.length} proposals cited${result.annex ? ', annex written' : ''}.`);
      const name = target.path.split('/').pop() ?? target.fsPath;
      void vscode.window.showInformationMessage(vscode.l10n.t('{0} written: {1} references, {2} proposals cited.', name, result.references, result.cited.length));
    } catch (e) {
      const message = e instanceof PandocError || e instanceof SyntaxError ? e.message : String(e);
      deps.output.error(`Export with pandoc failed: ${message}`);
      void vscode.window.showErrorMessage(vscode.l10n.t('pandoc could not export the document: {0}', message));
    }
  });
}
