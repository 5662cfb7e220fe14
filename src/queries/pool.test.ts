import { QueryClient, skipToken } from '@tanstack/react-query';
import { Address, Cell } from '@ton/core';
import { describe, expect, it } from 'vitest';
import type { TonRpc } from '../ton/client';
import { networkPreset } from '../ton/networks';
import type { StackValue } from '../ton/stack';
import type { PersistStorage } from './persisted';
import { buildOnchainMetadata } from '../../contracts/wrappers/metadata';
import { invalidateAfterTransaction, METADATA_MAX_AGE_MS, poolLiquidityQuery, ptonMetadataQuery } from './pool';

const network = networkPreset('devnet');
const pool = '0:' + '11'.repeat(32);
const minter = '0:' + '22'.repeat(32);

function memoryStorage(): PersistStorage & { data: Map<string, string> } {
  const data = new Map<string, string>();
  return { data, getItem: (k) => data.get(k) ?? null, setItem: (k, v) => void data.set(k, v), removeItem: (k) => void data.delete(k) };
}

/** An rpc whose reads are counted: getBalance answers `balance`, get_jetton_data an empty-content minter. */
function fakeRpc(balance = 77n, content: Cell = Cell.EMPTY) {
  const calls: string[] = [];
  const jettonData: StackValue[] = [
    { type: 'int', value: 1_000n },
    { type: 'int', value: -1n },
    { type: 'null' },
    { type: 'cell', cell: content, kind: 'cell' },
    { type: 'cell', cell: Cell.EMPTY, kind: 'cell' },
  ];
  const rpc = {
    client: {
      async getBalance(address: Address) {
        calls.push(`getBalance ${address.toRawString()}`);
        return balance;
      },
    },
    async runGetMethod(address: Address, method: string) {
      calls.push(`${method} ${address.toRawString()}`);
      return { exitCode: 0, gasUsed: 0, stack: jettonData };
    },
  } as unknown as TonRpc;
  return { calls, loadRpc: async () => rpc };
}

describe('poolLiquidityQuery', () => {
  it('stays idle until the pool is known and a quote needs it, under one key either way', () => {
    expect(poolLiquidityQuery(network, undefined, true).queryFn).toBe(skipToken);
    expect(poolLiquidityQuery(network, pool, false).queryFn).toBe(skipToken);
    expect(poolLiquidityQuery(network, pool, true).queryFn).not.toBe(skipToken);
    expect(poolLiquidityQuery(network, pool, false).queryKey).toEqual(poolLiquidityQuery(network, pool, true).queryKey);
    expect(poolLiquidityQuery(network, pool, true).queryKey).toEqual(['ton', 'devnet', 'pool-liquidity', pool]);
  });

  it("reads the pool's own TON balance and nothing else", async () => {
    const { calls, loadRpc } = fakeRpc(500n);
    expect(await new QueryClient().fetchQuery(poolLiquidityQuery(network, pool, true, loadRpc))).toBe(500n);
    expect(calls).toEqual([`getBalance ${pool}`]);
  });

  it('is read again after a transaction', async () => {
    const client = new QueryClient();
    const { queryKey } = poolLiquidityQuery(network, pool, true);
    client.setQueryData(queryKey, 1n);
    await invalidateAfterTransaction(client, network);
    expect(client.getQueryState(queryKey)?.isInvalidated).toBe(true);
  });
});

describe('ptonMetadataQuery', () => {
  it('is idle without a minter', () => {
    expect(ptonMetadataQuery(network, undefined).queryFn).toBe(skipToken);
  });

  it('reads the metadata once and serves a reload from storage without a request', async () => {
    const storage = memoryStorage();
    const first = fakeRpc();
    const metadata = await new QueryClient().fetchQuery(ptonMetadataQuery(network, minter, { loadRpc: first.loadRpc, storage }));
    expect(metadata.symbol).toBe(network.poolJettonTicker);
    expect(first.calls).toEqual([`get_jetton_data ${minter}`]);

    // A reload: a fresh query cache, the same localStorage.
    const reload = fakeRpc();
    expect(await new QueryClient().fetchQuery(ptonMetadataQuery(network, minter, { loadRpc: reload.loadRpc, storage }))).toEqual(metadata);
    expect(reload.calls).toEqual([]);
  });

  it('reads again for another minter (a new pool) and keeps only that one', async () => {
    const storage = memoryStorage();
    await new QueryClient().fetchQuery(ptonMetadataQuery(network, minter, { loadRpc: fakeRpc().loadRpc, storage }));
    const other = '0:' + '33'.repeat(32);
    const second = fakeRpc();
    await new QueryClient().fetchQuery(ptonMetadataQuery(network, other, { loadRpc: second.loadRpc, storage }));
    expect(second.calls).toEqual([`get_jetton_data ${other}`]);
    expect(storage.data.size).toBe(1);
  });

  it('reads from the chain when the stored entry is corrupt', async () => {
    const storage = memoryStorage();
    await new QueryClient().fetchQuery(ptonMetadataQuery(network, minter, { loadRpc: fakeRpc().loadRpc, storage }));
    for (const key of storage.data.keys()) storage.data.set(key, '{"tag":');
    const again = fakeRpc();
    await new QueryClient().fetchQuery(ptonMetadataQuery(network, minter, { loadRpc: again.loadRpc, storage }));
    expect(again.calls).toHaveLength(1);
  });

  // Regression (issue 12 item 8): metadata was cached forever (staleTime Infinity), so a changed symbol never showed.
  it('reads the chain again once the stored entry is a day old, not before', async () => {
    const storage = memoryStorage();
    const now = Date.now();
    await new QueryClient().fetchQuery(ptonMetadataQuery(network, minter, { loadRpc: fakeRpc().loadRpc, storage }));
    const [key] = storage.data.keys();
    const saved = JSON.parse(storage.data.get(key)!) as { savedAt: number };

    storage.data.set(key, JSON.stringify({ ...saved, savedAt: now - METADATA_MAX_AGE_MS + 60_000 }));
    const fresh = fakeRpc();
    await new QueryClient().fetchQuery(ptonMetadataQuery(network, minter, { loadRpc: fresh.loadRpc, storage }));
    expect(fresh.calls).toEqual([]);

    storage.data.set(key, JSON.stringify({ ...saved, savedAt: now - METADATA_MAX_AGE_MS - 60_000 }));
    const old = fakeRpc();
    await new QueryClient().fetchQuery(ptonMetadataQuery(network, minter, { loadRpc: old.loadRpc, storage }));
    expect(old.calls).toEqual([`get_jetton_data ${minter}`]);
    expect(ptonMetadataQuery(network, minter).refetchInterval).toBeLessThanOrEqual(METADATA_MAX_AGE_MS);
  });

  // Regression (issue 12 item 8): a pool jetton named "TON" was shown as TON in every quote.
  it('replaces a symbol posing as the native ticker with the configured jetton ticker, and keeps an honest one', async () => {
    const spoofed = fakeRpc(0n, buildOnchainMetadata({ name: 'Toncoin', symbol: 'Т\u200bО\u200bН', decimals: '9' }));
    const metadata = await new QueryClient().fetchQuery(ptonMetadataQuery(network, minter, { loadRpc: spoofed.loadRpc, storage: null }));
    expect(metadata.symbol).toBe(network.poolJettonTicker);
    const honest = fakeRpc(0n, buildOnchainMetadata({ name: 'Staked TON', symbol: 'stTON', decimals: '9' }));
    expect((await new QueryClient().fetchQuery(ptonMetadataQuery(network, minter, { loadRpc: honest.loadRpc, storage: null }))).symbol).toBe('stTON');
  });
});

