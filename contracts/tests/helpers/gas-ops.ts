// Gas of every staker operation on the pool, summed over the operation's whole transaction tree (the user's wallet
// transaction, the pool, minter, jetton wallets, payout collection and items, down to the last notification), with
// what the user is out of pocket in nanoTON. Shared by `npm run bench:gas` (scripts/bench-gas.ts) and the gas
// regression test (contracts/tests/gas.spec.ts), so both measure exactly the same messages.
import { Address, Cell, toNano } from '@ton/core';
import { configParseGasLimitsPrices } from '@ton/ton';
import { SandboxContract, SendMessageResult, TreasuryContract } from '@ton/sandbox';
import { BILL_STORAGE_RESERVE, BURN_ATTACHED_VALUE, DEPOSIT_FEE } from '../../wrappers/fees';
import { getConfigParam } from '../../wrappers/network-config';
import { BuiltPoolVersion, setDepositSettingsBody } from '../../wrappers/Pool';
import { jettonTransferBody } from '../../wrappers/PoolJettonWallet';
import { PoolEnv, poolLogs } from './pool-env';

export const GAS_OPERATIONS = [
  'deposit_optimistic',
  'deposit_pessimistic',
  'withdraw_immediate',
  'withdraw_bill',
  'bill_payout',
  'jetton_transfer',
  'rotation_empty',
] as const;
export type GasOperation = (typeof GAS_OPERATIONS)[number];

/**
 * Reference LSt v1 (FunC, library wallet code), total gas over each operation's whole tree, measured in the same
 * @ton/sandbox 0.41 chain with the same messages. Measured facts quoted from issue 17 (not recomputed here:
 * the reference contracts are not part of this repository). `bill_payout` is the cost of each extra bill at payout.
 */
export const REFERENCE_GAS: Record<GasOperation, number> = {
  deposit_optimistic: 38_609,
  deposit_pessimistic: 34_421,
  withdraw_immediate: 37_842,
  withdraw_bill: 55_204,
  bill_payout: 17_589,
  jetton_transfer: 20_043,
  rotation_empty: 31_915,
};
/** Gas of the reference pool's own transaction, same source as REFERENCE_GAS (issue 17). */
export const REFERENCE_POOL_TX_GAS: Partial<Record<GasOperation, number>> = {
  deposit_optimistic: 16_539,
  withdraw_immediate: 21_200,
  withdraw_bill: 22_330,
  deposit_pessimistic: 15_943,
  rotation_empty: 29_669,
};
/** Issue 17's target: every user operation's total gas ≤ 0.8 × the reference. */
export const TARGET_SHARE_OF_REFERENCE = 0.8;

export interface OperationGas {
  /** Total compute gas over the operation's transaction tree. */
  gas: number;
  /** Compute gas of the pool's own transaction (0 when the pool is not involved). */
  poolTxGas: number;
  /** Transactions in the tree. */
  transactions: number;
  /** nanoTON the user is out of pocket (see the notes in scripts/bench-gas.ts); negative = the user gained. */
  userSpends: bigint;
  /** nanoTON attached by the user (0 for bill_payout: nothing is sent). */
  attach: bigint;
}

export interface PoolGasReport {
  operations: Record<GasOperation, OperationGas>;
  /** Basechain gas price of the chain's config (param 21), nanoTON per gas unit. */
  gasPriceNton: number;
  /** Entries of get_pool_full_data: 30 = v1, 34 = v2 (spec §11.1). */
  fullDataEntries: number;
}

function computeGas(result: SendMessageResult): { gas: number; transactions: number } {
  let gas = 0n;
  for (const tx of result.transactions) {
    const d = tx.description;
    if (d.type !== 'generic') continue;
    if (d.computePhase.type === 'vm') gas += d.computePhase.gasUsed;
  }
  return { gas: Number(gas), transactions: result.transactions.length };
}

function poolTxGas(result: SendMessageResult, pool: Address): number {
  let gas = 0n;
  for (const tx of result.transactions) {
    const dest = tx.inMessage?.info.dest;
    const d = tx.description;
    if (
      !(dest instanceof Address) ||
      !dest.equals(pool) ||
      d.type !== 'generic' ||
      d.computePhase.type !== 'vm'
    )
      continue;
    if (!d.computePhase.success)
      throw new Error(`pool transaction failed with exit code ${d.computePhase.exitCode}`);
    gas += d.computePhase.gasUsed;
  }
  return Number(gas);
}

/** Fails loudly when any transaction of the tree aborted: a measurement of a failed path is worthless. */
function assertAllSucceeded(what: string, result: SendMessageResult) {
  for (const tx of result.transactions) {
    const d = tx.description;
    if (d.type !== 'generic') continue;
    if (d.computePhase.type === 'vm' && !d.computePhase.success)
      throw new Error(`${what}: a transaction failed (exit ${d.computePhase.exitCode})`);
    if (d.actionPhase && !d.actionPhase.success)
      throw new Error(`${what}: an action phase failed (result ${d.actionPhase.resultCode})`);
  }
}

