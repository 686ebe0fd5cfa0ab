import type { Coverage } from '../core/coverage';
import { writtenNumber } from '../core/citationIndex';
import type { CoverageLabels } from '../core/coverageExport';
import { escapeHtml } from '../core/html';

/** The report's own UI strings, localized by the caller; `{0}`… as each comment says. */
export interface CoveragePageText {
  readonly labels: CoverageLabels;
  /** Page heading. */
  readonly heading: string;
  /** What the report covers: "Workspace" or the document's name (already in words). */
  readonly scope: string;
  readonly byTheme: string;
  readonly coverage: string;
  readonly matrix: string;
  /** Caption of the matrix, for screen readers. */
  readonly matrixCaption: string;
  readonly exportMarkdown: string;
  readonly exportCsv: string;
  /** Said instead of the matrix when no document cites anything. */
  readonly noDocuments: string;
  /** Tooltip of a proposal button: `{0}` the proposal's title. */
  readonly openProposal: string;
  /** Tooltip of a document button. */
  readonly openDocument: string;
  /** Accessible text of a bar: `{0}` percentage. */
  readonly percentCited: string;
  /** A percentage as written in the display language: `{0}%` in English, `{0} %` in French. */
  readonly percent: string;
  /** Shown above the matrix while some of its columns are out of sight. */
  readonly scrollHint: string;
  /**
   * The catalogues in use, when there are several: a picker at the top of the page (buttons with
   * `selectCatalogue` and their index), the one shown pressed.
   */
  readonly picker?: { readonly label: string; readonly prefixes: readonly string[]; readonly titles: readonly string[]; readonly selected: number };
}

/**
 * The body of the coverage report: summary, per-theme table with bars, uncited proposals, the
 * document-by-proposal matrix and the references to unknown proposals. Pure, so that its escaping
 * can be tested. Every string from the catalogue or the workspace is escaped; documents and unknown
 * references are designated by their index in `coverage.documents` / `coverage.unknownReferences`,
 * never by a URI the webview could forge.
 *
 * @param displayPath The name shown for a document URI (its workspace-relative path).
 */
