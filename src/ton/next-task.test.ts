import { afterEach, describe, expect, it, vi } from 'vitest';
import { nextTask, nextTaskScheduler } from './next-task';

describe('nextTask', () => {
  afterEach(() => vi.unstubAllGlobals());

  it('resolves after the microtasks queued before and after it, in a later task', async () => {
    const order: string[] = [];
    const done = nextTask().then(() => order.push('next task'));
    void Promise.resolve().then(() => order.push('microtask'));
    queueMicrotask(() => order.push('queued microtask'));
    expect(order).toEqual([]);
    await done;
    expect(order).toEqual(['microtask', 'queued microtask', 'next task']);
  });

  it("uses the browser's scheduler.yield when there is one", async () => {
    const yieldToMain = vi.fn(() => Promise.resolve());
    vi.stubGlobal('scheduler', { yield: yieldToMain });
    await nextTask();
    expect(yieldToMain).toHaveBeenCalledOnce();
  });
});

describe('nextTaskScheduler', () => {
  it('runs what was queued in one later task, in order, neither at once nor in a microtask', async () => {
    const schedule = nextTaskScheduler();
    const ran: number[] = [];
    const done = new Promise<void>((resolve) => {
      schedule(() => ran.push(1));
      schedule(() => ran.push(2));
      schedule(() => {
        ran.push(3);
        resolve();
      });
    });
    expect(ran).toEqual([]);
    await Promise.resolve();
    expect(ran).toEqual([]);
    await done;
    expect(ran).toEqual([1, 2, 3]);
  });

  it('a callback that throws is reported and the others still run', async () => {
    const schedule = nextTaskScheduler();
    const reported = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    const ran: string[] = [];
    await new Promise<void>((resolve) => {
      schedule(() => {
        throw new Error('listener broke');
      });
      schedule(() => {
        ran.push('after');
        resolve();
      });
    });
    expect(ran).toEqual(['after']);
    expect(reported).toHaveBeenCalledWith(expect.objectContaining({ message: 'listener broke' }));
    reported.mockRestore();
  });
});
