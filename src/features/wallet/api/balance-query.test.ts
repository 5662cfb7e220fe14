import { QueryClient, skipToken } from '@tanstack/react-query';
import { TonClient } from '@ton/ton';
import { describe, expect, it } from 'vitest';
import { loadFixture, replayFetch } from '../../../ton/__fixtures__/fixture';
import { createTonRpcWith } from '../../../ton/client';
import { networkPreset } from '../../../ton/networks';
import { tonBalanceQuery } from './balance-query';

// Real TonClient on toncenter answers recorded from the devnet (src/ton/__fixtures__, scenario "devnet-wallet").
const fixture = loadFixture('devnet-wallet');
const network = { ...networkPreset('devnet', fixture.devnetUrl), maxRps: 1000 };
const rpc = createTonRpcWith(TonClient, network, {
  fetch: replayFetch(fixture, ['transfer']),
  maxRetries: 0,
});

function recordedBalance(friendlyAddress: string): bigint {
  const exchange = fixture.exchanges.find(
    (row) =>
      row.step === 'transfer' &&
      row.method === 'getAddressInformation' &&
      (row.params as { address: string }).address === friendlyAddress,
  );
  if (!exchange) throw new Error(`fixture has no getAddressInformation for ${friendlyAddress}`);
  return BigInt((exchange.body as { result: { balance: string } }).result.balance);
}

describe('tonBalanceQuery', () => {
  it('reads the balance as bigint nano through the TonClient', async () => {
    const treasuryRaw = fixture.values.treasury;
    const { Address } = await import('@ton/core');
    const expected = recordedBalance(Address.parse(treasuryRaw).toString());
    const queryClient = new QueryClient();
    const balance = await queryClient.fetchQuery(tonBalanceQuery(network, treasuryRaw, async () => rpc));
    expect(balance).toBe(expected);
    expect(typeof balance).toBe('bigint');
  });

  it('keys by network and address, so wallets and networks never share a cache entry', () => {
    const devnet = tonBalanceQuery(network, '0:aa');
    expect(devnet.queryKey).toEqual(['ton', 'devnet', 'balance', '0:aa']);
    expect(tonBalanceQuery(networkPreset('testnet'), '0:aa').queryKey).not.toEqual(devnet.queryKey);
    expect(tonBalanceQuery(network, '0:bb').queryKey).not.toEqual(devnet.queryKey);
  });

  it('stays idle until an address is known', () => {
    expect(tonBalanceQuery(network, undefined).queryFn).toBe(skipToken);
  });
});
