import * as vscode from 'vscode';
import type { CatalogueSet } from '../core/catalogueSet';
import type { WorkspaceCatalogues } from './workspaceCatalogues';

/** File name the "new catalogue" command proposes (it matches the default `egn.catalogues.include`). */
const STARTER_NAME = 'feuille-de-route.catalogue.yaml';

/**
 * The starter file of `egn.newCatalogue`: a commented catalogue of one group and one action that
 * loads as is. No `$schema` line: a path into the extension's install folder is wrong on any other
 * machine and after every update; the YAML extension finds the schema through the manifest's
 * `yamlValidation` (`*.catalogue.yaml`), whatever the machine. The comments follow the display
 * language; the example data is French, as a writer's catalogue is.
 */
export function starterCatalogueText(prefix: string): string {
  return [
    `# ${vscode.l10n.t('Checked against the catalogue schema by its name (*.catalogue.yaml) when the YAML extension is installed.')}`,
    `# ${vscode.l10n.t('A catalogue of your own, beside the EGN: its proposals are cited as PREFIX-number (here {0}-1).', prefix)}`,
    `# ${vscode.l10n.t('Required: id, prefix (2 to 12 letters or digits, unique), title and groups. Optional: description, source, version.')}`,
    `# ${vscode.l10n.t('Each group holds proposals (or subthemes holding proposals); numbers run from 1 without gaps.')}`,
    `# ${vscode.l10n.t('Saving the file updates the catalogue at once; errors appear in the Problems panel.')}`,
    'id: feuille-de-route',
    `prefix: ${prefix}`,
    'title: "Feuille de route du numérique éducatif"',
    'version: "1"',
    'groups:',
    '  - id: axe-1',
    '    title: "Premier axe"',
    '    proposals:',
    '      - number: 1',
    '        title: "Première action"',
    `        # ${vscode.l10n.t('Optional: tags, url (http or https) and description.')}`,
    '',
  ].join('\n');
}

/**
 * The prefix the starter proposes: `FRA` (feuille de route académique), or `FRA2`… when a catalogue
 * in use has it already, since a second catalogue with a taken prefix would not load.
 */
export function freePrefix(set: CatalogueSet): string {
  for (let n = 1; ; n++) {
    const prefix = n === 1 ? 'FRA' : `FRA${n}`;
    if (!set.byPrefix(prefix)) {
      return prefix;
    }
  }
}

/**
 * `egn.newCatalogue` (writes the starter at a path the user picks, or at the URI given, and opens it)
 * and `egn.reloadCatalogues`.
 */
export function registerCatalogueCommands(catalogues: WorkspaceCatalogues): vscode.Disposable {
  return vscode.Disposable.from(
    vscode.commands.registerCommand('egn.newCatalogue', async (target?: unknown) => {
      const folder = vscode.workspace.workspaceFolders?.[0];
      const uri = target instanceof vscode.Uri ? target : await vscode.window.showSaveDialog({
        defaultUri: folder ? vscode.Uri.joinPath(folder.uri, STARTER_NAME) : undefined,
        filters: { [vscode.l10n.t('Catalogue (YAML)')]: ['yaml', 'yml'] },
        saveLabel: vscode.l10n.t('Create Catalogue'),
        title: vscode.l10n.t('New Catalogue'),
      });
      if (!uri) {
        return undefined;
      }
      try {
        await vscode.workspace.fs.stat(uri);
        const overwrite = vscode.l10n.t('Overwrite');
        // The save dialog asks before replacing a file; a URI given by a caller does not.
        if (target instanceof vscode.Uri && (await vscode.window.showWarningMessage(vscode.l10n.t('{0} exists. Overwrite it?', uri.path.split('/').pop() ?? ''), { modal: true }, overwrite)) !== overwrite) {
          return undefined;
        }
      } catch {
        // No file there: the usual case.
      }
      await vscode.workspace.fs.writeFile(uri, new TextEncoder().encode(starterCatalogueText(freePrefix(catalogues.current))));
      const editor = await vscode.window.showTextDocument(uri);
      if (!/\.catalogue\.(ya?ml|json)$/.test(uri.path)) {
        void vscode.window.showInformationMessage(vscode.l10n.t('The catalogue is loaded only if its path matches the setting egn.catalogues.include (by default, names ending in .catalogue.yaml).'));
      }
      return editor;
    }),
    vscode.commands.registerCommand('egn.reloadCatalogues', async () => {
      await catalogues.reload(true);
      const set = catalogues.current;
      const problems = catalogues.problems.length;
      const message = vscode.l10n.t('Catalogues in use: {0}.', set.catalogues.map((c) => c.catalogue.prefix).join(', '));
      void vscode.window.showInformationMessage(problems === 0 ? message : `${message} ${vscode.l10n.t('{0} catalogue files have errors: see the Problems panel.', problems)}`);
      return set.catalogues.map((c) => c.catalogue.prefix);
    }),
  );
}
