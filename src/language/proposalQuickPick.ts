import * as vscode from 'vscode';
import type { Catalogue, Proposal } from '../core/catalogue';

/**
 * A query that is a number or an id in the forms people write: `7`, `egn-7`, `EGN 7`, `EGN n° 7`,
 * `fra2-7`; the prefix written, if any, is group 1.
 */
const BY_NUMBER = /^\s*(?:([a-z][a-z0-9]*?)\s*[-\u2011 ]?\s*(?:n[°º]\s*)?)?\d{1,4}\s*$/i;

interface ProposalItem extends vscode.QuickPickItem {
  readonly proposal: Proposal;
  readonly catalogue: Catalogue;
}

/** Options of one proposal pick. */
export interface ProposalPickOptions {
  readonly title: string;
  readonly placeholder: string;
  readonly canPickMany: boolean;
}

/**
 * The one quick pick of proposals (official title, id, theme path), for the insert, quick-fix and open
 * commands. Given several catalogues (the EGN and the workspace's), it lists each one's proposals
 * under a separator naming the catalogue. VS Code's own matching does not ignore
 * accents, so the catalogue's folded search (case, accents, apostrophes) runs on each keystroke and
 * the proposals it finds are kept visible (`alwaysShow`) next to VS Code's own matches: `education`
 * finds the titles written with "éducation". Resolves undefined when the user cancels.
 */
export function pickProposals(catalogues: Catalogue | readonly Catalogue[], options: ProposalPickOptions): Promise<readonly Proposal[] | undefined> {
  const all: readonly Catalogue[] = Array.isArray(catalogues) ? catalogues : [catalogues as Catalogue];
  // The title first, where the eye goes; below it the id, then the theme path, long and secondary (an
  // id beside a long title would be cut off).
  const items: ProposalItem[] = all.flatMap((catalogue) => catalogue.proposals.map((p) => ({
    label: p.title,
    detail: `${p.id} · ${p.subtheme ? `${p.theme.title} › ${p.subtheme.title}` : p.theme.title}`,
    proposal: p,
    catalogue,
  })));
  // With several catalogues, each one's proposals under its name. VS Code drops separators from a
  // filtered list (it sorts it by match); the id in each detail still names the catalogue.
  const withSeparators = (list: readonly ProposalItem[]): (ProposalItem | vscode.QuickPickItem)[] =>
    all.length < 2 ? [...list] : all.flatMap((c) => {
      const own = list.filter((i) => i.catalogue === c);
      // The prefix, not the title: VS Code draws a separator's label on the right of the row below it,
      // where a long title squeezed the first proposal's own title.
      return own.length === 0 ? [] : [{ label: c.prefix, kind: vscode.QuickPickItemKind.Separator }, ...own];
    });
  const pick = vscode.window.createQuickPick<ProposalItem>();
  const setItems = (list: readonly ProposalItem[]): void => {
    // Separators are items without a proposal: the pick only ever returns proposal items.
    pick.items = withSeparators(list) as ProposalItem[];
  };
  pick.title = options.title;
  pick.placeholder = options.placeholder;
  pick.canSelectMany = options.canPickMany;
  pick.matchOnDescription = true;
  pick.matchOnDetail = true;
  setItems(items);
  let shownNow: readonly ProposalItem[] = items;
  /** What a text designates: whether it is a number or an id (`BY_NUMBER`), and the proposals it finds, best first. */
  const matching = (value: string): { readonly byNumber: boolean; readonly hits: readonly Proposal[] } => {
    const byNumber = BY_NUMBER.exec(value);
    // `fra-2` names a proposal of the catalogue whose prefix is written: not EGN-2 too.
    const written = byNumber?.[1]?.toUpperCase();
    const searched = written === undefined ? all : all.filter((c) => c.prefix.toUpperCase() === written);
    const hits = value.trim() === '' ? [] : (searched.length > 0 ? searched : all).flatMap((c) => c.search(value).map((h) => h.proposal));
    return { byNumber: byNumber !== null, hits };
  };
  return new Promise((resolve) => {
    let accepted = false;
    const disposables: vscode.Disposable[] = [
      pick.onDidChangeValue((value) => {
        const { byNumber, hits } = matching(value);
        const found = new Set(hits);
        const selected = pick.selectedItems;
        // A number or an id names one proposal: show it alone (VS Code's fuzzy matching would add
        // EGN-17, EGN-27… to `egn-7`), with the proposals already checked.
        const shown = byNumber && found.size > 0
          ? items.filter((i) => found.has(i.proposal) || selected.includes(i))
          : items;
        let changed = shown.length !== shownNow.length || shown.some((item, k) => shownNow[k] !== item);
        for (const item of items) {
          const always = found.has(item.proposal) || (shown !== items && selected.includes(item));
          if (item.alwaysShow !== always) {
            item.alwaysShow = always;
            changed = true;
          }
        }
        if (changed) {
          // Assigning the items again clears the selection of a multi-select pick: keep it.
          shownNow = shown;
          setItems(shown);
          pick.selectedItems = selected;
        }
      }),
      pick.onDidAccept(() => {
        // Enter on a multi-select pick with nothing checked takes the highlighted proposal.
        const checked = options.canPickMany ? pick.selectedItems : [];
        let chosen = checked.length > 0 ? checked : pick.activeItems.slice(0, 1);
        if (checked.length === 0) {
          // An id typed and entered at once reaches us before the list has caught up with it: the
          // highlighted row is then one the previous text showed (`egn-1` for `egn-13`). An id
          // names its proposal: Enter takes it, never a row the text no longer designates.
          const { byNumber, hits } = matching(pick.value);
          if (byNumber && hits.length > 0 && !hits.includes(chosen[0]?.proposal)) {
            chosen = items.filter((i) => i.proposal === hits[0]);
          }
        }
        if (chosen.length === 0) {
          return;
        }
        accepted = true;
        resolve(chosen.map((i) => i.proposal));
        pick.hide();
      }),
      pick.onDidHide(() => {
        if (!accepted) {
          resolve(undefined);
        }
        for (const d of disposables) {
          d.dispose();
        }
        pick.dispose();
      }),
    ];
    pick.show();
  });
}