export function basechainGasPriceNton(env: PoolEnv): number {
  const param = getConfigParam(env.blockchain, 21);
  if (!param) throw new Error('config param 21 missing');
  const prices = configParseGasLimitsPrices(param.beginParse());
  // gas_price is in 2^-16 nanoTON per gas unit
  return Number(prices.other.gasPrice) / 65536;
}

/**
 * Runs every operation once on a fresh pool and measures it. Each measured operation is a steady-state one: the
 * user's jetton wallet already exists and this round's payout collection is already deployed (the first
 * deposit/bill of a round pays for deploys once, and is measured by gas.spec.ts's pool-transaction table).
 */
export async function measurePoolGas(options: { poolVersion?: BuiltPoolVersion; poolCode?: Cell } = {}): Promise<PoolGasReport> {
  const env = await PoolEnv.create({ optimistic: true, poolVersion: options.poolVersion, poolCode: options.poolCode });
  const alice = await env.user('alice');
  const bob = await env.user('bob');
  const carol = await env.user('carol');
  const DEPOSIT = toNano('100');
  const BURN = toNano('10');
  const TRANSFER_ATTACH = toNano('0.2');
  const balance = (u: SandboxContract<TreasuryContract>) => env.balanceOf(u.address);
  const operations = {} as Record<GasOperation, OperationGas>;
  const record = (op: GasOperation, result: SendMessageResult, userSpends: bigint, attach: bigint) => {
    assertAllSucceeded(op, result);
    operations[op] = {
      ...computeGas(result),
      poolTxGas: poolTxGas(result, env.pool.address),
      userSpends,
      attach,
    };
  };

  // warm-up: every user holds pTON, so no measured step deploys a jetton wallet
  for (const u of [alice, bob, carol]) await env.deposit(u, DEPOSIT);

  let before = await balance(alice);
  let result = await env.deposit(alice, DEPOSIT);
  record('deposit_optimistic', result, before - (await balance(alice)) - DEPOSIT, DEPOSIT_FEE);

  let storage = await env.storage();
  before = await balance(alice);
  result = await env.withdraw(alice, BURN);
  const valueAtRate = (BURN * storage.totalBalance) / storage.supply;
  record('withdraw_immediate', result, valueAtRate - ((await balance(alice)) - before), BURN_ATTACHED_VALUE);

  // withdrawal bills: the first one deploys the round's collection, the second is the measured one
  await env.withdraw(bob, BURN, { waitTillRoundEnd: true });
  before = await balance(alice);
  result = await env.withdraw(alice, BURN, { waitTillRoundEnd: true });
  record('withdraw_bill', result, before - (await balance(alice)), BURN_ATTACHED_VALUE);

  before = await balance(alice);
  result = await alice.send({
    to: env.walletOf(alice.address).address,
    value: TRANSFER_ATTACH,
    body: jettonTransferBody({ jettonAmount: toNano('1'), to: bob.address, responseAddress: alice.address }),
  });
  record('jetton_transfer', result, before - (await balance(alice)), TRANSFER_ATTACH);

  // payout of 2 withdrawal bills; the round after pays 3: the difference is what one more bill costs
  before = await balance(alice);
  const twoBills = await env.rotate();
  assertAllSucceeded('rotation with 2 bills', twoBills);
  const completion = poolLogs(twoBills).find((l) => l.topic === 'roundCompletion');
  if (completion?.topic !== 'roundCompletion') throw new Error('no round completion log');
  const owed = (BURN * completion.totalBalance) / completion.supply;
  // the bill also gives back the storage reserve it kept since the request
  const billPayoutSpends = owed + BILL_STORAGE_RESERVE - ((await balance(alice)) - before);
  for (const u of [alice, bob, carol]) await env.withdraw(u, BURN, { waitTillRoundEnd: true });
  const threeBills = await env.rotate();
  assertAllSucceeded('rotation with 3 bills', threeBills);
  const extraBill = computeGas(threeBills).gas - computeGas(twoBills).gas;
  operations.bill_payout = {
    gas: extraBill,
    poolTxGas: 0,
    transactions: threeBills.transactions.length - twoBills.transactions.length,
    userSpends: billPayoutSpends,
    attach: 0n,
  };

  result = await env.rotate();
  record('rotation_empty', result, 0n, toNano('0.1'));

  await env.pool.sendAdmin(env.governor.getSender(), setDepositSettingsBody(false, true));
  await env.deposit(bob, DEPOSIT); // deploys the round's deposit collection
  before = await balance(alice);
  result = await env.deposit(alice, DEPOSIT);
  record('deposit_pessimistic', result, before - (await balance(alice)) - DEPOSIT, DEPOSIT_FEE);

  storage = await env.storage();
  if (storage.requestedForDeposit !== 2n * DEPOSIT) throw new Error('deposit bills were not booked');
  const fullData = await env.blockchain.runGetMethod(env.pool.address, 'get_pool_full_data');
  return { operations, gasPriceNton: basechainGasPriceNton(env), fullDataEntries: fullData.stack.length };
}
