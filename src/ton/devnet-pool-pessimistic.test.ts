// Deposit bills on answers recorded from a pessimistic pool on the devnet (scripts/capture-fixtures.ts, scenario
// "pool-pessimistic": a fresh pool whose genesis deposit is already a bill, then a 25 TON deposit by the dev wallet).
import { Address } from '@ton/core';
import { TonClient } from '@ton/ton';
import { describe, expect, it } from 'vitest';
import { hasFixture, loadFixture, replayFetch } from './__fixtures__/fixture';
import { billExpectedPayout, checkPoolBill, readBillAddress } from './bills';
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

  it('turns a deposit into a deposit bill that checkPoolBill recognises, for its owner only', async () => {
    const beforeRpc = rpcFor('before');
    const before = await readPoolFullData(beforeRpc, pool);
    expect(before.optimistic).toBe(false);
    // the genesis deposit is waiting as a bill, so the pool has no balance or supply yet
    expect(before.depositPayout).not.toBeNull();
    const quote = expectedPtonForDeposit(before, depositAmount);
    expect(quote).toEqual({ ok: true, kind: 'bill', pton: depositAmount }); // empty pool: 1:1

    const rpc = rpcFor('after-deposit');
    const after = await readPoolFullData(rpc, pool);
    expect(after.requestedForDeposit).toBe(before.requestedForDeposit + depositAmount);
    expect(after.totalBalance).toBe(before.totalBalance);
    expect(after.supply).toBe(before.supply);
    expect(await readJettonWallet(rpc, Address.parse(fixture.values.jettonWallet))).toMatchObject({ exists: false, balance: 0n });

    const genesis = await checkPoolBill(rpc, after, await readBillAddress(rpc, after.depositPayout!, 0n));
    const mine = await checkPoolBill(rpc, after, await readBillAddress(rpc, after.depositPayout!, 1n));
    if (genesis.status !== 'bill' || mine.status !== 'bill') throw new Error('expected two bills');
    // item 0 is the genesis deposit's, someone else's
    expect(genesis.bill.owner.equals(devWallet)).toBe(false);
    expect(mine.bill).toMatchObject({ kind: 'deposit', index: 1n, amount: depositAmount });
    expect(mine.bill.owner.equals(devWallet)).toBe(true);
    expect(mine.bill.collection.equals(after.depositPayout!)).toBe(true);
    expect(billExpectedPayout(after, mine.bill)).toBe(expectedPtonForDepositBill(after, depositAmount));
    expect(billExpectedPayout(after, mine.bill)).toBe(depositAmount);
  });
});
