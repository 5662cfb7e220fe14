// One precision rule per context (issue 16 item 11): what the user types is kept to the last nano; summaries show 4
// decimals (tiny amounts 4 significant digits, never a misleading 0); rates show all 9 decimals, because a round moves
// them by a few parts in 10^7; pool-wide aggregates show 2. Exact amounts go in titles (hover, long-press, readers).
import { formatAmount, type FormatAmountOptions } from '../../ton/units';
import { separators } from '../../i18n/numbers';

/** The reader's separators ("1,234.5" / "1 234,5") over the precision each formatter asks for. */
function localised(nano: bigint, options: Omit<FormatAmountOptions, 'groupSeparator' | 'decimalSeparator'> = {}): string {
  const { group, decimal } = separators();
  return formatAmount(nano, { ...options, groupSeparator: group, decimalSeparator: decimal });
}

/** Every digit: inputs, titles, the Max button. */
export function formatExact(nano: bigint): string {
  return localised(nano);
}

/** Balances, quotes, fees, bills, results: 4 decimals, or 4 significant digits for an amount below 0.0001. */
export function formatSummary(nano: bigint): string {
  const shown = localised(nano, { maxFractionDigits: 4 });
  const absolute = nano < 0n ? -nano : nano;
  if (absolute === 0n || absolute >= 100_000n) return shown;
  // below 0.0001: leading zeros, then 4 significant digits (at most the 9 decimals there are)
  const leadingZeros = 9 - absolute.toString().length;
  return localised(nano, { maxFractionDigits: Math.min(9, leadingZeros + 4) });
}

/** nanoTON per pool jetton: all 9 decimals. */
export function formatRate(rate: bigint): string {
  return localised(rate, { maxFractionDigits: 9 });
}

/** TVL, round totals: 2 decimals. */
export function formatAggregate(nano: bigint): string {
  return localised(nano, { maxFractionDigits: 2 });
}
