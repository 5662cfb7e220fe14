import { describe, expect, it } from 'vitest';
import { takesCryptoShim, tonCryptoForCorePlugin } from './ton-crypto-plugin';

describe('tonCryptoForCorePlugin', () => {
  const plugin = tonCryptoForCorePlugin();
  const resolve = (source: string, importer?: string) =>
    (plugin.resolveId as (source: string, importer?: string) => string | null)(source, importer);

  it('gives @ton/core and the contract wrappers the shim', () => {
    expect(resolve('@ton/crypto', '/repo/node_modules/@ton/core/dist/boc/cell/wonderCalculator.js')).toMatch(/src\/ton\/crypto\/ton-crypto-for-core\.ts$/);
    expect(resolve('@ton/crypto', '/repo/contracts/wrappers/metadata.ts')).toMatch(/ton-crypto-for-core\.ts$/);
    expect(takesCryptoShim('C:\\repo\\node_modules\\@ton\\core\\dist\\crypto\\safeSign.js')).toBe(true);
  });

  it('leaves every other importer, and every other module id, to the normal resolver', () => {
    expect(resolve('@ton/crypto', '/repo/node_modules/@ton/ton/dist/wallets/WalletContractV4.js')).toBeNull();
    expect(resolve('@ton/crypto', '/repo/devnet/protocol/wallets.ts')).toBeNull();
    expect(resolve('@ton/crypto')).toBeNull();
    expect(resolve('@ton/crypto/dist/primitives/nacl', '/repo/src/ton/crypto/ton-crypto-for-core.ts')).toBeNull();
    expect(resolve('@ton/core', '/repo/contracts/wrappers/metadata.ts')).toBeNull();
  });
});
