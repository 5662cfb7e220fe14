// Reads the LSt pool (`get_pool_full_data`, lst-interface.md §6.1) and derives what a staker sees (§6.2):
// rates, what a deposit or withdrawal yields, instant liquidity, TVL, growth and APY. Amounts are bigint nano;
// only display ratios (growth, APY) are numbers.
import { Address, Dictionary, type Slice } from '@ton/core';
import { FINALIZE_ROUND_FEE, POOL_MIN_TONS_FOR_STORAGE, SHARE_BASIS } from '../../contracts/wrappers/fees';
import { parsePoolFullData, type PoolFullData, type PoolRound } from '../../contracts/wrappers/pool-data';
import { runGetMethodOk, type TonRpc } from './client';

// One type and one reader for every released layout (v1, intermediate, v2), shared with the wrappers and the devnet.
export type { PoolFullData, PoolRound, PoolVersion } from '../../contracts/wrappers/pool-data';
export { UnsupportedPoolError } from '../../contracts/wrappers/pool-data';

export interface RoundLoan {
  /** Controllers live on the masterchain; the dict is keyed by their account id. */
  controller: Address;
  borrowed: bigint;
  interest: bigint;
}

/** The loans of a round: `borrowers` is HashmapE 256 (controller account id) → (borrowed:Coins, interest:Coins). */
export function roundLoans(round: Pick<PoolRound, 'borrowers'>): RoundLoan[] {
  if (!round.borrowers) return [];
  const loanValue = {
    serialize: () => {
      throw new Error('read-only');
    },
    parse: (slice: Slice) => ({ borrowed: slice.loadCoins(), interest: slice.loadCoins() }),
  };
  const dict = Dictionary.loadDirect(Dictionary.Keys.BigUint(256), loanValue, round.borrowers);
  return [...dict].map(([accountId, loan]) => ({
    controller: new Address(-1, Buffer.from(accountId.toString(16).padStart(64, '0'), 'hex')),
    ...loan,
  }));
}

/**
 * `get_pool_full_data` simulates a pending rotation; `raw: true` reads storage as it is. The layout follows the
 * entry count, so a pool upgraded in place is read right at the next call; an unknown layout throws
 * UnsupportedPoolError.
 */
export async function readPoolFullData(rpc: Pick<TonRpc, 'runGetMethod'>, pool: Address, options: { raw?: boolean } = {}): Promise<PoolFullData> {
  const method = options.raw ? 'get_pool_full_data_raw' : 'get_pool_full_data';
  return parsePoolFullData(await runGetMethodOk(rpc, pool, method), method);
}

// ---- derived math (§2.2, §3.3, §6.2) ----

/** Fixed-point basis of rates: a rate is nanoTON per 1 pTON (10^9 nano-pTON). */
export const RATE_BASIS = 1_000_000_000n;

/** The pool's muldiv_extra: unchanged when b == c (so 1:1 on an empty pool), else floor(a·b/c); null on c = 0. */
export function muldivExtra(a: bigint, b: bigint, c: bigint): bigint | null {
  if (b === c) return a;
  if (c === 0n) return null;
  return (a * b) / c;
}

function rate(balance: bigint, supply: bigint): bigint {
  return supply === 0n ? RATE_BASIS : (balance * RATE_BASIS) / supply;
}

/** TON per pTON now (total_balance / supply; 1 when supply is 0). Optimistic withdrawals pay at this rate. */
export function currentRate(data: Pick<PoolFullData, 'totalBalance' | 'supply'>): bigint {
  return rate(data.totalBalance, data.supply);
}

/** TON per pTON once the finishing round is booked. Optimistic deposits mint at this rate. */
export function projectedRate(data: Pick<PoolFullData, 'projectedTotalBalance' | 'projectedSupply'>): bigint {
  return rate(data.projectedTotalBalance, data.projectedSupply);
}

export type DepositQuote =
  | { ok: true; kind: 'jettons' | 'bill'; pton: bigint }
  | { ok: false; reason: 'halted' | 'deposits-closed' | 'zero-output' | 'empty-pool-balance' };

/**
 * pTON for depositing `ton` (the amount staked, without the 1 TON fee). Optimistic pools mint now at the
 * projected rate (exactly as the contract computes it); pessimistic pools issue a bill whose payout is
 * estimated at the same projected rate.
 */
export function expectedPtonForDeposit(
  data: Pick<PoolFullData, 'halted' | 'depositsOpen' | 'optimistic' | 'projectedSupply' | 'projectedTotalBalance'>,
  ton: bigint,
): DepositQuote {
  if (data.halted) return { ok: false, reason: 'halted' };
  if (!data.depositsOpen) return { ok: false, reason: 'deposits-closed' };
  const pton = muldivExtra(ton, data.projectedSupply, data.projectedTotalBalance);
  if (pton === null) return { ok: false, reason: 'empty-pool-balance' };
  if (pton === 0n) return { ok: false, reason: 'zero-output' };
  return { ok: true, kind: data.optimistic ? 'jettons' : 'bill', pton };
}

/**
 * Value of `pton` burnt instantly: floor(pton · total_balance / supply), the contract's approximate_amount. It is
 * what leaves total_balance and what the pool's liquidity is compared with; on v2 the staker gets it minus the
 * instant withdrawal fee (quoteInstantWithdrawal).
 */
export function expectedTonForWithdraw(data: Pick<PoolFullData, 'totalBalance' | 'supply'>, pton: bigint): bigint {
  if (data.supply === 0n) return 0n;
  return (pton * data.totalBalance) / data.supply;
}

