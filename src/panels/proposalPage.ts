import type { Catalogue, Proposal } from '../core/catalogue';
import { escapeHtml } from '../core/html';

/** The localized words of a proposal page (built with `vscode.l10n.t` by the caller, so the page itself stays pure). */
export interface ProposalPageLabels {
  readonly actions: string;
  readonly insert: string;
  readonly copy: string;
  readonly reveal: string;
  readonly overview: string;
  readonly path: string;
  readonly tags: string;
  readonly sameGroup: (group: string) => string;
  readonly sharingTag: (tags: string) => string;
  readonly pager: string;
  readonly previous: string;
  readonly next: string;
  readonly cited: (count: number) => string;
  readonly notCited: string;
  readonly indexNotBuilt: string;
  readonly buildIndex: string;
  readonly line: (line: number) => string;
  readonly catalogue: string;
  readonly openUrl: string;
  readonly openUrlTitle: (url: string) => string;
  readonly showAll: (count: number) => string;
  readonly shownOf: (shown: number, total: number) => string;
}

/** What the page says about the catalogue of a proposal that is not the bundled EGN's. */
export interface ProposalPageExtras {
  /** The title of the proposal's catalogue, shown above its path; undefined for the EGN. */
  readonly catalogueTitle?: string;
  /** The overview exists for the EGN only. */
  readonly hasOverview: boolean;
  /** The proposal's `url`, already checked as http or https: a button asks the extension to open it. */
  readonly url?: string;
  /** False where the index does not count the catalogue's citations yet: no citations section. */
  readonly citationsKnown?: boolean;
}

/** How many citations the page lists (a first page), and how many there are. */
export interface CitationPage {
  readonly lines: readonly CitedLine[];
  readonly total: number;
}

/** One citation as the page lists it. */
export interface CitedLine {
  /** Workspace-relative path of the document. */
  readonly path: string;
  /** 1-based line. */
  readonly line: number;
  readonly preview: string;
}

function proposalButton(p: Proposal, rel?: 'prev' | 'next', label?: string): string {
  const prefix = label ? `<span class="muted">${escapeHtml(label)}</span> ` : '';
  return `<button type="button" class="link" data-action="openProposal" data-number="${p.number}"${rel ? ` data-rel="${rel}"` : ''}>${prefix}<span class="id">${escapeHtml(p.id)}</span> <span lang="fr">${escapeHtml(p.title)}</span></button>`;
}

function proposalList(proposals: readonly Proposal[]): string {
  return `<ul class="plain">${proposals.map((p) => `<li>${proposalButton(p)}</li>`).join('')}</ul>`;
}

/**
 * The "cited in this workspace" section: the list (undefined when the workspace index is not built
 * yet, which offers to build it). Sent again on its own when the index changes.
 */
export function renderCitationsSection(labels: ProposalPageLabels, page: CitationPage | undefined): string {
  const citations = page?.lines;
  const total = page ? Math.max(page.total, page.lines.length) : 0;
  let content: string;
  if (citations === undefined) {
    content = `<p class="muted">${escapeHtml(labels.indexNotBuilt)}</p><div class="actions"><button type="button" class="secondary" data-action="buildIndex">${escapeHtml(labels.buildIndex)}</button></div>`;
  } else if (citations.length === 0) {
    content = `<p class="muted">${escapeHtml(labels.notCited)}</p>`;
  } else {
    content = `<ul class="plain citations">${citations.map((c, i) => `<li><button type="button" class="link" data-action="openCitation" data-index="${i}"><span class="path">${escapeHtml(c.path)}</span> <span class="muted">${escapeHtml(labels.line(c.line))}</span></button><br><code class="preview">${escapeHtml(c.preview)}</code></li>`).join('')}</ul>`;
  }
  if (citations && total > citations.length) {
    content += `<p class="muted">${escapeHtml(labels.shownOf(citations.length, total))}</p><div class="actions"><button type="button" class="secondary" data-action="showAllCitations">${escapeHtml(labels.showAll(total))}</button></div>`;
  }
  const heading = labels.cited(total);
  return `<section id="citations" aria-labelledby="citations-heading"><h2 id="citations-heading">${escapeHtml(heading)}</h2>${content}</section>`;
}

