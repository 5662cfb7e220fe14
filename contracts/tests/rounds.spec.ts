import { Address, beginCell, Cell, toNano } from '@ton/core';
import { BlockchainSnapshot, SandboxContract, TreasuryContract } from '@ton/sandbox';
import { beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { PoolError } from '../wrappers/errors';
import { getConfigParam } from '../wrappers/network-config';
import { Op } from '../wrappers/opcodes';
import { haltBody, loadSignedCoins, POOL_SHARE_BASIS, SERVICE_NOTIFICATION_AMOUNT } from '../wrappers/Pool';
import { parsePoolFullData } from '../wrappers/pool-data';
import { expectNoTx, expectTx } from './helpers/expect-tx';
import { plainLogs, PoolEnv, poolLogs } from './helpers/pool-env';

const MAX_INTEREST = 1 << 20;

function controllerValidator(seed: number) {
  return new Address(-1, Buffer.alloc(32, seed));
}

describe('rounds', () => {
  let env: PoolEnv;
  let alice: SandboxContract<TreasuryContract>;
  let snapshot: BlockchainSnapshot;
  beforeAll(async () => {
    env = await PoolEnv.create({ governanceFee: Number(POOL_SHARE_BASIS / 10n) });
    alice = await env.user('alice');
    await env.deposit(alice, toNano('100'));
    snapshot = env.blockchain.snapshot();
  });
  beforeEach(async () => {
    await env.blockchain.loadFrom(snapshot);
  });

  it('rotated into round 1 at deploy and saved the validator-set hash', async () => {
    const data = await env.data();
    expect(data.currentRound.roundId).toBe(1);
    expect(data.prevRound.roundId).toBe(0);
    const vset = getConfigParam(env.blockchain, 34)!;
    expect(data.savedValidatorSetHash).toBe(BigInt('0x' + vset.hash().toString('hex')));
  });

  it('charges the 1 TON finalize fee and reports an idle round', async () => {
    const result = await env.rotate();
    expect(plainLogs(result)).toEqual([
      { topic: 'roundCompletion', roundId: 0, borrowed: 0n, returned: 0n, profit: -toNano('1'), totalBalance: toNano('99'), supply: toNano('100') },
      { topic: 'rotation', newRoundId: 2 },
    ]);
    const stats = expectTx(result.transactions, { from: env.pool.address, to: env.interestManager.address, op: Op.stats });
    expect(stats.inMessage!.info.type === 'internal' && stats.inMessage!.info.value.coins).toBe(SERVICE_NOTIFICATION_AMOUNT);
    const s = stats.inMessage!.body.beginParse();
    s.skip(32 + 64 + 4 * 3); // op, query id, three zero Coins
    expect(loadSignedCoins(s)).toBe(-toNano('1'));
    expect(s.loadCoins()).toBe(toNano('99'));
    expectNoTx(result.transactions, { from: env.pool.address, op: Op.operationFee });
    const data = await env.data();
    expect(data.totalBalance).toBe(toNano('99'));
    expect(data.currentRound.roundId).toBe(2);
    expect(data.prevRound.roundId).toBe(1);
  });

  it('keeps a governance fee of at most 0.02 TON out of total_balance without sending it', async () => {
    const controller = await env.installedFakeController(controllerValidator(1));
    await env.requestLoan(controller, { minLoan: toNano('1'), maxLoan: toNano('10'), maxInterest: MAX_INTEREST });
    await env.rotate();
    env.advanceValidatorSet();
    // gross profit 0.1 TON after the finalize fee: a fee of ~0.01 TON (10 %, rounded down)
    const result = await env.repayLoan(controller, toNano('11.1'));
    expectNoTx(result.transactions, { from: env.pool.address, op: Op.operationFee });
    const fee = (toNano('0.1') * (POOL_SHARE_BASIS / 10n)) / POOL_SHARE_BASIS;
    expect(fee).toBeLessThanOrEqual(SERVICE_NOTIFICATION_AMOUNT);
    expect((await env.data()).totalBalance).toBe(toNano('99') + toNano('0.1') - fee);
  });

  it('does not rotate while the previous round still has borrowers', async () => {
    const controller = await env.installedFakeController(controllerValidator(1));
    await env.requestLoan(controller, { minLoan: toNano('1'), maxLoan: toNano('10'), maxInterest: MAX_INTEREST });
    await env.rotate();
    const result = await env.rotate();
    expect(poolLogs(result)).toEqual([]);
    expectNoTx(result.transactions, { from: env.pool.address, to: env.interestManager.address });
    expect((await env.pool.getPoolFullData()).currentRound.roundId).toBe(2);
  });

  it('get_pool_full_data simulates a pending rotation; the raw getter does not', async () => {
    env.advanceValidatorSet();
    const simulated = await env.pool.getPoolFullData();
    const raw = await env.pool.getPoolFullDataRaw();
    expect(raw.currentRound.roundId).toBe(1);
    expect(raw.totalBalance).toBe(toNano('100'));
    expect(simulated.currentRound.roundId).toBe(2);
    expect(simulated.totalBalance).toBe(toNano('99'));
    // exactly the release's stack entries (spec §6.1, §11.2), rounds as 7-tuples with the previous one first
    const { stack } = await env.blockchain.runGetMethod(env.pool.address, 'get_pool_full_data_raw');
    const v2 = env.protocol.poolVersion === 'v2';
    expect(stack.length).toBe(v2 ? 34 : 30);
    const prevAt = v2 ? 8 : 7;
    for (const round of [stack[prevAt], stack[prevAt + 1]]) expect(round.type === 'tuple' && round.items.length).toBe(7);
    const reread = parsePoolFullData(stack);
    expect(reread.prevRound.roundId).toBe(0);
    expect(reread.currentRound.roundId).toBe(1);
    expect(reread.jettonMinter.equals(env.minter.address)).toBe(true);
    expect(reread.poolJettonWalletCode.equals(env.protocol.codes.walletLibrary)).toBe(true);
  });

  it('decodes raw storage in TS to the same figures as get_pool_full_data_raw, projection included', async () => {
    const controller = await env.installedFakeController(controllerValidator(3));
    await env.requestLoan(controller, { minLoan: toNano('1'), maxLoan: toNano('30'), maxInterest: MAX_INTEREST });
    await env.rotate();
    await env.withdraw(alice, toNano('5'), { waitTillRoundEnd: true });
    const fromGetter = await env.pool.getPoolFullDataRaw();
    const { payoutItemCode, treasury, ...decoded } = await env.storage();
    expect(payoutItemCode.equals(env.protocol.codes.payoutItem)).toBe(true);
    expect(treasury.equals(env.interestManager.address)).toBe(true);
    expect(decoded.projectedTotalBalance).toBe(fromGetter.projectedTotalBalance);
    expect(decoded.prevRound.borrowed).toBe(toNano('30'));
    const plain = (d: object) => JSON.stringify(d, (_k, v) => (typeof v === 'bigint' ? v.toString() : v instanceof Address ? v.toRawString() : v instanceof Cell ? v.hash().toString('hex') : v));
    expect(plain(decoded)).toBe(plain(fromGetter));
    expect(await env.minterSupply()).toBe(await env.minter.getTotalSupply());
  });

  it('halts itself when the queued withdrawals cannot be paid at rotation', async () => {
    // round 1: controller A borrows 286/512 of the pool; it becomes the previous round
    const a = await env.installedFakeController(controllerValidator(1));
    await env.requestLoan(a, { minLoan: toNano('1'), maxLoan: toNano('1000'), maxInterest: MAX_INTEREST });
    await env.rotate();
    // round 2: controller B takes most of what is left; alice queues a bill backed by A's return
    const b = await env.installedFakeController(controllerValidator(2));
    await env.requestLoan(b, { minLoan: toNano('1'), maxLoan: toNano('1000'), maxInterest: MAX_INTEREST });
    await env.withdraw(alice, toNano('50'));
    const queued = await env.data();
    expect(queued.requestedForWithdrawal).toBe(toNano('50'));
    const collection = queued.withdrawalPayout!;
    // A comes back with a large loss: the pool cannot pay the bill and keep 10 TON
    env.advanceValidatorSet();
    const result = await env.repayLoan(a, toNano('35'));
    expectNoTx(result.transactions, { from: env.pool.address, to: collection });
    const data = await env.data();
    expect(data.halted).toBe(true);
    expect(data.currentRound.roundId).toBe(queued.currentRound.roundId + 1);
    expect(data.withdrawalPayout?.equals(collection)).toBe(true);
    expect(data.requestedForWithdrawal).toBe(toNano('50'));
    const deposit = await env.deposit(alice, toNano('5'));
    expectTx(deposit.transactions, { to: env.pool.address, success: false, exitCode: PoolError.halted });
  });

  it('bounces a deposit whose own rotation halts the pool, and rolls the rotation back with it', async () => {
    const a = await env.installedFakeController(controllerValidator(1));
    await env.requestLoan(a, { minLoan: toNano('1'), maxLoan: toNano('1000'), maxInterest: MAX_INTEREST });
    await env.rotate();
    const b = await env.installedFakeController(controllerValidator(2));
    await env.requestLoan(b, { minLoan: toNano('1'), maxLoan: toNano('1000'), maxInterest: MAX_INTEREST });
    await env.withdraw(alice, toNano('50'));
    // A repays at a large loss while its validator set still runs: no rotation yet
    await env.repayLoan(a, toNano('35'));
    const queued = await env.data();
    expect(queued.halted).toBe(false);
    expect(queued.prevRound.activeBorrowers).toBe(0);
    expect(queued.requestedForWithdrawal).toBe(toNano('50'));
    // the next message rotates, and that rotation cannot pay the bill: it halts the pool, so the deposit must bounce
    env.advanceValidatorSet();
    const bob = await env.user('bob');
    const before = await env.balanceOf(bob.address);
    const result = await env.deposit(bob, toNano('5'));
    expectTx(result.transactions, { from: bob.address, to: env.pool.address, success: false, exitCode: PoolError.halted });
    expectTx(result.transactions, { from: env.pool.address, to: bob.address, inMessageBounced: true });
    expect(before - (await env.balanceOf(bob.address))).toBeLessThan(toNano('0.05'));
    expect(await env.jettonBalance(bob.address)).toBe(0n);
    expect(poolLogs(result)).toEqual([]);
    const after = await env.pool.getPoolFullDataRaw();
    expect(after.halted).toBe(false);
    expect(after.currentRound.roundId).toBe(queued.currentRound.roundId);
    expect(after.totalBalance).toBe(queued.totalBalance);
    expect(after.supply).toBe(queued.supply);
  });

  it('lets anyone touch, but not a halted pool (0x9285); unknown ops fail with 0xffff', async () => {
    const stranger = await env.user('stranger');
    env.advanceValidatorSet();
    const touched = await env.pool.sendTouch(stranger.getSender());
    expect(poolLogs(touched).map((l) => l.topic)).toEqual(['roundCompletion', 'rotation']);
    const unknown = await stranger.send({ to: env.pool.address, value: toNano('1'), body: beginCell().storeUint(0x12345678, 32).storeUint(0, 64).endCell() });
    expectTx(unknown.transactions, { to: env.pool.address, success: false, exitCode: PoolError.unknownOp });
    await env.pool.sendAdmin(env.halter.getSender(), haltBody());
    const halted = await env.pool.sendTouch(stranger.getSender());
    expectTx(halted.transactions, { to: env.pool.address, success: false, exitCode: PoolError.halted });
  });
});
