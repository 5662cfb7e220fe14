// React Query's timers (a garbage-collection timeout per query, a staleness timeout and a refetch interval per
// observer) multiplexed onto one platform timer. The dashboard's first render creates and clears a few hundred of
// them; each platform setTimeout/clearTimeout is a native call, and under a performance trace (Lighthouse) one that
// records a stack, which made them a tenth of the long tasks while the first chain reads arrive.
import type { TimeoutCallback, TimeoutProvider } from '@tanstack/react-query';
import { reportCallbackError } from '../ton/report-callback-error';

interface Timer {
  callback: TimeoutCallback;
  due: number;
  /** Repeat period for an interval; null for a timeout. */
  every: number | null;
}

export interface PlatformTimers {
  now: () => number;
  setTimeout: (callback: () => void, delay: number) => unknown;
  clearTimeout: (handle: unknown) => void;
}

const browserTimers: PlatformTimers = {
  now: () => performance.now(),
  setTimeout: (callback, delay) => setTimeout(callback, delay),
  clearTimeout: (handle) => clearTimeout(handle as ReturnType<typeof setTimeout>),
};

/**
 * A TimeoutProvider with at most one platform timer pending, armed for the earliest due timer. Clearing a timer is a
 * map delete; the platform timer is re-armed only when a new timer is due before it.
 */
export function coalescedTimers(platform: PlatformTimers = browserTimers): TimeoutProvider<number> {
  const timers = new Map<number, Timer>();
  let nextId = 1;
  let armed: { handle: unknown; at: number } | null = null;

  function arm(): void {
    let earliest = Infinity;
    for (const timer of timers.values()) earliest = Math.min(earliest, timer.due);
    if (armed && armed.at <= earliest) return; // fires no later than needed; run() re-arms for the rest
    if (armed) platform.clearTimeout(armed.handle);
    armed = null;
    if (earliest === Infinity) return;
    armed = { handle: platform.setTimeout(run, Math.max(0, earliest - platform.now())), at: earliest };
  }

  function run(): void {
    armed = null;
    const now = platform.now();
    // in due order, as separate platform timers would have fired; ids break ties in creation order
    const due = [...timers].filter(([, timer]) => timer.due <= now).sort(([a, x], [b, y]) => x.due - y.due || a - b);
    for (const [id, timer] of due) {
      if (timers.get(id) !== timer) continue; // cleared by an earlier callback in this batch
      if (timer.every === null) timers.delete(id);
      else timer.due = Math.max(timer.due + timer.every, now);
      try {
        timer.callback();
      } catch (error) {
        reportCallbackError(error); // one failing callback must not hold back the others due with it
      }
    }
    arm();
  }

  function add(callback: TimeoutCallback, delay: number, repeat: boolean): number {
    const id = nextId++;
    const wait = Math.max(0, Number.isFinite(delay) ? delay : 0);
    const due = platform.now() + wait;
    timers.set(id, { callback, due, every: repeat ? Math.max(1, wait) : null });
    if (!armed || armed.at > due) arm();
    return id;
  }

  function remove(id: number | undefined): void {
    if (id !== undefined) timers.delete(id);
  }

  return {
    setTimeout: (callback, delay) => add(callback, delay, false),
    clearTimeout: remove,
    setInterval: (callback, delay) => add(callback, delay, true),
    clearInterval: remove,
  };
}