export function renderCoverageBody(coverage: Coverage, text: CoveragePageText, displayPath: (uri: string) => string): string {
  const l = text.labels;
  const percent = (part: number, total: number): number => (total === 0 ? 0 : Math.round((part * 100) / total));
  const out: string[] = [];
  out.push('<main>');
  out.push(`<h1>${escapeHtml(text.heading)}</h1>`);
  if (text.picker && text.picker.prefixes.length > 1) {
    const picker = text.picker;
    out.push(`<div class="actions catalogue-picker" role="group" aria-label="${escapeHtml(picker.label)}">`);
    picker.prefixes.forEach((prefix, k) => {
      const pressed = k === picker.selected;
      out.push(`<button type="button" class="${pressed ? '' : 'secondary'}" data-action="selectCatalogue" data-index="${k}" aria-pressed="${pressed}" title="${escapeHtml(picker.titles[k] ?? '')}">${escapeHtml(prefix)}</button>`);
    });
    out.push('</div>');
  }
  out.push(`<p class="muted">${escapeHtml(text.scope)}</p>`);
  out.push(`<p class="summary">${escapeHtml(format(l.summary, coverage.citedCount, coverage.totalProposals, percent(coverage.citedCount, coverage.totalProposals)))}</p>`);
  out.push('<div class="actions">');
  out.push(`<button type="button" data-action="export" data-format="markdown">${escapeHtml(text.exportMarkdown)}</button>`);
  out.push(`<button type="button" class="secondary" data-action="export" data-format="csv">${escapeHtml(text.exportCsv)}</button>`);
  out.push('</div>');

  out.push('<section aria-labelledby="by-theme">');
  out.push(`<h2 id="by-theme">${escapeHtml(text.byTheme)}</h2>`);
  out.push('<table class="themes">');
  out.push(`<thead><tr><th scope="col">${escapeHtml(l.theme)}</th><th scope="col">${escapeHtml(l.cited)}</th><th scope="col">${escapeHtml(text.coverage)}</th></tr></thead><tbody>`);
  for (const t of coverage.themes) {
    const p = percent(t.cited, t.total);
    out.push(`<tr><th scope="row">${escapeHtml(t.theme.title)}</th><td class="num">${t.cited}&#8239;/&#8239;${t.total}</td>`
      + `<td><span class="bar" role="img" aria-label="${escapeHtml(format(text.percentCited, p))}"><span data-percent="${p}"></span></span> <span class="muted">${escapeHtml(format(text.percent, p))}</span></td></tr>`);
  }
  out.push('</tbody></table>');
  out.push('</section>');

  out.push('<section aria-labelledby="uncited">');
  out.push(`<h2 id="uncited">${escapeHtml(l.uncited)} (${coverage.uncited.length})</h2>`);
  if (coverage.uncited.length === 0) {
    out.push(`<p>${escapeHtml(l.allCited)}</p>`);
  } else {
    out.push('<ul class="plain uncited">');
    for (const p of coverage.uncited) {
      out.push(`<li><button type="button" class="link id" data-action="openProposal" data-number="${p.number}" title="${escapeHtml(format(text.openProposal, p.title))}">${escapeHtml(p.id)}</button> ${escapeHtml(p.title)}</li>`);
    }
    out.push('</ul>');
  }
  out.push('</section>');

  out.push('<section aria-labelledby="matrix">');
  out.push(`<h2 id="matrix">${escapeHtml(text.matrix)}</h2>`);
  if (coverage.documents.length === 0) {
    out.push(`<p class="muted">${escapeHtml(text.noDocuments)}</p>`);
  } else {
    // The frame draws the scroll cue (a shadow on the side where columns are hidden); the hint says
    // it in words. Both are switched by media/coverage.js, which knows whether the matrix overflows.
    out.push(`<p class="muted scroll-hint" id="matrix-hint" hidden>${escapeHtml(text.scrollHint)}</p>`);
    out.push('<div class="matrix-frame"><div class="matrix-scroll" tabindex="0" role="region" aria-labelledby="matrix" aria-describedby="matrix-hint">');
    out.push(`<table class="matrix"><caption>${escapeHtml(text.matrixCaption)}</caption>`);
    out.push(`<thead><tr><th scope="col">${escapeHtml(l.document)}</th><th scope="col">${escapeHtml(l.citations)}</th>`);
    for (const { proposal: p } of coverage.proposals) {
      out.push(`<th scope="col" class="num" title="${escapeHtml(`${p.id} — ${p.title}`)}">${p.number}</th>`);
    }
    out.push('</tr></thead><tbody>');
    coverage.documents.forEach((d, k) => {
      const name = displayPath(d.uri);
      out.push(`<tr><th scope="row"><button type="button" class="link" data-action="openDocument" data-index="${k}" title="${escapeHtml(format(text.openDocument, name))}">${escapeHtml(name)}</button></th><td class="num">${d.citations}</td>`);
      for (const count of coverage.matrix[k]) {
        out.push(count > 0 ? `<td class="num hit">${count}</td>` : '<td class="num zero">·</td>');
      }
      out.push('</tr>');
    });
    out.push('</tbody></table></div></div>');
  }
  out.push('</section>');

  if (coverage.unknownReferences.length > 0) {
    out.push('<section aria-labelledby="unknown">');
    out.push(`<h2 id="unknown">${escapeHtml(l.unknownReferences)}</h2><ul class="plain">`);
    coverage.unknownReferences.forEach((u, k) => {
      const label = format(l.unknownReference, `${coverage.prefix}-${writtenNumber(u)}`, displayPath(u.uri), u.line + 1);
      out.push(`<li><button type="button" class="link" data-action="openUnknownReference" data-index="${k}">${escapeHtml(label)}</button></li>`);
    });
    out.push('</ul></section>');
  }
  out.push('</main>');
  return out.join('\n');
}

/** Replaces `{0}`, `{1}`… with the arguments. */
function format(template: string, ...args: readonly (string | number)[]): string {
  return template.replace(/\{(\d+)\}/g, (whole, k: string) => (Number(k) < args.length ? String(args[Number(k)]) : whole));
}
