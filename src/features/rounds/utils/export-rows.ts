// The rows of the round history's "Export CSV".
import type { CsvCell } from '../../../components/export/csv';
import type { RoundPoint } from '../../../ton/history';
import { formatAmount } from '../../../ton/units';

export const ROUNDS_HEADER = ['round', 'end_utc', 'rate_ton_per_pton', 'total_balance_ton', 'supply_pton', 'borrowed_ton', 'returned_ton', 'profit_ton', 'growth_percent', 'apy_percent'];

export function roundRows(points: readonly RoundPoint[]): CsvCell[][] {
  const percent = (fraction: number | null) => (fraction === null ? '' : (fraction * 100).toPrecision(6));
  return points.map((point) => [
    point.roundId,
    new Date(point.endTime * 1000).toISOString(),
    formatAmount(point.rate),
    formatAmount(point.totalBalance),
    formatAmount(point.supply),
    formatAmount(point.borrowed),
    formatAmount(point.returned),
    formatAmount(point.profit),
    percent(point.growth),
    percent(point.apy),
  ]);
}
