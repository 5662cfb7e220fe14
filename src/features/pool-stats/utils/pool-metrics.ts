// What the stats panel shows beyond the raw pool data: projected APY from the interest rate and governance fee
// (lst-interface.md §6.2), when the current round ends, and display formatting of ratios and durations.
import { MAX_MEANINGFUL_APY, MIN_ROUNDS_FOR_APY, type ApyEstimate } from '../../../../contracts/wrappers/apy';
import { FINALIZE_ROUND_FEE, SHARE_BASIS } from '../../../../contracts/wrappers/fees';
import type { PoolFullData } from '../../../ton/pool';
import { tNow } from '../../../i18n/messages';
import { formatNumber } from '../../../i18n/numbers';
import { poolStatsMessages } from '../messages';

export const YEAR_S = 365 * 24 * 3600;
/** Mainnet validators_elected_for (config 15): the round length when nothing better is known. */
export const MAINNET_ROUND_SECONDS = 65_536;
/** The pool lends at most (256 + 30) / 512 of total_balance per round (pool.func:320-324). */
export const MAX_LENT_SHARE = 286 / 512;

function share(numerator: bigint, denominator: bigint): number {
  return denominator === 0n ? 0 : Number((numerator * 10n ** 12n) / denominator) / 1e12;
}

export interface ProjectedYield {
  /** Expected rate growth of one round, as a fraction. */
  perRound: number;
  /** Share of total_balance lent out that the estimate uses. */
  lentShare: number;
  /** Compounded over a year of `roundSeconds` rounds; null when not finite (devnet rounds are seconds long). */
  apy: number | null;
}

/**
 * §6.2: per round ≈ interest · lent_share · (1 − governance_fee) − 1 TON / total_balance, compounded over a year.
 * The lent share is what the current round has borrowed (else the previous round's, else the pool maximum).
 */
export function projectedYield(
  data: Pick<PoolFullData, 'interestRate' | 'governanceFee' | 'totalBalance' | 'currentRound' | 'prevRound'>,
  roundSeconds: number,
): ProjectedYield {
  const borrowed = data.currentRound.borrowed > 0n ? data.currentRound.borrowed : data.prevRound.borrowed;
  const lentShare = borrowed > 0n ? Math.min(share(borrowed, data.totalBalance), MAX_LENT_SHARE) : MAX_LENT_SHARE;
  const interest = data.interestRate / Number(SHARE_BASIS);
  const keep = 1 - data.governanceFee / Number(SHARE_BASIS);
  const finalizeCost = share(FINALIZE_ROUND_FEE, data.totalBalance);
  const perRound = data.totalBalance === 0n ? 0 : interest * lentShare * keep - finalizeCost;
  const apy = Math.pow(1 + perRound, YEAR_S / Math.max(roundSeconds, 1)) - 1;
  return { perRound, lentShare, apy: Number.isFinite(apy) ? apy : null };
}

export interface RoundEnd {
  /** Unix seconds. */
  at: number;
  /** devnet: announced by the devnet clock; estimate: last round end + the typical round length. */
  source: 'devnet' | 'estimate';
}

/**
 * When the current round is expected to end. The devnet announces its next switch; elsewhere we estimate from the
 * round history (last completion + median round length) rather than reading config 34: rotation waits for the last
 * repayment anyway, so utime_until alone would be early, and the estimate costs no request.
 */
export function nextRoundEnd(input: { nextRoundAt: number | null; lastRoundEnd: number | null; typicalRoundSeconds: number | null; nowS: number }): RoundEnd | null {
  if (input.nextRoundAt !== null) return { at: input.nextRoundAt, source: 'devnet' };
  if (input.lastRoundEnd === null || input.typicalRoundSeconds === null) return null;
  let at = input.lastRoundEnd + input.typicalRoundSeconds;
  // Overdue rounds: keep the estimate in the future, one typical length at a time.
  while (at < input.nowS) at += input.typicalRoundSeconds;
  return { at, source: 'estimate' };
}

/** "4.21 %", "−0.35 %", "1,234.50 %"; never exponent notation; "—" when unknown. */
export function formatPercent(fraction: number | null, digits = 2): string {
  if (fraction === null || Number.isNaN(fraction)) return '—';
  if (!Number.isFinite(fraction)) return fraction > 0 ? '∞' : '−∞';
  const text = formatNumber(fraction * 100, { minimumFractionDigits: digits, maximumFractionDigits: digits, useGrouping: true });
  return `${text.replace('-', '−')} %`;
}

/** A small per-round share to `digits` significant digits: "0.0000656 %", "0.0109 %"; never exponent notation. */
export function formatSmallPercent(fraction: number, digits = 3): string {
  if (!Number.isFinite(fraction)) return formatPercent(fraction);
  const text = formatNumber(fraction * 100, { maximumSignificantDigits: digits, useGrouping: true });
  return `${text.replace('-', '−')} %`;
}

export interface ApyDisplay {
  /** A plain percentage, or "—". */
  text: string;
  /** Why "—" is shown (for the tile's hint and title); null when a percentage is shown. */
  explanation: string | null;
}

/** What an APY tile shows: the percentage when it means something, else "—" and why. */
export function apyDisplay(estimate: ApyEstimate, roundsSeen?: number): ApyDisplay {
  if (estimate.apy !== null) return { text: formatPercent(estimate.apy), explanation: null };
  const t = tNow(poolStatsMessages);
  switch (estimate.unavailable) {
    case 'too-few-rounds':
      return {
        text: '—',
        explanation: roundsSeen === undefined ? t('needsRounds', { min: MIN_ROUNDS_FOR_APY }) : t('needsRoundsSeen', { min: MIN_ROUNDS_FOR_APY, seen: roundsSeen }),
      };
    case 'absurd':
      return { text: '—', explanation: t('absurd', { max: formatPercent(MAX_MEANINGFUL_APY, 0) }) };
    default:
      return { text: '—', explanation: t('noTime') };
  }
}

