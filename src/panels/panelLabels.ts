import * as vscode from 'vscode';
import type { ContextDate } from '../core/catalogue';
import { formatContextDate } from '../core/contextDateFormat';
import type { OverviewPageLabels } from './overviewPage';
import type { ProposalPageLabels } from './proposalPage';

/** The proposal page's words in the display language. */
export function proposalPageLabels(): ProposalPageLabels {
  return {
    actions: vscode.l10n.t('Actions'),
    insert: vscode.l10n.t('Insert Reference'),
    copy: vscode.l10n.t('Copy Reference'),
    reveal: vscode.l10n.t('Reveal in Catalogue'),
    overview: vscode.l10n.t('Overview of the EGN'),
    path: vscode.l10n.t('Theme:'),
    tags: vscode.l10n.t('Tags:'),
    sameGroup: (group) => vscode.l10n.t('Also in “{0}”', group),
    sharingTag: (tags) => vscode.l10n.t('Sharing a tag: {0}', tags),
    pager: vscode.l10n.t('Previous and next proposals'),
    previous: vscode.l10n.t('Previous'),
    next: vscode.l10n.t('Next'),
    cited: (count) => count === 0 ? vscode.l10n.t('Cited in this workspace') : vscode.l10n.t('Cited in this workspace ({0})', count),
    notCited: vscode.l10n.t('This proposal is not cited in this workspace.'),
    indexNotBuilt: vscode.l10n.t('The citations of this workspace have not been indexed yet.'),
    buildIndex: vscode.l10n.t('Find Citations in Workspace'),
    line: (line) => vscode.l10n.t('line {0}', line),
    catalogue: vscode.l10n.t('Catalogue:'),
    openUrl: vscode.l10n.t('Open Web Page'),
    openUrlTitle: (url) => vscode.l10n.t('Opens {0} in the browser', url),
    showAll: (count) => vscode.l10n.t('Show all {0} citations', count),
    shownOf: (shown, total) => vscode.l10n.t('The first {0} of {1} citations.', shown, total),
  };
}

/** `2020-11-04` or `2020-06` (and an end) written in the display language, e.g. "du 4 au 5 novembre 2020". */
function formatDate(d: ContextDate): string {
  return formatContextDate(d, vscode.env.language, vscode.l10n.t('{0} to {1}'));
}

/** The overview's words in the display language. */
export function overviewPageLabels(): OverviewPageLabels {
  return {
    datesAndPlace: vscode.l10n.t('Dates and place'),
    place: (place) => vscode.l10n.t('Place: {0}', place),
    phases: vscode.l10n.t('Phases of the consultation'),
    thematiques: vscode.l10n.t('The five themes'),
    thematique: vscode.l10n.t('Theme of the consultation'),
    theme: vscode.l10n.t('Group of proposals'),
    proposals: vscode.l10n.t('Proposals'),
    revealTheme: (theme) => vscode.l10n.t('Reveal “{0}” in the catalogue', theme),
    commonProposals: (count) => vscode.l10n.t('{0} proposals common to several themes', count),
    participativeSpaces: vscode.l10n.t('Participative spaces'),
    crisis: vscode.l10n.t('Context of the health crisis'),
    territorial: vscode.l10n.t('Territorial EGN'),
    updated: (when) => vscode.l10n.t('Last updated: {0}', when),
    date: formatDate,
  };
}
