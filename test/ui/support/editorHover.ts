import { FIND_TEXT } from './frames';
import type { UiSession } from './workbench';

/**
 * Hovers the first `needle` shown in the editor until a hover whose text `accept`s appears (the
 * provider's hover, not only a link's tooltip), and waits for it to be fully faded in, for a
 * screenshot; returns its text.
 */
export async function hoverInEditor(ui: UiSession, needle: string, accept: (text: string) => boolean): Promise<string> {
  const page = ui.page;
  const hover = page.locator('.monaco-hover .hover-contents');
  const text = await ui.until(`the hover on ${needle}`, async () => {
    // Moving away and back restarts the hover delay if the first move came before the providers.
    await page.mouse.move(5, 5);
    const at = await page.evaluate<{ x: number; y: number } | null>(FIND_TEXT(needle));
    if (!at) {
      return undefined;
    }
    await page.mouse.move(at.x, at.y);
    return ui.until(`the provider's hover on ${needle}`, async () => (await hover.allInnerTexts()).find(accept), 3000).catch(() => undefined);
  });
  await ui.until('the hover faded in', async () => (await page.evaluate<string>('getComputedStyle(document.querySelector(".monaco-hover")).opacity')) === '1');
  return text;
}
