/** Type declarations for workbench.mjs (playwright-core is typed here by the few members the tests use). */
export interface Locator {
  first(): Locator;
  nth(i: number): Locator;
  count(): Promise<number>;
  click(options?: { timeout?: number; button?: 'left' | 'right' }): Promise<void>;
  dblclick(options?: { timeout?: number }): Promise<void>;
  hover(options?: { timeout?: number }): Promise<void>;
  textContent(options?: { timeout?: number }): Promise<string | null>;
  innerText(options?: { timeout?: number }): Promise<string>;
  allInnerTexts(): Promise<string[]>;
  getAttribute(name: string): Promise<string | null>;
  waitFor(options?: { state?: 'attached' | 'detached' | 'visible' | 'hidden'; timeout?: number }): Promise<void>;
  locator(selector: string): Locator;
  boundingBox(): Promise<{ x: number; y: number; width: number; height: number } | null>;
}
export interface Frame {
  url(): string;
  locator(selector: string): Locator;
  evaluate<T>(fn: string | (() => T)): Promise<T>;
  content(): Promise<string>;
}
export interface Page {
  goto(url: string): Promise<unknown>;
  locator(selector: string): Locator;
  frames(): Frame[];
  screenshot(options: { path: string; fullPage?: boolean }): Promise<Buffer>;
  keyboard: { press(key: string): Promise<void>; type(text: string, options?: { delay?: number }): Promise<void> };
  mouse: { move(x: number, y: number): Promise<void> };
  waitForTimeout(ms: number): Promise<void>;
  waitForFunction(fn: string, arg?: unknown, options?: { timeout?: number }): Promise<unknown>;
  evaluate<T>(fn: string | (() => T)): Promise<T>;
  on(event: 'pageerror', cb: (e: Error) => void): void;
  exposeFunction(name: string, fn: (...args: never[]) => unknown): Promise<void>;
}
export interface BrowserContext {
  newPage(): Promise<Page>;
}
export interface Server {
  port: number;
  origin: string;
  scratch: string;
  stop(): Promise<void>;
  output(): string;
}
export const chromiumArgs: string[];
export function freePort(): Promise<number>;
export function startServer(opts: { runtime: string; scratch?: string; settings?: Record<string, unknown>; env?: Record<string, string>; quiet?: boolean; locale?: 'en' | 'fr' }): Promise<Server>;
export function workbenchUrl(o: { port: number; folder: string; extensionDevelopmentPath?: string; extensionTestsPath?: string }): string;
export function launchBrowser(runtime: string, opts?: { colorScheme?: 'light' | 'dark' }): Promise<{ context: BrowserContext; close(): Promise<void> }>;
