import { describe, expect, it } from 'vitest';
import { chainName, wrongNetworkMessage } from './network-guard';

describe('wrong network message', () => {
  it('names the wallet chain and the app network', () => {
    expect(wrongNetworkMessage('-239', { label: 'Testnet' })).toBe(
      'Your wallet is on Mainnet, but this app works on Testnet. Switch your wallet to Testnet and connect again.',
    );
    expect(wrongNetworkMessage('-3', { label: 'Mainnet' })).toMatch(
      /^Your wallet is on Testnet, but this app works on Mainnet/,
    );
  });

  it('falls back to words for chains it does not know', () => {
    expect(chainName('-1')).toBe('another network');
    expect(chainName(undefined)).toBe('another network');
  });
});
