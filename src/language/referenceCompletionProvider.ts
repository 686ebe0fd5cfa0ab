import * as vscode from 'vscode';
import type { Proposal } from '../core/catalogue';
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

/**
 * Completion of references: after `EGN-` (or `EGN `, `EGN n°`), all proposals sorted by number, each
 * with its title, filtered by the words of the title typed with or without accents (`EGN-citoy` keeps
 * EGN-12). Accepting one replaces what was typed with the canonical id.
 */
export class ReferenceCompletionProvider implements vscode.CompletionItemProvider {
  private readonly words = new Map<number, string>();

  constructor(private readonly deps: ExtensionDeps) {}

  provideCompletionItems(document: vscode.TextDocument, position: vscode.Position, token: vscode.CancellationToken): vscode.CompletionList | undefined {
    const before = document.lineAt(position.line).text.slice(0, position.character);
    const context = this.deps.scanner.completionContext(before);
    if (!context || token.isCancellationRequested) {
      return undefined;
    }
    const head = before.slice(context.replaceStart, before.length - context.query.length);
    const range = new vscode.Range(position.line, context.replaceStart, position.line, position.character);
    const width = String(this.deps.catalogue.range.max).length;
    const items = this.deps.catalogue.proposals.map((p) => this.item(p, head, range, width));
    // Not incomplete: the list is complete for this reference, and other providers' items stay.
    return new vscode.CompletionList(items, false);
  }

  private item(p: Proposal, head: string, range: vscode.Range, width: number): vscode.CompletionItem {
    // The title in the label's description: shown on the row itself, not only for the focused item.
    const item = new vscode.CompletionItem({ label: p.id, description: p.title }, vscode.CompletionItemKind.Reference);
    item.detail = p.title;
    item.documentation = p.subtheme ? `${p.theme.title} › ${p.subtheme.title}` : p.theme.title;
    item.sortText = String(p.number).padStart(width, '0');
    item.insertText = p.id;
    item.range = range;
    item.filterText = this.filterText(p, head);
    return item;
  }

  /**
   * What VS Code matches the typed text against: it starts with what was typed before the query
   * (`EGN-`, `EGN n°`) so that the head matches, then the number, the canonical id and the folded
   * title words, so that `EGN-education` finds titles written with "éducation".
   */
  private filterText(p: Proposal, head: string): string {
    let words = this.words.get(p.number);
    if (words === undefined) {
      words = titleWords(p.title).join(' ');
      this.words.set(p.number, words);
    }
    const lead = head === `${this.deps.catalogue.prefix}-` ? p.id : `${head}${p.number} ${p.id}`;
    return `${lead} ${words}`.slice(0, FILTER_TEXT_MAX);
  }
}
