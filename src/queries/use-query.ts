import {
  notifyManager,
  QueryObserver,
  useIsRestoring,
  useQueryClient,
  type DefaultError,
  type QueryKey,
  type QueryObserverResult,
  type UseQueryOptions,
  type UseQueryResult,
} from '@tanstack/react-query';
import { startTransition, useEffect, useReducer, useRef, useState } from 'react';

type Options<TQueryFnData, TError, TData, TQueryKey extends QueryKey> = Omit<
  UseQueryOptions<TQueryFnData, TError, TData, TQueryKey>,
  'suspense' | 'throwOnError' | 'subscribed'
>;

/**
 * React Query's `useQuery`, except that a change of the query re-renders its component in a transition.
 *
 * React Query subscribes through useSyncExternalStore, whose updates React always renders synchronously: every answer
 * from the chain re-rendered each panel that reads it in one uninterruptible task (60 ms and more at 4x CPU when the
 * pool's data arrives). A transition render is time-sliced: it yields to the browser every few milliseconds, and input
 * interrupts it. The price is that a render may read a newer query state than a sibling read earlier in the same pass;
 * each change also queues a re-render of every component that reads it, so they agree again at the next commit.
 *
 * Suspense and error boundaries are not supported (nothing here uses them), hence the narrower options.
 */
export function useQuery<TQueryFnData = unknown, TError = DefaultError, TData = TQueryFnData, TQueryKey extends QueryKey = QueryKey>(
  options: Options<TQueryFnData, TError, TData, TQueryKey>,
): UseQueryResult<TData, TError> {
  const isRestoring = useIsRestoring();
  const client = useQueryClient();
  const defaulted = client.defaultQueryOptions(options);
  defaulted._optimisticResults = isRestoring ? 'isRestoring' : 'optimistic';
  const [observer] = useState(() => new QueryObserver<TQueryFnData, TError, TData, TQueryFnData, TQueryKey>(client, defaulted));
  const result = observer.getOptimisticResult(defaulted);
  const [, rerender] = useReducer((version: number) => version + 1, 0);

  // The observer's result this render showed: a change between render and subscription must not be lost.
  const shown = useRef<QueryObserverResult<TData, TError> | null>(null);
  const current = observer.getCurrentResult();
  useEffect(() => {
    shown.current = current;
  });
  useEffect(() => {
    observer.setOptions(defaulted);
  }, [defaulted, observer]);
  useEffect(() => {
    if (isRestoring) return;
    const unsubscribe = observer.subscribe(notifyManager.batchCalls(() => startTransition(rerender)));
    observer.updateResult();
    if (observer.getCurrentResult() !== shown.current) startTransition(rerender);
    return unsubscribe;
  }, [observer, isRestoring]);

  return defaulted.notifyOnChangeProps ? result : observer.trackResult(result);
}
