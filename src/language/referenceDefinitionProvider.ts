import * as vscode from 'vscode';
import { proposalLines } from '../core/proposalLines';
import type { ExtensionDeps } from '../deps';

/** Go to definition on a reference opens the proposal's entry in the bundled catalogue YAML. */
export class ReferenceDefinitionProvider implements vscode.DefinitionProvider {
  private readonly catalogueUri: vscode.Uri;
  private lines: Promise<Map<number, number>> | undefined;

  constructor(private readonly deps: ExtensionDeps, extensionUri: vscode.Uri) {
    this.catalogueUri = vscode.Uri.joinPath(extensionUri, 'data', 'egn-2020.yaml');
  }

  async provideDefinition(document: vscode.TextDocument, position: vscode.Position, token: vscode.CancellationToken): Promise<vscode.Location | undefined> {
    const ref = this.deps.scanner.referenceAt(document.lineAt(position.line).text, position.character);
    if (!ref || !ref.exists) {
      return undefined;
    }
    const lines = await this.entryLines();
    const line = lines.get(ref.number);
    if (line === undefined || token.isCancellationRequested) {
      return undefined;
    }
    return new vscode.Location(this.catalogueUri, new vscode.Position(line, 0));
  }

  /** Read once: the bundled file does not change while the extension runs. */
  private entryLines(): Promise<Map<number, number>> {
    this.lines ??= Promise.resolve(vscode.workspace.fs.readFile(this.catalogueUri)).then(
      (bytes) => proposalLines(new TextDecoder('utf-8').decode(bytes)),
      (e: unknown) => {
        this.deps.output.error(`Cannot read ${this.catalogueUri.toString()} for go to definition: ${String(e)}`);
        this.lines = undefined;
        return new Map<number, number>();
      },
    );
    return this.lines;
  }
}
