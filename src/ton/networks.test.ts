import { describe, expect, it } from 'vitest';
import { isNetworkName, networkPreset } from './networks';

describe('network presets', () => {
  it('pair each network with its TON Connect chain and address style', () => {
    expect(networkPreset('mainnet')).toMatchObject({ chain: '-239', testOnly: false, maxRps: 1 });
    expect(networkPreset('testnet')).toMatchObject({ chain: '-3', testOnly: true });
    // the devnet runs as testnet (global id -3), so its wallets and TON Connect use test-only addresses too
    expect(networkPreset('devnet', 'http://127.0.0.1:9999')).toMatchObject({
      chain: '-3',
      testOnly: true,
      endpoint: 'http://127.0.0.1:9999/jsonRPC',
      devnetUrl: 'http://127.0.0.1:9999',
    });
  });

  it('fall back to TON / pTON tickers', () => {
    for (const name of ['devnet', 'testnet', 'mainnet'] as const) {
      expect(networkPreset(name)).toMatchObject({ nativeTicker: 'TON', poolJettonTicker: 'pTON' });
    }
  });

  it('recognise only the three network names', () => {
    expect(['devnet', 'testnet', 'mainnet'].every(isNetworkName)).toBe(true);
    expect(isNetworkName('Mainnet')).toBe(false);
    expect(isNetworkName(undefined)).toBe(false);
  });
});
