// The bill book on real contract answers (devnet-pool fixture, step "after-withdraw": the dev wallet holds one
// withdrawal bill). Owner histories are made up as event records; every chain read goes through the real TonClient
// and readers, and each JSON-RPC request is counted.
import { Address } from '@ton/core';
import { TonClient } from '@ton/ton';
import { describe, expect, it } from 'vitest';
import { Op } from '../../contracts/wrappers/opcodes';
import { hasFixture, loadFixture, replayFetch, type Fixture } from '../ton/__fixtures__/fixture';
import { readBillAddress } from '../ton/bills';
import { createTonRpcWith } from '../ton/client';
import { networkPreset } from '../ton/networks';
import type { OwnerEvent } from '../ton/owner-history';
import { readPoolFullData } from '../ton/pool';
import { billStatus, updateBillBook } from './bills';
import type { OwnerHistory } from './owner-history';
import type { PersistStorage } from './persisted';

function memoryStorage(): PersistStorage {
  const data = new Map<string, string>();
  return { getItem: (k) => data.get(k) ?? null, setItem: (k, v) => void data.set(k, v), removeItem: (k) => void data.delete(k) };
}

function recorded(fixture: Fixture, step: string, getter: string) {
  const exchange = fixture.exchanges.find((row) => row.step === step && row.method === 'runGetMethod' && (row.params as { method: string }).method === getter);
  if (!exchange) throw new Error(`no ${getter} in ${step}`);
  return exchange.body;
}

