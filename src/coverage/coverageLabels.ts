import * as vscode from 'vscode';
import type { CoverageLabels } from '../core/coverageExport';

/** The export's UI strings in the display language. */
export function coverageLabels(): CoverageLabels {
  return {
    title: vscode.l10n.t('Coverage of the proposals of the EGN (2020)'),
    summary: vscode.l10n.t('{0} of the {1} proposals are cited ({2}%).'),
    scopeWorkspace: vscode.l10n.t('Scope: the workspace ({0} documents cite proposals).'),
    scopeDocuments: vscode.l10n.t('Scope: {0}.'),
    themeSummary: vscode.l10n.t('{0} of {1} proposals cited'),
    proposal: vscode.l10n.t('Proposal'),
    number: vscode.l10n.t('Number'),
    proposalTitle: vscode.l10n.t('Title'),
    theme: vscode.l10n.t('Theme'),
    subtheme: vscode.l10n.t('Sub-theme'),
    citations: vscode.l10n.t('Citations'),
    cited: vscode.l10n.t('Cited'),
    yes: vscode.l10n.t('yes'),
    no: vscode.l10n.t('no'),
    uncited: vscode.l10n.t('Proposals not cited'),
    allCited: vscode.l10n.t('Every proposal is cited.'),
    documents: vscode.l10n.t('Documents'),
    document: vscode.l10n.t('Document'),
    citedProposals: vscode.l10n.t('Proposals cited'),
    unknownReferences: vscode.l10n.t('References to proposals that do not exist'),
    unknownReference: vscode.l10n.t('{0} in {1}, line {2}'),
  };
}
