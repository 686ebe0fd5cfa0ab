import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import * as vscode from 'vscode';
import { loadBundledCatalogue } from '../../../src/bundledCatalogue';
import { createLinePrefilter } from '../../../src/core/candidateLines';
import { CitationIndex } from '../../../src/core/citationIndex';
import { createFileFilter, enabledPatterns } from '../../../src/core/globMatcher';
import { indexableText } from '../../../src/core/indexBuilder';
import { ReferenceScanner } from '../../../src/core/referenceScanner';
import { prng } from '../../support/prng';
import { activateExtension, until, workspaceUri } from './support';

const ROUNDS = 6;
const OPERATIONS_PER_ROUND = 50;
const NUMBERS = Array.from({ length: 44 }, (_, k) => k + 1);

describe('Index under random file operations, in the real host', function () {
  this.timeout(240_000);
  let root: vscode.Uri;
  let oracle: () => CitationIndex;
  let probe: vscode.TextDocument;

  before(async () => {
    const ext = await activateExtension();
    const loaded = await loadBundledCatalogue(ext.extensionUri);
    assert.ok(loaded.ok);
    const catalogue = loaded.catalogue;
    const exists = (n: number): boolean => catalogue.byNumber(n) !== undefined;
    const scanner = new ReferenceScanner(catalogue.prefix, exists);
    probe = await vscode.workspace.openTextDocument({ language: 'markdown', content: NUMBERS.map((n) => `EGN-${n}`).join('\n') });
    root = workspaceUri('churn');
    fs.mkdirSync(root.fsPath, { recursive: true });
    const folder = vscode.workspace.workspaceFolders![0];
    const egn = vscode.workspace.getConfiguration('egn.index', folder);
    const filter = createFileFilter({
      include: egn.get<string>('include')!,
      exclude: [egn.get<string>('exclude') ?? '', ...enabledPatterns(vscode.workspace.getConfiguration('files', folder).get('exclude'))],
      maxFileSize: egn.get<number>('maxFileSize')!,
    });
    // The truth, made independently of the extension's readers: every file under churn/ read whole
    // from disk, except that an open document with unsaved changes counts with its text.
    oracle = () => {
      const index = new CitationIndex((t) => scanner.scan(t), exists, createLinePrefilter([catalogue.prefix]));
      const walk = (dir: string): void => {
        for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
          const p = path.join(dir, e.name);
          const uri = vscode.Uri.file(p);
          const rel = path.relative(folder.uri.fsPath, p).split(path.sep).join('/');
          if (e.isDirectory()) {
            walk(p);
          } else if (filter.accepts(rel) && !vscode.workspace.textDocuments.some((d) => d.isDirty && d.uri.toString() === uri.toString())) {
            const bytes = fs.readFileSync(p);
            const text = filter.acceptsSize(bytes.length) ? indexableText(bytes) : undefined;
            if (text !== undefined) {
              index.set(uri.toString(), text);
            }
          }
        }
      };
      walk(root.fsPath);
      for (const d of vscode.workspace.textDocuments) {
        const rel = path.relative(folder.uri.fsPath, d.uri.fsPath).split(path.sep).join('/');
        if (d.isDirty && d.uri.toString().startsWith(`${root.toString()}/`) && filter.accepts(rel)) {
          index.set(d.uri.toString(), d.getText());
        }
      }
      return index;
    };
  });

  after(async () => {
    for (const d of vscode.workspace.textDocuments) {
      if (d.isDirty && d.uri.toString().startsWith(`${root.toString()}/`)) {
        await d.save();
      }
    }
    fs.rmSync(root.fsPath, { recursive: true, force: true });
  });

  /** The citations under churn/ as find all references reports them, number by number. */
  async function snapshot(): Promise<string[]> {
    const rows: string[] = [];
    for (const n of NUMBERS) {
      const locations = await vscode.commands.executeCommand<vscode.Location[]>('vscode.executeReferenceProvider', probe.uri, new vscode.Position(n - 1, 1));
      for (const l of locations ?? []) {
        if (l.uri.toString().startsWith(`${root.toString()}/`)) {
          rows.push(`${n} ${l.uri.path.slice(root.path.length)}:${l.range.start.line}:${l.range.start.character}-${l.range.end.character}`);
        }
      }
    }
    return rows.sort();
  }

  function expected(): string[] {
    const index = oracle();
    return NUMBERS.flatMap((n) => index.citationsOf(n, { previews: false }).map((c) => `${n} ${vscode.Uri.parse(c.uri).path.slice(root.path.length)}:${c.line}:${c.character}-${c.endCharacter}`)).sort();
  }

  it(`equals a fresh rebuild, and the truth on disk, after each of ${ROUNDS} rounds of ${OPERATIONS_PER_ROUND} random operations, folders with subfolders moved at any depth among them`, async () => {
    const rand = prng(20261130);
    const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rand() * xs.length)];
    const text = (): string => Array.from({ length: 1 + Math.floor(rand() * 4) }, () =>
      pick(['Voir EGN-12.', 'EGN-3 à 5 et EGN n° 7', 'rien ici', 'EGN-40, 41 et 2', '<!-- egn-ignore-next-line -->', 'Le numérique à l’école EGN-23'])).join('\n');
    const files = (): string[] => {
      const out: string[] = [];
      const walk = (dir: string, rel: string): void => {
        for (const e of fs.existsSync(dir) ? fs.readdirSync(dir, { withFileTypes: true }) : []) {
          if (e.isDirectory()) {
            walk(path.join(dir, e.name), `${rel}${e.name}/`);
          } else {
            out.push(`${rel}${e.name}`);
          }
        }
      };
      walk(root.fsPath, '');
      return out;
    };
    const folders = (): string[] => fs.readdirSync(root.fsPath, { withFileTypes: true }).filter((e) => e.isDirectory()).map((e) => e.name);
    /** Every folder under churn/, at any depth, as a relative path. */
    const allFolders = (): string[] => {
      const out: string[] = [];
      const walk = (dir: string, rel: string): void => {
        for (const e of fs.existsSync(dir) ? fs.readdirSync(dir, { withFileTypes: true }) : []) {
          if (e.isDirectory()) {
            out.push(`${rel}${e.name}`);
            walk(path.join(dir, e.name), `${rel}${e.name}/`);
          }
        }
      };
      walk(root.fsPath, '');
      return out;
    };
    /**
     * A folder that holds a subfolder when there is one, and a new name for it, at any depth, in
     * another folder or beside it; never inside itself.
     */
    const folderMove = (): { from: string; to: string } | undefined => {
      const all = allFolders();
      const nested = all.filter((f) => all.some((g) => g.startsWith(`${f}/`)));
      const from = nested.length > 0 && rand() < 0.7 ? pick(nested) : all.length > 0 ? pick(all) : undefined;
      if (from === undefined) {
        return undefined;
      }
      const parents = ['', ...all.filter((f) => f !== from && !f.startsWith(`${from}/`)).map((f) => `${f}/`)];
      const to = `${pick(parents)}r${Math.floor(rand() * 1000)}`;
      return fs.existsSync(uriOf(to).fsPath) ? undefined : { from, to };
    };
    const uriOf = (rel: string): vscode.Uri => vscode.Uri.joinPath(root, ...rel.split('/'));
    const kinds = new Map<string, number>();
    const journal: string[] = [];
    const count = (kind: string, ...paths: string[]): void => {
      kinds.set(kind, (kinds.get(kind) ?? 0) + 1);
      journal.push(`${kind} ${paths.join(' → ')}`);
    };

    for (let round = 1; round <= ROUNDS; round++) {
      for (let op = 0; op < OPERATIONS_PER_ROUND; op++) {
        const r = rand();
        const existing = files();
        // Files up to three folders deep, so that folder renames and moves carry subfolders along.
        const depth = Math.floor(rand() * 4);
        const dir = Array.from({ length: depth }, () => `d${Math.floor(rand() * 3)}/`).join('');
        const target = `${dir}f${Math.floor(rand() * 12)}.${pick(['md', 'txt', 'json'])}`;
        try {
          if (r < 0.2 || existing.length === 0) {
            fs.mkdirSync(path.dirname(uriOf(target).fsPath), { recursive: true });
            fs.writeFileSync(uriOf(target).fsPath, text());
            count('create on disk', target);
          } else if (r < 0.3) {
            await vscode.workspace.fs.writeFile(uriOf(target), Buffer.from(text()));
            count('write through workspace.fs', target);
          } else if (r < 0.45) {
            const chosen = pick(existing);
            const doc = await vscode.workspace.openTextDocument(uriOf(chosen));
            const edit = new vscode.WorkspaceEdit();
            edit.insert(doc.uri, new vscode.Position(0, 0), `${text()}\n`);
            await vscode.workspace.applyEdit(edit);
            if (rand() < 0.5) {
              await doc.save();
              count('edit an open document and save', chosen);
            } else {
              count('edit an open document, unsaved', chosen);
            }
          } else if (r < 0.52) {
            const chosen = pick(existing);
            fs.writeFileSync(uriOf(chosen).fsPath, text());
            count('edit on disk', chosen);
          } else if (r < 0.6) {
            const chosen = pick(existing);
            fs.rmSync(uriOf(chosen).fsPath, { force: true });
            count('delete on disk', chosen);
          } else if (r < 0.66) {
            const edit = new vscode.WorkspaceEdit();
            const chosen = pick(existing);
            edit.deleteFile(uriOf(chosen), { ignoreIfNotExists: true });
            await vscode.workspace.applyEdit(edit);
            count('delete through WorkspaceEdit', chosen);
          } else if (r < 0.74) {
            const edit = new vscode.WorkspaceEdit();
            const chosen = pick(existing);
            edit.renameFile(uriOf(chosen), uriOf(target), { overwrite: true });
            await vscode.workspace.applyEdit(edit);
            count('rename through WorkspaceEdit', chosen, target);
          } else if (r < 0.8) {
            fs.mkdirSync(path.dirname(uriOf(target).fsPath), { recursive: true });
            const chosen = pick(existing);
            fs.renameSync(uriOf(chosen).fsPath, uriOf(target).fsPath);
            count('rename on disk', chosen, target);
          } else if (r < 0.85 && folders().length > 0) {
            const from = pick(folders());
            const to = `d${Math.floor(rand() * 6)}`;
            if (from !== to && !fs.existsSync(uriOf(to).fsPath)) {
              fs.renameSync(uriOf(from).fsPath, uriOf(to).fsPath);
              count('rename a folder on disk', from, to);
            } else {
              count('no folder to rename into');
            }
          } else if (r < 0.96) {
            const move = folderMove();
            const how = r < 0.9 ? 'on disk' : r < 0.93 ? 'through workspace.fs' : 'through WorkspaceEdit';
            if (!move) {
              count('no folder to rename into');
            } else if (how === 'on disk') {
              fs.mkdirSync(path.dirname(uriOf(move.to).fsPath), { recursive: true });
              fs.renameSync(uriOf(move.from).fsPath, uriOf(move.to).fsPath);
            } else if (how === 'through workspace.fs') {
              await vscode.workspace.fs.rename(uriOf(move.from), uriOf(move.to));
            } else {
              const edit = new vscode.WorkspaceEdit();
              edit.renameFile(uriOf(move.from), uriOf(move.to));
              await vscode.workspace.applyEdit(edit);
            }
            if (move) {
              count(`move a folder with its subfolders ${how}`, move.from, move.to);
            }
          } else if (folders().length > 0) {
            const chosen = pick(folders());
            fs.rmSync(uriOf(chosen).fsPath, { recursive: true, force: true });
            count('delete a folder on disk', chosen);
          } else {
            const chosen = pick(existing);
            await vscode.workspace.openTextDocument(uriOf(chosen));
            count('open a document', chosen);
          }
        } catch {
          // A random operation may target something that just went away: that is churn too.
          count('failed operation');
        }
        if (op === OPERATIONS_PER_ROUND / 2 && round % 2 === 0) {
          // Half the rounds go on while a rebuild runs.
          void vscode.commands.executeCommand('egn.rebuildIndex');
        }
      }
      let last: string[] = [];
      await until(`round ${round}: the index to equal the files on disk and the unsaved documents`, async () => {
        last = await snapshot();
        const want = expected();
        return JSON.stringify(last) === JSON.stringify(want);
      }, 30_000).catch((e: Error) => {
        const dirty = vscode.workspace.textDocuments.filter((d) => d.isDirty).map((d) => d.uri.path);
        const want = expected();
        const extra = last.filter((row) => !want.includes(row));
        const missing = want.filter((row) => !last.includes(row));
        const names = new Set([...extra, ...missing].map((row) => row.split(' ')[1].split(':')[0].slice(1)));
        const story = journal.filter((j) => [...names].some((n) => j.includes(n) || n.startsWith(j.split(' ').pop() ?? '\0')));
        assert.fail(`${e.message}\nops on those files: ${story.join('; ')}\nextra: ${extra.join(', ')}\nmissing: ${missing.join(', ')}\nfiles: ${files().join(' ')}\nunsaved: ${dirty.join(' ')}`);
      });
      await vscode.commands.executeCommand('egn.rebuildIndex');
      assert.deepStrictEqual(await snapshot(), last, `round ${round}: the incremental index differs from a rebuild`);
    }
    const total = [...kinds.values()].reduce((a, b) => a + b, 0);
    assert.strictEqual(total, ROUNDS * OPERATIONS_PER_ROUND);
    for (const kind of ['create on disk', 'edit an open document, unsaved', 'rename through WorkspaceEdit', 'rename a folder on disk', 'delete a folder on disk',
      'move a folder with its subfolders on disk', 'move a folder with its subfolders through workspace.fs', 'move a folder with its subfolders through WorkspaceEdit']) {
      assert.ok((kinds.get(kind) ?? 0) >= 3, `${kind}: ${kinds.get(kind) ?? 0} times (${JSON.stringify([...kinds])})`);
    }
  });
});
