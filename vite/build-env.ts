// The VITE_* variables a build sees: .env, .env.<mode> and .env.local files, overridden by the shell (Vite's rules).
import { loadEnv } from 'vite';

export type BuildEnv = Partial<Record<`VITE_${string}`, string>>;

export function readBuildEnv(mode: string, envDir = process.cwd()): BuildEnv {
  return loadEnv(mode, envDir, 'VITE_') as BuildEnv;
}

/** Testnet and mainnet builds; an unset VITE_NETWORK means devnet, as in src/config/network.ts. */
export function isProductionNetwork(env: BuildEnv): boolean {
  return env.VITE_NETWORK === 'testnet' || env.VITE_NETWORK === 'mainnet';
}

/** Where a production build is served from, read from VITE_APP_URL. */
export interface AppLocation {
  /** Origin plus base path, without the trailing slash: `https://me.github.io/lst`. What the TON Connect manifest names. */
  url: string;
  /** Vite `base`: the path the app is served under, with both slashes: `/lst/`, or `/`. */
  base: string;
}

/**
 * Parses VITE_APP_URL (`https://stake.example.org` or `https://me.github.io/lst/`). Throws a message that says what
 * to set: a wallet refuses a TON Connect manifest whose origin is not the app's, so a guess is worse than no build.
 */
export function parseAppUrl(value: string): AppLocation {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    throw new Error(
      `VITE_APP_URL must be an absolute http(s) URL such as https://stake.example.org (got "${value}")`,
    );
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:')
    throw new Error(`VITE_APP_URL must be an http(s) URL (got "${value}")`);
  if (url.search || url.hash || url.username || url.password)
    throw new Error(
      `VITE_APP_URL must be an origin with an optional path, without query, hash or credentials (got "${value}")`,
    );
  const base = url.pathname.endsWith('/') ? url.pathname : `${url.pathname}/`;
  return { url: `${url.origin}${base}`.replace(/\/$/, ''), base };
}

/**
 * The app location of a testnet/mainnet build, null for devnet. `required`: builds and `vite preview` of a
 * production mode need VITE_APP_URL (the manifest and the base path come from it); the dev server does not.
 */
export function appLocationFor(env: BuildEnv, { required }: { required: boolean }): AppLocation | null {
  if (!isProductionNetwork(env)) return null;
  const value = env.VITE_APP_URL?.trim();
  if (!value) {
    if (!required) return null;
    throw new Error(
      `VITE_APP_URL is not set: a ${env.VITE_NETWORK} build needs the public URL it will be served from ` +
        '(e.g. VITE_APP_URL=https://stake.example.org or https://<user>.github.io/<repo>/), for the TON Connect ' +
        'manifest and the base path. Set it in the shell, .env.local or .env.<mode>.local.',
    );
  }
  return parseAppUrl(value);
}