/** The v2 instant withdrawal fee kept from an instant withdrawal worth `value`: floor(value · fee / 2^24); 0 before v2. */
export function instantWithdrawalFeeOn(data: Pick<PoolFullData, 'instantWithdrawalFee'>, value: bigint): bigint {
  const share = BigInt(data.instantWithdrawalFee ?? 0);
  return share > 0n ? (value * share) / SHARE_BASIS : 0n;
}

export interface InstantWithdrawalQuote {
  /** floor(pton · total_balance / supply): the TON the burn is worth now. */
  value: bigint;
  /** Kept by the pool (v2 `instant_withdrawal_fee`, paid to the treasury at the next rotation); 0 on v1. */
  fee: bigint;
  /** What the staker receives: value − fee (plus what is left of the attached TON, not counted here). */
  net: bigint;
  /** The fee as a share of 2^24 (0 when the pool charges none). */
  feeShare: number;
}

/** A share of 2^24 as a percentage for display: 83886 → "0.5", 41943 → "0.25" (3 decimals at most, trailing zeros cut). */
export function sharePercent(share: number): string {
  const thousandths = Math.round((share * 100_000) / Number(SHARE_BASIS));
  return (thousandths / 1000).toString();
}

/** An instant (optimistic) withdrawal of `pton`, as the v1 and v2 pools compute it (§3.3, §11.3). */
export function quoteInstantWithdrawal(data: Pick<PoolFullData, 'totalBalance' | 'supply' | 'instantWithdrawalFee'>, pton: bigint): InstantWithdrawalQuote {
  const value = expectedTonForWithdraw(data, pton);
  const fee = instantWithdrawalFeeOn(data, value);
  return { value, fee, net: value - fee, feeShare: data.instantWithdrawalFee ?? 0 };
}

/** TON a withdrawal bill of `pton` should pay at round end (projected rate). */
export function expectedTonForWithdrawalBill(data: Pick<PoolFullData, 'projectedTotalBalance' | 'projectedSupply'>, pton: bigint): bigint {
  if (data.projectedSupply === 0n) return 0n;
  return (pton * data.projectedTotalBalance) / data.projectedSupply;
}

/** pTON a deposit bill of `ton` should mint at round end (projected rate; 1:1 on an empty pool). */
export function expectedPtonForDepositBill(data: Pick<PoolFullData, 'projectedTotalBalance' | 'projectedSupply'>, ton: bigint): bigint {
  return muldivExtra(ton, data.projectedSupply, data.projectedTotalBalance) ?? 0n;
}

/**
 * TON the pool can pay out instantly: its balance before the burn arrives minus the 10 TON storage floor
 * (the contract's `balance − msg_value − 10 TON`). The contract also subtracts TON sent during a rotation in
 * the same transaction, which a client cannot see, so treat this as an estimate.
 */
export function instantLiquidity(poolBalance: bigint): bigint {
  const available = poolBalance - POOL_MIN_TONS_FOR_STORAGE;
  return available > 0n ? available : 0n;
}

export type WithdrawRoute = 'instant' | 'bill' | 'returned';

/** What the pool would do with a burn of `pton` given the mode, per the table in §3.3. */
export function predictWithdrawRoute(
  data: Pick<PoolFullData, 'halted' | 'optimistic' | 'state' | 'totalBalance' | 'supply'>,
  poolBalance: bigint,
  pton: bigint,
  mode: { waitTillRoundEnd: boolean; fillOrKill: boolean },
): WithdrawRoute {
  if (data.halted) return 'returned';
  const approxTon = expectedTonForWithdraw(data, pton);
  const instant = data.optimistic && !mode.waitTillRoundEnd && data.state === 0 && instantLiquidity(poolBalance) > approxTon && approxTon > 0n;
  if (instant) return 'instant';
  return mode.fillOrKill || pton === 0n ? 'returned' : 'bill';
}

/** TVL = total_balance (includes TON lent out); with pending deposit bills when asked. */
export function totalValueLocked(data: Pick<PoolFullData, 'totalBalance' | 'requestedForDeposit'>, options: { includePending?: boolean } = {}): bigint {
  return options.includePending ? data.totalBalance + data.requestedForDeposit : data.totalBalance;
}

/** Expected growth of the rate at the next rotation: projected_total_balance / total_balance − 1 (supply unchanged). */
export function projectedRoundGrowth(data: Pick<PoolFullData, 'totalBalance' | 'projectedTotalBalance'>): number {
  if (data.totalBalance === 0n) return 0;
  return Number(((data.projectedTotalBalance - data.totalBalance) * 10n ** 18n) / data.totalBalance) / 1e18;
}

/** The getter's projection recomputed from the previous round (§2.3); lets a client check a _raw read. */
export function projectTotalBalance(data: Pick<PoolFullData, 'totalBalance' | 'prevRound' | 'governanceFee'>): bigint {
  const expectedProfit = data.prevRound.expected - data.prevRound.borrowed - FINALIZE_ROUND_FEE;
  const fee = (BigInt(data.governanceFee) * expectedProfit) / SHARE_BASIS;
  const projected = data.totalBalance + expectedProfit - (fee > 0n ? fee : 0n);
  return projected > 0n ? projected : 0n;
}

// Annualising lives beside the wrappers (pure), shared with the devnet's economics tests.
export { apyFromRates, type RatePoint } from '../../contracts/wrappers/apy';
