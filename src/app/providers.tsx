import { useEffect, useState, type ComponentType, type ReactNode } from 'react';
import { QueryClientProvider } from '@tanstack/react-query';
import { createQueryClient } from './query-client';
import { ErrorBoundary } from './error-boundary';
import { useWalletConnection } from '../stores/wallet-connection';
import type { TonConnectRuntimeOptions } from './ton-connect-runtime';

type TonConnectRuntime = ComponentType<{ options: TonConnectRuntimeOptions }>;

/** Renders TON Connect once the store wants it (a stored session, or a hand on a connect button); nothing before. */
function TonConnectWhenWanted({ options }: { options: TonConnectRuntimeOptions }) {
  const wanted = useWalletConnection((state) => state.wanted);
  const [Runtime, setRuntime] = useState<TonConnectRuntime | null>(null);
  useEffect(() => {
    if (!wanted || Runtime) return;
    let current = true;
    import('./ton-connect-runtime').then(
      (module) => current && setRuntime(() => module.TonConnectRuntime),
      (error: unknown) => {
        console.error('TON Connect failed to load', error);
        // No session can be restored now; the connect button offers a reload (a failed import is not retried).
        if (current) useWalletConnection.setState({ wanted: false, loadFailed: true, restored: true });
      },
    );
    return () => {
      current = false;
    };
  }, [wanted, Runtime]);
  return Runtime ? <Runtime options={options} /> : null;
}

interface AppProvidersProps {
  tonConnect: TonConnectRuntimeOptions;
  children: ReactNode;
}

export function AppProviders({ tonConnect, children }: AppProvidersProps) {
  const [queryClient] = useState(createQueryClient);
  return (
    <ErrorBoundary panel="app">
      <QueryClientProvider client={queryClient}>
        <TonConnectWhenWanted options={tonConnect} />
        {children}
      </QueryClientProvider>
    </ErrorBoundary>
  );
}
