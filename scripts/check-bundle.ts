// Scans a testnet/mainnet build for what must never ship: the Devnet Wallet, devnet-only code and files, secrets.
// CLI: `tsx scripts/check-bundle.ts <outDir>` exits 1 and lists every hit.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';

/** Names only devnet code uses: the injected wallet, its bridge key, the devnet server's routes and local files. */
export const DEVNET_MARKERS = [
  'devnetWallet',
  'devwallet',
  'Devnet Wallet',
  '/devnet/',
  'wallets-devnet.json',
  'devnet-wallet.png',
  // The Devnet Mobile Wallet and the devnet's TON Connect bridge.
  'Devnet Mobile Wallet',
  'devnet-mobile-wallet',
  '/bridge/events',
] as const;

export interface BundleHit {
  file: string;
  needle: string;
}

function filesUnder(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? filesUnder(path) : [path];
  });
}

/**
 * Every (file, needle) where an emitted file contains a needle (case-insensitive: `devwallet` also catches
 * `devWallet`). Source maps hold the original sources, comments included, so scan them only for secrets.
 */
export function findInBundle(
  outDir: string,
  needles: readonly string[],
  { sourceMaps = false }: { sourceMaps?: boolean } = {},
): BundleHit[] {
  const hits: BundleHit[] = [];
  for (const path of filesUnder(outDir)) {
    if (!sourceMaps && path.endsWith('.map')) continue;
    const text = readFileSync(path, 'latin1').toLowerCase();
    for (const needle of needles) {
      if (needle && text.includes(needle.toLowerCase())) hits.push({ file: relative(outDir, path), needle });
    }
  }
  return hits;
}

/** Values of environment variables that hold secrets (names say so) and must never be inlined into a bundle. */
export function secretValues(env: NodeJS.ProcessEnv): string[] {
  return Object.entries(env)
    .filter(
      ([name, value]) => /SECRET|MNEMONIC|PRIVATE|PASSWORD|TOKEN/i.test(name) && value && value.length >= 8,
    )
    .map(([, value]) => value as string);
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const outDir = process.argv[2];
  if (!outDir) throw new Error('usage: tsx scripts/check-bundle.ts <outDir>');
  const secrets = secretValues(process.env);
  const hits = [
    ...findInBundle(outDir, DEVNET_MARKERS),
    ...findInBundle(outDir, secrets, { sourceMaps: true }),
  ];
  // VITE_TON_API_KEY is public by design (README): only say where it went.
  const apiKey = process.env.VITE_TON_API_KEY;
  if (apiKey && findInBundle(outDir, [apiKey]).length > 0) {
    console.warn(
      'note: VITE_TON_API_KEY is readable in the bundle; put a proxy in front of toncenter to keep it private',
    );
  }
  for (const hit of hits)
    console.error(
      `${hit.file}: contains ${secrets.includes(hit.needle) ? 'a secret env value' : hit.needle}`,
    );
  process.exit(hits.length > 0 ? 1 : 0);
}
