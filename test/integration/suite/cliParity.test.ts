import * as assert from 'assert';
import { spawnSync } from 'child_process';
import * as path from 'path';
import * as vscode from 'vscode';
import { activateExtension, closeAllEditors, until, workspaceUri } from './support';

interface CliCitation {
  file: string;
  line: number;
  column: number;
  prefix: string;
  number: number;
  exists: boolean;
  implied: boolean;
}

interface CliCheck {
  problems: { file: string; line: number; column: number; endColumn: number; reference: string; message: string }[];
  citations: CliCitation[];
}

interface SarifLog {
  runs: {
    tool: { driver: { rules: { id: string; help: { text: string } }[] } };
    results: { ruleId: string; level: string; message: { text: string }; locations: { physicalLocation: { artifactLocation: { uri: string }; region: { startLine: number; startColumn: number; endColumn: number } } }[] }[];
  }[];
}

/** Runs the built `dist/cli.js` of the extension under test on the test workspace, as a CI step would. */
function egnCite(args: readonly string[]): { status: number | null; stdout: string; stderr: string } {
  const ext = vscode.extensions.getExtension('egn-tools.egn-numerique-education')!;
  const cli = path.join(ext.extensionUri.fsPath, 'dist', 'cli.js');
  // The extension host's own runtime, run as plain Node (needed when it is Electron's).
  const r = spawnSync(process.execPath, [cli, ...args], {
    cwd: workspaceUri().fsPath,
    encoding: 'utf8',
    env: { ...process.env, ELECTRON_RUN_AS_NODE: '1' },
  });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

function relative(uri: vscode.Uri): string {
  return path.posix.relative(workspaceUri().path, uri.path);
}

let probes = 0;

/** Where the extension's index says `EGN-<n>` is cited: find all references on it, typed in an unindexed scratch document. */
async function editorPlacesOf(n: number): Promise<string[]> {
  const uri = vscode.Uri.from({ scheme: 'untitled', path: `egn-cli-probe-${Date.now()}-${++probes}.md` });
  const probe = await vscode.workspace.openTextDocument(uri);
  const edit = new vscode.WorkspaceEdit();
  edit.insert(uri, new vscode.Position(0, 0), `Voir EGN-${n}.`);
  assert.ok(await vscode.workspace.applyEdit(edit));
  const locations = (await vscode.commands.executeCommand<vscode.Location[] | undefined>('vscode.executeReferenceProvider', probe.uri, new vscode.Position(0, 6))) ?? [];
  return locations.map((l) => `${relative(l.uri)}:${l.range.start.line + 1}:${l.range.start.character + 1}`).sort();
}

describe('egn-cite gives the editor answers', () => {
  before(async () => {
    await activateExtension();
    await closeAllEditors();
  });

  after(async () => {
    await closeAllEditors();
  });

  it('finds every citation of every proposal where the extension index finds it', async () => {
    const run = egnCite(['check', '.', '--format', 'json']);
    assert.strictEqual(run.status, 1, run.stderr);
    const cli = JSON.parse(run.stdout) as CliCheck;
    assert.ok(cli.citations.length > 20, 'the fixture cites many proposals');
    let compared = 0;
    for (let n = 1; n <= 40; n++) {
      // Find all references covers the EGN; workspace catalogues (the demo's FRA) are checked below, by their diagnostics.
      const fromCli = cli.citations.filter((c) => c.prefix === 'EGN' && c.number === n).map((c) => `${c.file}:${c.line}:${c.column}`).sort();
      assert.deepStrictEqual(fromCli, await editorPlacesOf(n), `EGN-${n}`);
      compared += fromCli.length;
      await closeAllEditors();
    }
    assert.strictEqual(compared, cli.citations.filter((c) => c.prefix === 'EGN' && c.exists).length, 'every citation of an existing proposal compared');
  });

  it('warns about the same unknown references, at the same ranges and with the same message, as the diagnostics', async () => {
    const cli = JSON.parse(egnCite(['check', '.', '--format', 'json']).stdout) as CliCheck;
    assert.ok(cli.problems.length > 0, 'the fixture has an unknown reference');
    const expected = cli.problems.map((p) => `${p.file}:${p.line}:${p.column}-${p.endColumn}: ${p.message}`).sort();
    // Diagnostics are kept for documents open in a tab: open every document that cites something.
    const files = [...new Set(cli.citations.map((c) => c.file))];
    for (const f of files) {
      await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(workspaceUri(...f.split('/'))), { preview: false });
    }
    const fromEditor = (): string[] =>
      files
        .flatMap((f) => vscode.languages.getDiagnostics(workspaceUri(...f.split('/'))).filter((d) => d.code === 'egn.unknownProposal' || d.code === 'egn.unknownCatalogueProposal').map((d) => `${f}:${d.range.start.line + 1}:${d.range.start.character + 1}-${d.range.end.character + 1}: ${d.message}`))
        .sort();
    await until('the diagnostics of every open document', () => fromEditor().length >= expected.length);
    assert.deepStrictEqual(fromEditor(), expected);
  });

  it('with egn.diagnostics.nonCanonicalHint on, notes in SARIF the non-canonical references the editor hints about, at the same ranges and in the same words', async () => {
    const config = vscode.workspace.getConfiguration('egn.diagnostics');
    await config.update('nonCanonicalHint', true, vscode.ConfigurationTarget.Workspace);
    try {
      // The CLI reads the setting from the workspace's .vscode/settings.json, where VS Code just wrote it.
      const log = JSON.parse(egnCite(['check', '.', '--format', 'sarif']).stdout) as SarifLog;
      const notes = log.runs[0].results.filter((r) => r.ruleId === 'egn.nonCanonical');
      assert.ok(notes.length > 0, 'the fixture writes some references otherwise than EGN-12');
      assert.ok(notes.every((r) => r.level === 'note'));
      assert.ok(log.runs[0].tool.driver.rules.some((r) => r.id === 'egn.nonCanonical' && r.help.text.length > 0), 'the rule and its help text');
      const expected = notes.map((r) => {
        const { artifactLocation, region } = r.locations[0].physicalLocation;
        return `${decodeURIComponent(artifactLocation.uri)}:${region.startLine}:${region.startColumn}-${region.endColumn}: ${r.message.text}`;
      }).sort();
      const cli = JSON.parse(egnCite(['check', '.', '--format', 'json']).stdout) as CliCheck;
      const files = [...new Set(cli.citations.map((c) => c.file))];
      for (const f of files) {
        await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(workspaceUri(...f.split('/'))), { preview: false });
      }
      const fromEditor = (): string[] =>
        files
          .flatMap((f) => vscode.languages.getDiagnostics(workspaceUri(...f.split('/'))).filter((d) => d.code === 'egn.nonCanonical').map((d) => `${f}:${d.range.start.line + 1}:${d.range.start.character + 1}-${d.range.end.character + 1}: ${d.message}`))
          .sort();
      await until('the hints of every open document', () => fromEditor().length >= expected.length);
      assert.deepStrictEqual(fromEditor(), expected);
    } finally {
      await config.update('nonCanonicalHint', undefined, vscode.ConfigurationTarget.Workspace);
      await closeAllEditors();
    }
  });

  it('reports the coverage of the editor export: the CSV is the same text, the JSON the same counts', async () => {
    // The editor's export covers the EGN; one CSV holds one catalogue.
    const csv = egnCite(['coverage', '.', '--format', 'csv', '--catalogue', 'EGN']);
    assert.strictEqual(csv.status, 0, csv.stderr);
    await vscode.commands.executeCommand('egn.exportCoverage', 'csv');
    const exported = await until('the CSV export', () => {
      const d = vscode.window.activeTextEditor?.document;
      return d && d.isUntitled && d.getText().startsWith('Proposal,') && d;
    });
    assert.strictEqual(csv.stdout, exported.getText());
    const json = JSON.parse(egnCite(['coverage', '.', '--format', 'json']).stdout) as { catalogues: { cited: number; documents: { path: string; counts: Record<string, number> }[] }[] };
    const rows = exported.getText().trim().split('\r\n').slice(1);
    const citedInCsv = rows.filter((r) => /,yes(,|$)/.test(r)).length;
    assert.strictEqual(json.catalogues[0].cited, citedInCsv);
    const header = exported.getText().split('\r\n')[0].split(',');
    assert.deepStrictEqual(json.catalogues[0].documents.map((d) => d.path), header.slice(7));
  });
});
