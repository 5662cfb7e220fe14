import { Address, contractAddress, toNano } from '@ton/core';
import { BlockchainSnapshot } from '@ton/sandbox';
import { beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { PoolError } from '../wrappers/errors';
import { TRANSFER_NOTIFICATION_AMOUNT } from '../wrappers/fees';
import { Op } from '../wrappers/opcodes';
import { payoutCollectionContent, payoutCollectionInitData } from '../wrappers/PayoutCollection';
import { setDepositSettingsBody, haltBody } from '../wrappers/Pool';
import { expectTx } from './helpers/expect-tx';
import { PoolEnv } from './helpers/pool-env';

describe('deposit (optimistic pool)', () => {
  let env: PoolEnv;
  let snapshot: BlockchainSnapshot;
  beforeAll(async () => {
    env = await PoolEnv.create({ optimistic: true });
    snapshot = env.blockchain.snapshot();
  });
  beforeEach(async () => {
    await env.blockchain.loadFrom(snapshot);
  });

  it('mints pTON 1:1 into an empty pool and returns the unused fee', async () => {
    const alice = await env.user('alice');
    const before = await env.balanceOf(alice.address);
    const result = await env.deposit(alice, toNano('100'), 777n);
    expectTx(result.transactions, { from: alice.address, to: env.pool.address, success: true });
    expect(await env.jettonBalance(alice.address)).toBe(toNano('100'));
    const data = await env.data();
    expect(data.totalBalance).toBe(toNano('100'));
    expect(data.supply).toBe(toNano('100'));
    expect(await env.minter.getTotalSupply()).toBe(toNano('100'));

    // the owner gets a 0.1 TON transfer_notification from addr_none carrying the deposit's query id
    const notification = expectTx(result.transactions, { to: alice.address, op: Op.jettonTransferNotification });
    const body = notification.inMessage!.body.beginParse();
    body.skip(32);
    expect(body.loadUintBig(64)).toBe(777n);
    expect(body.loadCoins()).toBe(toNano('100'));
    expect(body.loadMaybeAddress()).toBeNull();
    expect(notification.inMessage!.info.type === 'internal' && notification.inMessage!.info.value.coins).toBe(TRANSFER_NOTIFICATION_AMOUNT);

    // of the 1 TON fee only gas and forwarding are kept: the rest comes back as excess
    const cost = before - (await env.balanceOf(alice.address)) - toNano('100');
    expect(cost).toBeGreaterThan(0n);
    expect(cost).toBeLessThan(toNano('0.1'));
  });

  it('mints at the projected rate once the pool holds more TON than pTON', async () => {
    const alice = await env.user('alice');
    const bob = await env.user('bob');
    await env.deposit(alice, toNano('100'));
    await env.pool.sendDonate(alice.getSender(), toNano('11')); // +10 TON to total_balance
    const data = await env.data();
    expect(data.totalBalance).toBe(toNano('110'));
    // the round to be finalised next has no loans: only its 1 TON finalize fee is projected
    expect(data.projectedTotalBalance).toBe(toNano('109'));
    expect(data.projectedSupply).toBe(toNano('100'));
    await env.deposit(bob, toNano('55'));
    const minted = (toNano('55') * toNano('100')) / toNano('109');
    expect(await env.jettonBalance(bob.address)).toBe(minted);
    expect((await env.data()).supply).toBe(toNano('100') + minted);
    expect((await env.data()).totalBalance).toBe(toNano('165'));
  });

  it('rejects a value of at most 1 TON with 0xf200 and bounces it', async () => {
    const alice = await env.user('alice');
    const before = await env.balanceOf(alice.address);
    const result = await env.deposit(alice, 0n);
    expectTx(result.transactions, { from: alice.address, to: env.pool.address, success: false, exitCode: PoolError.depositAmountTooLow });
    expectTx(result.transactions, { from: env.pool.address, to: alice.address, inMessageBounced: true });
    expect(before - (await env.balanceOf(alice.address))).toBeLessThan(toNano('0.05'));
  });

  it('rejects deposits when the governor closed them (0xf201)', async () => {
    await env.pool.sendAdmin(env.governor.getSender(), setDepositSettingsBody(true, false));
    const alice = await env.user('alice');
    const result = await env.deposit(alice, toNano('10'));
    expectTx(result.transactions, { to: env.pool.address, success: false, exitCode: PoolError.depositsAreClosed });
  });

  it('bounces a deposit to a halted pool (0x9285) so the TON comes back', async () => {
    await env.pool.sendAdmin(env.halter.getSender(), haltBody());
    expect((await env.data()).halted).toBe(true);
    const alice = await env.user('alice');
    const before = await env.balanceOf(alice.address);
    const result = await env.deposit(alice, toNano('50'));
    expectTx(result.transactions, { to: env.pool.address, success: false, exitCode: PoolError.halted });
    expectTx(result.transactions, { from: env.pool.address, to: alice.address, inMessageBounced: true });
    expect(before - (await env.balanceOf(alice.address))).toBeLessThan(toNano('0.05'));
    expect(await env.jettonBalance(alice.address)).toBe(0n);
  });

  it('refuses to mint zero pTON (0xf202) after a donation to an empty pool', async () => {
    const alice = await env.user('alice');
    await env.pool.sendDonate(alice.getSender(), toNano('5'));
    expect((await env.data()).totalBalance).toBe(toNano('4'));
    const result = await env.deposit(alice, toNano('10'));
    expectTx(result.transactions, { to: env.pool.address, success: false, exitCode: PoolError.outputAmountIsZero });
  });
});

describe('deposit (pessimistic pool): deposit bills', () => {
  let env: PoolEnv;
  let snapshot: BlockchainSnapshot;
  beforeAll(async () => {
    env = await PoolEnv.create({ optimistic: false });
    snapshot = env.blockchain.snapshot();
  });
  beforeEach(async () => {
    await env.blockchain.loadFrom(snapshot);
  });

  function expectedCollection(roundId: number, pool: Address): Address {
    const data = payoutCollectionInitData({ admin: pool, content: payoutCollectionContent('deposit', roundId), itemCode: env.protocol.codes.payoutItem });
    return contractAddress(0, { code: env.protocol.codes.payoutCollection, data });
  }

  it('deploys this round’s deposit collection and mints a bill for the deposited TON', async () => {
    const alice = await env.user('alice');
    const bob = await env.user('bob');
    const result = await env.deposit(alice, toNano('40'));
    const data = await env.data();
    expect(data.currentRound.roundId).toBe(1);
    // the pool builds the same TEP-64 content as the payout wrapper, so the address is predictable
    expect(data.depositPayout?.equals(expectedCollection(1, env.pool.address))).toBe(true);
    expectTx(result.transactions, { from: env.pool.address, to: data.depositPayout!, deploy: true, success: true });
    expectTx(result.transactions, { to: alice.address, op: Op.ownershipAssigned });
    expect(data.requestedForDeposit).toBe(toNano('40'));
    expect(data.totalBalance).toBe(0n);
    expect(data.supply).toBe(0n);

    await env.deposit(bob, toNano('60'));
    const after = await env.data();
    expect(after.depositPayout?.equals(data.depositPayout!)).toBe(true);
    expect(after.requestedForDeposit).toBe(toNano('100'));
    expect((await env.billsOf(after.depositPayout, alice.address)).map((b) => b.amount)).toEqual([toNano('40')]);
    expect((await env.billsOf(after.depositPayout, bob.address)).map((b) => b.amount)).toEqual([toNano('60')]);
    expect(await env.jettonBalance(alice.address)).toBe(0n);
  });

  it('pays deposit bills in pTON at rotation and opens a new collection next round', async () => {
    const alice = await env.user('alice');
    const bob = await env.user('bob');
    await env.deposit(alice, toNano('40'));
    await env.deposit(bob, toNano('60'));
    const collection = (await env.data()).depositPayout!;
    const result = await env.rotate();
    expectTx(result.transactions, { to: collection, op: Op.jettonTransferNotification, success: true });
    const data = await env.data();
    expect(data.currentRound.roundId).toBe(2);
    expect(data.depositPayout).toBeNull();
    expect(data.requestedForDeposit).toBe(0n);
    // empty pool: the first conversion is 1:1
    expect(data.supply).toBe(toNano('100'));
    expect(data.totalBalance).toBe(toNano('100'));
    expect(await env.jettonBalance(alice.address)).toBe(toNano('40'));
    expect(await env.jettonBalance(bob.address)).toBe(toNano('60'));

    await env.deposit(alice, toNano('10'));
    const next = await env.data();
    expect(next.depositPayout?.equals(expectedCollection(2, env.pool.address))).toBe(true);
    expect(next.depositPayout?.equals(collection)).toBe(false);
  });

  it('converts deposit bills 1:1 when no pTON exists yet, even if a donation left TON in the pool (spec §4.3)', async () => {
    const alice = await env.user('alice');
    const bob = await env.user('bob');
    const donor = await env.user('donor');
    await env.deposit(alice, toNano('1000'));
    await env.pool.sendDonate(donor.getSender(), toNano('3')); // 2 TON after the 1 TON fee
    const before = await env.data();
    expect(before.supply).toBe(0n);
    expect(before.totalBalance).toBe(toNano('2'));
    await env.rotate();
    // the idle round's 1 TON finalize fee leaves 1 TON of donation, owned by nobody: supply 0, total_balance 1 TON
    expect(await env.jettonBalance(alice.address)).toBe(toNano('1000'));
    const afterFirst = await env.data();
    expect(afterFirst.supply).toBe(toNano('1000'));
    expect(afterFirst.totalBalance).toBe(toNano('1001'));

    // from now on supply > 0: bob's bill converts at supply / total_balance after the next finalize fee
    await env.deposit(bob, toNano('500'));
    await env.rotate();
    const balanceAtConversion = toNano('1001') - toNano('1');
    expect(await env.jettonBalance(bob.address)).toBe((toNano('500') * toNano('1000')) / balanceAtConversion);
  });
});
