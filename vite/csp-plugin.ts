// Content-Security-Policy for testnet/mainnet builds: a <meta> tag written into index.html at build time and the same
// policy (plus frame-ancestors, which browsers ignore in <meta>) as a response header of `vite preview`.
// Devnet builds get none: they talk to a local devnet whose origin is only known at run time.
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Plugin } from 'vite';
import { readEndpoints } from '../src/ton/endpoints.js';
import { isNetworkName, networkPreset } from '../src/ton/networks.js';
import { readBuildEnv, type BuildEnv } from './build-env.js';
import { FIRST_PAINT_SCRIPT } from '../src/app/first-paint.js';

/**
 * TON Connect HTTP bridges of the wallets most people use (from the SDK's wallets list). connect-src allows only these,
 * so a wallet whose bridge is not listed cannot connect: add its bridge here if users ask for it.
 */
export const WALLET_BRIDGE_ORIGINS = [
  'https://bridge.tonapi.io', // Tonkeeper, Tonkeeper Pro and others using the tonapi bridge
  'https://tonconnectbridge.mytonwallet.org', // MyTonWallet
  'https://walletbot.me', // Wallet in Telegram
  'https://connect.tonhubapi.com', // Tonhub
  'https://www.okx.com', // OKX Wallet
  'https://ton-connect-bridge.bgwapi.io', // Bitget Wallet
] as const;

/** Where TON Connect UI loads the wallets list and the wallet icons of the wallets above from. */
export const WALLETS_LIST_ORIGIN = 'https://config.ton.org';
export const WALLET_ICON_ORIGINS = [
  'https://tonkeeper.com',
  'https://static.mytonwallet.io',
  'https://wallet.tg',
  'https://tonhub.com',
  'https://static.okx.com',
  'https://img.bitgetimg.com',
  // TON Connect UI's own TON icon and several wallets' icons.
  'https://raw.githubusercontent.com',
] as const;

/** Telegram Web embeds Mini Apps in an iframe; the mobile and desktop apps use a web view and need nothing here. */
export const TELEGRAM_FRAME_ANCESTORS = ['https://web.telegram.org'] as const;

export interface CspInput {
  /** toncenter JSON-RPC endpoints the app reads the chain from (every configured one: fail-over needs them all). */
  rpcEndpoints: string[];
  /** Inline scripts index.html carries (the first-paint script): allowed by their hashes, nothing else inline. */
  inlineScripts?: string[];
}

/** The CSP source that allows exactly this inline script. */
export function scriptHashSource(script: string): string {
  return `'sha256-${createHash('sha256').update(script, 'utf8').digest('base64')}'`;
}

export interface CspPolicies {
  /** For <meta http-equiv>: without frame-ancestors, which a meta policy may not set. */
  meta: string;
  /** For the HTTP header: the meta policy plus frame-ancestors. */
  header: string;
}

/** Only a header can restrict framing: the app may be framed by itself and by Telegram Web (Mini App). */
function headerPolicy(metaPolicy: string): string {
  return `${metaPolicy}; frame-ancestors 'self' ${TELEGRAM_FRAME_ANCESTORS.join(' ')}`;
}

export function buildCsp({ rpcEndpoints, inlineScripts = [] }: CspInput): CspPolicies {
  const rpcOrigins = rpcEndpoints.map((endpoint) => new URL(endpoint).origin);
  const directives: [string, string[]][] = [
    ['default-src', ["'self'"]],
    ['script-src', ["'self'", ...inlineScripts.map(scriptHashSource)]],
    // TON Connect UI injects its styles as <style> elements at run time and React writes style attributes.
    ['style-src', ["'self'", "'unsafe-inline'"]],
    ['img-src', ["'self'", 'data:', ...WALLET_ICON_ORIGINS]],
    ['font-src', ["'self'"]],
    ['connect-src', ["'self'", ...rpcOrigins, WALLETS_LIST_ORIGIN, ...WALLET_BRIDGE_ORIGINS]],
    ['manifest-src', ["'self'"]],
    ['object-src', ["'none'"]],
    ['base-uri', ["'none'"]],
    ['form-action', ["'self'"]],
  ];
  const meta = directives.map(([name, sources]) => `${name} ${[...new Set(sources)].join(' ')}`).join('; ');
  return { meta, header: headerPolicy(meta) };
}

/** The RPC endpoints the built app will use, read as src/config/network.ts reads them; null on devnet. */
export function rpcEndpointsFor(env: BuildEnv): string[] | null {
  const name = env.VITE_NETWORK ?? 'devnet';
  if (!isNetworkName(name) || name === 'devnet') return null;
  return readEndpoints(env, networkPreset(name)).map((endpoint) => endpoint.url);
}

const META_CSP = /<meta http-equiv="Content-Security-Policy" content="([^"]+)"/;

/** The header policy for a built index.html, or null if the build has no policy (devnet). */
export function headerFromBuiltHtml(html: string): string | null {
  const meta = META_CSP.exec(html)?.[1];
  return meta ? headerPolicy(meta) : null;
}

export function cspPlugin(): Plugin {
  let policies: CspPolicies | null = null;
  return {
    name: 'lst:csp',
    config(_config, { mode }) {
      const endpoints = rpcEndpointsFor(readBuildEnv(mode));
      policies = endpoints ? buildCsp({ rpcEndpoints: endpoints, inlineScripts: [FIRST_PAINT_SCRIPT] }) : null;
    },
    transformIndexHtml: {
      order: 'pre',
      handler(html, context) {
        // Dev server: Vite's HMR client uses inline scripts and a websocket, so a policy would only get in the way.
        if (!policies || context.server) return html;
        // Right after <meta charset> (which must stay in the first 1024 bytes) and before any script or style.
        const meta = `<meta http-equiv="Content-Security-Policy" content="${policies.meta}" />`;
        const withMeta = html.replace(/(<meta charset="[^"]*"\s*\/?>)/i, `$1\n    ${meta}`);
        if (withMeta === html)
          throw new Error('index.html needs a <meta charset> for the CSP meta tag to follow');
        return withMeta;
      },
    },
    configurePreviewServer(server) {
      // Preview serves whatever build is in outDir, whatever --mode it is started with: take the policy from that
      // build's own meta tag so header and meta never disagree.
      const { root, build } = server.config;
      const header = headerFromBuiltHtml(readFileSync(resolve(root, build.outDir, 'index.html'), 'utf8'));
      if (!header) return;
      server.middlewares.use((_request, response, next) => {
        response.setHeader('Content-Security-Policy', header);
        next();
      });
    },
  };
}
