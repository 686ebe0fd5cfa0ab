import * as vscode from 'vscode';
import type { Catalogue, Proposal } from '../core/catalogue';
import type { ReferenceScanner } from '../core/referenceScanner';
import { workspaceCataloguesOf } from '../catalogues/workspaceReferences';
import { foldText } from '../core/textFold';
import type { ExtensionDeps } from '../deps';

/** Characters after which a reference may be being typed: `EGN-`, `EGN `, `EGN n°`. */
export const REFERENCE_TRIGGER_CHARACTERS = ['-', ' ', '°'];

/**
 * VS Code's fuzzy matcher reads at most this many characters of a filterText; words past it could
 * never match, so the least useful words are left out rather than cut at random.
 */
const FILTER_TEXT_MAX = 128;

/** Short French function words: they make filterTexts longer without helping anyone find a title. */
const STOP_WORDS = new Set(['les', 'des', 'une', 'aux', 'par', 'pour', 'dans', 'sur', 'avec', 'entre', 'tous', 'leur', 'leurs', 'plus']);

/** The folded words of a title worth filtering on, each once, in title order. */
export function titleWords(title: string): string[] {
  const words = foldText(title).split(/[^\p{L}\p{N}]+/u).filter((w) => w.length > 2 && !STOP_WORDS.has(w));
  return [...new Set(words)];
}

/** A catalogue whose references are completed, with its scanner (the one grammar of references). */
interface CompletedCatalogue {
  readonly catalogue: Catalogue;
  readonly scanner: ReferenceScanner;
}

/** Escapes text for a snippet choice: `$`, `}`, `\`, `,` and `|` are syntax there (as scripts/lib/snippets.mjs). */
function choiceText(text: string): string {
  return text.replace(/[$}\\,|]/g, (c) => `\\${c}`);
}

/**
 * Completion of references: after `EGN-` (or `EGN `, `EGN n°`), all proposals sorted by number, each
 * with its title, filtered by the words of the title typed with or without accents (`EGN-citoy` keeps
 * EGN-12). Accepting one replaces what was typed with the canonical id. The same for the prefix of
 * every workspace catalogue (`FRA-`). The bundled EGN catalogue has snippets (`egnid`, `egnref`,
 * generated at build time); a workspace catalogue gets the same two entries here (`fraid`, `fraref`),
 * since snippets cannot be contributed at run time.
 */
export class ReferenceCompletionProvider implements vscode.CompletionItemProvider {
  private readonly words = new WeakMap<Proposal, string>();

  constructor(private readonly deps: ExtensionDeps) {}

  /** The EGN catalogue first, then the workspace's. */
  private catalogues(): CompletedCatalogue[] {
    return [{ catalogue: this.deps.catalogue, scanner: this.deps.scanner }, ...workspaceCataloguesOf(this.deps.catalogues)];
  }

  provideCompletionItems(document: vscode.TextDocument, position: vscode.Position, token: vscode.CancellationToken): vscode.CompletionList | undefined {
    const before = document.lineAt(position.line).text.slice(0, position.character);
    const catalogues = this.catalogues();
    for (const c of catalogues) {
      const context = c.scanner.completionContext(before);
      if (!context || token.isCancellationRequested) {
        continue;
      }
      const head = before.slice(context.replaceStart, before.length - context.query.length);
      const range = new vscode.Range(position.line, context.replaceStart, position.line, position.character);
      const width = String(c.catalogue.range.max).length;
      if (/\p{L}/u.test(context.query)) {
        // Words of a title typed after the prefix (`EGN-citoy`): the proposals whose title, id or tags
        // hold every word, as the tree's filter finds them, rather than VS Code's fuzzy match of scattered
        // letters, which lists EGN-2, 29, 20 and 14 after EGN-12. Each keystroke asks again
        // (incomplete), and the filterText is what was typed, so that VS Code keeps every one.
        const typed = before.slice(context.replaceStart);
        const found = c.catalogue.search(context.query).map((h) => h.proposal);
        const items = found.map((p) => {
          const item = this.item(c.catalogue, p, head, range, width);
          item.filterText = typed;
          return item;
        });
        return new vscode.CompletionList(items, true);
      }
      const items = c.catalogue.proposals.map((p) => this.item(c.catalogue, p, head, range, width));
      // Not incomplete: the list is complete for this reference, and other providers' items stay.
      return new vscode.CompletionList(items, false);
    }
    const snippets = token.isCancellationRequested ? [] : this.snippetItems(before, position, catalogues.slice(1));
    return snippets.length > 0 ? new vscode.CompletionList(snippets, false) : undefined;
  }

  private item(catalogue: Catalogue, p: Proposal, head: string, range: vscode.Range, width: number): vscode.CompletionItem {
    // The title in the label's description: shown on the row itself, not only for the focused item.
    const item = new vscode.CompletionItem({ label: p.id, description: p.title }, vscode.CompletionItemKind.Reference);
    item.detail = p.title;
    item.documentation = p.subtheme ? `${p.theme.title} › ${p.subtheme.title}` : p.theme.title;
    item.sortText = String(p.number).padStart(width, '0');
    item.insertText = p.id;
    item.range = range;
    item.filterText = this.filterText(catalogue, p, head);
    return item;
  }

  /**
   * What VS Code matches the typed text against: it starts with what was typed before the query
   * (`EGN-`, `EGN n°`) so that the head matches, then the number, the canonical id and the folded
   * title words, so that `EGN-education` finds titles written with "éducation".
   */
  private filterText(catalogue: Catalogue, p: Proposal, head: string): string {
    let words = this.words.get(p);
    if (words === undefined) {
      words = titleWords(p.title).join(' ');
      this.words.set(p, words);
    }
    const lead = head === `${catalogue.prefix}-` ? p.id : `${head}${p.number} ${p.id}`;
    return `${lead} ${words}`.slice(0, FILTER_TEXT_MAX);
  }

  /**
   * The snippets of the workspace catalogues whose `fraid` / `fraref` the word being typed may
   * start: a choice of every id, or of every id with its title, as the EGN snippets offer.
   */
  private snippetItems(before: string, position: vscode.Position, catalogues: readonly CompletedCatalogue[]): vscode.CompletionItem[] {
    const word = /[A-Za-z][A-Za-z0-9]*$/.exec(before)?.[0].toLowerCase();
    if (!word) {
      return [];
    }
    const range = new vscode.Range(position.line, position.character - word.length, position.line, position.character);
    const items: vscode.CompletionItem[] = [];
    for (const { catalogue } of catalogues) {
      const prefix = catalogue.prefix.toLowerCase();
      if (catalogue.proposals.length === 0 || !(word.startsWith(prefix) || prefix.startsWith(word))) {
        continue;
      }
      const withTitles = new vscode.CompletionItem(`${prefix}ref`, vscode.CompletionItemKind.Snippet);
      withTitles.detail = vscode.l10n.t('{0}: reference and title of a proposal', catalogue.prefix);
      withTitles.insertText = new vscode.SnippetString(`\${1|${catalogue.proposals.map((p) => choiceText(`${p.id} — ${p.title}`)).join(',')}|}`);
      const ids = new vscode.CompletionItem(`${prefix}id`, vscode.CompletionItemKind.Snippet);
      ids.detail = vscode.l10n.t('{0}: reference to a proposal', catalogue.prefix);
      ids.insertText = new vscode.SnippetString(`\${1|${catalogue.proposals.map((p) => choiceText(p.id)).join(',')}|}`);
      for (const item of [withTitles, ids]) {
        item.range = range;
        item.documentation = catalogue.title;
        items.push(item);
      }
    }
    return items;
  }
}
