// Devnet builds: the offline TON Connect wallets list (wallets-devnet.json, the SDK's walletsListSource) names the
// Devnet Mobile Wallet with the devnet's universal link and bridge, so the connect modal lists it at phone width and
// the SDK finds its bridge when it restores a session. Written for the devnet the build talks to (VITE_DEVNET_URL),
// served by the dev server, and never emitted by testnet/mainnet builds (scripts/check-bundle.ts checks).
import type { Plugin } from 'vite';
import { mobileWalletListEntry, type WalletsListEntry } from '../devnet/mobile-wallet-info.js';
import { isProductionNetwork, readBuildEnv } from './build-env.js';

export const DEVNET_WALLETS_LIST_FILE = 'wallets-devnet.json';
/** Same default as src/ton/networks.ts DEFAULT_DEVNET_URL. */
const DEFAULT_DEVNET_URL = 'http://127.0.0.1:8081';

/** The list's content: the injected Devnet Wallet is added by the app itself (includeWallets), so only this one. */
export function devnetWalletsList(devnetUrl: string, base: string): WalletsListEntry[] {
  return [mobileWalletListEntry(devnetUrl, `${base}devnet-wallet.png`)];
}

export function devnetWalletsListPlugin(): Plugin {
  let devnetUrl: string | null = null;
  let base = '/';
  const body = () => `${JSON.stringify(devnetWalletsList(devnetUrl!, base), null, 2)}\n`;
  return {
    name: 'lst:devnet-wallets-list',
    config(_config, { mode }) {
      const env = readBuildEnv(mode);
      devnetUrl = isProductionNetwork(env) ? null : env.VITE_DEVNET_URL || DEFAULT_DEVNET_URL;
    },
    configResolved(config) {
      base = config.base;
    },
    configureServer(server) {
      server.middlewares.use((request, response, next) => {
        if (!devnetUrl || request.url?.split('?')[0] !== `${base}${DEVNET_WALLETS_LIST_FILE}`) return next();
        response.setHeader('Content-Type', 'application/json');
        response.end(body());
      });
    },
    generateBundle() {
      if (!devnetUrl) return;
      this.emitFile({ type: 'asset', fileName: DEVNET_WALLETS_LIST_FILE, source: body() });
    },
  };
}
