import * as vscode from 'vscode';
import type { ExtensionDeps } from '../deps';
import type { Proposal } from '../core/catalogue';
import type { Reference } from '../core/reference';
import { isWorkspaceReference, workspaceHover } from '../catalogues/workspaceReferences';
import { DIAGNOSTIC_SOURCE } from './referenceDiagnostics';
import { unknownProposalMessage } from './unknownProposalMessage';

/** The only commands a hover may run through its links. */
const HOVER_COMMANDS = ['egn.openProposal', 'egn.revealInCatalogue'];

/** Escapes text for Markdown link labels and inline text. */
function escapeMarkdown(text: string): string {
  return text.replace(/[\\`*_{}[\]()#+\-.!|<>~&]/g, (c) => `\\${c}`);
}

function commandLink(label: string, command: string, args: unknown[], tooltip: string): string {
  const uri = `command:${command}?${encodeURIComponent(JSON.stringify(args))}`;
  return `[${escapeMarkdown(label)}](${uri} "${tooltip.replace(/["\\]/g, '')}")`;
}

/** Whether an EGN diagnostic covers `range` (its hover shows the message). */
function hasWarning(uri: vscode.Uri, range: vscode.Range): boolean {
  return vscode.languages.getDiagnostics(uri).some((d) => d.source === DIAGNOSTIC_SOURCE && d.range.intersection(range) !== undefined);
}

/**
 * Hover on a reference: id, title, theme › sub-theme and links to open the proposal or reveal it in
 * the catalogue; for a number that is no proposal, what the valid range is, unless its warning says it.
 */
export class ReferenceHoverProvider implements vscode.HoverProvider {
  constructor(private readonly deps: ExtensionDeps) {}

  provideHover(document: vscode.TextDocument, position: vscode.Position, token: vscode.CancellationToken): vscode.Hover | undefined {
    const ref = this.deps.scans.referenceAt(document, position, 'hover');
    if (!ref || token.isCancellationRequested) {
      return undefined;
    }
    const range = new vscode.Range(document.positionAt(ref.start), document.positionAt(ref.end));
    if (isWorkspaceReference(ref)) {
      return workspaceHover(ref, range);
    }
    const proposal = this.deps.catalogue.byNumber(ref.number);
    if (!proposal && hasWarning(document.uri, range)) {
      // The warning's own hover already says it: saying it again would print it twice.
      return undefined;
    }
    const markdown = proposal ? this.describe(proposal, ref, document.getText(range)) : this.unknown(ref);
    return new vscode.Hover(markdown, range);
  }

  private describe(p: Proposal, ref: Reference, written: string): vscode.MarkdownString {
    const md = new vscode.MarkdownString(undefined, true);
    md.isTrusted = { enabledCommands: HOVER_COMMANDS };
    md.appendMarkdown(`**${escapeMarkdown(p.id)}** — ${escapeMarkdown(p.title)}\n\n`);
    const path = p.subtheme ? `${p.theme.title} › ${p.subtheme.title}` : p.theme.title;
    md.appendMarkdown(`$(list-tree) ${escapeMarkdown(path)}\n\n`);
    if (ref.form === 'prose' || ref.form === 'title') {
      // Said plainly, so that a wrong reading is seen at once (and undone by the hint's quick fix).
      const said = ref.form === 'title' ? vscode.l10n.t('Read from prose: the proposal\'s title.') : vscode.l10n.t('Read from prose: “{0}”.', written);
      md.appendMarkdown(`$(quote) ${escapeMarkdown(said)}\n\n`);
    }
    const implied = ref.implied.filter((n) => this.deps.catalogue.byNumber(n) !== undefined).map((n) => this.deps.scanner.canonical(n));
    if (implied.length > 0) {
      md.appendMarkdown(`${escapeMarkdown(vscode.l10n.t('This range also cites {0}.', implied.join(', ')))}\n\n`);
    }
    md.appendMarkdown([
      commandLink(vscode.l10n.t('Open details'), 'egn.openProposal', [p.id], vscode.l10n.t('Open the details of {0}', p.id)),
      commandLink(vscode.l10n.t('Reveal in catalogue'), 'egn.revealInCatalogue', [p.id], vscode.l10n.t('Show {0} in the EGN catalogue', p.id)),
    ].join(' · '));
    return md;
  }

  private unknown(ref: Reference): vscode.MarkdownString {
    const md = new vscode.MarkdownString(undefined, true);
    md.appendMarkdown(`$(warning) ${escapeMarkdown(unknownProposalMessage(this.deps, ref))}`);
    return md;
  }
}
