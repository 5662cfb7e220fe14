import { notifyManager, QueryClient } from '@tanstack/react-query';

// Query notifications run in a microtask at the end of the task that raised them, not in a setTimeout(0) each: the
// dashboard's first render raises hundreds of cache events, and a timer per batch (each traced with its stack in a
// performance profile) was a third of that render's time on a 4x slower CPU. React still renders after, never during.
notifyManager.setScheduler(queueMicrotask);

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
