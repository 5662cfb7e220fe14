// Points `@ton/crypto` at src/ton/crypto/ton-crypto-for-core.ts when @ton/core or our contract wrappers import it:
// the same sign/verify, a byte-level SHA-256 instead of jsSHA over hex strings (every cell @ton/core parses is hashed
// with it). Other importers (@ton/ton's wallet code, the devnet) keep the real package. Build only: the dev server
// pre-bundles @ton/core with esbuild, outside Rollup's resolver, and speed does not matter there.
import { fileURLToPath } from 'node:url';
import type { Plugin } from 'vite';

const SHIM = fileURLToPath(new URL('../src/ton/crypto/ton-crypto-for-core.ts', import.meta.url));

/** Whether a module importing `@ton/crypto` gets the shim. */
export function takesCryptoShim(importer: string | undefined): boolean {
  if (!importer) return false;
  const path = importer.replaceAll('\\', '/');
  return path.includes('/node_modules/@ton/core/') || path.includes('/contracts/wrappers/');
}

export function tonCryptoForCorePlugin(): Plugin {
  return {
    name: 'ton-crypto-for-core',
    apply: 'build',
    enforce: 'pre',
    resolveId(source, importer) {
      return source === '@ton/crypto' && takesCryptoShim(importer) ? SHIM : null;
    },
  };
}
