import { QueryClient, skipToken } from '@tanstack/react-query';
import { TonClient } from '@ton/ton';
import { describe, expect, it } from 'vitest';
import { loadFixture, replayFetch } from '../ton/__fixtures__/fixture';
import { createTonRpcWith } from '../ton/client';
import { networkPreset } from '../ton/networks';
import { accountStateQuery, tonBalanceQuery } from './account-state';

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

describe('accountStateQuery / tonBalanceQuery', () => {
  it('reads the balance as bigint nano and the last transaction through the TonClient, in one request', async () => {
    const treasuryRaw = fixture.values.treasury;
    const { Address } = await import('@ton/core');
    const expected = recordedBalance(Address.parse(treasuryRaw).toString());
    const queryClient = new QueryClient();
    const state = await queryClient.fetchQuery(accountStateQuery(network, treasuryRaw, async () => rpc));
    expect(state.balance).toBe(expected);
    expect(typeof state.balance).toBe('bigint');
    expect(state.lastTx?.lt).toBeGreaterThan(0n);
    // the balance query is the same entry seen through select: no second request
    const balance = tonBalanceQuery(network, treasuryRaw);
    expect(balance.queryKey).toEqual(accountStateQuery(network, treasuryRaw).queryKey);
    expect(balance.select?.(state)).toBe(expected);
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
