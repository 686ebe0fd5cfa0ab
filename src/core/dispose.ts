/**
 * What can be disposed: `vscode.Disposable` and anything else with a `dispose()` (structural, so
 * this module needs no `vscode` and unit tests run it in plain Node).
 */
export interface IDisposable {
  dispose(): void;
}

/**
 * Disposes each of `disposables`, even when one throws; then rethrows the error, or an
 * `AggregateError` of all of them. As markdown-language-features' `disposeAll`.
 */
export function disposeAll(disposables: Iterable<IDisposable>): void {
  const errors: unknown[] = [];
  for (const d of disposables) {
    try {
      d.dispose();
    } catch (e) {
      errors.push(e);
    }
  }
  if (errors.length === 1) {
    throw errors[0];
  }
  if (errors.length > 1) {
    throw new AggregateError(errors, 'Errors while disposing');
  }
}

/**
 * Base of a class that owns disposables (listeners, watchers, emitters): each is handed to
 * `register` when it is made, and `dispose()` disposes them all, once. Something registered after
 * the owner was disposed is disposed at once, so that a late callback leaks nothing.
 * As markdown-language-features' `dispose.ts`.
 */
export abstract class Disposable implements IDisposable {
  #disposed = false;
  readonly #owned: IDisposable[] = [];

  /** Disposes everything registered, once; later calls do nothing. */
  dispose(): void {
    if (this.#disposed) {
      return;
    }
    this.#disposed = true;
    const owned = this.#owned.splice(0);
    disposeAll(owned);
  }

  /** Whether `dispose()` was called: long-running work checks it before touching anything. */
  protected get isDisposed(): boolean {
    return this.#disposed;
  }

  /** Takes ownership of `value` (disposed with this object) and returns it, to keep the line short. */
  protected register<T extends IDisposable>(value: T): T {
    if (this.#disposed) {
      value.dispose();
    } else {
      this.#owned.push(value);
    }
    return value;
  }
}
