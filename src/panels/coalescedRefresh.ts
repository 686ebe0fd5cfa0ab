import { Disposable } from '../core/dispose';

/**
 * Runs `refresh` once for a burst of changes (typing in a cited document, an index rebuilt file by
 * file): `schedule` waits `delayMs` after the last call. Shared by every panel that follows the index.
 */
export class CoalescedRefresh extends Disposable {
  private timer: ReturnType<typeof setTimeout> | undefined;

  constructor(
    private readonly refreshFn: () => void,
    /** Changes closer together than this refresh an EGN panel once. */
    private readonly delayMs = 300,
  ) {
    super();
    this.register({ dispose: () => this.cancel() });
  }

  schedule(): void {
    this.cancel();
    this.timer = setTimeout(() => {
      this.timer = undefined;
      this.refreshFn();
    }, this.delayMs);
  }

  cancel(): void {
    if (this.timer) {
      clearTimeout(this.timer);
      this.timer = undefined;
    }
  }
}

