// Deposit bills on answers recorded from a pessimistic pool on the devnet (scripts/capture-fixtures.ts, scenario
// "pool-pessimistic": a fresh pool whose genesis deposit is already a bill, then a 25 TON deposit by the dev wallet).
import { Address } from '@ton/core';
import { TonClient } from '@ton/ton';
import { describe, expect, it } from 'vitest';
import { hasFixture, loadFixture, replayFetch } from './__fixtures__/fixture';
import { listBills, readBillAddress } from './bills';
import { createTonRpcWith } from './client';
import { readJettonWallet } from './jetton';
import { networkPreset } from './networks';
import { expectedPtonForDeposit, expectedPtonForDepositBill, readPoolFullData } from './pool';

describe.skipIf(!hasFixture('devnet-pool-pessimistic'))('devnet pessimistic pool fixture', () => {
  const fixture = loadFixture('devnet-pool-pessimistic');
  const pool = Address.parse(fixture.values.pool);
  const devWallet = Address.parse(fixture.values.devWallet);
  const depositAmount = BigInt(fixture.values.depositAmount);
  const network = { ...networkPreset('devnet', fixture.devnetUrl), maxRps: 1000 };
  const rpcFor = (step: string) => createTonRpcWith(TonClient, network, { fetch: replayFetch(fixture, [step]), maxRetries: 0 });

  it('turns a deposit into a deposit bill that listBills finds for its owner only', async () => {
    const beforeRpc = rpcFor('before');
    const before = await readPoolFullData(beforeRpc, pool);
    expect(before.optimistic).toBe(false);
    // the genesis deposit is waiting as a bill, so the pool has no balance or supply yet
    expect(before.depositPayout).not.toBeNull();
    expect(await listBills(beforeRpc, before, devWallet)).toEqual([]);
    const quote = expectedPtonForDeposit(before, depositAmount);
    expect(quote).toEqual({ ok: true, kind: 'bill', pton: depositAmount }); // empty pool: 1:1

    const rpc = rpcFor('after-deposit');
    const after = await readPoolFullData(rpc, pool);
    expect(after.requestedForDeposit).toBe(before.requestedForDeposit + depositAmount);
    expect(after.totalBalance).toBe(before.totalBalance);
    expect(after.supply).toBe(before.supply);
    expect(await readJettonWallet(rpc, Address.parse(fixture.values.jettonWallet))).toMatchObject({ exists: false, balance: 0n });

    const bills = await listBills(rpc, after, devWallet);
    expect(bills).toHaveLength(1);
    const [bill] = bills;
    expect(bill).toMatchObject({ kind: 'deposit', index: 1n, amount: depositAmount });
    expect(bill.collection.equals(after.depositPayout!)).toBe(true);
    expect(bill.expectedPayout).toBe(expectedPtonForDepositBill(after, depositAmount));
    expect(bill.expectedPayout).toBe(depositAmount);
  });

  it('asks each item address once when given an address book, and finds the same bills from it', async () => {
    const known = new Map<string, Address>();
    const book = {
      get: (collection: Address, index: bigint) => known.get(`${collection.toRawString()}#${index}`),
      set: (collection: Address, index: bigint, address: Address) => void known.set(`${collection.toRawString()}#${index}`, address),
    };
    const counted = (step: string) => {
      const rpc = rpcFor(step);
      const methods: string[] = [];
      return { rpc: { ...rpc, runGetMethod: (address: Address, method: string, args?: Parameters<typeof rpc.runGetMethod>[2]) => (methods.push(method), rpc.runGetMethod(address, method, args)) }, methods };
    };
    const after = await readPoolFullData(rpcFor('after-deposit'), pool);
    const first = counted('after-deposit');
    const bills = await listBills(first.rpc, after, devWallet, { addresses: book });
    expect(first.methods.filter((method) => method === 'get_nft_address_by_index')).toHaveLength(2); // items 0 and 1
    expect(known.size).toBe(2);

    const again = counted('after-deposit');
    const plain = (list: typeof bills) => list.map((bill) => ({ ...bill, collection: bill.collection.toRawString(), address: bill.address.toRawString(), owner: bill.owner.toRawString() }));
    expect(bills).toHaveLength(1);
    expect(plain(await listBills(again.rpc, after, devWallet, { addresses: book }))).toEqual(plain(bills));
    expect(again.methods).toEqual(['get_collection_data', 'get_nft_data', 'get_nft_data']);
  });

  it('asks afresh for an item whose cached address is another item', async () => {
    const after = await readPoolFullData(rpcFor('after-deposit'), pool);
    const collection = after.depositPayout!;
    const item0 = await readBillAddress(rpcFor('after-deposit'), collection, 0n);
    const set: bigint[] = [];
    // A corrupted cache: every index points at item 0.
    const book = { get: () => item0, set: (_collection: Address, index: bigint) => void set.push(index) };
    const bills = await listBills(rpcFor('after-deposit'), after, devWallet, { addresses: book });
    expect(bills.map((bill) => bill.index)).toEqual([1n]);
    expect(bills[0].address.equals(item0)).toBe(false);
    expect(set).toEqual([1n]);
  });

  it('can cap how many items a listing walks', async () => {
    const rpc = rpcFor('after-deposit');
    const after = await readPoolFullData(rpc, pool);
    // only item 0 (the genesis bill, not the dev wallet's) is read
    expect(await listBills(rpc, after, devWallet, { maxItemsPerCollection: 1 })).toEqual([]);
  });
});
