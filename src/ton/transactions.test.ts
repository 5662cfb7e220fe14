import { Address } from '@ton/core';
import { TonClient } from '@ton/ton';
import { describe, expect, it, vi } from 'vitest';
import { hasFixture, loadFixture, replayFetch } from './__fixtures__/fixture';
import { createTonRpcWith } from './client';
import { fetchTransactionPage, parseTransactionsCooperatively } from './transactions';
import { networkPreset } from './networks';

const live = hasFixture('devnet-pool-live') ? loadFixture('devnet-pool-live') : null;
const hasHistory = live?.exchanges.some((exchange) => exchange.step === 'history') ?? false;

describe.skipIf(!hasHistory)('fetchTransactionPage on the recorded devnet pool history', () => {
  const fixture = live!;
  const pool = Address.parse(fixture.values.pool);
  const network = { ...networkPreset('devnet', fixture.devnetUrl), maxRps: 1000 };
  const rpc = () => createTonRpcWith(TonClient, network, { fetch: replayFetch(fixture, ['history']), maxRetries: 0 });
  const ids = (transactions: { lt: bigint; hash: () => Buffer }[]) => transactions.map((tx) => `${tx.lt}:${tx.hash().toString('hex')}`);

  it('reads the same first page and the same page below a cursor as TonClient.getTransactions', async () => {
    const first = await fetchTransactionPage(rpc(), pool, { limit: 20 });
    const expectedFirst = await rpc().client.getTransactions(pool, { limit: 20, archival: true });
    expect(first).toHaveLength(20);
    expect(ids(first)).toEqual(ids(expectedFirst));

    const last = first[first.length - 1];
    const cursor = { lt: last.lt.toString(), hash: last.hash().toString('base64') };
    const second = await fetchTransactionPage(rpc(), pool, { limit: 20, ...cursor });
    const expectedSecond = await rpc().client.getTransactions(pool, { limit: 20, ...cursor, archival: true });
    expect(second.length).toBeGreaterThan(0);
    expect(ids(second)).toEqual(ids(expectedSecond));
    // The cursor's own transaction (toncenter's cursor is inclusive) is not read twice.
    expect(second.every((tx) => tx.lt < last.lt)).toBe(true);
  });
});

describe('parseTransactionsCooperatively', () => {
  const recorded = live?.exchanges.find((exchange) => exchange.method === 'getTransactions' && Array.isArray((exchange.body as { result?: unknown }).result));
  const raw = (recorded?.body as { result: { data: string }[] } | undefined)?.result ?? [];

  it.skipIf(raw.length < 3)('keeps the order and yields to the event loop when a slice runs long', async () => {
    let clock = 0;
    const timers = vi.spyOn(globalThis, 'setTimeout');
    // The clock moves 5 ms per reading; the parser reads it after each transaction and after each yield, so with
    // 5 ms slices it yields after every second transaction, and once before the first (apart from the JSON parse).
    const parsed = await parseTransactionsCooperatively(raw, () => (clock += 5));
    expect(parsed.map((tx) => tx.hash().toString('base64'))).toEqual(raw.map((item) => (item as { transaction_id?: { hash?: string } }).transaction_id?.hash ?? ''));
    expect(timers.mock.calls.filter(([, delay]) => delay === 0).length).toBe(1 + Math.floor(raw.length / 2));
    timers.mockRestore();
  });

  it('refuses an answer that is not a list of raw transactions', async () => {
    await expect(parseTransactionsCooperatively({ error: 'nope' })).rejects.toThrow(/not a list/);
    await expect(parseTransactionsCooperatively([{ lt: '1' }])).rejects.toThrow(/no data/);
  });
});
