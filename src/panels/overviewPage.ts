import type { CatalogueWithContext, ContextDate } from '../core/catalogue';
import { escapeHtml } from '../core/html';

/** The localized words of the overview (built with `vscode.l10n.t` by the caller). */
export interface OverviewPageLabels {
  readonly datesAndPlace: string;
  readonly place: (place: string) => string;
  readonly phases: string;
  readonly thematiques: string;
  readonly thematique: string;
  readonly theme: string;
  readonly proposals: string;
  readonly revealTheme: (theme: string) => string;
  readonly commonProposals: (count: number) => string;
  readonly participativeSpaces: string;
  readonly crisis: string;
  readonly territorial: string;
  readonly updated: (when: string) => string;
  /** A date or period of the source (`2020-11-04`, `2020-06`) written for the reader. */
  readonly date: (d: ContextDate) => string;
}

function revealButton(themeId: string, text: string, accessibleName: string): string {
  return `<button type="button" class="link" data-action="revealTheme" data-theme="${escapeHtml(themeId)}" aria-label="${escapeHtml(accessibleName)}">${escapeHtml(text)}</button>`;
}

const FRENCH_MONTHS = ['janvier', 'février', 'mars', 'avril', 'mai', 'juin', 'juillet', 'août', 'septembre', 'octobre', 'novembre', 'décembre'];

/** The date a French label would write for the start of `d` (`juin 2020`, `4 novembre 2020`), if it is a valid one. */
function frenchDate(start: string): string | undefined {
  const m = /^(\d{4})-(\d{2})(?:-(\d{2}))?$/.exec(start);
  const month = m && FRENCH_MONTHS[Number(m[2]) - 1];
  if (!m || !month) {
    return undefined;
  }
  return m[3] ? `${Number(m[3]) === 1 ? '1er' : Number(m[3])} ${month} ${m[1]}` : `${month} ${m[1]}`;
}

/**
 * A date of the consultation: its date in bold, then what happened. When the source's words already
 * say the date (« consultation nationale lancée en juin 2020 »), the date is made bold inside them,
 * not said twice (« juin 2020 — consultation nationale lancée en juin 2020 »).
 */
function dateItem(d: ContextDate, labels: OverviewPageLabels): string {
  const said = frenchDate(d.start);
  const at = said && d.end === undefined ? d.label.toLowerCase().indexOf(said) : -1;
  if (said && at >= 0) {
    const before = d.label.slice(0, at);
    const date = d.label.slice(at, at + said.length);
    const after = d.label.slice(at + said.length);
    return `<span lang="fr">${escapeHtml(before)}<strong>${escapeHtml(date)}</strong>${escapeHtml(after)}</span>`;
  }
  return `<strong>${escapeHtml(labels.date(d))}</strong> — <span lang="fr">${escapeHtml(d.label)}</span>`;
}

/**
 * The body of the overview of the consultation: everything comes from the catalogue's `context`
 * and themes (nothing is written here about the EGN themselves), every string escaped.
 */
export function renderOverviewBody(catalogue: CatalogueWithContext, labels: OverviewPageLabels): string {
  const c = catalogue.context;
  const fr = (text: string) => `<span lang="fr">${escapeHtml(text)}</span>`;
  const dates = c.dates.map((d) => `<li>${dateItem(d, labels)}</li>`).join('');
  // In the tree's order (the catalogue's themes), not the order the source page lists them in.
  const order = (id: string) => catalogue.themes.findIndex((t) => t.id === id);
  const thematiques = [...c.thematiques].sort((a, b) => order(a.theme.id) - order(b.theme.id));
  const rows = thematiques.map((t) => `<tr><td>${fr(t.label)}</td><td>${fr(t.theme.title)}</td><td>${revealButton(t.theme.id, String(t.theme.proposals.length), labels.revealTheme(t.theme.title))}</td></tr>`).join('');
  const common = catalogue.themes.filter((t) => t.kind === 'common')
    .map((t) => `<p>${revealButton(t.id, labels.commonProposals(t.proposals.length), labels.revealTheme(t.title))}</p>`).join('');
  return `<header>
<h1 lang="fr">${escapeHtml(catalogue.title)}</h1>
<p lang="fr">${escapeHtml(c.summary)}</p>
</header>
<main>
<section aria-labelledby="dates-heading"><h2 id="dates-heading">${escapeHtml(labels.datesAndPlace)}</h2>
<p>${escapeHtml(labels.place(c.place))}</p>
<ul>${dates}</ul>
</section>
<section aria-labelledby="phases-heading"><h2 id="phases-heading">${escapeHtml(labels.phases)}</h2>
<ol>${c.phases.map((p) => `<li>${fr(p)}</li>`).join('')}</ol>
</section>
<section aria-labelledby="themes-heading"><h2 id="themes-heading">${escapeHtml(labels.thematiques)}</h2>
<table><thead><tr><th scope="col">${escapeHtml(labels.thematique)}</th><th scope="col">${escapeHtml(labels.theme)}</th><th scope="col">${escapeHtml(labels.proposals)}</th></tr></thead><tbody>${rows}</tbody></table>
${common}
</section>
<section aria-labelledby="spaces-heading"><h2 id="spaces-heading">${escapeHtml(labels.participativeSpaces)}</h2>
<ul>${c.participativeSpaces.map((s) => `<li>${fr(s)}</li>`).join('')}</ul>
</section>
<section aria-labelledby="crisis-heading"><h2 id="crisis-heading">${escapeHtml(labels.crisis)}</h2>
<p>${fr(c.crisisContext)}</p>
<ul>${c.challenges.map((s) => `<li>${fr(s)}</li>`).join('')}</ul>
</section>
<section aria-labelledby="territorial-heading"><h2 id="territorial-heading">${escapeHtml(labels.territorial)}</h2>
<p>${fr(c.territorial)}</p>
</section>
</main>
<footer><p class="muted">${escapeHtml(labels.updated(c.updated))}</p></footer>`;
}
