import * as vscode from 'vscode';
import type { Citation } from '../core/citationIndex';
import type { ReferenceScanner } from '../core/referenceScanner';
import type { CitationSource } from './citationSource';

/** Where a citation is, as VS Code's `Location`. */
export function citationLocation(c: Citation): vscode.Location {
  return new vscode.Location(vscode.Uri.parse(c.uri), new vscode.Range(c.line, c.character, c.endLine, c.endCharacter));
}

/**
 * Find all references (Shift+F12) on `EGN-12`: every citation of proposal 12 in the workspace.
 * A proposal has no declaration in the workspace, so only citations are returned.
 */
export class CitationReferenceProvider implements vscode.ReferenceProvider {
  constructor(
    private readonly scanner: ReferenceScanner,
    private readonly citations: CitationSource,
  ) {}

  async provideReferences(document: vscode.TextDocument, position: vscode.Position, _context: vscode.ReferenceContext, token: vscode.CancellationToken): Promise<vscode.Location[] | undefined> {
    // References never span a line, so the line is enough text to look in.
    const ref = this.scanner.referenceAt(document.lineAt(position.line).text, position.character);
    if (!ref) {
      return undefined;
    }
    if (!(await this.citations.ready()) || token.isCancellationRequested) {
      return undefined;
    }
    return this.citations.citationsOf(ref.number).map(citationLocation);
  }
}
