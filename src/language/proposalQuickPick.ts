import * as vscode from 'vscode';
import type { Catalogue, Proposal } from '../core/catalogue';

/** A query that is a number or an id in the forms people write: `7`, `egn-7`, `EGN 7`, `EGN n° 7`. */
const BY_NUMBER = /^\s*(?:[a-z]+\s*[-\u2011 ]?\s*(?:n[°º]\s*)?)?\d{1,4}\s*$/i;

interface ProposalItem extends vscode.QuickPickItem {
  readonly proposal: Proposal;
}

/** Options of one proposal pick. */
export interface ProposalPickOptions {
  readonly title: string;
  readonly placeholder: string;
  readonly canPickMany: boolean;
}

/**
 * The one quick pick of proposals (official title, id, theme path), for the insert, quick-fix and open
 * commands. VS Code's own matching does not ignore
 * accents, so the catalogue's folded search (case, accents, apostrophes) runs on each keystroke and
 * the proposals it finds are kept visible (`alwaysShow`) next to VS Code's own matches: `education`
 * finds the titles written with "éducation". Resolves undefined when the user cancels.
 */
export function pickProposals(catalogue: Catalogue, options: ProposalPickOptions): Promise<readonly Proposal[] | undefined> {
  // The title first, where the eye goes; below it the id, then the theme path, long and secondary (an
  // id beside a long title would be cut off).
  const items: ProposalItem[] = catalogue.proposals.map((p) => ({
    label: p.title,
    detail: `${p.id} · ${p.subtheme ? `${p.theme.title} › ${p.subtheme.title}` : p.theme.title}`,
    proposal: p,
  }));
  const pick = vscode.window.createQuickPick<ProposalItem>();
  pick.title = options.title;
  pick.placeholder = options.placeholder;
  pick.canSelectMany = options.canPickMany;
  pick.matchOnDescription = true;
  pick.matchOnDetail = true;
  pick.items = items;
  return new Promise((resolve) => {
    let accepted = false;
    const disposables: vscode.Disposable[] = [
      pick.onDidChangeValue((value) => {
        const found = new Set(value.trim() === '' ? [] : catalogue.search(value).map((h) => h.proposal.number));
        const selected = pick.selectedItems;
        // A number or an id names one proposal: show it alone (VS Code's fuzzy matching would add
        // EGN-17, EGN-27… to `egn-7`), with the proposals already checked.
        const shown = BY_NUMBER.test(value) && found.size > 0
          ? items.filter((i) => found.has(i.proposal.number) || selected.includes(i))
          : items;
        let changed = shown.length !== pick.items.length || shown.some((item, k) => pick.items[k] !== item);
        for (const item of items) {
          const always = found.has(item.proposal.number) || (shown !== items && selected.includes(item));
          if (item.alwaysShow !== always) {
            item.alwaysShow = always;
            changed = true;
          }
        }
        if (changed) {
          // Assigning the items again clears the selection of a multi-select pick: keep it.
          pick.items = shown;
          pick.selectedItems = selected;
        }
      }),
      pick.onDidAccept(() => {
        // Enter on a multi-select pick with nothing checked takes the highlighted proposal.
        const checked = options.canPickMany ? pick.selectedItems : [];
        const chosen = checked.length > 0 ? checked : pick.activeItems.slice(0, 1);
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
