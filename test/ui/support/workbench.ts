import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { pathToFileURL } from 'url';
import { nudging, until } from '../../support/until';
import type * as Runtime from '../../../scripts/lib/runtime.mjs' with { 'resolution-mode': 'import' };
import type * as Workbench from '../../../scripts/lib/workbench.mjs' with { 'resolution-mode': 'import' };

/** Repository root (tests compile to out/test/ui/support). */
export const repoRoot = path.resolve(__dirname, '../../../..');
/** Screenshots land here (git-ignored) so a person can look at them. */
export const screenshotDir = path.join(repoRoot, 'test-results', 'screenshots');

/** One served workbench with the extension under development and a copy of the demo workspace. */
export interface UiSession {
  readonly page: Workbench.Page;
  readonly workspace: string;
  /** Saves a PNG under test-results/screenshots and returns its path. */
  screenshot(name: string): Promise<string>;
  /** Polls `probe` until it returns a truthy value, or fails with `what` after `timeoutMs`. */
  until<T>(what: string, probe: () => Promise<T | undefined | null | false>, timeoutMs?: number): Promise<T>;
  /** Runs a command through the command palette (F1, its title, Enter), as a user does. */
  runCommand(title: string): Promise<void>;
  /** Opens a workspace file through quick open (Ctrl+P, its name, Enter) and waits until its tab is the active one. */
  openFile(name: string): Promise<void>;
  /**
   * Waits until a webview is on screen: loaded, laid out and not hidden. A hidden webview (another tab's) keeps
   * its loaded iframe, so "some iframe is ready" is not enough before a screenshot of the active one.
   */
  webviewShown(): Promise<void>;
  close(): Promise<void>;
}

/**
 * Starts the VS Code server, opens the workbench in headless Chromium and waits for it.
 * `extensions`: folders of other extensions (unpacked) installed beside the one under development.
 */
