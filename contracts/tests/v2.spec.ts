// The v2 release of our pool (spec §11.2-11.3): its getter layout, the instant withdrawal fee and where it goes,
// the treasury, the halter's partial halt, operational parameters, withdrawal to the response address and
// get_conversion_rate_unsafe. The v1 build (same sources) is checked to keep its v1 behaviour beside it.
import { Address, Dictionary, toNano } from '@ton/core';
import { internal, SandboxContract, TreasuryContract } from '@ton/sandbox';
import { beforeAll, describe, expect, it } from 'vitest';
import { BURN_ATTACHED_VALUE, DEPOSIT_FEE } from '../wrappers/fees';
import { burnBody } from '../wrappers/messages';
import { Op } from '../wrappers/opcodes';
import {
  DEFAULT_DISBALANCE_TOLERANCE,
  donateBody,
  getConversionRateUnsafeBody,
  partialHaltBody,
  POOL_SHARE_BASIS,
  setDepositSettingsBody,
  setOperationalParamsBody,
  setRolesBody,
} from '../wrappers/Pool';
import { PoolError } from '../wrappers/errors';
import { POOL_LAYOUT_ENTRIES } from '../wrappers/pool-data';
import { expectNoTx, expectTx } from './helpers/expect-tx';
import { PoolEnv, poolTxs, ROUND_SECONDS, START_TIME } from './helpers/pool-env';

/** 0.5 %, the fee of the measurement on a production v2 pool. */
const HALF_PERCENT = 83886;

function poolExit(env: PoolEnv, result: Awaited<ReturnType<PoolEnv['touch']>>): number | undefined {
  const tx = poolTxs(result, env.pool.address)[0];
  return tx?.description.type === 'generic' && tx.description.computePhase.type === 'vm' ? tx.description.computePhase.exitCode : undefined;
}

async function stackLength(env: PoolEnv, method: string): Promise<number> {
  const { stack } = await env.blockchain.runGetMethod(env.pool.address, method, []);
  return stack.length;
}