describe.skipIf(!hasFixture('devnet-pool'))('bill book (devnet-pool fixture)', async () => {
  const fixture = loadFixture('devnet-pool');
  const network = { ...networkPreset('devnet', fixture.devnetUrl), maxRps: 1000 };
  const pool = fixture.values.pool;
  const owner = fixture.values.devWallet;
  const ptonWallet = fixture.values.jettonWallet;
  const burnAmount = BigInt(fixture.values.burnAmount);
  const replay = createTonRpcWith(TonClient, network, { fetch: replayFetch(fixture, ['after-withdraw']), maxRetries: 0 });
  // The pool as stored, with the round's withdrawal collection, and the bill item in it.
  const stored = await readPoolFullData(replay, Address.parse(pool));
  const collection = stored.withdrawalPayout!;
  const item = (await readBillAddress(replay, collection, 0n)).toRawString();
  // What get_pool_full_data shows once a validator-set switch is due: the rotation simulated, its collections empty.
  const simulated = { ...stored, depositPayout: null, withdrawalPayout: null };

  /**
   * A chain where the pool's stored data is `raw` (a recorded get_pool_full_data answer), and every item answers
   * like the fixture's live bill while `alive`, like a destroyed account otherwise.
   */
  function chain(options: { raw?: 'after-withdraw' | 'before'; alive: () => boolean }) {
    const methods: string[] = [];
    const fetch = (async (_url: RequestInfo | URL, init?: RequestInit) => {
      const request = JSON.parse(String(init?.body)) as { method: string; params: { method?: string } };
      const getter = request.params.method ?? '';
      methods.push(request.method === 'runGetMethod' ? getter : request.method);
      let body: unknown;
      if (getter === 'get_pool_full_data_raw') {
        body = options.raw === 'before' ? recorded(fixture, 'before', 'get_pool_full_data_raw') : recorded(fixture, 'after-withdraw', 'get_pool_full_data');
      } else if (getter === 'get_nft_data') {
        body = options.alive() ? recorded(fixture, 'after-withdraw', 'get_nft_data') : { ok: true, result: { '@type': 'smc.runResult', gas_used: 0, exit_code: -13, stack: [] } };
      } else throw new Error(`unexpected request ${request.method} ${getter}`);
      return new Response(JSON.stringify(body), { status: 200, headers: { 'content-type': 'application/json' } });
    }) as typeof globalThis.fetch;
    const rpc = createTonRpcWith(TonClient, network, { fetch, maxRetries: 0 });
    return { loadRpc: async () => rpc, methods };
  }

  const event = (patch: Partial<OwnerEvent> & Pick<OwnerEvent, 'lt' | 'peer' | 'op'>): OwnerEvent => ({
    time: Number(patch.lt),
    tx: patch.lt.toString(16).padStart(64, '0'),
    dir: 'in',
    queryId: 0n,
    value: 0n,
    ...patch,
  });
  const assigned = (lt: bigint, from = item) => event({ lt, peer: from, op: Op.ownershipAssigned, value: 50_000_000n });
  const tonPayout = (lt: bigint, from: string, value: bigint) => event({ lt, peer: from, op: Op.distributedAsset, value });
  const history = (...events: OwnerEvent[]): OwnerHistory => ({ events, newest: { lt: events[events.length - 1].lt, hash: 'h' }, olderFrom: null });
  const params = (h: OwnerHistory) => ({ network, owner, pool, ptonWallet, history: h });

  it('keeps a bill unpaid while the simulated getter shows its round ended: "round ended, payout pending", not "paid"', async () => {
    const storage = memoryStorage();
    const { loadRpc, methods } = chain({ alive: () => true });
    const book = await updateBillBook(params(history(assigned(100n))), { loadRpc, storage });
    expect(book.bills).toHaveLength(1);
    const [bill] = book.bills;
    expect(bill).toMatchObject({ address: item, kind: 'withdrawal', index: 0n, amount: burnAmount, collection: collection.toRawString(), created: { lt: 100n } });
    expect(bill.payout).toBeUndefined();
    // the stored collections, not the simulated ones, decide what is a bill: one raw read, one get_nft_data
    expect(methods).toEqual(['get_pool_full_data_raw', 'get_nft_data']);
    expect(billStatus(bill, stored)).toBe('pending');
    expect(billStatus(bill, simulated)).toBe('round-ended');
  });

  it('marks it paid only when its payout arrived and its item is gone, with the payout transaction and amount', async () => {
    const storage = memoryStorage();
    let alive = true;
    const { loadRpc, methods } = chain({ alive: () => alive });
    await updateBillBook(params(history(assigned(100n))), { loadRpc, storage });

    // the item is destroyed, but no payout has arrived yet
    alive = false;
    let book = await updateBillBook(params(history(assigned(100n), event({ lt: 150n, peer: pool, op: Op.excesses }))), { loadRpc, storage });
    expect(book.bills[0].payout).toBeUndefined();
    expect(billStatus(book.bills[0], simulated)).toBe('round-ended');

    // a payout from another sender (not the bill's collection) pays nothing
    const stranger = '0:' + 'dd'.repeat(32);
    book = await updateBillBook(params(history(assigned(100n), tonPayout(160n, stranger, 5n * burnAmount))), { loadRpc, storage });
    expect(book.bills[0].payout).toBeUndefined();

    // the payout from the bill's collection, while the item still answers (not burned yet): not paid either
    alive = true;
    const payout = tonPayout(200n, collection.toRawString(), 1_234_567_890n);
    book = await updateBillBook(params(history(assigned(100n), payout)), { loadRpc, storage });
    expect(book.bills[0].payout).toBeUndefined();

    alive = false;
    methods.length = 0;
    book = await updateBillBook(params(history(assigned(100n), payout)), { loadRpc, storage });
    expect(book.bills[0].payout).toEqual({ lt: 200n, time: 200, tx: payout.tx, amount: 1_234_567_890n });
    expect(billStatus(book.bills[0], simulated)).toBe('paid');
    expect(methods).toEqual(['get_nft_data']);

    // kept across reloads, and nothing more is asked
    methods.length = 0;
    const again = await updateBillBook(params(history(assigned(100n), payout)), { loadRpc, storage });
    expect(again).toEqual(book);
    expect(methods).toEqual([]);
  });

  it('lists two bills for two requests and a reload for none, whatever the size of the collection', async () => {
    const storage = memoryStorage();
    const other = '0:' + 'ee'.repeat(32); // answers like a second bill of the same collection
    const { loadRpc, methods } = chain({ alive: () => true });
    const h = history(assigned(100n), assigned(120n, other));
    const book = await updateBillBook(params(h), { loadRpc, storage });
    expect(book.bills.map((bill) => bill.address)).toEqual([other, item]); // newest first
    // with the owner-history page: 4 requests on a cold visit
    expect(methods).toEqual(['get_pool_full_data_raw', 'get_nft_data', 'get_nft_data']);
    methods.length = 0;
    await updateBillBook(params(h), { loadRpc, storage });
    expect(methods).toEqual([]);
  });

  it('ignores an item whose collection is not one of the pool\'s, and never asks about it again', async () => {
    const storage = memoryStorage();
    // The pool's stored data before the withdrawal: no payout collection, so the live item belongs to none of its.
    const { loadRpc, methods } = chain({ raw: 'before', alive: () => true });
    const book = await updateBillBook(params(history(assigned(100n))), { loadRpc, storage });
    expect(book).toEqual({ bills: [], ignored: [item] });
    methods.length = 0;
    // and a distributed_asset from anywhere is then no bill's payout
    await updateBillBook(params(history(assigned(100n), tonPayout(200n, collection.toRawString(), 1n))), { loadRpc, storage });
    expect(methods).toEqual([]);
  });
});
