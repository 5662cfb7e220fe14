import { useState, type ReactNode } from 'react';
import { QueryClientProvider } from '@tanstack/react-query';
import { TonConnectUIProvider, type TonConnect, type UIWallet } from '@tonconnect/ui-react';
import { createQueryClient } from './query-client';
import { ErrorBoundary } from './error-boundary';

interface AppProvidersProps {
  connector: TonConnect;
  /** Extra wallets for the connect modal (the Devnet Wallet on devnet). */
  includeWallets: UIWallet[];
  children: ReactNode;
}

export function AppProviders({ connector, includeWallets, children }: AppProvidersProps) {
  const [queryClient] = useState(createQueryClient);
  return (
    <ErrorBoundary label="the app">
      <QueryClientProvider client={queryClient}>
        <TonConnectUIProvider
          connector={connector}
          analytics={{ mode: 'off' }}
          walletsListConfiguration={{ includeWallets }}
          uiPreferences={{ borderRadius: 'm' }}
        >
          {children}
        </TonConnectUIProvider>
      </QueryClientProvider>
    </ErrorBoundary>
  );
}
