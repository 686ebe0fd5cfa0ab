/**
 * Type declarations for workbench.mjs. The browser driver's types are playwright-core's own: the
 * dev dependency `playwright-core` is pinned to the runtime's version (test/runtime/package.json, a
 * unit test keeps the two equal) and serves only for types; the runtime loads its own copy from the cache.
 */
import type { BrowserContext, Frame, Locator, Page } from 'playwright-core';

export type { BrowserContext, Frame, Locator, Page };
export interface Server {
  port: number;
  origin: string;
  scratch: string;
  stop(): Promise<void>;
  output(): string;
}
export const chromiumArgs: string[];
export function freePort(): Promise<number>;
export function startServer(opts: { runtime: string; scratch?: string; settings?: Record<string, unknown>; env?: Record<string, string>; quiet?: boolean; locale?: 'en' | 'fr'; restricted?: boolean }): Promise<Server>;
export function workbenchUrl(o: { port: number; folder: string; extensionDevelopmentPath?: string; extensionTestsPath?: string }): string;
export function launchBrowser(runtime: string, opts?: { colorScheme?: 'light' | 'dark' }): Promise<{ context: BrowserContext; close(): Promise<void> }>;
