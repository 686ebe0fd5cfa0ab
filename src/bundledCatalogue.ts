import * as vscode from 'vscode';
import { loadCatalogue, LoadResult } from './core/catalogueLoader';

/**
 * Reads and validates the catalogue shipped in data/ (YAML + its JSON schema). Never throws: a
 * missing or broken file comes back as a `LoadResult` with errors.
 */
export async function loadBundledCatalogue(extensionUri: vscode.Uri): Promise<LoadResult> {
  const dataUri = vscode.Uri.joinPath(extensionUri, 'data');
  try {
    const [yamlBytes, schemaBytes] = await Promise.all([
      vscode.workspace.fs.readFile(vscode.Uri.joinPath(dataUri, 'egn-2020.yaml')),
      vscode.workspace.fs.readFile(vscode.Uri.joinPath(dataUri, 'catalogue.schema.json')),
    ]);
    const decoder = new TextDecoder('utf-8');
    const schema: unknown = JSON.parse(decoder.decode(schemaBytes));
    if (typeof schema !== 'object' || schema === null) {
      return { ok: false, errors: [{ line: 1, column: 1, message: 'catalogue.schema.json is not a JSON object.' }] };
    }
    return loadCatalogue(decoder.decode(yamlBytes), schema);
  } catch (e) {
    return { ok: false, errors: [{ line: 1, column: 1, message: `Cannot read the catalogue: ${e instanceof Error ? e.message : String(e)}` }] };
  }
}
