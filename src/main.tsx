import './index.css';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import type { UIWallet } from '@tonconnect/ui-react';
import { IS_DEVNET, network } from './config/network';
import { App } from './app/app';
import { AppProviders } from './app/providers';
import { createTonConnect } from './app/ton-connect';
import { installTelegramMiniApp, twaReturnUrl, type TelegramHost } from './app/telegram';

async function start() {
  // Builds inject Buffer into the @ton/* chunks that use it (vite.config.ts), keeping it out of the initial bundle;
  // the dev server does not bundle, so it still needs the global before any @ton/* module is evaluated.
  if (import.meta.env.DEV) await import('./polyfills');
  const telegram = installTelegramMiniApp(window as unknown as TelegramHost, document.documentElement);
  const includeWallets: UIWallet[] = [];
  // Devnet only, and it must be on window before the TonConnect SDK/UI is created, hence the await before rendering.
  // Rolldown collects dynamic imports before it inlines constants from other modules, so an imported IS_DEVNET alone
  // still emits the dev-wallet chunk; the raw env test folds here at transform time and drops it from other builds.
  if ((import.meta.env.VITE_NETWORK ?? 'devnet') === 'devnet' && IS_DEVNET && network.devnetUrl) {
    const { installDevnetWallet } = await import('./dev-wallet/install');
    includeWallets.push(installDevnetWallet(network.devnetUrl));
  }
  const connector = createTonConnect({
    origin: window.location.origin,
    localWalletsList: IS_DEVNET,
    requiredChain: IS_DEVNET ? undefined : network.chain,
  });

  const container = document.getElementById('root');
  if (!container) throw new Error('index.html has no #root element');
  createRoot(container).render(
    <StrictMode>
      <AppProviders
        connector={connector}
        includeWallets={includeWallets}
        guardedNetwork={IS_DEVNET ? undefined : network}
        twaReturnUrl={telegram ? twaReturnUrl(import.meta.env.VITE_TWA_RETURN_URL) : undefined}
      >
        <App />
      </AppProviders>
    </StrictMode>,
  );
}

void start();
