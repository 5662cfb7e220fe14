// What the app needs to know about the Devnet Mobile Wallet, without the devnet's runtime: its name, where its
// page and the bridge are, and its entry in the TON Connect wallets-list format (read by vite/ at build time).

export const MOBILE_WALLET_NAME = 'Devnet Mobile Wallet';
/** `deviceInfo.appName`: the SDK and UI match a connected wallet to its list entry by it. */
export const MOBILE_WALLET_APP_NAME = 'devnet-mobile-wallet';
/** The page a universal link opens. */
export const MOBILE_WALLET_PATH = '/devwallet/mobile';
/** The TON Connect HTTP bridge. */
export const BRIDGE_PATH = '/bridge';

/** One entry of a wallets-list JSON (the format of ton-connect's wallets-v2.json). */
export interface WalletsListEntry {
  app_name: string;
  name: string;
  image: string;
  about_url: string;
  universal_url: string;
  bridge: { type: 'sse'; url: string }[];
  platforms: string[];
  features: (string | { name: string; maxMessages: number })[];
}

export function mobileWalletListEntry(devnetUrl: string, imageUrl: string): WalletsListEntry {
  const base = devnetUrl.replace(/\/+$/, '');
  return {
    app_name: MOBILE_WALLET_APP_NAME,
    name: MOBILE_WALLET_NAME,
    image: imageUrl,
    about_url: `${base}${MOBILE_WALLET_PATH}`,
    universal_url: `${base}${MOBILE_WALLET_PATH}`,
    bridge: [{ type: 'sse', url: `${base}${BRIDGE_PATH}` }],
    platforms: ['ios', 'android', 'macos', 'windows', 'linux'],
    features: [{ name: 'SendTransaction', maxMessages: 4 }],
  };
}
