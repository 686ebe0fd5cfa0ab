import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { cleanup, repoRoot, runCli, tempWorkspace } from './cliSupport';

const FIXTURE = 'test/fixtures/workspace';
const EGN41 = 'EGN-41 does not exist: proposals are numbered EGN-1 to EGN-40.';

describe('egn-cite check', () => {
  const roots: string[] = [];
  const workspace = (files: Readonly<Record<string, string | Uint8Array>>): string => {
    const root = tempWorkspace(files);
    roots.push(root);
    return root;
  };
  after(() => roots.forEach(cleanup));

  it('prints the unknown reference of the demo workspace with its position and the editor message, and exits 1', () => {
    const r = runCli(['check', FIXTURE]);
    assert.strictEqual(r.status, 1, r.stderr);
    const lines = r.stdout.trim().split('\n');
    // The demo workspace has its own catalogue (prefix FRA, 12 actions) beside the EGN: both are checked.
    assert.deepStrictEqual(lines, [
      `${FIXTURE}/compte-rendu-comite-pilotage.md:18:30: warning: FRA-14 does not exist: proposals are numbered FRA-1 to FRA-12.`,
      `${FIXTURE}/plan-numerique-academique.md:34:14: warning: ${EGN41}`,
      '2 warnings (6 files checked).',
    ]);
    const text = fs.readFileSync(path.join(repoRoot, FIXTURE, 'plan-numerique-academique.md'), 'utf8').split('\n')[33];
    assert.strictEqual(text.slice(13, 19), 'EGN-41', 'line 34, column 14 is where EGN-41 starts');
    assert.strictEqual(r.stderr, '', 'nothing on stderr when not on a terminal');
  });

  it('checks the current folder when no PATH is given', () => {
    const r = runCli(['check'], path.join(repoRoot, FIXTURE));
    assert.strictEqual(r.status, 1);
    assert.match(r.stdout, /^plan-numerique-academique\.md:34:14: warning: /m);
  });

  it('exits 0 and says so when every reference exists', () => {
    const root = workspace({ 'a.md': 'Voir EGN-12 et EGN-3 à 5.\n', 'b.txt': 'EGN n° 40\n' });
    const r = runCli(['check', root]);
    assert.strictEqual(r.status, 0, r.stdout);
    assert.strictEqual(r.stdout, 'No unknown reference (2 files checked).\n');
  });

  it('reports every form of reference the editor reads: variants, lists and range ends, on CRLF lines too', () => {
    const root = workspace({ 'a.md': 'Intro\r\nVoir egn 45, EGN-7, 8 et 52.\r\nPuis EGN-38 à 44.\r\n' });
    const r = runCli(['check', root, '--format', 'json']);
    assert.strictEqual(r.status, 1);
    const out = JSON.parse(r.stdout) as { problems: { reference: string; line: number; column: number; endColumn: number }[] };
    assert.deepStrictEqual(out.problems.map((p) => [p.reference, p.line, p.column, p.endColumn]), [
      ['EGN-45', 2, 6, 12],
      ['EGN-52', 2, 26, 28],
      ['EGN-44', 3, 15, 17],
    ]);
  });

  it('checks a file named on the command line even when the include glob would leave it out', () => {
    const root = workspace({ 'notes.org': 'EGN-41\n', 'plan.md': 'EGN-42\n' });
    const r = runCli(['check', 'notes.org'], root);
    assert.strictEqual(r.status, 1);
    assert.strictEqual(r.stdout, `notes.org:1:1: warning: ${EGN41}\n1 warning (1 file checked).\n`);
  });

  it('exits 2 and names the path when a PATH does not exist', () => {
    const r = runCli(['check', 'no/such/folder']);
    assert.strictEqual(r.status, 2);
    assert.match(r.stderr, /Cannot read no\/such\/folder: no such file or folder/);
    assert.strictEqual(r.stdout, '');
  });

  it('exits 2 with usage on an unknown command, option or format', () => {
    for (const args of [['lint'], ['check', '--format', 'xml'], ['check', '--frobnicate'], ['coverage', '--max-warnings', '1'], ['check', '--max-warnings', 'many'], []]) {
      const r = runCli(args);
      assert.strictEqual(r.status, 2, `${args.join(' ')}: ${r.stderr}`);
      assert.match(r.stderr, /^egn-cite: .+\n\nUsage: egn-cite/, args.join(' '));
    }
  });

  it('reads include and exclude from PATH/.vscode/settings.json, comments and trailing commas allowed', () => {
    const root = workspace({
      '.vscode/settings.json': '{\n  // only the notes\n  "egn.index.include": "**/*.txt",\n  "egn.index.exclude": "brouillons/**",\n}\n',
      'note.txt': 'EGN-41\n',
      'plan.md': 'EGN-42\n',
      'brouillons/vieux.txt': 'EGN-43\n',
    });
    const r = runCli(['check', root, '--format', 'json']);
    assert.strictEqual(r.status, 1);
    const out = JSON.parse(r.stdout) as { filesChecked: number; problems: { reference: string }[] };
    assert.deepStrictEqual(out.problems.map((p) => p.reference), ['EGN-41']);
    assert.strictEqual(out.filesChecked, 1);
  });

  it('lets --include and --exclude override the settings', () => {
    const root = workspace({
      '.vscode/settings.json': '{ "egn.index.include": "**/*.txt" }',
      'note.txt': 'EGN-41\n',
      'plan.md': 'EGN-42\n',
      'brouillons/vieux.md': 'EGN-43\n',
    });
    const r = runCli(['check', root, '--include', '**/*.md', '--exclude', 'brouillons/**', '--format', 'json']);
    assert.deepStrictEqual((JSON.parse(r.stdout) as { problems: { reference: string }[] }).problems.map((p) => p.reference), ['EGN-42']);
  });

  it('skips node_modules and the files.exclude patterns, as the editor index does', () => {
    const root = workspace({
      '.vscode/settings.json': '{ "files.exclude": { "**/archives": true, "**/tmp": false } }',
      'node_modules/pkg/README.md': 'EGN-41\n',
      'archives/2019.md': 'EGN-42\n',
      'tmp/x.md': 'EGN-43\n',
    });
    const r = runCli(['check', root, '--format', 'json']);
    assert.deepStrictEqual((JSON.parse(r.stdout) as { problems: { reference: string }[] }).problems.map((p) => p.reference), ['EGN-43']);
  });

  it('exits 2 on a settings.json that does not parse, naming the file, line and column', () => {
    const root = workspace({ '.vscode/settings.json': '{\n  "egn.index.include": "**/*.md"\n  "egn.index.exclude": ""\n}\n', 'a.md': 'EGN-41' });
    const r = runCli(['check', root]);
    assert.strictEqual(r.status, 2);
    assert.match(r.stderr, /settings\.json:3:3: invalid JSON: CommaExpected/);
  });

  it('exits 2 on a setting of the wrong type, at its line', () => {
    const root = workspace({ '.vscode/settings.json': '{\n  "egn.index.maxFileSize": "big"\n}', 'a.md': 'EGN-41' });
    const r = runCli(['check', root]);
    assert.strictEqual(r.status, 2);
    assert.match(r.stderr, /settings\.json:2:28: "egn\.index\.maxFileSize" must be a number/);
  });

  it('skips files over egn.index.maxFileSize and binary files', () => {
    const root = workspace({
      '.vscode/settings.json': '{ "egn.index.maxFileSize": 100 }',
      'big.md': `EGN-41 ${'x'.repeat(200)}`,
      'image.md': Buffer.from([0x45, 0x47, 0x4e, 0x2d, 0x34, 0x32, 0x00, 0x01, 0x02]),
      'small.md': 'EGN-43',
    });
    const r = runCli(['check', root, '--format', 'json']);
    const out = JSON.parse(r.stdout) as { filesChecked: number; problems: { reference: string }[] };
    assert.deepStrictEqual(out.problems.map((p) => p.reference), ['EGN-43']);
    assert.strictEqual(out.filesChecked, 1);
  });

  it('reads UTF-16 files with a byte order mark and drops a UTF-8 BOM without shifting columns', () => {
    const utf16 = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('Voir EGN-44.\n', 'utf16le')]);
    const root = workspace({ 'u16.txt': utf16, 'bom.md': Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from('EGN-45\n')]) });
    const r = runCli(['check', root, '--format', 'json']);
    const out = JSON.parse(r.stdout) as { problems: { file: string; reference: string; column: number }[] };
    assert.deepStrictEqual(out.problems.map((p) => [path.basename(p.file), p.reference, p.column]), [['bom.md', 'EGN-45', 1], ['u16.txt', 'EGN-44', 6]]);
  });

  it('honours egn-ignore-next-line and egn-ignore-file (in the first ten lines only)', () => {
    const root = workspace({
      'next.md': '<!-- egn-ignore-next-line -->\nEGN-41 cité exprès.\nEGN-42 par erreur.\n',
      'file.tex': '% egn-ignore-file\nEGN-43\n',
      'late.md': `${'ligne\n'.repeat(10)}<!-- egn-ignore-file -->\nEGN-44\n`,
    });
    const r = runCli(['check', root, '--format', 'json']);
    const out = JSON.parse(r.stdout) as { problems: { reference: string }[]; citations: { number: number }[] };
    assert.deepStrictEqual(out.problems.map((p) => p.reference), ['EGN-44', 'EGN-42']);
    assert.deepStrictEqual(out.citations.map((c) => c.number).sort(), [42, 44], 'ignored references are no citations either');
  });

  it('with --max-warnings N, exits 0 up to N warnings and 1 beyond, as ESLint', () => {
    const root = workspace({ 'a.md': 'EGN-41 et EGN-42\n' });
    assert.strictEqual(runCli(['check', root, '--max-warnings', '2']).status, 0);
    const over = runCli(['check', root, '--max-warnings', '1']);
    assert.strictEqual(over.status, 1);
    assert.match(over.stderr, /2 warnings, more than --max-warnings 1/);
    assert.strictEqual(runCli(['check', root, '--max-warnings', '0']).status, 1);
  });

  it('--format json lists every citation, implied range numbers included, and the problems', () => {
    const root = workspace({ 'a.md': 'EGN-3 à 5, EGN-41\n' });
    const r = runCli(['check', root, '--format', 'json']);
    const out = JSON.parse(r.stdout) as { catalogues: { prefix: string; source: string }[]; citations: { number: number; implied: boolean; exists: boolean; column: number }[]; problems: unknown[] };
    assert.deepStrictEqual(out.catalogues.map((c) => [c.prefix, c.source]), [['EGN', 'bundled']]);
    assert.deepStrictEqual(out.citations.map((c) => [c.number, c.implied, c.exists, c.column]), [
      [3, false, true, 1],
      [5, false, true, 9],
      [4, true, true, 9],
      [41, false, false, 12],
    ]);
    assert.strictEqual(out.problems.length, 1);
  });

  it('--format github writes one escaped ::warning workflow command per problem', () => {
    const root = workspace({ 'notes, 100%.md': 'EGN-41\n' });
    const r = runCli(['check', '.', '--format', 'github'], root);
    assert.strictEqual(r.status, 1);
    assert.strictEqual(r.stdout, `::warning file=notes%2C 100%25.md,line=1,col=1,endLine=1,endColumn=7,title=EGN-41::${EGN41}\n`);
  });

  it('reads 600 files through the reader threads, each once, and reports exactly the unknown references among them', () => {
    const files: Record<string, string> = {};
    for (let k = 0; k < 600; k++) {
      files[`d${k % 7}/f${k}.md`] = k % 50 === 0 ? `Voir EGN-${41 + (k % 9)}.\n` : `Voir EGN-${1 + (k % 40)}.\n`;
    }
    const root = workspace(files);
    const many = JSON.parse(runCli(['check', root, '--format', 'json']).stdout) as { filesChecked: number; problems: { file: string; reference: string }[]; citations: unknown[] };
    assert.strictEqual(many.filesChecked, 600);
    assert.strictEqual(many.citations.length, 600);
    const expected = Object.entries(files).filter(([, t]) => /EGN-4[1-9]/.test(t)).map(([f, t]) => `${f} ${/EGN-\d+/.exec(t)![0]}`).sort();
    assert.deepStrictEqual(many.problems.map((p) => `${path.relative(root, path.resolve(repoRoot, p.file)).split(path.sep).join('/')} ${p.reference}`).sort(), expected);
  });

  it('warns about the same references whether it lists every citation (json) or only the warnings (text, threads)', () => {
    const files: Record<string, string> = {};
    const bodies = [
      'Voir EGN-41, 42 et EGN-3 à 45.\r\nEGN n° 46\r\n',
      '<!-- egn-ignore-next-line -->\nEGN-47\nEGN-48 ; egn 49\n',
      'ligne\rEGN-50 après un retour seul\n',
      '% egn-ignore-file\nEGN-51\n',
      'EGN-7, 8 ou 60. EGN-38 à EGN-44\n',
      'Rien ici.\n',
    ];
    for (let k = 0; k < 300; k++) {
      files[`f${String(k).padStart(3, '0')}.md`] = bodies[k % bodies.length];
    }
    const root = workspace(files);
    const json = JSON.parse(runCli(['check', root, '--format', 'json']).stdout) as { problems: { file: string; line: number; column: number; reference: string }[] };
    const fromJson = json.problems.map((p) => `${p.file}:${p.line}:${p.column}: ${p.reference}`);
    const text = runCli(['check', root]).stdout.trim().split('\n').slice(0, -1);
    const fromText = text.map((l) => l.replace(/ warning: (\S+) does not exist.*$/, ' $1'));
    assert.strictEqual(fromJson.length, (300 / 6) * 9, 'nine warnings per group of six files');
    assert.deepStrictEqual(fromText, fromJson);
  });

  it('prints a reference of 400 digits with its digits as written (never EGN-Infinity), in text, json, github and sarif', () => {
    const digits = `0${'9'.repeat(399)}`;
    const written = `EGN-${'9'.repeat(399)}`;
    const root = workspace({ 'a.md': `Voir EGN-${digits} et EGN-12345678901234567890.\n` });
    const text = runCli(['check', root]);
    assert.strictEqual(text.status, 1);
    const lines = text.stdout.trim().split('\n');
    assert.ok(lines[0].endsWith(`warning: ${written} does not exist: proposals are numbered EGN-1 to EGN-40.`), lines[0]);
    assert.ok(lines[1].endsWith('warning: EGN-12345678901234567890 does not exist: proposals are numbered EGN-1 to EGN-40.'), lines[1]);
    for (const format of ['json', 'github', 'sarif']) {
      const out = runCli(['check', root, '--format', format]).stdout;
      assert.ok(out.includes(written), `${format} names ${written.slice(0, 12)}…`);
      assert.ok(out.includes('EGN-12345678901234567890'), `${format} keeps the 20 digits`);
      assert.doesNotMatch(out, /Infinity|e\+\d/, format);
    }
    const json = JSON.parse(runCli(['check', root, '--format', 'json']).stdout) as { citations: { reference: string }[] };
    assert.deepStrictEqual(json.citations.map((c) => c.reference), [written, 'EGN-12345678901234567890']);
  });

  it('notes non-canonical references where the settings turn egn.diagnostics.nonCanonicalHint on (language values too), as the editor hints, without failing', () => {
    const root = workspace({
      '.vscode/settings.json': '{\n  "[markdown]": { "egn.diagnostics.nonCanonicalHint": true },\n}\n',
      'a.md': 'Voir EGN 12 et EGN-3.\n<!-- egn-ignore-next-line -->\negn-4 cité tel quel.\nEGN n° 40, 2 et 3\n',
      'b.txt': 'Voir EGN 12.\n',
    });
    const text = runCli(['check', '.'], root);
    assert.strictEqual(text.status, 0, 'notes are no warnings');
    assert.strictEqual(text.stdout, ['a.md:1:6: note: "EGN 12" is usually written EGN-12.', 'a.md:4:1: note: "EGN n° 40" is usually written EGN-40.', 'No unknown reference, 2 notes (2 files checked).', ''].join('\n'));
    assert.strictEqual(runCli(['check', '.', '--format', 'github'], root).stdout.split('\n')[0], '::notice file=a.md,line=1,col=6,endLine=1,endColumn=12,title=EGN-12::"EGN 12" is usually written EGN-12.');
    const json = JSON.parse(runCli(['check', '.', '--format', 'json'], root).stdout) as { problems: { rule: string; level: string; line: number; column: number }[]; citations: unknown[] };
    assert.deepStrictEqual(json.problems.map((p) => [p.rule, p.level, p.line, p.column]), [['egn.nonCanonical', 'note', 1, 6], ['egn.nonCanonical', 'note', 4, 1]]);
    assert.strictEqual(json.citations.length, 6, 'hints are not citations');
    assert.strictEqual(runCli(['check', '.', '--max-warnings', '0'], root).status, 0);
  });

  it('notes the non-canonical references of a workspace catalogue too, not only of the bundled one, with the same rule as the editor', () => {
    const root = workspace({
      '.vscode/settings.json': '{ "egn.diagnostics.nonCanonicalHint": true }',
      'academie.catalogue.yaml': fs.readFileSync(path.join(repoRoot, FIXTURE, 'academie-exemple.catalogue.yaml'), 'utf8'),
      'a.md': 'Voir FRA 3 et EGN 12.\nPuis FRA-2, fra-4 et FRA-14.\n',
    });
    const text = runCli(['check', '.'], root);
    assert.strictEqual(text.stdout, [
      // By catalogue (the bundled one first), then position, as egn-cite has always ordered them.
      'a.md:1:15: note: "EGN 12" is usually written EGN-12.',
      'a.md:1:6: note: "FRA 3" is usually written FRA-3.',
      'a.md:2:13: note: "fra-4" is usually written FRA-4.',
      'a.md:2:22: warning: FRA-14 does not exist: proposals are numbered FRA-1 to FRA-12.',
      '1 warning, 3 notes (1 file checked).',
      '',
    ].join('\n'));
    const json = JSON.parse(runCli(['check', '.', '--format', 'json'], root).stdout) as { problems: { rule: string; level: string; reference: string }[] };
    assert.deepStrictEqual(json.problems.map((p) => [p.rule, p.level, p.reference]), [
      ['egn.nonCanonical', 'note', 'EGN-12'],
      ['egn.nonCanonical', 'note', 'FRA-3'],
      ['egn.nonCanonical', 'note', 'FRA-4'],
      ['egn.unknownProposal', 'warning', 'FRA-14'],
    ]);
  });
});
