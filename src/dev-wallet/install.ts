// Devnet builds only: main.tsx imports this behind `IS_DEVNET`, so testnet/mainnet bundles never contain it.
import {
  createDevnetWalletBridge,
  DEVNET_WALLET_APP_NAME,
  DEVNET_WALLET_BRIDGE_KEY,
  type DevnetWalletBridge,
} from './bridge';
import { showApprovalSheet } from './approval-sheet';

/** The TON Connect UI `includeWallets` entry for the Devnet Wallet (shape of the UI's UIWallet, injectable variant). */
export interface InjectedWalletEntry {
  name: string;
  appName: string;
  imageUrl: string;
  aboutUrl: string;
  jsBridgeKey: string;
  platforms: ('macos' | 'windows' | 'linux' | 'chrome' | 'firefox' | 'safari')[];
}

declare global {
  interface Window {
    devnetWallet?: { tonconnect: DevnetWalletBridge };
  }
}

export function devnetWalletListEntry(origin: string): InjectedWalletEntry {
  return {
    name: 'Devnet Wallet',
    appName: DEVNET_WALLET_APP_NAME,
    imageUrl: `${origin}/devnet-wallet.png`,
    aboutUrl: `${origin}/`,
    jsBridgeKey: DEVNET_WALLET_BRIDGE_KEY,
    platforms: ['macos', 'windows', 'linux', 'chrome', 'firefox', 'safari'],
  };
}

/**
 * Puts the bridge on `window.devnetWallet.tonconnect`. Must run before the TonConnect SDK/UI is created:
 * the UI decides whether a wallet is "injected" when it builds its list.
 */
export function installDevnetWallet(devnetUrl: string, options: { nativeTicker: string }): InjectedWalletEntry {
  window[DEVNET_WALLET_BRIDGE_KEY] = {
    tonconnect: createDevnetWalletBridge({
      devnetUrl,
      storage: window.localStorage,
      fetch: window.fetch.bind(window),
      approve: (request) => showApprovalSheet(document, request, { ticker: options.nativeTicker }),
    }),
  };
  return devnetWalletListEntry(window.location.origin);
}
