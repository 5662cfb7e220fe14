import { TonConnect } from '@tonconnect/ui-react';
import type { ChainId } from '../ton/networks';

export interface TonConnectSetup {
  /** Absolute URL of the app's root with a trailing slash, e.g. http://127.0.0.1:5173/ or https://me.github.io/lst/. */
  appRoot: string;
  /** Serve the wallets list from public/ instead of the internet (devnet and tests run offline). */
  localWalletsList: boolean;
  /** Refuse wallets on another chain at connect time (testnet/mainnet; the devnet e2e connects wrong-chain wallets on purpose). */
  requiredChain?: ChainId;
}

/**
 * An explicit SDK instance, because TonConnectUI has no `walletsListSource` option and analytics are on by default.
 * Create it only after any injected bridge is on `window`.
 */
export function createTonConnect({ appRoot, localWalletsList, requiredChain }: TonConnectSetup): TonConnect {
  // The raw env test folds at build time, so testnet/mainnet bundles do not even name the devnet wallets list.
  const devnetBuild = (import.meta.env.VITE_NETWORK ?? 'devnet') === 'devnet';
  const connector = new TonConnect({
    manifestUrl: `${appRoot}tonconnect-manifest.json`,
    walletsListSource: devnetBuild && localWalletsList ? `${appRoot}wallets-devnet.json` : undefined,
    analytics: { mode: 'off' },
  });
  if (requiredChain) connector.setConnectionNetwork(requiredChain);
  return connector;
}
