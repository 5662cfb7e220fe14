// Round points → chart rows. Charts draw floats; the table and every check keep the bigint values.
import type { RoundPoint } from '../../../ton/history';
import { RATE_BASIS } from '../../../ton/pool';

export interface RoundChartRow {
  roundId: number;
  endTime: number;
  /** Rate change against the previous round, in percent; null for the first round read. */
  growthPercent: number | null;
  /** Annualised, in percent; null when unknown or not finite (devnet rounds last seconds). */
  apyPercent: number | null;
  tvl: number;
  rate: number;
  /** The round lost money (slashing), or the rate went down. */
  loss: boolean;
}

const NANO = 1e9;

function nanoToNumber(nano: bigint): number {
  // Whole and fraction separately keep full precision for any realistic TVL.
  return Number(nano / 1_000_000_000n) + Number(nano % 1_000_000_000n) / NANO;
}

export function chartRows(points: RoundPoint[]): RoundChartRow[] {
  return points.map((point) => ({
    roundId: point.roundId,
    endTime: point.endTime,
    growthPercent: point.growth === null ? null : point.growth * 100,
    apyPercent: point.apy !== null && Number.isFinite(point.apy) ? point.apy * 100 : null,
    tvl: nanoToNumber(point.totalBalance),
    rate: Number(point.rate) / Number(RATE_BASIS),
    loss: point.profit < 0n || (point.growth !== null && point.growth < 0),
  }));
}

/** Rounds whose APY could not be annualised (shown as growth only). */
export function unannualisedCount(rows: RoundChartRow[]): number {
  return rows.filter((row) => row.growthPercent !== null && row.apyPercent === null).length;
}
