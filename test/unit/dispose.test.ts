import * as assert from 'assert';
import { Disposable, disposeAll, IDisposable } from '../../src/core/dispose';

class Owner extends Disposable {
  add<T extends IDisposable>(d: T): T {
    return this.register(d);
  }
  get disposed(): boolean {
    return this.isDisposed;
  }
}

function counter(): IDisposable & { count: number } {
  const d = { count: 0, dispose: () => { d.count++; } };
  return d;
}

describe('Disposable', () => {
  it('disposes what it registered, once, however often it is disposed', () => {
    const owner = new Owner();
    const a = owner.add(counter());
    const b = owner.add(counter());
    assert.strictEqual(owner.disposed, false);
    owner.dispose();
    owner.dispose();
    assert.deepStrictEqual([a.count, b.count, owner.disposed], [1, 1, true]);
  });

  it('disposes at once what is registered after the owner was disposed', () => {
    const owner = new Owner();
    owner.dispose();
    const late = owner.add(counter());
    assert.strictEqual(late.count, 1);
  });

  it('disposes every one even when some throw, then reports the errors', () => {
    const a = counter();
    const c = counter();
    const boom = { dispose: () => { throw new Error('boom'); } };
    assert.throws(() => disposeAll([a, boom, c]), /boom/);
    assert.deepStrictEqual([a.count, c.count], [1, 1]);
    assert.throws(() => disposeAll([boom, boom]), AggregateError);
  });
});