/**
 * The body of a proposal's panel: id, title, theme path, tags, actions, the other proposals of its
 * sub-theme (or theme), those sharing a tag, where the workspace cites it, previous and next.
 * A pure function of its inputs, with every catalogue string escaped: a hostile title renders as text.
 */
export function renderProposalBody(catalogue: Catalogue, proposal: Proposal, labels: ProposalPageLabels, citations: CitationPage | undefined, extras: ProposalPageExtras = { hasOverview: true }): string {
  const p = proposal;
  const group = p.subtheme ?? p.theme;
  const siblings = group.proposals.filter((x) => x !== p);
  const related = catalogue.related(p);
  const ordered = catalogue.proposals;
  const at = ordered.indexOf(p);
  const previous = at > 0 ? ordered[at - 1] : undefined;
  const next = at >= 0 && at < ordered.length - 1 ? ordered[at + 1] : undefined;

  const path = p.subtheme
    ? `<span lang="fr">${escapeHtml(p.theme.title)}</span> › <span lang="fr">${escapeHtml(p.subtheme.title)}</span>`
    : `<span lang="fr">${escapeHtml(p.theme.title)}</span>`;
  const tags = p.tags.length > 0
    ? `<p><span class="visually-hidden">${escapeHtml(labels.tags)}</span>${p.tags.map((t) => `<span class="tag">${escapeHtml(t)}</span>`).join('')}</p>`
    : '';
  const relatedSection = related.length > 0
    ? `<section aria-labelledby="related-heading"><h2 id="related-heading">${escapeHtml(labels.sharingTag(p.tags.join(', ')))}</h2>${proposalList(related)}</section>`
    : '';
  const pager = previous || next
    ? `<nav class="pager" aria-label="${escapeHtml(labels.pager)}"><div>${previous ? proposalButton(previous, 'prev', `← ${labels.previous}`) : ''}</div><div>${next ? proposalButton(next, 'next', `${labels.next} →`) : ''}</div></nav>`
    : '';

  const catalogueLine = extras.catalogueTitle !== undefined
    ? `<p class="breadcrumb"><span class="visually-hidden">${escapeHtml(labels.catalogue)} </span><span lang="fr">${escapeHtml(extras.catalogueTitle)}</span></p>`
    : '';
  // A button, not a link: the page never navigates; the extension checks the address and opens it with openExternal.
  const urlButton = extras.url !== undefined
    ? `<button type="button" class="secondary" data-action="openUrl" title="${escapeHtml(labels.openUrlTitle(extras.url))}">${escapeHtml(labels.openUrl)}</button>`
    : '';
  const description = p.description !== undefined ? `<p class="description" lang="fr">${escapeHtml(p.description)}</p>` : '';
  return `<header>
${catalogueLine}
<p class="breadcrumb"><span class="visually-hidden">${escapeHtml(labels.path)} </span>${path}</p>
<h1><span class="id">${escapeHtml(p.id)}</span> <span lang="fr">${escapeHtml(p.title)}</span></h1>
${tags}
${description}
<nav class="actions" aria-label="${escapeHtml(labels.actions)}">
<button type="button" data-action="insert">${escapeHtml(labels.insert)}</button>
<button type="button" class="secondary" data-action="copy">${escapeHtml(labels.copy)}</button>
<button type="button" class="secondary" data-action="reveal">${escapeHtml(labels.reveal)}</button>
${extras.hasOverview ? `<button type="button" class="secondary" data-action="openOverview">${escapeHtml(labels.overview)}</button>` : ''}
${urlButton}
</nav>
</header>
<main>
${siblings.length > 0 ? `<section aria-labelledby="siblings-heading"><h2 id="siblings-heading">${escapeHtml(labels.sameGroup(group.title))}</h2>${proposalList(siblings)}</section>` : ''}
${relatedSection}
${extras.citationsKnown === false ? '' : renderCitationsSection(labels, citations)}
</main>
${pager}`;
}
