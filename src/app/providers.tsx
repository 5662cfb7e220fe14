import { useState, type ReactNode } from 'react';
import { QueryClientProvider } from '@tanstack/react-query';
import { THEME, TonConnectUIProvider, type TonConnect, type UIWallet } from '@tonconnect/ui-react';
import { createQueryClient } from './query-client';
import type { NetworkConfig } from '../ton/networks';
import { ErrorBoundary } from './error-boundary';
import { WrongNetworkNotice } from './network-guard';
import { useThemeStore } from '../components/theme/theme';
import { useLocale } from '../i18n/locale';

// TON Connect UI's default blue (#0098EA) under white text is 3.1:1; brand-600 reaches 5.1:1 (WCAG AA needs 4.5:1).
const ACCESSIBLE_BLUE = '#1a6fc4';
const ACCESSIBLE_TON_CONNECT_COLORS = {
  [THEME.LIGHT]: {
    connectButton: { background: ACCESSIBLE_BLUE, foreground: '#FFFFFF' },
    accent: ACCESSIBLE_BLUE,
  },
  [THEME.DARK]: { connectButton: { background: ACCESSIBLE_BLUE, foreground: '#FFFFFF' } },
};

interface AppProvidersProps {
  connector: TonConnect;
  /** Extra wallets for the connect modal (the Devnet Wallet on devnet). */
  includeWallets: UIWallet[];
  /** Set when the connector refuses wallets on other chains: explains a refusal (see network-guard.tsx). */
  guardedNetwork?: NetworkConfig;
  /** Inside a Telegram Mini App: the t.me link wallets return to after a request. */
  twaReturnUrl?: `${string}://${string}`;
  children: ReactNode;
}

export function AppProviders({
  connector,
  includeWallets,
  guardedNetwork,
  twaReturnUrl,
  children,
}: AppProvidersProps) {
  const [queryClient] = useState(createQueryClient);
  const theme = useThemeStore((state) => state.theme);
  // TON Connect's modal speaks the app's language (it has en and ru)
  const language = useLocale();
  return (
    <ErrorBoundary panel="app">
      <QueryClientProvider client={queryClient}>
        <TonConnectUIProvider
          connector={connector}
          analytics={{ mode: 'off' }}
          language={language}
          walletsListConfiguration={{ includeWallets }}
          uiPreferences={{ borderRadius: 'm', colorsSet: ACCESSIBLE_TON_CONNECT_COLORS, theme: theme === 'dark' ? THEME.DARK : THEME.LIGHT }}
          // Mobile wallets opened by a universal link come back to the app ('back') or to the Mini App.
          actionsConfiguration={{ returnStrategy: 'back', twaReturnUrl }}
        >
          {guardedNetwork && <WrongNetworkNotice network={guardedNetwork} />}
          {children}
        </TonConnectUIProvider>
      </QueryClientProvider>
    </ErrorBoundary>
  );
}
