// @vitest-environment happy-dom
import { QueryClient, QueryClientProvider, useQuery as reactQueryUseQuery } from '@tanstack/react-query';
import { act, useDeferredValue, useLayoutEffect, type ReactNode } from 'react';
import { createRoot, type Root } from 'react-dom/client';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { useQuery } from './use-query';

declare global {
  var IS_REACT_ACT_ENVIRONMENT: boolean | undefined;
}

const key = ['answer'];

describe('useQuery', () => {
  let client: QueryClient;
  let root: Root;

  beforeEach(() => {
    globalThis.IS_REACT_ACT_ENVIRONMENT = true;
    client = new QueryClient({ defaultOptions: { queries: { retry: false, staleTime: Infinity } } });
    root = createRoot(document.createElement('div'));
  });
  afterEach(() => {
    act(() => root.unmount());
    client.clear();
  });

  /** Lets fetches resolve and React Query's notifications (each a setTimeout(0)) and their renders run. */
  async function settle() {
    await act(() => new Promise((resolve) => setTimeout(resolve, 20)));
  }

  async function render(node: ReactNode) {
    await act(async () => root.render(<QueryClientProvider client={client}>{node}</QueryClientProvider>));
    await settle();
  }

  /** Records each render's data next to its deferred copy: they differ only in a render React treats as urgent. */
  function Recorder({ hook, renders }: { hook: typeof useQuery; renders: Array<[unknown, unknown]> }) {
    const { data } = hook({ queryKey: key, queryFn: () => Promise.resolve('first') });
    const deferred = useDeferredValue(data);
    renders.push([data, deferred]);
    return null;
  }

  it('loads, then re-renders in a transition when the query changes', async () => {
    const renders: Array<[unknown, unknown]> = [];
    await render(<Recorder hook={useQuery} renders={renders} />);
    expect(renders.at(-1)).toEqual(['first', 'first']);

    renders.length = 0;
    await act(async () => client.setQueryData(key, 'second'));
    await settle();
    expect(renders.at(-1)).toEqual(['second', 'second']);
    // An urgent render would first show the new data with the old deferred copy.
    expect(renders.filter(([data, deferred]) => data !== deferred)).toEqual([]);
  });

  it("differs from React Query's own hook, whose changes render urgently (the premise of the test above)", async () => {
    const renders: Array<[unknown, unknown]> = [];
    await render(<Recorder hook={reactQueryUseQuery as typeof useQuery} renders={renders} />);
    renders.length = 0;
    await act(async () => client.setQueryData(key, 'second'));
    await settle();
    expect(renders).toContainEqual(['second', 'first']);
    expect(renders.at(-1)).toEqual(['second', 'second']);
  });

  it('does not lose a change made after its render but before it subscribed', async () => {
    client.setQueryData(key, 'rendered');
    const shown: unknown[] = [];
    function Reader() {
      shown.push(useQuery({ queryKey: key, queryFn: () => Promise.resolve('fetched') }).data);
      return null;
    }
    // Layout effects run before the passive effect that subscribes the reader.
    function LateWriter() {
      useLayoutEffect(() => void client.setQueryData(key, 'late'), []);
      return null;
    }
    await render(
      <>
        <Reader />
        <LateWriter />
      </>,
    );
    expect(shown[0]).toBe('rendered');
    expect(shown.at(-1)).toBe('late');
  });

  it('re-renders only for the fields the component read', async () => {
    client.setQueryData(key, 'cached');
    let renders = 0;
    function DataOnly() {
      renders++;
      return <>{useQuery({ queryKey: key, queryFn: () => new Promise<string>(() => {}) }).data}</>;
    }
    await render(<DataOnly />);
    const settled = renders;
    // A refetch flips isFetching, which this component never read; the data stays the same.
    await act(async () => void client.refetchQueries({ queryKey: key }));
    await settle();
    expect(client.getQueryState(key)?.fetchStatus).toBe('fetching');
    expect(renders).toBe(settled);
  });
});
