import { QueryClient } from '@tanstack/react-query';

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
