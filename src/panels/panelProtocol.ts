/**
 * The messages between the proposal and overview webviews and the extension: one typed union per
 * direction. What a webview sends is untrusted: it goes through the parse functions, and anything
 * they do not recognize is ignored.
 */

/** From a proposal panel to the extension. The panel's own proposal is implied; others go by number, checked against the catalogue. */
export type ProposalMessage =
  | { readonly type: 'insert' }
  | { readonly type: 'copy' }
  | { readonly type: 'reveal' }
  | { readonly type: 'openOverview' }
  | { readonly type: 'openProposal'; readonly number: number }
  /** Open the citation at this index of the list the page was given (never a raw URI). */
  | { readonly type: 'openCitation'; readonly index: number }
  | { readonly type: 'buildIndex' }
  /** Open the proposal's own `url` (never one the page names), after its scheme is checked. */
  | { readonly type: 'openUrl' }
  /** Every citation, in the references view (the page lists a first page of them). */
  | { readonly type: 'showAllCitations' };

/**
 * From the extension to a proposal panel: the new "cited in this workspace" section, or the whole page
 * of another proposal (a preview panel reused), its HTML already escaped, with the state to save and
 * the document title.
 */
export type ProposalUpdate =
  | { readonly type: 'citations'; readonly html: string }
  | { readonly type: 'show'; readonly html: string; readonly state: ProposalPanelState; readonly title: string };

/** From the overview to the extension. The theme id is checked against the catalogue. */
export type OverviewMessage =
  | { readonly type: 'revealTheme'; readonly themeId: string };

/** What a proposal panel saves so that it survives a reload. */
export interface ProposalPanelState {
  readonly id: string;
}

function isIndex(v: unknown): v is number {
  return typeof v === 'number' && Number.isInteger(v) && v >= 0;
}

function record(raw: unknown): Record<string, unknown> | undefined {
  return typeof raw === 'object' && raw !== null && !Array.isArray(raw) ? (raw as Record<string, unknown>) : undefined;
}

/** The message if `raw` is a well-formed `ProposalMessage`, else undefined. */
export function parseProposalMessage(raw: unknown): ProposalMessage | undefined {
  const m = record(raw);
  switch (m?.type) {
    case 'insert':
    case 'copy':
    case 'reveal':
    case 'openOverview':
    case 'buildIndex':
    case 'openUrl':
    case 'showAllCitations':
      return { type: m.type };
    case 'openProposal':
      return isIndex(m.number) ? { type: 'openProposal', number: m.number } : undefined;
    case 'openCitation':
      return isIndex(m.index) ? { type: 'openCitation', index: m.index } : undefined;
    default:
      return undefined;
  }
}

/** The message if `raw` is a well-formed `OverviewMessage`, else undefined. */
export function parseOverviewMessage(raw: unknown): OverviewMessage | undefined {
  const m = record(raw);
  if (m?.type === 'revealTheme' && typeof m.themeId === 'string' && m.themeId.length > 0 && m.themeId.length < 200) {
    return { type: 'revealTheme', themeId: m.themeId };
  }
  return undefined;
}

/** The state if `raw` is a well-formed `ProposalPanelState`, else undefined. */
export function parseProposalPanelState(raw: unknown): ProposalPanelState | undefined {
  const s = record(raw);
  return typeof s?.id === 'string' && s.id.length > 0 && s.id.length < 100 ? { id: s.id } : undefined;
}
