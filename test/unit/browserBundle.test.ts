import * as assert from 'assert';
import * as esbuild from 'esbuild';
import { builtinModules } from 'module';
import * as path from 'path';

const repoRoot = path.resolve(__dirname, '../../..');
const builtins = new Set(builtinModules.flatMap((m) => [m, `node:${m}`]));

/**
 * The modules a browser bundle of `entry` would `require` at run time, and the Node built-ins it
 * asks for. Same bundling choices as scripts/build.mjs's browser bundle (platform browser, cjs,
 * `vscode` external): esbuild refuses a Node built-in there, and any `require` left in the output
 * other than `vscode` would fail in the web worker.
 */
async function bundleImports(entry: esbuild.BuildOptions): Promise<{ requires: string[]; nodeBuiltins: string[] }> {
  const result = await esbuild.build({
    ...entry,
    bundle: true,
    platform: 'browser',
    format: 'cjs',
    external: ['vscode'],
    write: false,
    metafile: true,
    logLevel: 'silent',
  }).catch((e: esbuild.BuildFailure) => e);
  if ('errors' in result && !('outputFiles' in result && result.outputFiles)) {
    // "Could not resolve "crypto"": the built-in the shared code imported.
    const names = result.errors.map((e) => /Could not resolve "([^"]+)"/.exec(e.text)?.[1]).filter((n): n is string => n !== undefined);
    assert.ok(names.length > 0, `the browser bundle failed to build: ${result.errors.map((e) => e.text).join('\n')}`);
    return { requires: names, nodeBuiltins: names.filter((n) => builtins.has(n)) };
  }
  // What the bundle still loads at run time: esbuild's own record of the imports it left external (a
  // text search would also match `require("…")` written inside string literals of bundled libraries).
  const requires = [...new Set(Object.values(result.metafile!.outputs).flatMap((o) => o.imports.filter((i) => i.external).map((i) => i.path)))];
  return { requires, nodeBuiltins: requires.filter((r) => builtins.has(r)) };
}

describe('Browser bundle (package.json "browser", the web-worker host)', () => {
  it('requires nothing but vscode: no Node built-in (crypto, path, fs, worker_threads…) anywhere in the shared code', async () => {
    const { requires, nodeBuiltins } = await bundleImports({ entryPoints: [path.join(repoRoot, 'src/web/extension.ts')] });
    assert.deepStrictEqual(nodeBuiltins, []);
    assert.deepStrictEqual(requires, ['vscode']);
  });

  it('catches a Node built-in imported by shared code (the check can fail)', async () => {
    const { nodeBuiltins } = await bundleImports({
      stdin: { contents: "import { randomBytes } from 'crypto'; import * as vscode from 'vscode'; export const n = randomBytes(4) && vscode.version;", resolveDir: repoRoot, loader: 'ts' },
    });
    assert.deepStrictEqual(nodeBuiltins, ['crypto']);
  });
});
