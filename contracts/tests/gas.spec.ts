// Gas the pool's own transaction uses per operation, printed as a table, and each staker operation's total gas over
// its whole transaction tree against a budget; budgets catch regressions.
import { Address, toNano } from '@ton/core';
import { BlockchainTransaction, SendMessageResult } from '@ton/sandbox';
import { afterAll, describe, expect, it } from 'vitest';
import { Op } from '../wrappers/opcodes';
import { BuiltPoolVersion, setDepositSettingsBody } from '../wrappers/Pool';
import { GAS_OPERATIONS, GasOperation, measurePoolGas, REFERENCE_GAS, TARGET_SHARE_OF_REFERENCE } from './helpers/gas-ops';
import { PoolEnv } from './helpers/pool-env';

const POOL_GAS_BUDGET = 120_000n; // per pool transaction; the rotation with both payouts is the heaviest

/**
 * Total gas over each staker operation's transaction tree (helpers/gas-ops.ts, the same figures `npm run bench:gas`
 * prints), per release of our pool. Every staker operation now meets issue 17's target (0.8 × the reference), so its
 * budget is the target itself; the rotation (no target) keeps today's figure plus a small margin.
 */
const STAKER_BUDGETS: Omit<Record<GasOperation, number>, 'rotation_empty'> = {
  deposit_optimistic: 30_887, // target; measured v2 28,254, v1 27,952
  deposit_pessimistic: 27_536, // target; measured v2 26,119, v1 25,817
  withdraw_immediate: 30_273, // target; measured v2 26,943, v1 26,041
  withdraw_bill: 44_163, // target; measured v2 39,870, v1 39,126
  bill_payout: 12_400, // measured 12,227; target 14,071
  jetton_transfer: 14_200, // measured 14,080; target 16,034
};
const TREE_GAS_BUDGET: Record<BuiltPoolVersion, Record<GasOperation, number>> = {
  v2: { ...STAKER_BUDGETS, rotation_empty: 26_000 }, // rotation measured 25,744
  v1: { ...STAKER_BUDGETS, rotation_empty: 24_500 }, // rotation measured 24,279
};

const measured: { operation: string; poolGas: bigint; poolFees: bigint; transactions: number }[] = [];

function poolTransaction(result: SendMessageResult, pool: Address, op?: number): BlockchainTransaction {
  const tx = result.transactions.find((t) => {
    const dest = t.inMessage?.info.dest;
    if (!(dest instanceof Address) || !dest.equals(pool)) return false;
    return op === undefined || t.inMessage!.body.beginParse().preloadUint(32) === op;
  });
  if (!tx) throw new Error('no pool transaction');
  return tx;
}

function record(operation: string, result: SendMessageResult, pool: Address, op?: number) {
  const tx = poolTransaction(result, pool, op);
  const d = tx.description;
  if (d.type !== 'generic' || d.computePhase.type !== 'vm') throw new Error('pool transaction without a VM phase');
  expect(d.computePhase.success, `${operation}: pool compute phase`).toBe(true);
  measured.push({ operation, poolGas: d.computePhase.gasUsed, poolFees: tx.totalFees.coins, transactions: result.transactions.length });
  expect(d.computePhase.gasUsed, `${operation}: pool gas`).toBeLessThan(POOL_GAS_BUDGET);
}

describe('pool gas', () => {
  afterAll(() => {
    console.table(measured.map((m) => ({ ...m, poolGas: Number(m.poolGas), poolFees: `${Number(m.poolFees) / 1e9} TON` })));
  });

  it('measures the staker paths and a rotation with both payouts', async () => {
    const env = await PoolEnv.create({ optimistic: true });
    const alice = await env.user('alice');
    const bob = await env.user('bob');
    record('deposit (optimistic, first)', await env.deposit(alice, toNano('100')), env.pool.address);
    record('deposit (optimistic)', await env.deposit(bob, toNano('100')), env.pool.address);
    record('withdraw instant', await env.withdraw(alice, toNano('10')), env.pool.address, Op.withdraw);
    record('withdraw bill (deploys collection)', await env.withdraw(alice, toNano('10'), { waitTillRoundEnd: true }), env.pool.address, Op.withdraw);
    record('withdraw bill', await env.withdraw(bob, toNano('10'), { waitTillRoundEnd: true }), env.pool.address, Op.withdraw);
    record('withdraw reverted (re-mint)', await env.withdraw(bob, toNano('10'), { waitTillRoundEnd: true, fillOrKill: true }), env.pool.address, Op.withdraw);
    record('rotation (withdrawal payout)', await env.rotate(), env.pool.address);

    await env.pool.sendAdmin(env.governor.getSender(), setDepositSettingsBody(false, true));
    record('deposit bill (deploys collection)', await env.deposit(alice, toNano('50')), env.pool.address);
    record('deposit bill', await env.deposit(bob, toNano('50')), env.pool.address);
    record('rotation (deposit payout)', await env.rotate(), env.pool.address);

    const controller = await env.installedFakeController(new Address(-1, Buffer.alloc(32, 1)));
    record('request_loan', await env.requestLoan(controller, { minLoan: toNano('1'), maxLoan: toNano('50'), maxInterest: 1 << 20 }), env.pool.address);
    await env.rotate();
    env.advanceValidatorSet();
    record('loan_repayment + rotation', await env.repayLoan(controller, toNano('51')), env.pool.address);
    expect(measured.length).toBe(12);
  });
});

describe.each(['v2', 'v1'] as const)('staker operation gas, whole transaction tree (%s pool)', (poolVersion) => {
  it("stays within each operation's budget (a budget drops to the target once the target is met)", async () => {
    const report = await measurePoolGas({ poolVersion });
    const rows = GAS_OPERATIONS.map((op) => ({
      op,
      gas: report.operations[op].gas,
      budget: TREE_GAS_BUDGET[poolVersion][op],
      target: Math.floor(REFERENCE_GAS[op] * TARGET_SHARE_OF_REFERENCE),
      reference: REFERENCE_GAS[op],
    }));
    console.table(rows);
    for (const row of rows) expect(row.gas, `${row.op}: total gas over the tree`).toBeLessThanOrEqual(row.budget);
    // a budget guards against regressions: once an operation meets its target, its budget is at most the target
    for (const row of rows) {
      if (row.op !== 'rotation_empty' && row.gas <= row.target) expect(row.budget, `${row.op}: budget`).toBeLessThanOrEqual(row.target);
    }
  });
});
