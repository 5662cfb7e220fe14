// Testnet/mainnet builds: writes the TON Connect manifest for the origin the app is served from (VITE_APP_URL) and
// drops the devnet-only files public/ holds (the Devnet Wallet icon and the offline wallets list).
import { rmSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Plugin } from 'vite';
import { isProductionNetwork, readBuildEnv } from './build-env.js';

/** `vite preview`'s default origin: what a build made without VITE_APP_URL is checked against locally. */
export const DEFAULT_APP_URL = 'http://127.0.0.1:4173';
export const APP_NAME = 'LSt Staking';
/** Files in public/ that only devnet builds use. */
export const DEVNET_ONLY_PUBLIC_FILES = ['wallets-devnet.json', 'devnet-wallet.png'] as const;

export interface TonConnectManifest {
  url: string;
  name: string;
  iconUrl: string;
}

/** Wallets show `name` and `iconUrl` (a 180×180 PNG) and check that the dApp's origin matches `url`. */
export function tonConnectManifest(appUrl: string): TonConnectManifest {
  const origin = new URL(appUrl).origin;
  return { url: origin, name: APP_NAME, iconUrl: `${origin}/icon-180.png` };
}

export function tonConnectManifestPlugin(): Plugin {
  let appUrl: string | null = null;
  let outDir = '';
  return {
    name: 'lst:tonconnect-manifest',
    apply: 'build',
    config(_config, { mode }) {
      const env = readBuildEnv(mode);
      appUrl = isProductionNetwork(env) ? env.VITE_APP_URL || DEFAULT_APP_URL : null;
    },
    configResolved(config) {
      outDir = resolve(config.root, config.build.outDir);
    },
    // After Vite copied public/, so these writes win over the devnet manifest kept there.
    closeBundle() {
      if (!appUrl) return;
      writeFileSync(
        resolve(outDir, 'tonconnect-manifest.json'),
        `${JSON.stringify(tonConnectManifest(appUrl), null, 2)}\n`,
      );
      for (const file of DEVNET_ONLY_PUBLIC_FILES) rmSync(resolve(outDir, file), { force: true });
    },
  };
}
