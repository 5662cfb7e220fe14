import { TonConnect } from '@tonconnect/ui-react';

export interface TonConnectSetup {
  /** Absolute origin of the app, e.g. http://127.0.0.1:5173. */
  origin: string;
  /** Serve the wallets list from public/ instead of the internet (devnet and tests run offline). */
  localWalletsList: boolean;
}

/**
 * An explicit SDK instance, because TonConnectUI has no `walletsListSource` option and analytics are on by default.
 * Create it only after any injected bridge is on `window`.
 */
export function createTonConnect({ origin, localWalletsList }: TonConnectSetup): TonConnect {
  return new TonConnect({
    manifestUrl: `${origin}/tonconnect-manifest.json`,
    walletsListSource: localWalletsList ? `${origin}/wallets-devnet.json` : undefined,
    analytics: { mode: 'off' },
  });
}
