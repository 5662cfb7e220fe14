// Deposit bills on answers recorded from a pessimistic pool on the devnet (scripts/capture-fixtures.ts, scenario
// "pool-pessimistic": a fresh pool whose genesis deposit is already a bill, then a 25 TON deposit by the dev wallet).
import { Address } from '@ton/core';
import { TonClient } from '@ton/ton';
import { describe, expect, it } from 'vitest';
import { hasFixture, loadFixture, replayFetch } from './__fixtures__/fixture';
import { listBills } from './bills';
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

  it('can cap how many items a listing walks', async () => {
    const rpc = rpcFor('after-deposit');
    const after = await readPoolFullData(rpc, pool);
    // only item 0 (the genesis bill, not the dev wallet's) is read
    expect(await listBills(rpc, after, devWallet, { maxItemsPerCollection: 1 })).toEqual([]);
  });
});
