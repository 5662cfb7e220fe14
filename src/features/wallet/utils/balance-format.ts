import type { FormatAmountOptions } from '../../../ton/units';

/** How the wallet panel shows a balance; the exact amount goes in the title. */
export const SHOWN_BALANCE_FORMAT: FormatAmountOptions = { maxFractionDigits: 4, groupSeparator: ',' };
export const EXACT_BALANCE_FORMAT: FormatAmountOptions = { groupSeparator: ',' };
