import * as assert from 'assert';
import * as vscode from 'vscode';
import { scheduleBackgroundBuild } from '../../../src/citations/backgroundBuild';
import type { CitationSource } from '../../../src/citations/citationSource';
import { WorkspaceCatalogues } from '../../../src/catalogues/workspaceCatalogues';
import { loadCatalogue } from '../../../src/core/catalogueLoader';
import { until, workspaceUri } from './support';

/** A citation index that only counts how often it was asked to build. */
function countingIndex(): { readonly source: CitationSource; builds(): number } {
  let builds = 0;
  const source = {
    isReady: false,
    ready: () => {
      builds++;
      return Promise.resolve(true);
    },
  } as unknown as CitationSource;
  return { source, builds: () => builds };
}

describe('The index build at startup', () => {
  it('waits for the first load of the workspace catalogues, so that it reads the files once for every catalogue', async () => {
    const index = countingIndex();
    let loaded!: () => void;
    let asked = 0;
    const catalogues = {
      settled: () => {
        asked++;
        return new Promise<void>((resolve) => {
          loaded = resolve;
        });
      },
    };
    const schedule = scheduleBackgroundBuild(index.source, catalogues);
    try {
      await until('the build to wait for the catalogues', () => asked === 1);
      // Whatever was queued meanwhile has run: the build is still waiting.
      await new Promise((r) => setImmediate(r));
      assert.strictEqual(index.builds(), 0, 'the index was built before the catalogues loaded');
      loaded();
      await until('the build once the catalogues loaded', () => index.builds() === 1);
    } finally {
      schedule.dispose();
    }
  });

  it('hears from the catalogues when their first load ends, with the workspace catalogue (FRA) in use', async () => {
    const yaml = new TextDecoder().decode(await vscode.workspace.fs.readFile(vscode.Uri.joinPath(vscode.extensions.getExtension('egn-tools.egn-numerique-education')!.extensionUri, 'data', 'egn-2020.yaml')));
    const bundled = loadCatalogue(yaml);
    assert.ok(bundled.ok);
    const output = vscode.window.createOutputChannel('EGN background build test', { log: true });
    const catalogues = new WorkspaceCatalogues(bundled.catalogue, output);
    try {
      assert.ok((await vscode.workspace.findFiles('*.catalogue.yaml')).some((u) => u.toString() === workspaceUri('academie-exemple.catalogue.yaml').toString()));
      // Bound far beyond the load, so that only its end can settle it.
      await catalogues.settled(120_000);
      assert.deepStrictEqual(catalogues.current.catalogues.map((c) => c.catalogue.prefix), ['EGN', 'FRA']);
    } finally {
      catalogues.dispose();
      output.dispose();
    }
  });
});
