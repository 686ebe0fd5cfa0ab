import * as vscode from 'vscode';
import type { ExtensionDeps } from '../deps';
import { CoveragePanel } from './coveragePanel';
import type { Catalogue } from '../core/catalogue';
import { coverageHeading } from './coverageHeading';
import { exportCoverages, pickCoverageFormat } from './exportCoverage';

/** A catalogue prefix given as a command argument (`'FRA'`), or undefined. */
function prefixArgument(arg: unknown): string | undefined {
  return typeof arg === 'string' && /^[A-Za-z][A-Za-z0-9]{1,11}$/.test(arg) ? arg : undefined;
}

/** Asks which catalogue a CSV export is for, when several are in use. */
async function pickCatalogue(catalogues: readonly Catalogue[]): Promise<Catalogue | undefined> {
  const chosen = await vscode.window.showQuickPick(
    catalogues.map((catalogue) => ({ label: catalogue.prefix, description: catalogue.title, catalogue })),
    { title: vscode.l10n.t('Export Coverage'), placeHolder: vscode.l10n.t('Catalogue whose coverage to export as CSV') },
  );
  return chosen?.catalogue;
}

/**
 * The coverage report (`egn.openCoverage` for the workspace, `egn.openDocumentCoverage` for the
 * active document), its restoration after a reload, and `egn.exportCoverage`.
 */
export function registerCoverageReport(context: vscode.ExtensionContext, deps: ExtensionDeps): vscode.Disposable {
  const report = new CoveragePanel(context.extensionUri, deps);
  return vscode.Disposable.from(
    report,
    vscode.commands.registerCommand('egn.openCoverage', (arg?: unknown) => {
      const catalogue = prefixArgument(arg);
      return report.show(catalogue ? { scope: 'workspace', catalogue } : { scope: 'workspace' });
    }),
    vscode.commands.registerCommand('egn.openDocumentCoverage', async (arg?: unknown) => {
      const uri = arg instanceof vscode.Uri ? arg : vscode.window.activeTextEditor?.document.uri;
      if (!uri) {
        void vscode.window.showInformationMessage(vscode.l10n.t('Open a document to see which proposals it cites.'));
        return;
      }
      await report.show({ scope: 'document', uri: uri.toString() });
    }),
    // Markdown: one section per catalogue in use. CSV is one table: of the catalogue named by the
    // second argument (`'csv', 'FRA'`), else the EGN when the format was given, else picked.
    vscode.commands.registerCommand('egn.exportCoverage', async (arg?: unknown, catalogueArg?: unknown) => {
      const given = arg === 'markdown' || arg === 'csv' ? arg : undefined;
      const format = given ?? (await pickCoverageFormat());
      if (!format || !(await deps.citations.ready())) {
        return;
      }
      const all = deps.citations.indexedCatalogues();
      const named = prefixArgument(catalogueArg);
      let chosen: readonly Catalogue[] = named ? all.filter((c) => c.prefix.toUpperCase() === named.toUpperCase()) : all;
      if (format === 'csv' && !named && chosen.length > 1) {
        const one = given ? chosen[0] : await pickCatalogue(chosen);
        if (!one) {
          return;
        }
        chosen = [one];
      }
      if (chosen.length === 0) {
        void vscode.window.showWarningMessage(vscode.l10n.t('No catalogue in use has the prefix {0}.', String(named)));
        return;
      }
      // Each one is a catalogue the index covers: its coverage is known.
      const sections = chosen.flatMap((catalogue) => {
        const coverage = deps.citations.coverageOf(catalogue.prefix);
        return coverage ? [{ coverage, heading: coverageHeading(catalogue, catalogue === all[0]) }] : [];
      });
      await exportCoverages(sections, format);
    }),
    report.registerSerializer(),
  );
}
