import type { CoverageLabels } from '../core/coverageExport';

/**
 * The export's UI strings in English, as the command line prints them. They are the keys the
 * editor passes to `vscode.l10n.t` in src/coverage/coverageLabels.ts (its English text); a unit test
 * keeps the two equal, so that the command line's report is the editor's export.
 */
export const ENGLISH_COVERAGE_LABELS: CoverageLabels = Object.freeze({
  title: 'Coverage of the proposals of the EGN (2020)',
  summary: '{0} of the {1} proposals are cited ({2}%).',
  scopeWorkspace: 'Scope: the workspace ({0} documents cite proposals).',
  scopeDocuments: 'Scope: {0}.',
  themeSummary: '{0} of {1} proposals cited',
  proposal: 'Proposal',
  number: 'Number',
  proposalTitle: 'Title',
  theme: 'Theme',
  subtheme: 'Sub-theme',
  citations: 'Citations',
  cited: 'Cited',
  yes: 'yes',
  no: 'no',
  uncited: 'Proposals not cited',
  allCited: 'Every proposal is cited.',
  documents: 'Documents',
  document: 'Document',
  citedProposals: 'Proposals cited',
  unknownReferences: 'References to proposals that do not exist',
  unknownReference: '{0} in {1}, line {2}',
});
