import { notifyManager, QueryClient, timeoutManager } from '@tanstack/react-query';
import { coalescedTimers } from './coalesced-timers';
import { nextTaskScheduler } from '../ton/next-task';

// Query notifications (and the renders they cause) run in a task of their own after the one that received the data,
// not in a setTimeout(0) per batch: the dashboard's first render raises hundreds of cache events, and a timer per
// batch (each traced with its stack) was a third of that render's time at 4x CPU. Not a microtask either: that ran
// every panel's render inside the task that had just parsed the answer, one long task instead of two shorter ones.
notifyManager.setScheduler(nextTaskScheduler());
// Before any QueryClient exists: timers from different providers cannot cancel each other.
timeoutManager.setTimeoutProvider(coalescedTimers());

/** Chain reads are cheap to repeat but rate-limited upstream: keep data fresh for a while and retry with backoff. */
export function createQueryClient(): QueryClient {
  return new QueryClient({
    defaultOptions: {
      queries: {
        staleTime: 10_000,
        gcTime: 5 * 60_000,
        retry: 2,
        retryDelay: (attempt) => Math.min(1_000 * 2 ** attempt, 8_000),
        refetchOnWindowFocus: true,
      },
      mutations: { retry: 0 },
    },
  });
}
