/** How often `until` looks again: a poll, not a wait for something to happen. */
const pollIntervalMs = 50;

/**
 * Polls `probe` until it returns a truthy value, which it resolves to; fails with `what` after
 * `timeoutMs`. Tests wait on conditions this way, never with a fixed sleep.
 */
export async function until<T>(what: string, probe: () => T | undefined | null | false | Promise<T | undefined | null | false>, timeoutMs = 15_000): Promise<T> {
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
}

/**
 * `probe` for `until` that, while it answers nothing, runs `nudge` once `everyMs` have passed since
 * the last one (or since it was made): what a user does when a click or a key went unheard, never
 * faster than `everyMs` (a second click within the double-click time would be read as one).
 */
export function nudging<T>(probe: () => Promise<T | undefined | null | false>, nudge: () => Promise<unknown>, everyMs: number): () => Promise<T | undefined | null | false> {
  let last = Date.now();
  return async () => {
    const v = await probe();
    if (!v && Date.now() - last > everyMs) {
      await nudge();
      last = Date.now();
    }
    return v;
  };
}
