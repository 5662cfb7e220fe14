// The devnet's money, scaled to its clock. Devnet rounds last seconds to minutes where mainnet's last ~18 hours,
// so fixed per-round figures (a mainnet-like 0.01 % interest per round, 1 TON per rotation) would annualise into
// absurd APYs. Instead the pool's interest rate per round is derived from the round length so the pool's rate
// grows at a mainnet-like TARGET_APY, and the pool is big enough that the 1 TON it pays per rotation is small
// beside a round's interest. The validators' rewards follow the interest rate, so their loans still pay.
import { toNano } from '@ton/core';
import { FINALIZE_ROUND_FEE, SHARE_BASIS } from '../../contracts/wrappers/fees';
import { YEAR_SECONDS } from '../../contracts/wrappers/apy';

/** The pool's yearly growth the devnet aims at (the pool's stakers' APY). */
export const TARGET_APY = 0.05;
/** 15 %, as the reference deploy script. */
export const DEVNET_GOVERNANCE_FEE = 2516582;
/** Share of total_balance one cohort borrows per round (the engine's loan phase). */
export const COHORT_LOAN_SHARE_PERCENT = 35n;
/**
 * What the keeper deposits at genesis: 100 M TON, so the 1 TON rotation fee costs the pool 1e-8 per round, a few
 * percent of a 2-minute round's growth at TARGET_APY (1.9e-7).
 */
export const GENESIS_DEPOSIT = toNano('100000000');
/** Validators borrow up to this (the pool's max_loan_per_validator): a whole cohort share fits in one loan. */
export const DEVNET_MAX_LOAN = toNano('100000000');
export const DEVNET_MIN_LOAN = toNano('1000');

/** The pool's growth per round for `apy` a year: (1 + apy)^(round / year) − 1. */
export function perRoundGrowth(roundSeconds: number, apy = TARGET_APY): number {
  return Math.pow(1 + apy, roundSeconds / YEAR_SECONDS) - 1;
}

/**
 * interest_rate (share of 2^24 per round) so that the pool grows at `apy` a year: a round's interest on the lent
 * share, less the governance fee, pays the target growth plus the rotation fee. At least 1 (short rounds round up
 * to the smallest rate the contract can hold, so loans always pay something).
 */
export function interestRateFor(roundSeconds: number, totalBalance: bigint = GENESIS_DEPOSIT, apy = TARGET_APY): number {
  const lent = Number(COHORT_LOAN_SHARE_PERCENT) / 100;
  const keep = 1 - DEVNET_GOVERNANCE_FEE / Number(SHARE_BASIS);
  const fee = Number(FINALIZE_ROUND_FEE) / Number(totalBalance);
  const share = ((perRoundGrowth(roundSeconds, apy) + fee) / (lent * keep)) * Number(SHARE_BASIS);
  return Math.min(Number(SHARE_BASIS) - 1, Math.max(1, Math.round(share)));
}

/**
 * The elector's reward for one round's stake: the pool's interest rate times a seeded 1.5–2.5 (so a validator
 * earns more on its whole stake than it pays on its loan), in nanoTON.
 */
export function electorReward(stake: bigint, interestRate: number, factorPercent: number): bigint {
  return (stake * BigInt(interestRate) * BigInt(factorPercent)) / (SHARE_BASIS * 100n);
}
