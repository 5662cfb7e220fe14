// Testnet/mainnet builds: writes the TON Connect manifest for the URL the app is served from (VITE_APP_URL, required:
// see build-env.ts) and drops the devnet-only files public/ holds (the Devnet Wallet icon and the offline wallets list).
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Plugin } from 'vite';
import { appLocationFor, readBuildEnv, type AppLocation } from './build-env.js';

export const APP_NAME = 'LSt Staking';
/** Files in public/ that only devnet builds use. */
export const DEVNET_ONLY_PUBLIC_FILES = ['wallets-devnet.json', 'devnet-wallet.png'] as const;

export interface TonConnectManifest {
  url: string;
  name: string;
  iconUrl: string;
}

/** Wallets show `name` and `iconUrl` (a 180×180 PNG) and check that the dApp's origin matches `url`. */
export function tonConnectManifest(app: AppLocation): TonConnectManifest {
  return { url: app.url, name: APP_NAME, iconUrl: `${app.url}/icon-180.png` };
}

export function tonConnectManifestPlugin(): Plugin {
  let app: AppLocation | null = null;
  let outDir = '';
  return {
    name: 'lst:tonconnect-manifest',
    apply: 'build',
    config(_config, { mode }) {
      app = appLocationFor(readBuildEnv(mode), { required: true });
      // Served under a path (GitHub Pages: /<repo>/): every asset, icon and the manifest URL follow Vite's base.
      return app ? { base: app.base } : undefined;
    },
    configResolved(config) {
      outDir = resolve(config.root, config.build.outDir);
    },
    // After Vite copied public/, so these writes win over the devnet manifest kept there.
    closeBundle() {
      if (!app) return;
      writeFileSync(
        resolve(outDir, 'tonconnect-manifest.json'),
        `${JSON.stringify(tonConnectManifest(app), null, 2)}\n`,
      );
      for (const file of DEVNET_ONLY_PUBLIC_FILES) rmSync(resolve(outDir, file), { force: true });
    },
  };
}

/**
 * The base path a build was made for, from the TON Connect manifest it ships (`url` names the app's own URL), so
 * `vite preview` serves any build under its base whatever mode or env it is started with. `/` when unknown.
 */
export function baseFromBuiltManifest(outDir: string): string {
  try {
    const { url } = JSON.parse(readFileSync(resolve(outDir, 'tonconnect-manifest.json'), 'utf8')) as {
      url?: unknown;
    };
    if (typeof url !== 'string') return '/';
    const path = new URL(url).pathname;
    return path.endsWith('/') ? path : `${path}/`;
  } catch {
    return '/';
  }
}

export function previewBasePlugin(): Plugin {
  return {
    name: 'lst:preview-base',
    config(config, { isPreview }) {
      if (!isPreview) return undefined;
      return {
        base: baseFromBuiltManifest(resolve(config.root ?? process.cwd(), config.build?.outDir ?? 'dist')),
      };
    },
  };
}
