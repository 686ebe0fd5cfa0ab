import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { pathToFileURL } from 'url';
import type * as Runtime from '../../../scripts/lib/runtime.mjs' with { 'resolution-mode': 'import' };
import type * as Workbench from '../../../scripts/lib/workbench.mjs' with { 'resolution-mode': 'import' };

/** Repository root (tests compile to out/test/ui/support). */
export const repoRoot = path.resolve(__dirname, '../../../..');
/** Screenshots land here (git-ignored) so a person can look at them. */
export const screenshotDir = path.join(repoRoot, 'test-results', 'screenshots');

/** How often `until` looks again: a poll, not a wait for something to happen. */
const pollIntervalMs = 100;

/** One served workbench with the extension under development and a copy of the demo workspace. */
export interface UiSession {
  readonly page: Workbench.Page;
  readonly workspace: string;
  /** Saves a PNG under test-results/screenshots and returns its path. */
  screenshot(name: string): Promise<string>;
  /** Polls `probe` until it returns a truthy value, or fails with `what` after `timeoutMs`. */
  until<T>(what: string, probe: () => Promise<T | undefined | null | false>, timeoutMs?: number): Promise<T>;
  close(): Promise<void>;
}

/** Starts the VS Code server, opens the workbench in headless Chromium and waits for it. */
export async function openWorkbench(opts: { colorScheme?: 'light' | 'dark'; settings?: Record<string, unknown> } = {}): Promise<UiSession> {
  // The scripts are ES modules outside the compiled tree: load them by absolute URL (a real dynamic
  // import under `module: Node16`).
  const runtime = (await import(pathToFileURL(path.join(repoRoot, 'scripts/lib/runtime.mjs')).href)) as typeof Runtime;
  const wb = (await import(pathToFileURL(path.join(repoRoot, 'scripts/lib/workbench.mjs')).href)) as typeof Workbench;
  const runtimeDir = runtime.ensureRuntime();
  const workspace = fs.mkdtempSync(path.join(os.tmpdir(), 'egn-ui-workspace-'));
  fs.cpSync(path.join(repoRoot, 'test/fixtures/workspace'), workspace, { recursive: true });
  const settings = { 'workbench.colorTheme': opts.colorScheme === 'dark' ? 'Default Dark Modern' : 'Default Light Modern', ...opts.settings };
  const server = await wb.startServer({ runtime: runtimeDir, quiet: !process.env.EGN_VERBOSE, settings });
  const browser = await wb.launchBrowser(runtimeDir, { colorScheme: opts.colorScheme ?? 'light' });
  const page = await browser.context.newPage();
  await page.goto(wb.workbenchUrl({ port: server.port, folder: workspace, extensionDevelopmentPath: repoRoot }));
  const until = async <T>(what: string, probe: () => Promise<T | undefined | null | false>, timeoutMs = 30_000): Promise<T> => {
    const deadline = Date.now() + timeoutMs;
    let lastError: unknown;
    for (;;) {
      try {
        const v = await probe();
        if (v) {
          return v;
        }
      } catch (e) {
        lastError = e;
      }
      if (Date.now() > deadline) {
        throw new Error(`Timed out after ${timeoutMs} ms waiting for ${what}${lastError ? `: ${String(lastError)}` : ''}`);
      }
      await new Promise((r) => setTimeout(r, pollIntervalMs));
    }
  };
  const session: UiSession = {
    page,
    workspace,
    async screenshot(name) {
      fs.mkdirSync(screenshotDir, { recursive: true });
      const file = path.join(screenshotDir, `${name}.png`);
      await page.screenshot({ path: file });
      return file;
    },
    until,
    async close() {
      await browser.close();
      await server.stop();
      fs.rmSync(workspace, { recursive: true, force: true });
      fs.rmSync(server.scratch, { recursive: true, force: true });
    },
  };
  await until('the workbench to render', async () => (await page.locator('.monaco-workbench .activitybar').count()) > 0, 60_000);
  return session;
}
