// Decides whether an unstake can be sent in the chosen mode and what it would pay, from the typed pTON amount,
// the wallet's pTON and TON balances and the pool's state and liquidity. The liquidity (the pool's own balance) is
// read on demand and may be unknown: then only the round-end mode, which never pays from it, can be quoted. Pure.
import { EXIT_RESERVE, UNSTAKE_GAS_RESERVE } from '../../../ton/tx';
import { UNSTAKE_BILL_COST_ESTIMATE, UNSTAKE_INSTANT_COST_ESTIMATE } from '../../../../contracts/wrappers/fees';
import type { WithdrawMode } from '../../../../contracts/wrappers/messages';
import {
  currentRate,
  expectedTonForWithdrawalBill,
  instantLiquidity,
  instantWithdrawalFeeOn,
  predictWithdrawRoute,
  projectedRate,
  quoteInstantWithdrawal,
  type PoolFullData,
} from '../../../ton/pool';
import { amountInputErrorMessage, parseTypedAmount } from '../../../components/tx/amount-messages';
import { isAmountInputError, type AmountInputError } from '../../../ton/units';
import { formatExact } from '../../../components/format/amounts';
import { tNow } from '../../../i18n/messages';
import { withdrawalMessages } from '../messages';

export type UnstakeModeId = 'instant' | 'round-end' | 'fill-or-kill';

/** instant: TON now (enabled only when the pool can pay now); round-end: a bill at the round-end rate; fill-or-kill: now or nothing. */
export const UNSTAKE_MODES: Record<UnstakeModeId, WithdrawMode> = {
  instant: { waitTillRoundEnd: false, fillOrKill: false },
  'round-end': { waitTillRoundEnd: true, fillOrKill: false },
  'fill-or-kill': { waitTillRoundEnd: false, fillOrKill: true },
};

export { UNSTAKE_GAS_RESERVE };

export type UnstakeBlock =
  | { reason: AmountInputError }
  | { reason: 'exceeds-balance'; balance: bigint }
  | { reason: 'fee-unavailable'; needed: bigint }
  | { reason: 'halted' }
  /** `available`: what the pool can pay out now; `receivable`: the most a staker gets from it, net of the instant fee. */
  | { reason: 'no-liquidity'; available: bigint; receivable: bigint }
  /** The pool's liquidity is still being read (or could not be): instant routes cannot be predicted yet. */
  | { reason: 'liquidity-unknown' }
  | { reason: 'pessimistic-pool' }
  | { reason: 'zero-output' }
  /** The route would pay less than the network fees it costs (`cost`): refused rather than sent at a loss. */
  | { reason: 'dust'; cost: bigint; expected: bigint };

export type PoolForUnstake = Pick<
  PoolFullData,
  'halted' | 'optimistic' | 'state' | 'totalBalance' | 'supply' | 'projectedTotalBalance' | 'projectedSupply' | 'instantWithdrawalFee'
>;

export interface ModeQuote {
  mode: UnstakeModeId;
  /** Why this mode cannot be chosen now; null when it can. */
  block: UnstakeBlock | null;
  /** TON the staker is expected to receive (now for instant, at round end for a bill), net of any fee. */
  expectedTon: bigint;
  /** The burn's value at the quoted rate, before the fee. */
  value: bigint;
  /** v2 instant withdrawal fee kept by the pool; 0 for a bill (round-end pays no such fee) and on v1 pools. */
  fee: bigint;
  /** The pool's instant withdrawal fee, share of 2^24 (0: none); the round-end quote carries it to say it is not paid. */
  feeShare: number;
  /** nanoTON per pTON used for the estimate. */
  rate: bigint;
  /** What the pool is predicted to do with this request. */
  route: 'instant' | 'bill' | 'returned';
}

/** Per mode; null for a mode whose route depends on the pool's liquidity while that is unknown. */
export interface ModeQuotes {
  instant: ModeQuote | null;
  'round-end': ModeQuote;
  'fill-or-kill': ModeQuote | null;
}

/**
 * Each mode's expected TON and whether it is possible, for an amount already known to be valid. `poolBalance`
 * undefined: the liquidity is not known, so only the round-end quote (a bill whatever the liquidity) is given.
 */
