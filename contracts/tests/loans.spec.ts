import { Address, toNano } from '@ton/core';
import { BlockchainSnapshot, SandboxContract, TreasuryContract } from '@ton/sandbox';
import { beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { Controller, controllerAddress } from '../wrappers/Controller';
import { electionTimingCell, setConfigParams, validatorSetCell } from '../wrappers/network-config';
import { PoolError } from '../wrappers/errors';
import { Op } from '../wrappers/opcodes';
import { haltBody, loadSignedCoins, POOL_SHARE_BASIS, SERVICE_NOTIFICATION_AMOUNT } from '../wrappers/Pool';
import { expectTx } from './helpers/expect-tx';
import { FakeController, plainLogs, PoolEnv, poolLogs } from './helpers/pool-env';

const INTEREST_RATE = 1 << 16; // 1/256 per round
const MAX_INTEREST = 1 << 17;
const LENDABLE = (toNano('100') * 286n) / 512n; // 286/512 of total_balance

function validatorAddress(seed: number): Address {
  return new Address(-1, Buffer.alloc(32, seed));
}

describe('loans (pool side)', () => {
  let env: PoolEnv;
  let alice: SandboxContract<TreasuryContract>;
  let controller: FakeController;
  let snapshot: BlockchainSnapshot;
  beforeAll(async () => {
    env = await PoolEnv.create({ interestRate: INTEREST_RATE, governanceFee: 0 });
    alice = await env.user('alice');
    await env.deposit(alice, toNano('100'));
    controller = await env.installedFakeController(validatorAddress(1));
    snapshot = env.blockchain.snapshot();
  });
  beforeEach(async () => {
    await env.blockchain.loadFrom(snapshot);
  });

  it('derives controller addresses exactly like the controller wrapper', async () => {
    for (const [seed, id] of [
      [1, 0],
      [2, 1],
      [3, 77],
    ]) {
      const validator = validatorAddress(seed);
      const expected = controllerAddress(
        { controllerId: id, validator, pool: env.pool.address, governor: env.governor.address, approver: env.approver.address, halter: env.halter.address },
        env.protocol.codes.controller,
      );
      expect((await env.pool.getControllerAddress(id, validator)).equals(expected)).toBe(true);
    }
  });

  it('deploys a controller at the derived address with top_up', async () => {
    const validator = await env.user('validator');
    const result = await env.pool.sendDeployController(validator.getSender(), 3, toNano('10'));
    const expected = await env.pool.getControllerAddress(3, validator.address);
    expectTx(result.transactions, { from: env.pool.address, to: expected, op: Op.topUp, deploy: true });
    expect((await env.blockchain.getContract(expected)).accountState?.type).toBe('active');
  });

  it('lends 286/512 of total_balance with interest, logs it and notifies the interest manager', async () => {
    const quoted = await env.pool.getCalculateLoanAmount(toNano('10'), toNano('1000'), MAX_INTEREST);
    const result = await env.requestLoan(controller, { minLoan: toNano('10'), maxLoan: toNano('1000'), maxInterest: MAX_INTEREST, queryId: 42n });
    const interest = (LENDABLE * BigInt(INTEREST_RATE)) / POOL_SHARE_BASIS;
    expect(quoted).toBe(LENDABLE + interest);

    const credit = expectTx(result.transactions, { from: env.pool.address, to: controller.address, op: Op.credit, success: true });
    const info = credit.inMessage!.info;
    expect(info.type === 'internal' && info.bounce).toBe(true);
    // sent in the reference's regular mode: the forwarding fee comes out of the credited value
    const credited = info.type === 'internal' ? info.value.coins : 0n;
    expect(credited).toBeLessThanOrEqual(LENDABLE);
    expect(credited).toBeGreaterThan(LENDABLE - toNano('0.05')); // masterchain forwarding is ~0.012 TON
    const body = credit.inMessage!.body.beginParse();
    body.skip(32);
    expect(body.loadUintBig(64)).toBe(42n);
    expect(body.loadCoins()).toBe(LENDABLE + interest);

    expect(plainLogs(result)).toEqual([{ topic: 'loan', controller: controller.address.toRawString(), amount: LENDABLE }]);
    const note = expectTx(result.transactions, { from: env.pool.address, to: env.interestManager.address, op: Op.requestNotification });
    expect(note.inMessage!.info.type === 'internal' && note.inMessage!.info.value.coins).toBe(SERVICE_NOTIFICATION_AMOUNT);
    const noteBody = note.inMessage!.body.beginParse();
    noteBody.skip(32 + 64);
    expect(noteBody.loadCoins()).toBe(toNano('10'));
    expect(noteBody.loadCoins()).toBe(toNano('1000'));
    expect(noteBody.loadUint(24)).toBe(MAX_INTEREST);

    const data = await env.data();
    expect(data.currentRound.borrowed).toBe(LENDABLE);
    expect(data.currentRound.expected).toBe(LENDABLE + interest);
    expect(data.currentRound.activeBorrowers).toBe(1);
    expect(data.totalBalance).toBe(toNano('100')); // lent TON is still the stakers'
    expect(await env.pool.getLoan(0, controller.validator)).toEqual({ borrowed: LENDABLE, interest });
  });

  it('caps the loan at max_loan and merges a second loan of the same controller', async () => {
    await env.requestLoan(controller, { minLoan: toNano('1'), maxLoan: toNano('20'), maxInterest: MAX_INTEREST });
    expect((await env.data()).currentRound.borrowed).toBe(toNano('20'));
    // the second loan is limited by what is left of the 286/512 share
    await env.requestLoan(controller, { minLoan: toNano('1'), maxLoan: toNano('1000'), maxInterest: MAX_INTEREST });
    const data = await env.data();
    expect(data.currentRound.activeBorrowers).toBe(1);
    expect(data.currentRound.borrowed).toBe(LENDABLE);
    expect((await env.pool.getLoan(0, controller.validator)).borrowed).toBe(LENDABLE);
  });

  it('rejects a merged loan above this request’s max_loan (0xf103)', async () => {
    await env.requestLoan(controller, { minLoan: toNano('1'), maxLoan: toNano('20'), maxInterest: MAX_INTEREST });
    const result = await env.requestLoan(controller, { minLoan: toNano('1'), maxLoan: toNano('25'), maxInterest: MAX_INTEREST });
    expectTx(result.transactions, { to: env.pool.address, success: false, exitCode: PoolError.totalCreditTooHigh });
  });

  it('rejects requests from anyone but the derived controller (0x9283)', async () => {
    const result = await env.requestLoan(controller, { minLoan: toNano('1'), maxLoan: toNano('5'), maxInterest: MAX_INTEREST, from: alice.address });
    expectTx(result.transactions, { to: env.pool.address, success: false, exitCode: PoolError.wrongSender });
  });

  it('rejects interest below the pool rate (0xf100)', async () => {
    const result = await env.requestLoan(controller, { minLoan: toNano('1'), maxLoan: toNano('5'), maxInterest: INTEREST_RATE - 1 });
    expectTx(result.transactions, { to: env.pool.address, success: false, exitCode: PoolError.interestTooLow });
  });

  it('rejects min_loan above max_loan (0xf101)', async () => {
    const result = await env.requestLoan(controller, { minLoan: toNano('6'), maxLoan: toNano('5'), maxInterest: MAX_INTEREST });
    expectTx(result.transactions, { to: env.pool.address, success: false, exitCode: PoolError.contradictingBorrowingParams });
  });

  it('rejects a min_loan the pool cannot fund (0xf102)', async () => {
    const result = await env.requestLoan(controller, { minLoan: LENDABLE + 1n, maxLoan: toNano('1000'), maxInterest: MAX_INTEREST });
    expectTx(result.transactions, { to: env.pool.address, success: false, exitCode: PoolError.notEnoughFundsForLoan });
    expect(await env.pool.getCalculateLoanAmount(LENDABLE + 1n, toNano('1000'), MAX_INTEREST)).toBe(-1n);
  });

  it('rejects loan requests while halted (0x9285)', async () => {
    await env.pool.sendAdmin(env.halter.getSender(), haltBody());
    const result = await env.requestLoan(controller, { minLoan: toNano('1'), maxLoan: toNano('5'), maxInterest: MAX_INTEREST });
    expectTx(result.transactions, { to: env.pool.address, success: false, exitCode: PoolError.halted });
  });

  it('refuses new loans once the validator set changed but the previous round is unpaid (0xf104)', async () => {
    await env.requestLoan(controller, { minLoan: toNano('1'), maxLoan: toNano('10'), maxInterest: MAX_INTEREST });
    await env.rotate(); // the loan is now in the previous round
    env.advanceValidatorSet(); // a second switch while it is still out: the current round is closed
    const other = await env.installedFakeController(validatorAddress(2));
    const result = await env.requestLoan(other, { minLoan: toNano('1'), maxLoan: toNano('5'), maxInterest: MAX_INTEREST });
    expectTx(result.transactions, { to: env.pool.address, success: false, exitCode: PoolError.borrowingRequestInClosedRound });
  });

  it('books a repayment as profit, logs it, and rejects unknown borrowers (0xf402)', async () => {
    await env.requestLoan(controller, { minLoan: toNano('1'), maxLoan: toNano('10'), maxInterest: MAX_INTEREST });
    const stranger = env.fakeController(validatorAddress(9));
    const unknown = await env.repayLoan(stranger, toNano('10'));
    expectTx(unknown.transactions, { to: env.pool.address, success: false, exitCode: PoolError.noSuchBorrower });

    const result = await env.repayLoan(controller, toNano('10.5'));
    expectTx(result.transactions, { to: env.pool.address, success: true });
    expect(plainLogs(result)).toEqual([{ topic: 'repayment', controller: controller.address.toRawString(), borrowed: toNano('10'), profit: toNano('0.5') }]);
    const round = (await env.data()).currentRound;
    expect(round.activeBorrowers).toBe(0);
    expect(round.borrowers).toBeNull();
    expect(round.returned).toBe(toNano('10.5'));
    expect(round.profit).toBe(toNano('0.5'));
  });

  it('rotates in the transaction of the last repayment once the validator set has changed', async () => {
    await env.requestLoan(controller, { minLoan: toNano('1'), maxLoan: toNano('10'), maxInterest: MAX_INTEREST });
    await env.rotate();
    env.advanceValidatorSet();
    const blocked = await env.touch();
    expect(poolLogs(blocked)).toEqual([]);
    const roundBefore = (await env.data()).currentRound.roundId;
    const result = await env.repayLoan(controller, toNano('11'));
    expect(poolLogs(result).map((l) => l.topic)).toEqual(['repayment', 'roundCompletion', 'rotation']);
    expect((await env.data()).currentRound.roundId).toBe(roundBefore + 1);
  });

  it('books a bounced credit as the repayment of that loan', async () => {
    const absent = env.fakeController(validatorAddress(5)); // no account: the credit bounces
    const result = await env.requestLoan(absent, { minLoan: toNano('1'), maxLoan: toNano('10'), maxInterest: MAX_INTEREST });
    expectTx(result.transactions, { from: absent.address, to: env.pool.address, inMessageBounced: true, success: true });
    const repayment = poolLogs(result).find((l) => l.topic === 'repayment');
    expect(repayment && repayment.topic === 'repayment' && repayment.borrowed).toBe(toNano('10'));
    // the bounce returns the loan minus masterchain forwarding and gas: a small loss
    expect(repayment && repayment.topic === 'repayment' && repayment.profit < 0n && repayment.profit > -toNano('0.1')).toBe(true);
    const round = (await env.data()).currentRound;
    expect(round.activeBorrowers).toBe(0);
    expect(round.borrowers).toBeNull();
  });

  it('reports each controller’s loan position for proportional voting', async () => {
    const other = await env.installedFakeController(validatorAddress(2));
    await env.requestLoan(controller, { minLoan: toNano('1'), maxLoan: toNano('10'), maxInterest: MAX_INTEREST });
    await env.requestLoan(other, { minLoan: toNano('1'), maxLoan: toNano('20'), maxInterest: MAX_INTEREST });
    const withInterest = (loan: bigint) => loan + (loan * BigInt(INTEREST_RATE)) / POOL_SHARE_BASIS;
    const lineUp = [
      { c: controller, weight: withInterest(toNano('10')) },
      { c: other, weight: withInterest(toNano('20')) },
    ].sort((a, b) => (a.c.address.hash.toString('hex') < b.c.address.hash.toString('hex') ? -1 : 1));
    const total = lineUp[0].weight + lineUp[1].weight;
    expect(await env.pool.getControllerLoanPosition(lineUp[0].c.address)).toEqual({ distanceToMedian: lineUp[0].weight / 2n, roundExpected: total });
    expect(await env.pool.getControllerLoanPosition(lineUp[1].c.address)).toEqual({
      distanceToMedian: lineUp[0].weight + lineUp[1].weight / 2n,
      roundExpected: total,
    });
    await expect(env.pool.getControllerLoanPosition(lineUp[0].c.address, true)).rejects.toThrow();
  });

  it('projects the previous round’s expected interest into the deposit rate', async () => {
    await env.requestLoan(controller, { minLoan: toNano('1'), maxLoan: toNano('50'), maxInterest: MAX_INTEREST });
    await env.rotate(); // finalize fee: 99 TON for 100 pTON; the 50 TON loan is now the previous round
    const data = await env.data();
    const interest = (toNano('50') * BigInt(INTEREST_RATE)) / POOL_SHARE_BASIS;
    expect(data.totalBalance).toBe(toNano('99'));
    expect(data.projectedTotalBalance).toBe(toNano('99') + interest - toNano('1'));
    const bob = await env.user('bob');
    await env.deposit(bob, toNano('10'));
    expect(await env.jettonBalance(bob.address)).toBe((toNano('10') * toNano('100')) / data.projectedTotalBalance);
  });
});

describe('stats and profit in the repayment round', () => {
  it('sends stats, governance fee and a round-completion log with the exact figures', async () => {
    const governanceFee = Number(POOL_SHARE_BASIS / 10n); // 10 %
    const env = await PoolEnv.create({ interestRate: INTEREST_RATE, governanceFee });
    const alice = await env.user('alice');
    await env.deposit(alice, toNano('100'));
    const controller = await env.installedFakeController(validatorAddress(1));
    await env.requestLoan(controller, { minLoan: toNano('1'), maxLoan: toNano('40'), maxInterest: MAX_INTEREST });
    const interest = (toNano('40') * BigInt(INTEREST_RATE)) / POOL_SHARE_BASIS;
    await env.rotate(); // round 1 (no loans) finalised: 100 → 99 TON
    env.advanceValidatorSet();
    const repaid = toNano('51'); // the controller earned 11 TON
    const result = await env.repayLoan(controller, repaid);

    const grossProfit = repaid - toNano('40') - toNano('1');
    const fee = (grossProfit * BigInt(governanceFee)) / POOL_SHARE_BASIS;
    const netProfit = grossProfit - fee;
    const totalBalance = toNano('99') + netProfit;

    const feeTx = expectTx(result.transactions, { from: env.pool.address, to: env.interestManager.address, op: Op.operationFee });
    expect(feeTx.inMessage!.info.type === 'internal' && feeTx.inMessage!.info.value.coins).toBeLessThanOrEqual(fee);
    expect(feeTx.inMessage!.info.type === 'internal' && feeTx.inMessage!.info.value.coins).toBeGreaterThan(fee - toNano('0.01'));

    const stats = expectTx(result.transactions, { from: env.pool.address, to: env.interestManager.address, op: Op.stats });
    const s = stats.inMessage!.body.beginParse();
    s.skip(32 + 64);
    expect(s.loadCoins()).toBe(toNano('40')); // borrowed
    expect(s.loadCoins()).toBe(toNano('40') + interest); // expected
    expect(s.loadCoins()).toBe(repaid); // returned
    expect(loadSignedCoins(s)).toBe(netProfit);
    expect(s.loadCoins()).toBe(totalBalance);

    const completion = poolLogs(result).find((l) => l.topic === 'roundCompletion');
    expect(completion).toEqual({
      topic: 'roundCompletion',
      roundId: 1,
      borrowed: toNano('40'),
      returned: repaid,
      profit: netProfit,
      totalBalance,
      supply: toNano('100'),
    });
    expect((await env.data()).totalBalance).toBe(totalBalance);
  });
});

describe('loans with the real controller', () => {
  it('deploy → approve → request_loan → credit → return_unused_loan → repayment with interest', async () => {
    const interestRate = 1 << 14;
    const env = await PoolEnv.create({ interestRate, governanceFee: 0 });
    const staker = await env.user('staker');
    await env.deposit(staker, toNano('200000'));
    // a fast clock: 4000 s rounds; the loan window is (until − 2000, until − 500)
    const now = env.blockchain.now!;
    setConfigParams(env.blockchain, {
      15: electionTimingCell({ validatorsElectedFor: 4000, electionsStartBefore: 2000, electionsEndBefore: 500, stakeHeldFor: 1000 }),
      34: validatorSetCell({ utimeSince: now - 2500, utimeUntil: now + 1500, salt: 1000 }),
    });
    await env.touch(); // rotate onto that validator set

    const validator = await env.user('validator');
    await env.pool.sendDeployController(validator.getSender(), 0, toNano('20000'));
    const controllerAddress = await env.pool.getControllerAddress(0, validator.address);
    const controller = env.blockchain.openContract(Controller.createFromAddress(controllerAddress));
    await controller.sendApprove(env.approver.getSender(), true);

    const request = await controller.sendRequestLoan(validator.getSender(), { minLoan: toNano('50000'), maxLoan: toNano('60000'), maxInterest: interestRate });
    expectTx(request.transactions, { from: controllerAddress, to: env.pool.address, op: Op.requestLoan, success: true });
    expectTx(request.transactions, { from: env.pool.address, to: controllerAddress, op: Op.credit, success: true });
    const interest = (toNano('60000') * BigInt(interestRate)) / POOL_SHARE_BASIS;
    expect(await env.pool.getLoan(0, validator.address)).toEqual({ borrowed: toNano('60000'), interest });
    expect((await controller.getControllerData()).borrowedAmount).toBe(toNano('60000') + interest);

    // not elected: once the next set starts, the loan comes back with its interest
    env.advanceValidatorSet();
    const back = await controller.sendReturnUnusedLoan(validator.getSender());
    const repayment = expectTx(back.transactions, { from: controllerAddress, to: env.pool.address, op: Op.loanRepayment, success: true });
    expect(repayment.inMessage!.info.type === 'internal' && repayment.inMessage!.info.value.coins).toBe(toNano('60000') + interest);
    expect(plainLogs(back).find((l) => l.topic === 'repayment')).toEqual({
      topic: 'repayment',
      controller: controllerAddress.toRawString(),
      borrowed: toNano('60000'),
      profit: interest,
    });
  });
});
