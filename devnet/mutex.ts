// A re-entrant async mutex: every state-changing operation on the chain runs inside it, so a snapshot/rollback
// (estimateFee) can never erase another request's transactions. Re-entrancy is tracked per async context, so
// code already holding the lock (an extension's genesis, the dev wallet) can call other locked helpers freely.
import { AsyncLocalStorage } from 'node:async_hooks';

export class AsyncMutex {
  private tail: Promise<void> = Promise.resolve();
  private readonly holder = new AsyncLocalStorage<AsyncMutex>();

  /** True when the caller's async context already holds this mutex. */
  isHeld(): boolean {
    return this.holder.getStore() === this;
  }

  async run<T>(fn: () => Promise<T>): Promise<T> {
    if (this.isHeld()) return fn();
    let release!: () => void;
    const previous = this.tail;
    this.tail = new Promise<void>((resolve) => (release = resolve));
    await previous;
    try {
      return await this.holder.run(this, fn);
    } finally {
      release();
    }
  }
}
