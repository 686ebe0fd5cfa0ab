/**
 * The four `assert` functions the shared integration tests use, for the web worker, where Node's
 * `assert` does not exist. The browser port of `assert` on npm drags in polyfills of `util` and
 * `process`; this is all the suite needs. Bundled in place of `assert` by runWebTest.ts.
 */
export class AssertionError extends Error {
  override readonly name = 'AssertionError';
}

function fail(message: string | Error | undefined, fallback: string): never {
  if (message instanceof Error) {
    throw message;
  }
  throw new AssertionError(message ?? fallback);
}

function show(value: unknown): string {
  try {
    return JSON.stringify(value, (_k, v: unknown) => (v instanceof Map ? [...v] : v instanceof Set ? [...v] : v));
  } catch {
    return String(value);
  }
}

/** Structural equality with `Object.is` on leaves, like Node's `deepStrictEqual` for plain data. */
function deepEqual(a: unknown, b: unknown): boolean {
  if (Object.is(a, b)) {
    return true;
  }
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null || Object.getPrototypeOf(a) !== Object.getPrototypeOf(b)) {
    return false;
  }
  if (a instanceof Map && b instanceof Map) {
    return a.size === b.size && [...a].every(([k, v]) => b.has(k) && deepEqual(v, b.get(k)));
  }
  if (a instanceof Set && b instanceof Set) {
    return a.size === b.size && [...a].every((v) => b.has(v));
  }
  const ka = Object.keys(a);
  const kb = Object.keys(b);
  return ka.length === kb.length && ka.every((k) => Object.prototype.hasOwnProperty.call(b, k) && deepEqual((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k]));
}

export function ok(value: unknown, message?: string | Error): asserts value {
  if (!value) {
    fail(message, `Expected a truthy value, got ${show(value)}`);
  }
}

export function strictEqual<T>(actual: unknown, expected: T, message?: string | Error): asserts actual is T {
  if (!Object.is(actual, expected)) {
    fail(message, `Expected ${show(expected)}, got ${show(actual)}`);
  }
}

export function notStrictEqual(actual: unknown, expected: unknown, message?: string | Error): void {
  if (Object.is(actual, expected)) {
    fail(message, `Expected a value other than ${show(expected)}`);
  }
}

export function deepStrictEqual<T>(actual: unknown, expected: T, message?: string | Error): asserts actual is T {
  if (!deepEqual(actual, expected)) {
    fail(message, `Expected ${show(expected)}, got ${show(actual)}`);
  }
}

export function match(value: string, pattern: RegExp, message?: string | Error): void {
  if (!pattern.test(value)) {
    fail(message, `Expected ${show(value)} to match ${pattern}`);
  }
}
