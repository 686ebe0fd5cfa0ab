import type { Frame } from '../../../scripts/lib/workbench.mjs' with { 'resolution-mode': 'import' };
import type { UiSession } from './workbench';

/** The first frame for which `probe` (run in the frame) answers true, if any. */
async function frameWhere(ui: UiSession, probe: string): Promise<Frame | undefined> {
  for (const frame of ui.page.frames()) {
    try {
      if ((await frame.evaluate(probe)) === true) {
        return frame;
      }
    } catch {
      // A frame that navigated or closed meanwhile.
    }
  }
  return undefined;
}

/** The webview frame whose page has an h1 containing `text`, if any. */
export function frameWithHeading(ui: UiSession, text: string): Promise<Frame | undefined> {
  return frameWhere(ui, `(document.querySelector("h1")?.textContent ?? "").includes(${JSON.stringify(text)})`);
}

/**
 * The coverage report's frame once its script ran, if any: the per-theme table is there before the
 * script runs, the bars are sized by it.
 */
export function coverageFrame(ui: UiSession): Promise<Frame | undefined> {
  return frameWhere(ui, '[...document.querySelectorAll("table.themes .bar > span")].some((e) => e.style.width !== "")');
}

/**
 * A script for `page.evaluate`: the screen position of the middle of the first `needle` rendered
 * in the editor (found through a DOM Range), or null. The editor renders only the lines on screen.
 */
export const FIND_TEXT = (needle: string): string => `(() => {
  for (const line of document.querySelectorAll('.monaco-editor .view-lines .view-line')) {
    const walker = document.createTreeWalker(line, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const i = node.textContent.indexOf(${JSON.stringify(needle)});
      if (i >= 0) {
        const range = document.createRange();
        range.setStart(node, i);
        range.setEnd(node, i + ${needle.length});
        const r = range.getBoundingClientRect();
        return { x: r.left + r.width / 2, y: r.top + r.height / 2 };
      }
    }
  }
  return null;
})()`;
