// Annualising a pool's rate growth, and when an annualised figure means something. Pure: the app's APY tiles and
// the devnet's economics tests use the same functions, so "the APY the app would show" is computed one way.

export const YEAR_SECONDS = 365 * 24 * 3600;
/** An APY from fewer completed rounds than this says more about one round than about a year. */
export const MIN_ROUNDS_FOR_APY = 3;
/** Above this (1000 %), an annualised figure is an artefact (seconds-long rounds compounded), not a yield. */
export const MAX_MEANINGFUL_APY = 10;

export interface RatePoint {
  /** nanoTON per pool jetton (total_balance · 10^9 / supply). */
  rate: bigint;
  /** Unix seconds. */
  time: number;
}

/** Annualised yield between two rate observations: (r1/r0)^(year/Δt) − 1. Null when it cannot be told. */
export function apyFromRates(from: RatePoint, to: RatePoint): number | null {
  const elapsed = to.time - from.time;
  if (elapsed <= 0 || from.rate <= 0n || to.rate <= 0n) return null;
  const ratio = Number((to.rate * 10n ** 18n) / from.rate) / 1e18;
  return Math.pow(ratio, YEAR_SECONDS / elapsed) - 1;
}

/** Why an APY is not shown. */
export type ApyUnavailable = 'too-few-rounds' | 'no-elapsed-time' | 'absurd';

export type ApyEstimate = { apy: number; unavailable: null } | { apy: null; unavailable: ApyUnavailable };

/** Keeps an annualised figure only when it is a plausible yield: finite, above −100 %, at most MAX_MEANINGFUL_APY. */
export function meaningfulApy(apy: number | null): ApyEstimate {
  if (apy === null || Number.isNaN(apy)) return { apy: null, unavailable: 'no-elapsed-time' };
  if (!Number.isFinite(apy) || apy > MAX_MEANINGFUL_APY || apy <= -1) return { apy: null, unavailable: 'absurd' };
  return { apy, unavailable: null };
}

/**
 * APY from the rate growth of the last `window` completed rounds (ascending), annualised over the time they took.
 * Unavailable with fewer than MIN_ROUNDS_FOR_APY rounds, or when the figure is absurd.
 */
export function recentApyEstimate(rounds: readonly { rate: bigint; endTime: number }[], window = 10): ApyEstimate {
  if (rounds.length < MIN_ROUNDS_FOR_APY) return { apy: null, unavailable: 'too-few-rounds' };
  const last = rounds[rounds.length - 1];
  const first = rounds[Math.max(0, rounds.length - 1 - window)];
  return meaningfulApy(apyFromRates({ rate: first.rate, time: first.endTime }, { rate: last.rate, time: last.endTime }));
}
