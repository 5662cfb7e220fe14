import { beginCell, Dictionary } from '@ton/core';
import { sha256_sync } from '@ton/crypto';
import { describe, expect, it } from 'vitest';
import { buildOnchainMetadata, parseOnchainMetadata, poolJettonContent, readContentData } from '../wrappers/metadata';

describe('metadata (TEP-64 on-chain)', () => {
  it('stores each value under sha256(key) as a snake string behind a 0x00 prefix', () => {
    const content = buildOnchainMetadata({ name: 'Pool TON', symbol: 'pTON' });
    const slice = content.beginParse();
    expect(slice.loadUint(8)).toBe(0);
    const dict = slice.loadDict(Dictionary.Keys.Buffer(32), Dictionary.Values.Cell());
    expect(dict.size).toBe(2);
    const nameCell = dict.get(sha256_sync('name'))!.beginParse();
    expect(nameCell.loadUint(8)).toBe(0);
    expect(nameCell.loadBuffer(nameCell.remainingBits / 8).toString('utf8')).toBe('Pool TON');
  });

  it('round-trips the pool jetton content with decimals "9"', () => {
    const content = poolJettonContent({ name: 'Pool TON', symbol: 'pTON', description: 'Liquid staking jetton' });
    expect(parseOnchainMetadata(content)).toEqual({
      fields: { name: 'Pool TON', symbol: 'pTON', description: 'Liquid staking jetton', decimals: '9' },
      unknown: {},
    });
  });

  it('snakes long UTF-8 values across cells and reads them back', () => {
    const long = '⏲️ '.repeat(100) + 'end';
    const parsed = parseOnchainMetadata(buildOnchainMetadata({ description: long }));
    expect(parsed.fields.description).toBe(long);
    expect(Buffer.byteLength(long)).toBeGreaterThan(400);
  });

  it('reports keys it cannot name by hash, and names them when told', () => {
    const content = buildOnchainMetadata({ custom_key: 'x' });
    const hashHex = sha256_sync('custom_key').toString('hex');
    expect(parseOnchainMetadata(content).unknown).toEqual({ [hashHex]: 'x' });
    expect(parseOnchainMetadata(content, ['custom_key']).fields).toEqual({ custom_key: 'x' });
  });

  it('reads chunked (0x01) values and rejects off-chain content', () => {
    const chunks = Dictionary.empty(Dictionary.Keys.Uint(32), Dictionary.Values.Cell());
    chunks.set(1, beginCell().storeBuffer(Buffer.from('World')).endCell());
    chunks.set(0, beginCell().storeBuffer(Buffer.from('Hello ')).endCell());
    expect(readContentData(beginCell().storeUint(1, 8).storeDict(chunks).endCell())).toBe('Hello World');
    const offchain = beginCell().storeUint(1, 8).storeStringTail('https://example.org/meta.json').endCell();
    expect(() => parseOnchainMetadata(offchain)).toThrow(/off-chain/);
  });
});
