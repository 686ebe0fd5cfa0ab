import * as assert from 'assert';
import * as vscode from 'vscode';
import { activateExtension, closeAllEditors, openFixture, positionOf, until } from './support';

const PLAN = 'plan-numerique-academique.md';
const DELIBERATION = 'deliberation-conseil-departemental.tex';
const NOTE = 'note-projet-ent.txt';

function hoverText(hovers: readonly vscode.Hover[]): string {
  return hovers
    .flatMap((h) => h.contents.map((c) => (typeof c === 'string' ? c : 'value' in c ? c.value : '')))
    .join('\n')
    // Catalogue text is escaped for Markdown; compare the text a reader sees.
    .replace(/\\(.)/g, '$1');
}

async function hoversAt(doc: vscode.TextDocument, pos: vscode.Position): Promise<vscode.Hover[]> {
  return (await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', doc.uri, pos)) ?? [];
}

/** The completion items of this extension (kind Reference, label EGN-n), in the order VS Code sorts them. */
async function egnCompletions(doc: vscode.TextDocument, pos: vscode.Position): Promise<vscode.CompletionItem[]> {
  const list = await vscode.commands.executeCommand<vscode.CompletionList>('vscode.executeCompletionItemProvider', doc.uri, pos);
  return list.items
    .filter((i) => i.kind === vscode.CompletionItemKind.Reference && /^EGN-\d+$/.test(labelOf(i)))
    .sort((a, b) => (a.sortText ?? labelOf(a)).localeCompare(b.sortText ?? labelOf(b)));
}

function labelOf(item: vscode.CompletionItem): string {
  return typeof item.label === 'string' ? item.label : item.label.label;
}

async function untitled(language: string, content: string): Promise<vscode.TextEditor> {
  const doc = await vscode.workspace.openTextDocument({ language, content });
  return vscode.window.showTextDocument(doc);
}

function egnDiagnostics(uri: vscode.Uri): vscode.Diagnostic[] {
  return vscode.languages.getDiagnostics(uri).filter((d) => d.source === 'EGN');
}

function endOfDocument(doc: vscode.TextDocument): vscode.Position {
  return doc.lineAt(doc.lineCount - 1).range.end;
}

describe('Writing support', () => {
  before(async () => {
    await activateExtension();
  });

  afterEach(async () => {
    await closeAllEditors();
  });

  describe('hover', () => {
    it('shows the id, official title, theme path and command links of EGN-12 in Markdown', async () => {
      const { document: doc } = await openFixture(PLAN);
      const at = positionOf(doc, 'EGN-12', 3);
      const hovers = await hoversAt(doc, at);
      const text = hoverText(hovers);
      assert.match(text, /EGN-12/);
      assert.match(text, /Développer la citoyenneté numérique et renforcer l’éducation aux médias/);
      assert.match(text, /Enseigner et apprendre/i);
      const raw = hovers.flatMap((h) => h.contents.map((c) => (c as vscode.MarkdownString).value)).join('\n');
      assert.ok(raw.includes(`command:egn.openProposal?${encodeURIComponent(JSON.stringify(['EGN-12']))}`), raw);
      assert.ok(raw.includes('command:egn.revealInCatalogue?'), raw);
      const range = hovers.find((h) => h.range)?.range;
      assert.ok(range, 'the hover has a range');
      assert.strictEqual(doc.getText(range), 'EGN-12');
    });

    it('says once that EGN-41 does not exist and gives the valid range: in its warning, or in the hover when warnings are off', async () => {
      const { document: doc } = await openFixture(PLAN);
      const at = positionOf(doc, 'EGN-41', 1);
      const warnings = await until('the EGN-41 warning', () => { const d = vscode.languages.getDiagnostics(doc.uri).filter((x) => x.source === 'EGN'); return d.length > 0 && d; });
      assert.match(warnings[0].message, /EGN-41 does not exist: proposals are numbered EGN-1 to EGN-40\./);
      assert.ok(!/does not exist/.test(hoverText(await hoversAt(doc, at))), 'the warning\'s hover says it already');
      const config = vscode.workspace.getConfiguration('egn.diagnostics');
      await config.update('enabled', false, vscode.ConfigurationTarget.Workspace);
      try {
        await until('the warning gone', () => vscode.languages.getDiagnostics(doc.uri).every((x) => x.source !== 'EGN'));
        assert.match(hoverText(await hoversAt(doc, at)), /EGN-41 does not exist: proposals are numbered EGN-1 to EGN-40\./);
      } finally {
        await config.update('enabled', undefined, vscode.ConfigurationTarget.Workspace);
      }
    });

    it('works inside a LaTeX command such as \\textbf{EGN-16}', async () => {
      const { document: doc } = await openFixture(DELIBERATION);
      assert.strictEqual(doc.languageId, 'latex');
      const text = hoverText(await hoversAt(doc, positionOf(doc, '\\textbf{EGN-16}', '\\textbf{EGN-1'.length)));
      assert.match(text, /EGN-16/);
      assert.match(text, /équipement/i);
    });

    it('mentions the numbers a range implies when hovering its end (EGN-16–18 also cites EGN-17)', async () => {
      const { document: doc } = await openFixture(DELIBERATION);
      const text = hoverText(await hoversAt(doc, positionOf(doc, 'EGN-16–18', 'EGN-16–1'.length)));
      assert.match(text, /EGN-18/);
      assert.match(text, /range also cites EGN-17/);
    });

    it('shows nothing on ordinary text', async () => {
      const { document: doc } = await openFixture(NOTE);
      assert.strictEqual(hoverText(await hoversAt(doc, positionOf(doc, 'Calendrier', 3))).trim(), '');
    });
  });

  describe('completion', () => {
    it('offers the 40 proposals in number order after "EGN-", replacing what was typed', async () => {
      const editor = await untitled('markdown', 'Conformément à EGN-');
      const pos = endOfDocument(editor.document);
      const items = await egnCompletions(editor.document, pos);
      assert.deepStrictEqual(items.map(labelOf), Array.from({ length: 40 }, (_, i) => `EGN-${i + 1}`));
      const twelve = items[11];
      assert.match(String(twelve.detail), /citoyenneté numérique/);
      const range = twelve.range as vscode.Range;
      assert.strictEqual(editor.document.getText(range), 'EGN-');
    });

    it('lists after "EGN-citoy" only the proposals whose title holds the word (EGN-12), not those VS Code\'s fuzzy match would add', async () => {
      const editor = await untitled('plaintext', 'Voir EGN-citoy');
      const list = await vscode.commands.executeCommand<vscode.CompletionList>('vscode.executeCompletionItemProvider', editor.document.uri, endOfDocument(editor.document));
      const items = await egnCompletions(editor.document, endOfDocument(editor.document));
      assert.deepStrictEqual(items.map(labelOf), ['EGN-12']);
      assert.strictEqual(editor.document.getText(items[0].range as vscode.Range), 'EGN-citoy');
      assert.ok(list.isIncomplete, 'asked again at the next keystroke, which may change the words');
      // Accents and case folded.
      const more = await untitled('plaintext', 'Voir EGN-CITOYENNETÉ');
      assert.deepStrictEqual((await egnCompletions(more.document, endOfDocument(more.document))).map(labelOf), ['EGN-12']);
      const education = await untitled('plaintext', 'Voir EGN-education');
      const found = (await egnCompletions(education.document, endOfDocument(education.document))).map(labelOf);
      assert.ok(found.includes('EGN-12') && found.includes('EGN-14') && found.length < 40, found.join(', '));
    });

    it('offers the proposals after "EGN n°" too, with a filterText that starts as typed', async () => {
      const editor = await untitled('latex', 'la proposition EGN n°');
      const items = await egnCompletions(editor.document, endOfDocument(editor.document));
      assert.strictEqual(items.length, 40);
      assert.strictEqual(editor.document.getText(items[0].range as vscode.Range), 'EGN n°');
      assert.ok(items[0].filterText?.startsWith('EGN n°1 EGN-1 '), items[0].filterText);
    });

    it('offers nothing of its own after an ordinary hyphen ("auto-")', async () => {
      const editor = await untitled('markdown', 'une démarche auto-');
      assert.deepStrictEqual(await egnCompletions(editor.document, endOfDocument(editor.document)), []);
    });

    it('includes the "egnref" snippet on an empty line of a Markdown document', async () => {
      const editor = await untitled('markdown', 'Titre\n\n');
      const list = await vscode.commands.executeCommand<vscode.CompletionList>('vscode.executeCompletionItemProvider', editor.document.uri, new vscode.Position(1, 0));
      const snippet = list.items.find((i) => labelOf(i) === 'egnref');
      assert.ok(snippet, `no egnref among ${list.items.length} items`);
      assert.strictEqual(snippet.kind, vscode.CompletionItemKind.Snippet);
      const body = snippet.insertText instanceof vscode.SnippetString ? snippet.insertText.value : String(snippet.insertText);
      assert.ok(body.startsWith('${1|EGN-1 — '), body.slice(0, 80));
      assert.ok(body.includes('EGN-40 — '), 'every proposal is a choice');
    });
  });

  describe('links and definition', () => {
    it('links every reference of the text note to its proposal', async () => {
      const { document: doc } = await openFixture(NOTE);
      const links = await vscode.commands.executeCommand<vscode.DocumentLink[]>('vscode.executeLinkProvider', doc.uri);
      const egn = links.filter((l) => l.target?.scheme === 'command');
      assert.deepStrictEqual(egn.map((l) => doc.getText(l.range)), ['EGN-23', 'EGN-23', 'EGN-24', 'EGN 25', 'EGN-27']);
      assert.strictEqual(egn[4].target?.path, 'egn.openProposal');
      assert.deepStrictEqual(JSON.parse(egn[4].target?.query ?? ''), ['EGN-27']);
    });

    it('links no reference to a proposal that does not exist', async () => {
      const { document: doc } = await openFixture(PLAN);
      const links = await vscode.commands.executeCommand<vscode.DocumentLink[]>('vscode.executeLinkProvider', doc.uri);
      const texts = links.filter((l) => l.target?.scheme === 'command').map((l) => doc.getText(l.range));
      assert.deepStrictEqual(texts, ['EGN-1', 'EGN-2', 'EGN n° 4', 'EGN-6', 'EGN-7', '13', 'EGN-12', 'EGN-9', '10', '11', 'EGN-15', '18', 'EGN-21', 'EGN-23']);
    });

    it('offers no definition for EGN-12, so that Ctrl+click follows its link alone and never opens the extension data', async () => {
      const { document: doc } = await openFixture(PLAN);
      const links = await vscode.commands.executeCommand<vscode.DocumentLink[]>('vscode.executeLinkProvider', doc.uri);
      assert.ok(links.some((l) => doc.getText(l.range) === 'EGN-12'), 'EGN-12 is a link');
      const locations = await vscode.commands.executeCommand<(vscode.Location | vscode.LocationLink)[]>('vscode.executeDefinitionProvider', doc.uri, positionOf(doc, 'EGN-12', 2));
      const uris = locations.map((loc) => ('uri' in loc ? loc.uri : loc.targetUri).toString());
      assert.deepStrictEqual(uris.filter((u) => u.includes('egn-2020.yaml')), []);
    });
  });

  describe('diagnostics and quick fixes', () => {
    it('warns once, on EGN-41 only, with a stable code', async () => {
      const { document: doc } = await openFixture(PLAN);
      const diagnostics = await until('the EGN-41 warning', () => egnDiagnostics(doc.uri).length > 0 && egnDiagnostics(doc.uri));
      assert.strictEqual(diagnostics.length, 1, diagnostics.map((d) => d.message).join('\n'));
      const [d] = diagnostics;
      assert.strictEqual(doc.getText(d.range), 'EGN-41');
      assert.strictEqual(d.code, 'egn.unknownProposal');
      assert.strictEqual(d.severity, vscode.DiagnosticSeverity.Warning);
      assert.strictEqual(d.message, 'EGN-41 does not exist: proposals are numbered EGN-1 to EGN-40.');
    });

    it('checks again while typing and clears the warnings when the document closes', async () => {
      const editor = await untitled('markdown', 'Voir EGN-12.');
      const uri = editor.document.uri;
      await editor.edit((b) => b.insert(endOfDocument(editor.document), ' Et EGN-0 puis EGN-123.'));
      const diagnostics = await until('two warnings after typing', () => egnDiagnostics(uri).length === 2 && egnDiagnostics(uri));
      assert.deepStrictEqual(diagnostics.map((d) => editor.document.getText(d.range)), ['EGN-0', 'EGN-123']);
      await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
      await until('the warnings to be cleared', () => egnDiagnostics(uri).length === 0);
    });

    it('clears the warnings of a workspace file when it closes', async () => {
      const { document: doc } = await openFixture(PLAN);
      await until('the EGN-41 warning', () => egnDiagnostics(doc.uri).length === 1);
      await vscode.commands.executeCommand('workbench.action.closeActiveEditor');
      await until('the warnings of the closed file to be cleared', () => egnDiagnostics(doc.uri).length === 0, 20_000);
    });

    it('offers "Replace with another proposal…" for an unknown reference', async () => {
      const { document: doc } = await openFixture(PLAN);
      const [d] = await until('the EGN-41 warning', () => egnDiagnostics(doc.uri).length === 1 && egnDiagnostics(doc.uri));
      const replace = await until('the "Replace with another proposal…" quick fix', async () => {
        const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', doc.uri, d.range, vscode.CodeActionKind.QuickFix.value);
        return actions.find((a) => a.command?.command === 'egn.replaceReference');
      });
      assert.strictEqual(replace.title, 'Replace with another proposal…');
      const [uri, range] = replace.command?.arguments ?? [];
      assert.strictEqual((uri as vscode.Uri).toString(), doc.uri.toString());
      assert.strictEqual(doc.getText(range as vscode.Range), 'EGN-41');
    });

    it('offers the fixes of EGN-41 at once, before its warning is published (Ctrl+. never answers « No code actions »)', async () => {
      const editor = await untitled('plaintext', 'Voir EGN-4.');
      await until('no warning on EGN-4', async () => egnDiagnostics(editor.document.uri).length === 0);
      // The writer types the 1 of EGN-41: the warnings wait for a pause in the typing.
      assert.ok(await editor.edit((b) => b.insert(new vscode.Position(0, 10), '1')));
      const range = new vscode.Range(0, 6, 0, 6);
      // Asked as Ctrl+. asks, at the cursor, right after the keystroke.
      const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', editor.document.uri, range, vscode.CodeActionKind.QuickFix.value);
      const published = egnDiagnostics(editor.document.uri).length;
      const titles = actions.map((a) => a.title);
      assert.strictEqual(published, 0, 'the warning was not published yet, so the fixes cannot have come from it');
      assert.ok(titles.includes('Replace with another proposal…'), titles.join(' | '));
      assert.ok(titles.some((t) => t.startsWith('Replace with EGN-4')), titles.join(' | '));
    });

    // Accepting a proposal in the pick is driven by the keyboard in test/ui/writing.test.ts.
    it('refuses egn.replaceReference without a document and a range', async () => {
      assert.strictEqual(await vscode.commands.executeCommand<boolean>('egn.replaceReference', 'EGN-41'), false);
    });

    it('hints at "EGN n° 4" and fixes it to EGN-4 when the non-canonical hint is on', async () => {
      const config = vscode.workspace.getConfiguration('egn');
      await config.update('diagnostics.nonCanonicalHint', true, vscode.ConfigurationTarget.Workspace);
      try {
        const { document: doc } = await openFixture(PLAN);
        const hint = await until('the non-canonical hint', () => egnDiagnostics(doc.uri).find((d) => d.code === 'egn.nonCanonical'));
        assert.strictEqual(doc.getText(hint.range), 'EGN n° 4');
        assert.strictEqual(hint.severity, vscode.DiagnosticSeverity.Hint);
        assert.deepStrictEqual(egnDiagnostics(doc.uri).filter((d) => d.code === 'egn.nonCanonical').map((d) => doc.getText(d.range)), ['EGN n° 4']);
        // Code actions see the diagnostics once the window has them: poll rather than race.
        const fix = await until('the "Write as EGN-4" quick fix', async () => {
          const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', doc.uri, hint.range, vscode.CodeActionKind.QuickFix.value);
          return actions.find((a) => a.title === 'Write as EGN-4');
        });
        assert.ok(fix.edit);
        assert.strictEqual(fix.isPreferred, true);
        assert.ok(await vscode.workspace.applyEdit(fix.edit));
        assert.ok(doc.getText().includes('administrative et pédagogique (EGN-4) est'), doc.getText());
        await until('the hint to go away', () => !egnDiagnostics(doc.uri).some((d) => d.code === 'egn.nonCanonical'));
      } finally {
        await config.update('diagnostics.nonCanonicalHint', undefined, vscode.ConfigurationTarget.Workspace);
      }
    });

    it('stops warning when egn.diagnostics.enabled is off, and warns again when it is back on', async () => {
      const { document: doc } = await openFixture(PLAN);
      await until('the EGN-41 warning', () => egnDiagnostics(doc.uri).length === 1);
      const config = vscode.workspace.getConfiguration('egn');
      await config.update('diagnostics.enabled', false, vscode.ConfigurationTarget.Workspace);
      try {
        await until('the warnings to be cleared', () => egnDiagnostics(doc.uri).length === 0);
      } finally {
        await config.update('diagnostics.enabled', undefined, vscode.ConfigurationTarget.Workspace);
      }
      await until('the EGN-41 warning again', () => egnDiagnostics(doc.uri).length === 1);
    });
  });

  describe('languages setting', () => {
    it('drops and restores the hover when a language leaves and rejoins egn.languages, without a reload', async () => {
      const { document: doc } = await openFixture(NOTE);
      const at = positionOf(doc, 'EGN-24', 2);
      assert.match(hoverText(await hoversAt(doc, at)), /EGN-24/);
      const config = vscode.workspace.getConfiguration('egn');
      await config.update('languages', ['markdown', 'latex'], vscode.ConfigurationTarget.Workspace);
      try {
        await until('no hover in plain text', async () => !/EGN-24/.test(hoverText(await hoversAt(doc, at))));
      } finally {
        await config.update('languages', undefined, vscode.ConfigurationTarget.Workspace);
      }
      await until('the hover back in plain text', async () => /EGN-24/.test(hoverText(await hoversAt(doc, at))));
    });
  });

  describe('egn.insertReference', () => {
    const cases: { format: string; args: unknown[]; expected: string }[] = [
      { format: 'id', args: ['EGN-12'], expected: 'EGN-12' },
      { format: 'id', args: [['EGN-12', 3, 'egn-5']], expected: 'EGN-3, EGN-5 et EGN-12' },
      { format: 'idAndTitle', args: [{ proposal: { number: 2 } }], expected: 'EGN-2 (Créer une concertation ouverte pour prolonger la dynamique des EGN)' },
      { format: 'sentence', args: [12], expected: 'proposition n°\u00a012 (EGN-12)' },
      { format: 'sentence', args: [[12, 'EGN-5', 3]], expected: 'propositions nos\u00a03, 5 et 12 (EGN-3, EGN-5 et EGN-12)' },
    ];
    for (const c of cases) {
      it(`inserts ${JSON.stringify(c.args)} at two cursors in the "${c.format}" format, as one undo step`, async () => {
        const config = vscode.workspace.getConfiguration('egn');
        await config.update('reference.format', c.format, vscode.ConfigurationTarget.Workspace);
        try {
          const original = 'Voir  ici.\nEt  là.';
          const editor = await untitled('plaintext', original);
          editor.selections = [new vscode.Selection(0, 5, 0, 5), new vscode.Selection(1, 3, 1, 3)];
          const done = await vscode.commands.executeCommand<boolean>('egn.insertReference', ...c.args);
          assert.strictEqual(done, true);
          assert.strictEqual(editor.document.getText(), `Voir ${c.expected} ici.\nEt ${c.expected} là.`);
          await vscode.commands.executeCommand('undo');
          assert.strictEqual(editor.document.getText(), original);
        } finally {
          await config.update('reference.format', undefined, vscode.ConfigurationTarget.Workspace);
        }
      });
    }

    it('inserts the proposals of a tree selection (clicked node, then the selected nodes)', async () => {
      const editor = await untitled('plaintext', 'Voir .');
      editor.selection = new vscode.Selection(0, 5, 0, 5);
      const node = (n: number) => ({ kind: 'proposal', id: `proposal:EGN-${n}`, proposal: { number: n } });
      const theme = { kind: 'theme', id: 'theme:x' };
      assert.strictEqual(await vscode.commands.executeCommand<boolean>('egn.insertReference', node(7), [node(7), theme, node(9)]), true);
      assert.strictEqual(editor.document.getText(), 'Voir EGN-7 et EGN-9.');
    });

    it('inserts a tree row\'s reference after « Voir EGN-13 » apart from it, so that the EGN-13 that was there still counts', async () => {
      const editor = await untitled('plaintext', 'Voir EGN-13\nLe plan EGN-1 est cité.');
      editor.selections = [new vscode.Selection(0, 11, 0, 11), new vscode.Selection(1, 12, 1, 12)];
      const node = { kind: 'proposal', id: 'proposal:EGN-13', proposal: { number: 13 } };
      assert.strictEqual(await vscode.commands.executeCommand<boolean>('egn.insertReference', node, [node]), true);
      assert.strictEqual(editor.document.getText(), 'Voir EGN-13 EGN-13\nLe plan EGN-1 EGN-13 est cité.');
    });

    it('inserts into the editor the writer was in when a proposal panel has the focus', async () => {
      const editor = await untitled('plaintext', 'Voir .');
      editor.selection = new vscode.Selection(0, 5, 0, 5);
      await vscode.commands.executeCommand('egn.openProposal', 'EGN-12');
      await until('the proposal panel to take the focus', () => vscode.window.activeTextEditor === undefined);
      assert.strictEqual(await vscode.commands.executeCommand<boolean>('egn.insertReference', 'EGN-12'), true);
      assert.strictEqual(editor.document.getText(), 'Voir EGN-12.');
    });

    it('refuses an argument that is no proposal and leaves the text as it was', async () => {
      const editor = await untitled('plaintext', 'Voir .');
      editor.selection = new vscode.Selection(0, 5, 0, 5);
      assert.strictEqual(await vscode.commands.executeCommand<boolean>('egn.insertReference', 'EGN-41'), false);
      assert.strictEqual(editor.document.getText(), 'Voir .');
    });

    it('refuses to insert into a read-only document and leaves it as it was', async () => {
      const content = new TextEncoder().encode('Archive : voir .');
      const unsupported = (): never => { throw vscode.FileSystemError.NoPermissions(); };
      const readOnly: vscode.FileSystemProvider = {
        onDidChangeFile: new vscode.EventEmitter<vscode.FileChangeEvent[]>().event,
        watch: () => new vscode.Disposable(() => undefined),
        stat: () => ({ type: vscode.FileType.File, ctime: 0, mtime: 0, size: content.length }),
        readDirectory: () => [],
        readFile: () => content,
        createDirectory: unsupported,
        writeFile: unsupported,
        delete: unsupported,
        rename: unsupported,
      };
      const registration = vscode.workspace.registerFileSystemProvider('egn-readonly-test', readOnly, { isReadonly: true });
      try {
        const doc = await vscode.workspace.openTextDocument(vscode.Uri.parse('egn-readonly-test:/archive.txt'));
        const editor = await vscode.window.showTextDocument(doc);
        editor.selection = new vscode.Selection(0, 15, 0, 15);
        assert.strictEqual(await vscode.commands.executeCommand<boolean>('egn.insertReference', 'EGN-12'), false);
        assert.strictEqual(doc.getText(), 'Archive : voir .');
      } finally {
        await closeAllEditors();
        registration.dispose();
      }
    });

    it('inserts nothing anywhere when no document is open', async () => {
      await closeAllEditors();
      await until('no editor open', () => vscode.window.visibleTextEditors.length === 0);
      assert.strictEqual(await vscode.commands.executeCommand<boolean>('egn.insertReference', 'EGN-12'), false);
    });
  });
});
