import { describe, expect, it, vi } from 'vitest';
import { coalescedTimers, type PlatformTimers } from './coalesced-timers';

/** A platform clock the test moves by hand; counts the native timers asked for. */
function fakePlatform() {
  let now = 0;
  let pending: { callback: () => void; at: number; handle: number } | null = null;
  let handles = 0;
  const platform: PlatformTimers & { armedAt: () => number | null; sets: number; clears: number } = {
    now: () => now,
    setTimeout: (callback, delay) => {
      platform.sets++;
      pending = { callback, at: now + delay, handle: ++handles };
      return pending.handle;
    },
    clearTimeout: (handle) => {
      platform.clears++;
      if (pending?.handle === handle) pending = null;
    },
    armedAt: () => pending?.at ?? null,
    sets: 0,
    clears: 0,
  };
  /** Moves the clock to `to`, firing the native timer whenever it comes due. */
  const advanceTo = (to: number) => {
    while (pending && pending.at <= to) {
      const fired = pending;
      pending = null;
      now = Math.max(now, fired.at);
      fired.callback();
    }
    now = to;
  };
  return { platform, advanceTo };
}

describe('coalescedTimers', () => {
  it('runs each timeout once, at its time, in due order, on one native timer', () => {
    const { platform, advanceTo } = fakePlatform();
    const timers = coalescedTimers(platform);
    const ran: string[] = [];
    timers.setTimeout(() => ran.push('b@300'), 300);
    timers.setTimeout(() => ran.push('a@100'), 100);
    timers.setTimeout(() => ran.push('c@300'), 300);
    timers.setTimeout(() => ran.push('d@5000'), 5_000);
    expect(platform.armedAt()).toBe(100);

    advanceTo(99);
    expect(ran).toEqual([]);
    advanceTo(100);
    expect(ran).toEqual(['a@100']);
    advanceTo(1_000);
    expect(ran).toEqual(['a@100', 'b@300', 'c@300']);
    advanceTo(10_000);
    expect(ran).toEqual(['a@100', 'b@300', 'c@300', 'd@5000']);
    expect(platform.armedAt()).toBeNull();
  });

  it('makes no native call to clear a timer, and never runs a cleared one', () => {
    const { platform, advanceTo } = fakePlatform();
    const timers = coalescedTimers(platform);
    const callback = vi.fn();
    const ids = Array.from({ length: 200 }, (_, index) => timers.setTimeout(callback, 10_000 + index));
    for (const id of ids) timers.clearTimeout(id);
    timers.clearTimeout(undefined);
    expect(platform.sets).toBe(1);
    expect(platform.clears).toBe(0);
    advanceTo(60_000);
    expect(callback).not.toHaveBeenCalled();
  });

  it('re-arms the native timer only for a timer due sooner than the armed one', () => {
    const { platform } = fakePlatform();
    const timers = coalescedTimers(platform);
    timers.setTimeout(() => {}, 1_000);
    timers.setTimeout(() => {}, 2_000);
    expect(platform.sets).toBe(1);
    timers.setTimeout(() => {}, 10);
    expect(platform.armedAt()).toBe(10);
    expect(platform.sets).toBe(2);
  });

  it('repeats an interval every period until it is cleared', () => {
    const { platform, advanceTo } = fakePlatform();
    const timers = coalescedTimers(platform);
    const ticks: number[] = [];
    const id = timers.setInterval(() => ticks.push(platform.now()), 1_000);
    advanceTo(3_500);
    expect(ticks).toEqual([1_000, 2_000, 3_000]);
    timers.clearInterval(id);
    advanceTo(10_000);
    expect(ticks).toEqual([1_000, 2_000, 3_000]);
  });

  it('a callback may clear another timer due in the same batch, or schedule a new one', () => {
    const { platform, advanceTo } = fakePlatform();
    const timers = coalescedTimers(platform);
    const ran: string[] = [];
    let second = 0;
    timers.setTimeout(() => {
      ran.push('first');
      timers.clearTimeout(second);
      timers.setTimeout(() => ran.push('scheduled by first'), 50);
    }, 100);
    second = timers.setTimeout(() => ran.push('second'), 100);
    advanceTo(100);
    expect(ran).toEqual(['first']);
    advanceTo(200);
    expect(ran).toEqual(['first', 'scheduled by first']);
  });

  it('one callback that throws is reported and does not stop the others due with it', () => {
    const { platform, advanceTo } = fakePlatform();
    const timers = coalescedTimers(platform);
    const reported = vi.fn();
    vi.stubGlobal('reportError', reported);
    try {
      const after = vi.fn();
      timers.setTimeout(() => {
        throw new Error('listener failed');
      }, 10);
      timers.setTimeout(after, 10);
      advanceTo(10);
      expect(reported).toHaveBeenCalledWith(expect.objectContaining({ message: 'listener failed' }));
      expect(after).toHaveBeenCalledOnce();
    } finally {
      vi.unstubAllGlobals();
    }
  });
});