describe('v2 pool', () => {
  describe('getters', () => {
    it('v2 answers 34 entries with the v2 fields; the v1 build answers 30', async () => {
      const v2 = await PoolEnv.create({ instantWithdrawalFee: HALF_PERCENT });
      expect(await stackLength(v2, 'get_pool_full_data')).toBe(POOL_LAYOUT_ENTRIES.v2);
      expect(await stackLength(v2, 'get_pool_full_data_raw')).toBe(POOL_LAYOUT_ENTRIES.v2);
      const data = await v2.pool.getPoolFullData();
      expect(data.version).toBe('v2');
      expect(data.instantWithdrawalFee).toBe(HALF_PERCENT);
      expect(data.accruedGovernanceFee).toBe(0n);
      expect(data.disbalanceTolerance).toBe(DEFAULT_DISBALANCE_TOLERANCE);
      expect(data.creditStartPriorElectionsEnd).toBe(0);
      // storage decoded in TS agrees with the getter
      const storage = await v2.storage();
      expect(storage.instantWithdrawalFee).toBe(HALF_PERCENT);
      expect(storage.treasury.equals(v2.interestManager.address)).toBe(true);

      const v1 = await PoolEnv.create({ poolVersion: 'v1' });
      expect(await stackLength(v1, 'get_pool_full_data')).toBe(POOL_LAYOUT_ENTRIES.v1);
      const v1data = await v1.pool.getPoolFullDataRaw();
      expect(v1data.version).toBe('v1');
      expect(v1data.instantWithdrawalFee).toBeUndefined();
    });
  });

  describe('instant withdrawal fee', () => {
    let env: PoolEnv;
    let alice: SandboxContract<TreasuryContract>;
    let treasury: SandboxContract<TreasuryContract>;
    beforeAll(async () => {
      env = await PoolEnv.create({ instantWithdrawalFee: HALF_PERCENT });
      alice = await env.user('alice');
      treasury = await env.user('treasury');
      await env.pool.sendAdmin(env.governor.getSender(), setRolesBody({ treasury: treasury.address }));
      expect((await env.storage()).treasury.equals(treasury.address)).toBe(true);
      await env.deposit(alice, toNano('1000'));
      // a gift of 0.019960075 TON (beyond the 1 TON fee) sets the rate the issue measured: 40 pTON = 40.000798403 TON
      await alice.send({ to: env.pool.address, value: DEPOSIT_FEE + 19_960_075n, body: donateBody() });
    });

    it('an instant burn of 40 pTON nets 39.800794602 TON, the fee 0.200003801 TON stays accrued in the pool', async () => {
      const before = await env.storage();
      const poolBefore = await env.balanceOf(env.pool.address);
      const result = await env.withdraw(alice, toNano('40'));
      const payout = expectTx(result.transactions, { from: env.pool.address, to: alice.address, op: Op.withdrawal, success: true });
      const after = await env.storage();
      // the value at the current rate leaves the books; the fee stays in the pool, owed to the treasury
      expect(before.totalBalance - after.totalBalance).toBe(40_000_798_403n);
      expect(after.accruedGovernanceFee! - before.accruedGovernanceFee!).toBe(200_003_801n);
      const poolAfter = await env.balanceOf(env.pool.address);
      const left = poolBefore - poolAfter;
      // the pool parted with exactly the net amount (the attached value went back with it, minus gas)
      expect(left).toBe(39_800_794_602n);
      const carried = payout.inMessage!.info.type === 'internal' ? payout.inMessage!.info.value.coins : 0n;
      expect(carried).toBeGreaterThan(39_800_794_602n);
      expect(carried).toBeLessThan(39_800_794_602n + BURN_ATTACHED_VALUE);
    });

    it('a round-end bill pays no fee; the rotation pays the accrued fee to the treasury and clears it', async () => {
      const accrued = (await env.storage()).accruedGovernanceFee!;
      expect(accrued).toBeGreaterThan(0n);
      await env.withdraw(alice, toNano('10'), { waitTillRoundEnd: true });
      expect((await env.storage()).accruedGovernanceFee).toBe(accrued);
      const rotation = await env.rotate();
      // no loans this round: the governance share of profit is 0, so the treasury gets exactly the accrued fees
      const fee = expectTx(rotation.transactions, { from: env.pool.address, to: treasury.address, op: Op.operationFee, success: true });
      const info = fee.inMessage!.info;
      // sent in mode 0 (as the reference does): the forwarding fee, well under 0.001 TON, comes out of the value
      const arrived = info.type === 'internal' ? info.value.coins : 0n;
      expect(arrived).toBeLessThanOrEqual(accrued);
      expect(accrued - arrived).toBeLessThan(1_000_000n);
      expectNoTx(rotation.transactions, { from: env.pool.address, to: env.interestManager.address, op: Op.operationFee });
      expect((await env.storage()).accruedGovernanceFee).toBe(0n);
    });

    it('the governor sets the fee with set_deposit_settings; nobody else can', async () => {
      const stranger = await env.user('stranger');
      const refused = await env.pool.sendAdmin(stranger.getSender(), setDepositSettingsBody(true, true, 0n, 1));
      expect(poolExit(env, refused)).toBe(PoolError.wrongSender);
      await env.pool.sendAdmin(env.governor.getSender(), setDepositSettingsBody(true, true, 0n, 41943));
      expect((await env.pool.getPoolFullDataRaw()).instantWithdrawalFee).toBe(41943);
      await env.pool.sendAdmin(env.governor.getSender(), setDepositSettingsBody(true, true, 0n, 0));
      const before = await env.storage();
      await env.withdraw(alice, toNano('1'));
      expect((await env.storage()).accruedGovernanceFee).toBe(before.accruedGovernanceFee);
    });
  });

  describe('halter', () => {
    it('closes deposits: a deposit bounces with its TON, nothing is minted', async () => {
      const env = await PoolEnv.create();
      const alice = await env.user('alice');
      const stranger = await env.user('stranger');
      const refused = await env.pool.sendAdmin(stranger.getSender(), partialHaltBody({ stopOptimistic: false, closeDeposits: true }));
      expect(poolExit(env, refused)).toBe(PoolError.wrongSender);
      await env.pool.sendAdmin(env.halter.getSender(), partialHaltBody({ stopOptimistic: false, closeDeposits: true }));
      const data = await env.pool.getPoolFullDataRaw();
      expect(data.depositsOpen).toBe(false);
      expect(data.optimistic).toBe(true);
      const before = await env.balanceOf(alice.address);
      const result = await env.deposit(alice, toNano('5'));
      expect(poolExit(env, result)).toBe(PoolError.depositsAreClosed);
      expectTx(result.transactions, { from: env.pool.address, to: alice.address, inMessageBounced: true });
      expect(before - (await env.balanceOf(alice.address))).toBeLessThan(toNano('0.05'));
      expect(await env.jettonBalance(alice.address)).toBe(0n);
      // the halter cannot reopen: set_deposit_settings is the governor's
      const reopen = await env.pool.sendAdmin(env.halter.getSender(), setDepositSettingsBody(true, true));
      expect(poolExit(env, reopen)).toBe(PoolError.wrongSender);
    });

    it('switches optimistic mode off: an instant burn becomes a round-end bill', async () => {
      const env = await PoolEnv.create({ instantWithdrawalFee: HALF_PERCENT });
      const alice = await env.user('alice');
      await env.deposit(alice, toNano('100'));
      await env.pool.sendAdmin(env.halter.getSender(), partialHaltBody({ stopOptimistic: true, closeDeposits: false }));
      expect((await env.pool.getPoolFullDataRaw()).optimistic).toBe(false);
      const result = await env.withdraw(alice, toNano('10'));
      expectNoTx(result.transactions, { from: env.pool.address, to: alice.address, op: Op.withdrawal });
      const data = await env.storage();
      expect(data.requestedForWithdrawal).toBe(toNano('10'));
      expect(data.accruedGovernanceFee).toBe(0n);
      expect(await env.billsOf(data.withdrawalPayout, alice.address)).toHaveLength(1);
    });
  });

  describe('withdrawal destination', () => {
    async function burnWithResponse(version: 'v1' | 'v2', response: Address) {
      const env = await PoolEnv.create({ poolVersion: version });
      const alice = await env.user('alice');
      await env.deposit(alice, toNano('50'));
      const result = await alice.send({
        to: env.walletOf(alice.address).address,
        value: BURN_ATTACHED_VALUE,
        body: burnBody({ amount: toNano('20'), responseAddress: response, mode: { waitTillRoundEnd: false, fillOrKill: false } }),
      });
      return { env, alice, result };
    }

    it('v2 pays the burn response address when it is a basechain address', async () => {
      const bob = new Address(0, Buffer.alloc(32, 0xb0));
      const { env, result } = await burnWithResponse('v2', bob);
      expectTx(result.transactions, { from: env.pool.address, to: bob, op: Op.withdrawal });
    });

    it('v2 pays the burner when the response address is not on the basechain', async () => {
      const master = new Address(-1, Buffer.alloc(32, 0xb1));
      const { env, alice, result } = await burnWithResponse('v2', master);
      expectTx(result.transactions, { from: env.pool.address, to: alice.address, op: Op.withdrawal });
      expectNoTx(result.transactions, { to: master });
    });

    it('v1 always pays the burner', async () => {
      const bob = new Address(0, Buffer.alloc(32, 0xb2));
      const { env, alice, result } = await burnWithResponse('v1', bob);
      expectTx(result.transactions, { from: env.pool.address, to: alice.address, op: Op.withdrawal });
      expectNoTx(result.transactions, { from: env.pool.address, to: bob });
    });
  });

  describe('operational parameters', () => {
    it('the interest manager sets loan bounds, disbalance tolerance and credit start; others cannot', async () => {
      const env = await PoolEnv.create();
      const params = { minLoan: toNano('2'), maxLoan: toNano('500'), disbalanceTolerance: 100, creditStartPriorElectionsEnd: 3600 };
      const refused = await env.pool.sendAdmin(env.governor.getSender(), setOperationalParamsBody(params));
      expect(poolExit(env, refused)).toBe(PoolError.wrongSender);
      const contradicting = await env.pool.sendAdmin(env.interestManager.getSender(), setOperationalParamsBody({ ...params, maxLoan: toNano('1') }));
      expect(poolExit(env, contradicting)).toBe(PoolError.contradictingOperationalParams);
      await env.pool.sendAdmin(env.interestManager.getSender(), setOperationalParamsBody(params));
      const data = await env.pool.getPoolFullDataRaw();
      expect(data.minLoanPerValidator).toBe(params.minLoan);
      expect(data.maxLoanPerValidator).toBe(params.maxLoan);
      expect(data.disbalanceTolerance).toBe(100);
      expect(data.creditStartPriorElectionsEnd).toBe(3600);
    });

    it('the disbalance tolerance sets how much of the pool one round may lend', async () => {
      const env = await PoolEnv.create();
      const alice = await env.user('alice');
      await env.deposit(alice, toNano('1000'));
      const quote = () => env.pool.getCalculateLoanAmount(toNano('1'), toNano('1000000'), 1 << 20);
      const interest = (loan: bigint) => (loan * 1830n) / POOL_SHARE_BASIS;
      const defaultLoan = (toNano('1000') * (256n + 30n)) / 512n;
      expect(await quote()).toBe(defaultLoan + interest(defaultLoan));
      await env.pool.sendAdmin(
        env.interestManager.getSender(),
        setOperationalParamsBody({ minLoan: toNano('1'), maxLoan: toNano('1000000'), disbalanceTolerance: 0, creditStartPriorElectionsEnd: 0 }),
      );
      const halfLoan = toNano('500');
      expect(await quote()).toBe(halfLoan + interest(halfLoan));
    });

    it('no loan earlier than credit_start_prior_elections_end before elections end', async () => {
      const env = await PoolEnv.create();
      const alice = await env.user('alice');
      await env.deposit(alice, toNano('1000'));
      const controller = await env.installedFakeController(new Address(-1, Buffer.alloc(32, 9)));
      const ask = () => env.requestLoan(controller, { minLoan: toNano('10'), maxLoan: toNano('100'), maxInterest: 1 << 20 });
      const setCreditStart = (seconds: number) =>
        env.pool.sendAdmin(
          env.interestManager.getSender(),
          setOperationalParamsBody({ minLoan: toNano('1'), maxLoan: toNano('1000000'), disbalanceTolerance: 30, creditStartPriorElectionsEnd: seconds }),
        );
      // the set in force ends at START_TIME + ROUND_SECONDS; elections end `elections_end_before` (config 15) earlier
      const electionsEndBefore = readElectionsEndBefore(env);
      const electionsEnd = START_TIME + ROUND_SECONDS - electionsEndBefore;
      env.blockchain.now = START_TIME;
      await setCreditStart(electionsEnd - START_TIME - 60); // opens 60 s from now
      const early = await ask();
      expect(poolExit(env, early)).toBe(PoolError.tooEarlyBorrowingRequest);
      expect(await env.pool.getCalculateLoanAmount(toNano('10'), toNano('100'), 1 << 20)).toBe(-1n);
      env.blockchain.now = START_TIME + 61;
      const inTime = await ask();
      expectTx(inTime.transactions, { from: env.pool.address, to: controller.address, op: Op.credit });
    });
  });

  it('get_conversion_rate_unsafe answers the projected balance and supply to the asker', async () => {
    const env = await PoolEnv.create();
    const alice = await env.user('alice');
    await env.deposit(alice, toNano('300'));
    const asker = await env.user('asker');
    const result = await env.blockchain.sendMessage(
      internal({ from: asker.address, to: env.pool.address, value: toNano('0.2'), body: getConversionRateUnsafeBody(77n) }),
    );
    const answer = expectTx(result.transactions, { from: env.pool.address, to: asker.address, op: Op.takeConversionRateUnsafe });
    const body = answer.inMessage!.body.beginParse();
    body.skip(32);
    expect(body.loadUintBig(64)).toBe(77n);
    const data = await env.pool.getPoolFullData();
    expect(body.loadCoins()).toBe(data.projectedTotalBalance);
    expect(body.loadCoins()).toBe(data.projectedSupply);
  });

  it('the v1 build refuses the v2-only operations', async () => {
    const env = await PoolEnv.create({ poolVersion: 'v1' });
    const halt = await env.pool.sendAdmin(env.halter.getSender(), partialHaltBody({ stopOptimistic: true, closeDeposits: true }));
    expect(poolExit(env, halt)).toBe(PoolError.unknownOp);
    const params = await env.pool.sendAdmin(
      env.interestManager.getSender(),
      setOperationalParamsBody({ minLoan: 1n, maxLoan: 2n, disbalanceTolerance: 1, creditStartPriorElectionsEnd: 0 }),
    );
    expect(poolExit(env, params)).toBe(PoolError.unknownOp);
    const data = await env.pool.getPoolFullDataRaw();
    expect(data.optimistic).toBe(true);
    expect(data.depositsOpen).toBe(true);
    // v1 reads the flags of set_deposit_settings and ignores the v2 fee after them
    await env.pool.sendAdmin(env.governor.getSender(), setDepositSettingsBody(false, true, 0n, HALF_PERCENT));
    expect((await env.pool.getPoolFullDataRaw()).optimistic).toBe(false);
  });
});

/** elections_end_before of config 15 (validators_elected_for, elections_start_before, elections_end_before, …). */
function readElectionsEndBefore(env: PoolEnv): number {
  const params = Dictionary.loadDirect(Dictionary.Keys.Int(32), Dictionary.Values.Cell(), env.blockchain.config);
  const p15 = params.get(15)!.beginParse();
  p15.skip(64);
  return p15.loadUint(32);
}