export function quoteModes(pool: PoolForUnstake, poolBalance: bigint | undefined, pton: bigint): ModeQuotes {
  const instant = quoteInstantWithdrawal(pool, pton);
  const billTon = expectedTonForWithdrawalBill(pool, pton);
  // Waiting for round end never pays from the pool's balance, so any balance predicts its route.
  const roundEnd: ModeQuote = {
    mode: 'round-end',
    block: null,
    expectedTon: billTon,
    value: billTon,
    fee: 0n,
    feeShare: instant.feeShare,
    rate: projectedRate(pool),
    route: predictWithdrawRoute(pool, 0n, pton, UNSTAKE_MODES['round-end']),
  };
  if (poolBalance === undefined) return { instant: null, 'round-end': roundEnd, 'fill-or-kill': null };

  const liquidity = instantLiquidity(poolBalance);
  const routeOf = (id: UnstakeModeId) => predictWithdrawRoute(pool, poolBalance, pton, UNSTAKE_MODES[id]);
  const instantRoute = routeOf('instant');
  const cannotPayNow: UnstakeBlock | null =
    instantRoute === 'instant'
      ? null
      : !pool.optimistic
        ? { reason: 'pessimistic-pool' }
        : instant.value === 0n
          ? { reason: 'zero-output' }
          : { reason: 'no-liquidity', available: liquidity, receivable: liquidity - instantWithdrawalFeeOn(pool, liquidity) };
  // Instant routes pay the value minus the v2 instant withdrawal fee.
  const paidNow = { expectedTon: instant.net, value: instant.value, fee: instant.fee, feeShare: instant.feeShare, rate: currentRate(pool) };
  return {
    instant: { mode: 'instant', block: cannotPayNow, ...paidNow, route: instantRoute },
    'round-end': roundEnd,
    // Allowed even when it will be returned: the user asked for "now or nothing" and loses only gas; the quote says so.
    'fill-or-kill': { mode: 'fill-or-kill', block: null, ...paidNow, route: routeOf('fill-or-kill') },
  };
}

export interface UnstakeInputs {
  input: string;
  ptonBalance: bigint;
  tonBalance: bigint;
  pool: PoolForUnstake;
  /** The pool's own TON balance; undefined while it is read (see quoteModes). */
  poolBalance: bigint | undefined;
  mode: UnstakeModeId;
}

export type UnstakeCheck =
  | { ok: true; amount: bigint; quotes: ModeQuotes; chosen: ModeQuote }
  | { ok: false; block: UnstakeBlock; quotes: ModeQuotes | null };

export function checkUnstake({ input, ptonBalance, tonBalance, pool, poolBalance, mode }: UnstakeInputs): UnstakeCheck {
  // A halted pool re-mints every burn: sending would only cost gas.
  if (pool.halted) return { ok: false, block: { reason: 'halted' }, quotes: null };
  const parsed = parseTypedAmount(input);
  if (!parsed.ok) return { ok: false, block: { reason: parsed.error }, quotes: null };
  const amount = parsed.nano;
  if (amount > ptonBalance) return { ok: false, block: { reason: 'exceeds-balance', balance: ptonBalance }, quotes: null };
  const needed = EXIT_RESERVE;
  const quotes = quoteModes(pool, poolBalance, amount);
  if (tonBalance < needed) return { ok: false, block: { reason: 'fee-unavailable', needed }, quotes };
  const chosen = quotes[mode];
  if (!chosen) return { ok: false, block: { reason: 'liquidity-unknown' }, quotes };
  if (chosen.block) return { ok: false, block: chosen.block, quotes };
  const cost = unstakeCostEstimate(chosen.route);
  if (chosen.route !== 'returned' && chosen.expectedTon <= cost)
    return { ok: false, block: { reason: 'dust', cost, expected: chosen.expectedTon }, quotes };
  return { ok: true, amount, quotes, chosen };
}

/** The estimated network fees of an unstake by its predicted route (contracts/wrappers/fees.ts). */
export function unstakeCostEstimate(route: ModeQuote['route']): bigint {
  return route === 'bill' ? UNSTAKE_BILL_COST_ESTIMATE : UNSTAKE_INSTANT_COST_ESTIMATE;
}

const shown = formatExact;

export function unstakeBlockMessage(block: UnstakeBlock, tickers: { native: string; jetton: string }): string {
  if (isAmountInputError(block.reason)) return amountInputErrorMessage(block.reason, 'unstake', tickers.jetton);
  const t = tNow(withdrawalMessages);
  const { native, jetton } = tickers;
  switch (block.reason) {
    case 'exceeds-balance':
      return t('exceedsBalance', { balance: shown(block.balance), jetton });
    case 'fee-unavailable':
      return t('feeUnavailable', { needed: shown(block.needed), native });
    case 'halted':
      return t('halted');
    case 'no-liquidity':
      return t('noLiquidity', { available: shown(block.receivable), native, roundEnd: t('mode.round-end') });
    case 'liquidity-unknown':
      return t('liquidityUnknown');
    case 'pessimistic-pool':
      return t('pessimisticPool');
    case 'zero-output':
      return t('zeroOutput', { native });
    case 'dust':
      return t('dust', { expected: shown(block.expected), cost: shown(block.cost), native });
  }
}
