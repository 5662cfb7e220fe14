// "If I stake X for N months": compounding at an APY, and what each way out costs (the v2 instant withdrawal fee
// included), so the result is honest about fees.
import { meaningfulApy, recentApyEstimate } from '../../../../contracts/wrappers/apy';
import { SHARE_BASIS, STAKE_COST_ESTIMATE, UNSTAKE_BILL_COST_ESTIMATE, UNSTAKE_INSTANT_COST_ESTIMATE } from '../../../../contracts/wrappers/fees';

export const MONTH_S = (365 * 24 * 3600) / 12;

/** The APY over the last 30 days of rounds (fewer when the history is shorter), null when not meaningful. */
export function thirtyDayApy(points: readonly { rate: bigint; endTime: number }[], nowS: number): { apy: number | null; since: number | null } {
  const recent = points.filter((point) => point.endTime >= nowS - 30 * 24 * 3600);
  if (recent.length === 0) return { apy: null, since: null };
  return { apy: recentApyEstimate(recent, recent.length).apy, since: recent[0].endTime };
}

export interface Projection {
  /** What the stake is worth after `months`, before any exit. */
  value: bigint;
  /** value − amount. */
  rewards: bigint;
  /** What arrives after an exit at round end: network fees only. */
  netRoundEnd: bigint;
  /** What arrives after an instant exit: the pool's instant withdrawal fee and network fees. */
  netInstant: bigint;
  /** The instant withdrawal fee on `value`. */
  instantFee: bigint;
}

/** Stake `amount` nanoTON for `months` at `apy` (a fraction), on a pool whose instant fee is `instantFeeShare`/2^24. */
export function projectStake(amount: bigint, months: number, apy: number, instantFeeShare: number): Projection | null {
  if (amount <= 0n || months <= 0 || meaningfulApy(apy).apy === null) return null;
  const growth = Math.pow(1 + apy, months / 12);
  // bigint-safe: the growth factor at 1e-9 precision
  const value = (amount * BigInt(Math.round(growth * 1e9))) / 1_000_000_000n;
  const instantFee = (value * BigInt(instantFeeShare)) / SHARE_BASIS;
  return {
    value,
    rewards: value - amount,
    netRoundEnd: value - STAKE_COST_ESTIMATE - UNSTAKE_BILL_COST_ESTIMATE,
    netInstant: value - instantFee - STAKE_COST_ESTIMATE - UNSTAKE_INSTANT_COST_ESTIMATE,
    instantFee,
  };
}
