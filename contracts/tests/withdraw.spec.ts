import { Address, beginCell, toNano } from '@ton/core';
import { BlockchainSnapshot, internal, SandboxContract, TreasuryContract } from '@ton/sandbox';
import { beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { BURN_ATTACHED_VALUE } from '../wrappers/fees';
import { Op } from '../wrappers/opcodes';
import { haltBody } from '../wrappers/Pool';
import { expectNoTx, expectTx } from './helpers/expect-tx';
import { PoolEnv, poolLogs } from './helpers/pool-env';

/** Asserts the burned pTON came back through a pool → minter mint to `owner` for `amount`. */
function expectRemint(env: PoolEnv, transactions: Parameters<typeof expectTx>[0], owner: Address, amount: bigint) {
  const mint = expectTx(transactions, { from: env.pool.address, to: env.minter.address, op: Op.mint, success: true });
  const body = mint.inMessage!.body.beginParse();
  body.skip(32 + 64);
  expect(body.loadAddress().equals(owner)).toBe(true);
  expect(body.loadCoins()).toBe(amount);
}

describe('withdraw (optimistic pool)', () => {
  let env: PoolEnv;
  let alice: SandboxContract<TreasuryContract>;
  let snapshot: BlockchainSnapshot;
  beforeAll(async () => {
    env = await PoolEnv.create({ optimistic: true });
    alice = await env.user('alice');
    await env.deposit(alice, toNano('100'));
    snapshot = env.blockchain.snapshot();
  });
  beforeEach(async () => {
    await env.blockchain.loadFrom(snapshot);
  });

  /** Lends ~55.9 TON to a fake controller so the pool holds ~45 TON it may pay out. */
  async function makeIlliquid() {
    const controller = await env.installedFakeController(new Address(-1, Buffer.alloc(32, 7)));
    const result = await env.requestLoan(controller, { minLoan: toNano('50'), maxLoan: toNano('100'), maxInterest: 1 << 20 });
    expectTx(result.transactions, { from: env.pool.address, to: controller.address, op: Op.credit });
    return controller;
  }

  it('pays immediately at the current rate when liquid', async () => {
    const before = await env.balanceOf(alice.address);
    const result = await env.withdraw(alice, toNano('30'), { value: BURN_ATTACHED_VALUE });
    const payout = expectTx(result.transactions, { from: env.pool.address, to: alice.address, op: Op.withdrawal, success: true });
    expect(payout.inMessage!.info.type === 'internal' && payout.inMessage!.info.bounce).toBe(false);
    const received = (await env.balanceOf(alice.address)) - before;
    // 30 TON back; the 1.05 TON attached is mostly refunded
    expect(received).toBeGreaterThan(toNano('29.9'));
    expect(received).toBeLessThan(toNano('30'));
    const data = await env.data();
    expect(data.totalBalance).toBe(toNano('70'));
    expect(data.supply).toBe(toNano('70'));
    expect(await env.minter.getTotalSupply()).toBe(toNano('70'));
    expect(await env.jettonBalance(alice.address)).toBe(toNano('70'));
  });

  it('issues a bill with wait_till_round_end and pays it at the round-end rate', async () => {
    await env.withdraw(alice, toNano('30'), { waitTillRoundEnd: true });
    let data = await env.data();
    expect(data.requestedForWithdrawal).toBe(toNano('30'));
    expect(data.supply).toBe(toNano('100')); // the pool's supply drops only at round end
    expect(await env.minter.getTotalSupply()).toBe(toNano('70'));
    const bills = await env.billsOf(data.withdrawalPayout, alice.address);
    expect(bills.map((b) => b.amount)).toEqual([toNano('30')]);

    const collection = data.withdrawalPayout!;
    const before = await env.balanceOf(alice.address);
    const result = await env.rotate();
    // round end: 1 TON finalize fee → 99 TON for 100 pTON; the bill gets 30 pTON worth = 29.7 TON
    const start = expectTx(result.transactions, { from: env.pool.address, to: collection, op: Op.startDistribution, success: true });
    expect(start.inMessage!.info.type === 'internal' && start.inMessage!.info.value.coins).toBe(toNano('29.7') + toNano('0.1'));
    expectTx(result.transactions, { to: alice.address, op: Op.distributedAsset });
    const received = (await env.balanceOf(alice.address)) - before;
    expect(received).toBeGreaterThanOrEqual(toNano('29.7'));
    expect(received).toBeLessThan(toNano('29.9'));
    data = await env.data();
    expect(data.withdrawalPayout).toBeNull();
    expect(data.requestedForWithdrawal).toBe(0n);
    expect(data.supply).toBe(toNano('70'));
    expect(data.totalBalance).toBe(toNano('69.3'));
  });

  it('re-mints with fill_or_kill when the pool cannot pay now (105)', async () => {
    await makeIlliquid();
    const result = await env.withdraw(alice, toNano('60'), { fillOrKill: true });
    expectTx(result.transactions, { from: env.minter.address, to: env.pool.address, op: Op.withdraw, success: true });
    expectRemint(env, result.transactions, alice.address, toNano('60'));
    expect(await env.jettonBalance(alice.address)).toBe(toNano('100'));
    const data = await env.data();
    expect(data.supply).toBe(toNano('100'));
    expect(data.requestedForWithdrawal).toBe(0n);
    expect(await env.minter.getTotalSupply()).toBe(toNano('100'));
  });

  it('falls back to a bill when illiquid, if the loans returning at round end can fund it', async () => {
    await makeIlliquid();
    await env.rotate(); // the loan now belongs to the previous round and comes back at the next rotation
    expect((await env.data()).prevRound.borrowed).toBeGreaterThan(toNano('55'));
    const result = await env.withdraw(alice, toNano('50'));
    expectNoTx(result.transactions, { from: env.pool.address, to: alice.address, op: Op.withdrawal });
    const data = await env.data();
    expect(data.requestedForWithdrawal).toBe(toNano('50'));
    expect((await env.billsOf(data.withdrawalPayout, alice.address)).map((b) => b.amount)).toEqual([toNano('50')]);
  });

  it('reverts a bill the round end could not fund (solvency guard, 100)', async () => {
    await makeIlliquid();
    const result = await env.withdraw(alice, toNano('60'));
    expectRemint(env, result.transactions, alice.address, toNano('60'));
    const data = await env.data();
    expect(data.requestedForWithdrawal).toBe(0n);
    expect(data.withdrawalPayout).toBeNull();
    expect(await env.jettonBalance(alice.address)).toBe(toNano('100'));
  });

  it('re-mints when the burn carries no custom payload (cell underflow)', async () => {
    const body = beginCell()
      .storeUint(Op.jettonBurn, 32)
      .storeUint(0, 64)
      .storeCoins(toNano('10'))
      .storeAddress(alice.address)
      .storeMaybeRef(null)
      .endCell();
    const result = await alice.send({ to: env.walletOf(alice.address).address, value: BURN_ATTACHED_VALUE, body });
    expectRemint(env, result.transactions, alice.address, toNano('10'));
    expect(await env.jettonBalance(alice.address)).toBe(toNano('100'));
    expect((await env.data()).totalBalance).toBe(toNano('100'));
  });

  it('re-mints when the pool is halted', async () => {
    await env.pool.sendAdmin(env.halter.getSender(), haltBody());
    const result = await env.withdraw(alice, toNano('10'));
    expectRemint(env, result.transactions, alice.address, toNano('10'));
    expect(await env.jettonBalance(alice.address)).toBe(toNano('100'));
  });

  it('re-mints when less than 0.5 TON reaches the pool (0xf300)', async () => {
    // a jettons_burned straight from the minter's address with too little value
    const body = beginCell()
      .storeUint(Op.withdraw, 32)
      .storeUint(5, 64)
      .storeCoins(toNano('10'))
      .storeAddress(alice.address)
      .storeAddress(alice.address)
      .storeBit(false)
      .storeBit(false)
      .endCell();
    const result = await env.blockchain.sendMessage(internal({ from: env.minter.address, to: env.pool.address, value: toNano('0.4'), body }));
    expectRemint(env, result.transactions, alice.address, toNano('10'));
    expect((await env.data()).totalBalance).toBe(toNano('100'));
  });

  it('refuses jettons_burned from anyone but the minter (0x9283)', async () => {
    const body = beginCell()
      .storeUint(Op.withdraw, 32)
      .storeUint(0, 64)
      .storeCoins(toNano('10'))
      .storeAddress(alice.address)
      .storeAddress(alice.address)
      .storeBit(false)
      .storeBit(false)
      .endCell();
    const result = await alice.send({ to: env.pool.address, value: toNano('1'), body });
    expectTx(result.transactions, { from: alice.address, to: env.pool.address, success: false, exitCode: 0x9283 });
    expectNoTx(result.transactions, { from: env.pool.address, to: env.minter.address });
  });

  it('re-mints when the output would be zero (0xf202)', async () => {
    await env.rotate(); // 1 TON finalize fee: rate below 1, so 1 nano-pTON is worth 0 TON
    const result = await env.withdraw(alice, 1n);
    expectRemint(env, result.transactions, alice.address, 1n);
  });

  it('rolls back a rotation that happened inside a reverted withdraw', async () => {
    const before = await env.data();
    env.advanceValidatorSet();
    // wait_till_round_end + fill_or_kill is always reverted
    const result = await env.withdraw(alice, toNano('10'), { waitTillRoundEnd: true, fillOrKill: true });
    expectRemint(env, result.transactions, alice.address, toNano('10'));
    expectNoTx(result.transactions, { from: env.pool.address, to: env.interestManager.address });
    expect(poolLogs(result)).toEqual([]);
    const after = await env.data();
    expect(after.savedValidatorSetHash).toBe(before.savedValidatorSetHash);
    expect(after.currentRound.roundId).toBe(before.currentRound.roundId);
    expect(after.totalBalance).toBe(before.totalBalance);
    expect(after.supply).toBe(before.supply);
    // the rotation is still pending and happens on the next message
    const touch = await env.touch();
    expect(poolLogs(touch).map((l) => l.topic)).toEqual(['roundCompletion', 'rotation']);
    expect((await env.data()).currentRound.roundId).toBe(before.currentRound.roundId + 1);
  });
});

describe('withdraw (pessimistic pool)', () => {
  it('always issues a bill, even when liquid', async () => {
    const env = await PoolEnv.create({ optimistic: false });
    const alice = await env.user('alice');
    await env.deposit(alice, toNano('100'));
    await env.rotate();
    expect(await env.jettonBalance(alice.address)).toBe(toNano('100'));
    const result = await env.withdraw(alice, toNano('25'));
    expectNoTx(result.transactions, { from: env.pool.address, to: alice.address, op: Op.withdrawal });
    const data = await env.data();
    expect(data.requestedForWithdrawal).toBe(toNano('25'));
    expect((await env.billsOf(data.withdrawalPayout, alice.address)).map((b) => b.amount)).toEqual([toNano('25')]);
    // fill_or_kill can never be filled here
    const fok = await env.withdraw(alice, toNano('5'), { fillOrKill: true });
    expectRemint(env, fok.transactions, alice.address, toNano('5'));
  });
});
