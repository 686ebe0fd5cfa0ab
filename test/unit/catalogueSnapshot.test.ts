import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { loadCatalogue, loadCatalogueFile } from '../../src/core/catalogueLoader';
import { catalogueFromSnapshot } from '../../src/core/catalogueSnapshot';
import { catalogueSnapshot } from '../../src/core/catalogueSnapshotMaker';
import { snapshotNumbers } from '../../src/core/catalogueSnapshotNumbers';

const repoRoot = path.resolve(__dirname, '../../..');
const YAML = fs.readFileSync(path.join(repoRoot, 'data/egn-2020.yaml'), 'utf8');

describe('Bundled catalogue snapshot (the JSON the build puts in every bundle)', () => {
  it('is the data the loader validated from data/egn-2020.yaml, and reads back into exactly that data', () => {
    const snapshot = catalogueSnapshot(YAML);
    assert.ok(snapshot.ok);
    const loaded = loadCatalogueFile(YAML);
    assert.ok(loaded.ok);
    assert.deepStrictEqual(JSON.parse(snapshot.json), loaded.file);
  });

  it('builds the same catalogue as loading the YAML: every proposal, group, title and the context, letter for letter', () => {
    const snapshot = catalogueSnapshot(YAML);
    const loaded = loadCatalogue(YAML);
    assert.ok(snapshot.ok && loaded.ok);
    const fromSnapshot = catalogueFromSnapshot(snapshot.json);
    const c = loaded.catalogue;
    assert.strictEqual(fromSnapshot.proposals.length, 40);
    for (const key of ['id', 'prefix', 'title', 'description', 'source', 'version', 'range', 'context', 'themes', 'proposals'] as const) {
      assert.deepStrictEqual(fromSnapshot[key], c[key], key);
    }
    assert.deepStrictEqual(fromSnapshot.byId('EGN-12'), c.byId('EGN-12'));
  });

  it('gives the prefix and the proposal numbers of the catalogue it builds, without building it (what egn-cite searches for first)', () => {
    const snapshot = catalogueSnapshot(YAML);
    assert.ok(snapshot.ok);
    const built = catalogueFromSnapshot(snapshot.json);
    assert.deepStrictEqual(snapshotNumbers(snapshot.json), {
      prefix: built.prefix,
      numbers: built.proposals.map((p) => p.number),
      // The prose vocabulary too: ripgrep's early search flags files holding a prose needle (issue 18).
      prose: { nouns: built.prose?.nouns, names: built.prose?.names, titles: built.proposals.map((p) => ({ number: p.number, title: p.title })) },
    });
    // A catalogue whose numbers sit under sub-themes and in groups without them alike.
    const file = { ...snapshot.file, groups: [{ id: 'a', title: 'A', subthemes: [{ id: 'a1', title: 'A1', proposals: [{ number: 1, title: 'Un' }] }] }, { id: 'b', title: 'B', proposals: [{ number: 2, title: 'Deux' }, { number: 3, title: 'Trois' }] }] };
    assert.deepStrictEqual(snapshotNumbers(JSON.stringify(file)).numbers, [1, 2, 3]);
  });

  it('is refused, with the loader errors, for a catalogue that does not load', () => {
    const broken = catalogueSnapshot(YAML.replace(/^prefix: EGN$/m, 'prefix: [EGN'));
    assert.ok(!broken.ok);
    assert.ok(broken.errors.length > 0 && broken.errors[0].line > 1, JSON.stringify(broken.errors));
  });
});
