import { QueryClient } from '@tanstack/react-query';
import { Address, beginCell, ExternalAddress, type Message, type Transaction } from '@ton/core';
import { describe, expect, it } from 'vitest';
import type { TransactionPageFetcher } from '../ton/history';
import { networkPreset } from '../ton/networks';
import { COLD_START_ROUNDS, historyIsBehind, historyStorageKey, loadOlderRounds, refreshRoundHistory, roundHistoryQuery, type HistoryStorage } from './round-history';

const TON = 1_000_000_000n;
const network = networkPreset('devnet');
const pool = '0:' + '33'.repeat(32);

function completion(roundId: number, totalBalance: bigint): Message {
  const body = beginCell().storeUint(roundId, 32).storeCoins(0n).storeCoins(0n).storeBit(false).storeCoins(TON).storeCoins(totalBalance).storeCoins(1_000n * TON).endCell();
  return { info: { type: 'external-out', src: Address.parse(pool), dest: new ExternalAddress(3n, 256), createdLt: 0n, createdAt: 0 }, body };
}

function tx(lt: bigint, messages: Message[] = []): Transaction {
  const hash = Buffer.alloc(32);
  hash.writeBigUInt64BE(lt, 24);
  return { lt, now: Number(lt) * 10, hash: () => hash, outMessages: new Map(messages.map((m, i) => [i, m])) } as unknown as Transaction;
}

/** A pool with `count` transactions, every 5th finalising a round; the fake getTransactions pages like toncenter. */
function fakeChain(count: number) {
  const transactions: Transaction[] = [];
  const calls: { limit: number; lt?: string; toLt?: string }[] = [];
  const add = (n: number) => {
    for (let i = 0; i < n; i++) {
      const lt = BigInt(transactions.length + 1);
      transactions.unshift(tx(lt, lt % 5n === 0n ? [completion(Number(lt / 5n), 1_000n * TON + lt * TON)] : []));
    }
  };
  add(count);
  const fetchPage: TransactionPageFetcher = async (request) => {
    calls.push(request);
    return transactions.filter((t) => (!request.lt || t.lt < BigInt(request.lt)) && (!request.toLt || t.lt > BigInt(request.toLt))).slice(0, request.limit);
  };
  return { pageReader: async () => fetchPage, calls, add };
}

function memoryStorage(): HistoryStorage & { data: Map<string, string> } {
  const data = new Map<string, string>();
  return { data, getItem: (k) => data.get(k) ?? null, setItem: (k, v) => void data.set(k, v), removeItem: (k) => void data.delete(k) };
}

describe('refreshRoundHistory', () => {
  it('reads pages on a cold start until it has the rounds the tiles need, persists, then asks only for what is newer', async () => {
    const chain = fakeChain(250);
    const storage = memoryStorage();
    const deps = { pageReader: chain.pageReader, storage };
    const cold = await refreshRoundHistory(network, pool, undefined, 52, deps);
    // one page of 100 transactions holds 20 rounds, more than COLD_START_ROUNDS: no second page
    expect(cold.rounds.length).toBeGreaterThanOrEqual(COLD_START_ROUNDS);
    expect(cold.rounds.map((r) => r.roundId)).toEqual(Array.from({ length: 20 }, (_, i) => i + 31));
    expect(cold.olderFrom).not.toBeNull();
    expect(chain.calls).toHaveLength(1);
    expect(storage.data.has(historyStorageKey(network, pool))).toBe(true);

    // Reload: nothing in memory, everything from storage; one request with toLt = the cached newest lt.
    chain.calls.length = 0;
    chain.add(10);
    const warm = await refreshRoundHistory(network, pool, undefined, 54, deps);
    expect(chain.calls).toEqual([expect.objectContaining({ toLt: '250', lt: undefined })]);
    expect(warm.rounds.at(-1)?.roundId).toBe(52);
    expect(warm.newest?.lt).toBe(260n);

    // Reload while the pool is still in the same round: the cache is complete, no request at all.
    chain.calls.length = 0;
    const unchanged = await refreshRoundHistory(network, pool, undefined, 54, deps);
    expect(chain.calls).toHaveLength(0);
    expect(unchanged.rounds).toHaveLength(22);
  });

  it('drops a cache written by a chain that has since been reset', async () => {
    const storage = memoryStorage();
    const first = await refreshRoundHistory(network, pool, undefined, 12, { pageReader: fakeChain(50).pageReader, storage });
    expect(first.rounds).toHaveLength(10);
    const resetChain = fakeChain(15); // the same address, a younger pool: rounds 1..3
    const afterReset = await refreshRoundHistory(network, pool, undefined, 5, { pageReader: resetChain.pageReader, storage });
    expect(afterReset.rounds.map((r) => r.roundId)).toEqual([1, 2, 3]);
    expect(resetChain.calls[0].toLt).toBeUndefined();
  });

  it('keeps a cold start to a window, and loads older rounds on request', async () => {
    const chain = fakeChain(1_000);
    const storage = memoryStorage();
    const queryClient = new QueryClient();
    const deps = { pageReader: chain.pageReader, storage };
    const history = await queryClient.fetchQuery(roundHistoryQuery(network, pool, 202, deps));
    expect(history.rounds).toHaveLength(20); // one page of 100 transactions, one round per 5: enough for the tiles
    expect(history.olderFrom).not.toBeNull();
    const more = await loadOlderRounds(queryClient, network, pool, deps);
    expect(more?.rounds).toHaveLength(200);
    expect(more?.olderFrom).toBeNull();
    expect(queryClient.getQueryData(roundHistoryQuery(network, pool, 202).queryKey)).toEqual(more);
  });
});

describe('historyIsBehind', () => {
  it('compares the newest logged round with the one the pool must have finished', async () => {
    const history = await refreshRoundHistory(network, pool, undefined, 12, { pageReader: fakeChain(50).pageReader, storage: null });
    expect(historyIsBehind(history, 12)).toBe(false); // newest is 10 = 12 − 2
    expect(historyIsBehind(history, 13)).toBe(true);
    expect(historyIsBehind(undefined, 13)).toBe(false);
  });
});