export async function openWorkbench(opts: { colorScheme?: 'light' | 'dark'; settings?: Record<string, unknown>; locale?: 'en' | 'fr'; restricted?: boolean; extensions?: readonly string[] } = {}): Promise<UiSession> {
  // The scripts are ES modules outside the compiled tree: load them by absolute URL (a real dynamic
  // import under `module: Node16`).
  const runtime = (await import(pathToFileURL(path.join(repoRoot, 'scripts/lib/runtime.mjs')).href)) as typeof Runtime;
  const wb = (await import(pathToFileURL(path.join(repoRoot, 'scripts/lib/workbench.mjs')).href)) as typeof Workbench;
  const runtimeDir = runtime.ensureRuntime();
  const workspace = fs.mkdtempSync(path.join(os.tmpdir(), 'egn-ui-workspace-'));
  fs.cpSync(path.join(repoRoot, 'test/fixtures/workspace'), workspace, { recursive: true });
  const settings = { 'workbench.colorTheme': opts.colorScheme === 'dark' ? 'Default Dark Modern' : 'Default Light Modern', ...opts.settings };
  // Only one extensionDevelopmentPath is honoured: any other extension is installed as a folder of the extensions dir.
  const scratch = fs.mkdtempSync(path.join(os.tmpdir(), 'egn-vscode-'));
  for (const folder of opts.extensions ?? []) {
    const manifest = JSON.parse(fs.readFileSync(path.join(folder, 'package.json'), 'utf8')) as { publisher: string; name: string; version: string };
    fs.cpSync(folder, path.join(scratch, 'extensions', `${manifest.publisher}.${manifest.name}-${manifest.version}`), { recursive: true });
  }
  const server = await wb.startServer({ runtime: runtimeDir, scratch, quiet: !process.env.EGN_VERBOSE, settings, locale: opts.locale, restricted: opts.restricted });
  const browser = await wb.launchBrowser(runtimeDir, { colorScheme: opts.colorScheme ?? 'light' });
  const page = await browser.context.newPage();
  await page.goto(wb.workbenchUrl({ port: server.port, folder: workspace, extensionDevelopmentPath: repoRoot }));
  const session: UiSession = {
    page,
    workspace,
    async screenshot(name) {
      fs.mkdirSync(screenshotDir, { recursive: true });
      const file = path.join(screenshotDir, `${name}.png`);
      await page.screenshot({ path: file });
      return file;
    },
    // A wait that times out leaves what the screen showed, named after what was awaited, and what
    // the extension had logged (a CI run keeps only its output).
    until: (what, probe, timeoutMs = 30_000) => until(what, probe, timeoutMs).catch(async (e: unknown) => {
      const file = await session.screenshot(`timeout-${what.replace(/[^\p{L}\p{N}]+/gu, '-').slice(0, 60)}`).catch(() => undefined);
      throw new Error(`${e instanceof Error ? e.message : String(e)}${file ? ` (screen: ${path.relative(repoRoot, file)})` : ''}\nThe EGN log:\n${extensionLog(server.scratch)}`);
    }),
    async openFile(name) {
      await page.keyboard.press('Control+P');
      await page.locator('.quick-input-widget input').waitFor({ state: 'visible' });
      await page.keyboard.type(name);
      await session.until(`${name} in quick open`, async () => (await page.locator('.quick-input-widget .monaco-list-row').allInnerTexts()).some((t) => t.includes(name)));
      await page.keyboard.press('Enter');
      await session.until(`${name} in front`, async () => (await page.locator('.tabs-container .tab.active').allInnerTexts()).some((t) => t.includes(name)));
    },
    async runCommand(title) {
      // F1 pressed while a webview has the focus reaches the workbench through the webview's key
      // forwarding, which a busy machine can drop: press again until the palette shows.
      const input = page.locator('.quick-input-widget input');
      const visible = () => input.waitFor({ state: 'visible', timeout: 5_000 }).then(() => true, () => false);
      const open = async (): Promise<boolean> => {
        await page.keyboard.press('F1');
        return visible();
      };
      await until('the command palette', open, 30_000);
      await page.keyboard.type(title);
      // The palette lists a command by its title without the "EGN: " category of what was typed.
      const shown = title.replace(/^[^:]+: /, '');
      const listed = async (): Promise<boolean> => (await input.isVisible()) && (await page.locator('.quick-input-widget .monaco-list-row').allInnerTexts()).some((l) => l.includes(shown));
      // Keys typed before the input had the focus went elsewhere, or the palette closed as something
      // else took the focus (a webview opened just before): open it again, with its whole text.
      const retype = async (): Promise<void> => {
        if ((await input.isVisible()) || (await open())) {
          await input.fill(`>${title}`, { timeout: 5_000 });
        }
      };
      await until(`"${title}" in the palette`, nudging(listed, retype, 5_000), 30_000);
      await page.keyboard.press('Enter');
    },
    async webviewShown() {
      await until('a webview on screen', async () => page.evaluate<boolean>('[...document.querySelectorAll("iframe.webview.ready")].some((f) => f.getBoundingClientRect().width > 0 && getComputedStyle(f).visibility !== "hidden" && getComputedStyle(f).display !== "none")'), 30_000);
    },
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

/** The last lines the extension wrote to its EGN log in this workbench's scratch folder, or why there are none. */
function extensionLog(scratch: string): string {
  const logs: string[] = [];
  const walk = (dir: string): void => {
    for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
      const p = path.join(dir, entry.name);
      if (entry.isDirectory()) {
        walk(p);
      } else if (entry.name === 'EGN.log') {
        logs.push(p);
      }
    }
  };
  try {
    walk(scratch);
  } catch (e) {
    return `  (not readable: ${String(e)})`;
  }
  return logs.length === 0 ? '  (none written)' : logs.map((p) => fs.readFileSync(p, 'utf8').trimEnd().split('\n').slice(-20).map((l) => `  ${l}`).join('\n')).join('\n  --\n');
}
