// The app chunk: React Query and the dashboard. main.tsx paints the shell first and loads this in parallel. TON Connect
// (SDK + UI, ~120 KB gzip) is not in it: it loads when a stored session is to be restored or the user reaches for a
// connect button (stores/wallet-connection.ts), so a first visit never evaluates it.
import { startTransition, StrictMode } from 'react';
import type { Root } from 'react-dom/client';
import type { UIWallet } from '@tonconnect/ui-react';
import { IS_DEVNET, network } from '../config/network';
import { App } from './app';
import { AppProviders } from './providers';
import { startWalletConnection } from '../stores/wallet-connection';
import { warmUpNumberFormat } from '../i18n/numbers';
import { twaReturnUrl } from './telegram';

interface StartOptions {
  insideTelegram: boolean;
  /** The first paint's guess whether a wallet session will be restored (features/wallet/session-hint.ts). */
  likelyConnected: boolean;
}

export async function startApp(root: Root, { insideTelegram, likelyConnected }: StartOptions): Promise<void> {
  const includeWallets: UIWallet[] = [];
  // Devnet only, and it must be on window before the TonConnect SDK/UI is created, hence the await before rendering.
  // Rolldown collects dynamic imports before it inlines constants from other modules, so an imported IS_DEVNET alone
  // still emits the dev-wallet chunk; the raw env test folds here at transform time and drops it from other builds.
  if ((import.meta.env.VITE_NETWORK ?? 'devnet') === 'devnet' && IS_DEVNET && network.devnetUrl) {
    const { installDevnetWallet } = await import('../dev-wallet/install');
    includeWallets.push(installDevnetWallet(network.devnetUrl, { nativeTicker: network.nativeTicker }));
  }
  startWalletConnection(likelyConnected);
  // A transition render is time-sliced: the dashboard replaces the shell without one long main-thread task.
  startTransition(() =>
    root.render(
      <StrictMode>
        <AppProviders
          tonConnect={{
            // Vite's base: `/` or the path a production build is served under (GitHub Pages: /<repo>/).
            appRoot: new URL(import.meta.env.BASE_URL, window.location.origin).href,
            localWalletsList: IS_DEVNET,
            requiredChain: IS_DEVNET ? undefined : network.chain,
            includeWallets,
            guardedNetwork: IS_DEVNET ? undefined : network,
            twaReturnUrl: insideTelegram ? twaReturnUrl(import.meta.env.VITE_TWA_RETURN_URL) : undefined,
            testOnly: network.testOnly,
          }}
        >
          <App likelyConnected={likelyConnected} />
        </AppProviders>
      </StrictMode>,
    ),
  );
  warmUpNumberFormat();
}