describe('poolQuery follows a pool upgraded in place', () => {
  it('the next read after an upgrade parses the new layout, and instant quotes start charging its fee', async () => {
    const { loadFixture } = await import('../ton/__fixtures__/fixture');
    const { parseStack } = await import('../ton/stack');
    const { quoteInstantWithdrawal } = await import('../ton/pool');
    const { poolQuery } = await import('./pool');
    const fixture = loadFixture('devnet-pool-data-v1');
    const recorded = fixture.exchanges.find((e) => (e.params as { method: string }).method === 'get_pool_full_data')!;
    const v1 = parseStack((recorded.body as { result: { stack: unknown[] } }).result.stack);
    const int = (value: bigint): StackValue => ({ type: 'int', value });
    // the same pool after an upgrade to v2 with a 0.5 % instant withdrawal fee (§11.2 layout)
    const v2 = [...v1.slice(0, 6), int(83_886n), ...v1.slice(6, 12), int(0n), int(0n), int(0n), ...v1.slice(12)];
    let answer = v1;
    const rpc = { runGetMethod: async () => ({ exitCode: 0, gasUsed: 0, stack: answer }) } as unknown as TonRpc;
    const client = new QueryClient();
    const options = poolQuery(network, fixture.values.pool, async () => rpc);
    const before = await client.fetchQuery(options);
    answer = v2;
    await client.invalidateQueries({ queryKey: options.queryKey });
    const after = await client.fetchQuery(options);
    expect([before.version, after.version]).toEqual(['v1', 'v2']);
    const pton = before.supply / 10n;
    const [old, upgraded] = [before, after].map((data) => quoteInstantWithdrawal(data, pton));
    expect(old.fee).toBe(0n);
    expect(upgraded.fee).toBe((upgraded.value * 83_886n) / (1n << 24n));
    expect(upgraded.fee).toBeGreaterThan(0n);
    expect(upgraded.net).toBe(old.net - upgraded.fee);
  });
});

describe('readPoolNow: what a send is checked against', () => {
  it('reads the chain again even when the cached pool is fresh, and updates the cache every panel reads', async () => {
    const { loadFixture } = await import('../ton/__fixtures__/fixture');
    const { parseStack } = await import('../ton/stack');
    const { poolQuery, readPoolNow } = await import('./pool');
    const fixture = loadFixture('devnet-pool-data-v1');
    const recorded = fixture.exchanges.find((e) => (e.params as { method: string }).method === 'get_pool_full_data')!;
    const open = parseStack((recorded.body as { result: { stack: unknown[] } }).result.stack);
    // the halter closed deposits: deposits_open (entry 5) is 0
    const closed = [...open.slice(0, 5), { type: 'int', value: 0n } as StackValue, ...open.slice(6)];
    let answer = open;
    let reads = 0;
    const rpc = { runGetMethod: async () => (reads++, { exitCode: 0, gasUsed: 0, stack: answer }) } as unknown as TonRpc;
    const client = new QueryClient();
    const options = poolQuery(network, fixture.values.pool, async () => rpc);
    expect((await client.fetchQuery(options)).depositsOpen).toBe(true);
    answer = closed;
    expect((await client.fetchQuery(options)).depositsOpen).toBe(true); // fresh cache: no read
    expect(reads).toBe(1);
    expect((await readPoolNow(client, network, fixture.values.pool, async () => rpc)).depositsOpen).toBe(false);
    expect(reads).toBe(2);
    expect(client.getQueryData(options.queryKey)?.depositsOpen).toBe(false);
  });
});
