import { createHash, randomBytes } from 'node:crypto';
import { sha256_sync as tonCryptoSha256 } from '@ton/crypto';
import { beginCell, Cell } from '@ton/core';
import { describe, expect, it } from 'vitest';
import { sha256 } from './sha256';
import { sha256_sync } from './ton-crypto-for-core';

const reference = (data: Uint8Array) => createHash('sha256').update(data).digest('hex');
const hex = (data: Uint8Array) => Buffer.from(data).toString('hex');

describe('sha256', () => {
  it('matches the FIPS 180-4 examples', () => {
    expect(hex(sha256(new Uint8Array()))).toBe('e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855');
    expect(hex(sha256(new TextEncoder().encode('abc')))).toBe('ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad');
    expect(hex(sha256(new TextEncoder().encode('abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq')))).toBe(
      '248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1',
    );
  });

  it('matches node:crypto at every length around the block and padding boundaries, and for a megabyte', () => {
    for (let length = 0; length <= 200; length++) {
      const data = randomBytes(length);
      expect(hex(sha256(data)), `length ${length}`).toBe(reference(data));
    }
    const large = randomBytes(1 << 20);
    expect(hex(sha256(large))).toBe(reference(large));
  });

  it('hashes a view into a larger buffer by its own bytes only', () => {
    const backing = randomBytes(100);
    const view = backing.subarray(10, 70);
    expect(hex(sha256(view))).toBe(reference(view));
  });
});

describe("the app build's sha256_sync for @ton/core", () => {
  it('answers what @ton/crypto answers, for bytes and for strings (as UTF-8)', () => {
    for (const source of [randomBytes(0), randomBytes(37), randomBytes(128), 'ticker', 'Стейкинг ✓']) {
      const ours = sha256_sync(source);
      expect(Buffer.isBuffer(ours)).toBe(true);
      expect(ours.toString('hex')).toBe(tonCryptoSha256(source).toString('hex'));
    }
  });

  it('gives a cell the hash @ton/core computes', () => {
    const child = beginCell().storeUint(7, 32).endCell();
    const cell = beginCell().storeBuffer(randomBytes(100)).storeRef(child).storeRef(child).endCell();
    const boc = cell.toBoc();
    // the representation @ton/core hashes: descriptors, data, children's depths and hashes (TVM cell hash)
    const parsed = Cell.fromBoc(boc)[0];
    const repr = Buffer.concat([
      Buffer.from([2, 200]),
      parsed.bits.subbuffer(0, 800) ?? Buffer.alloc(0),
      Buffer.from([0, 0, 0, 0]),
      child.hash(),
      child.hash(),
    ]);
    expect(sha256_sync(repr).toString('hex')).toBe(parsed.hash().toString('hex'));
  });
});
