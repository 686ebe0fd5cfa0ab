import * as vscode from 'vscode';
import type { ExtensionDeps } from '../deps';
import { COVERAGE_VIEW_TYPE, CoveragePanel } from './coveragePanel';
import { parseCoveragePanelState } from './coverageProtocol';
import { exportCoverage, pickCoverageFormat } from './exportCoverage';

/**
 * The coverage report (`egn.openCoverage` for the workspace, `egn.openDocumentCoverage` for the
 * active document), its restoration after a reload, and `egn.exportCoverage`.
 */
export function registerCoverageReport(context: vscode.ExtensionContext, deps: ExtensionDeps): vscode.Disposable {
  const report = new CoveragePanel(context.extensionUri, deps);
  return vscode.Disposable.from(
    report,
    vscode.commands.registerCommand('egn.openCoverage', () => report.show({ scope: 'workspace' })),
    vscode.commands.registerCommand('egn.openDocumentCoverage', async (arg?: unknown) => {
      const uri = arg instanceof vscode.Uri ? arg : vscode.window.activeTextEditor?.document.uri;
      if (!uri) {
        void vscode.window.showInformationMessage(vscode.l10n.t('Open a document to see which proposals it cites.'));
        return;
      }
      await report.show({ scope: 'document', uri: uri.toString() });
    }),
    vscode.commands.registerCommand('egn.exportCoverage', async (arg?: unknown) => {
      const format = arg === 'markdown' || arg === 'csv' ? arg : await pickCoverageFormat();
      if (!format || !(await deps.citations.ready())) {
        return;
      }
      await exportCoverage(deps.citations.coverage(), format);
    }),
    vscode.window.registerWebviewPanelSerializer(COVERAGE_VIEW_TYPE, {
      deserializeWebviewPanel: async (panel: vscode.WebviewPanel, state: unknown) => {
        await report.restore(panel, parseCoveragePanelState(state) ?? { scope: 'workspace' });
      },
    }),
  );
}
