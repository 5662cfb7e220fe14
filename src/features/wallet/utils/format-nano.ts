// Local formatter until src/ton/units.ts lands; then this file goes.
const NANO_DIGITS = 9;

export interface FormatNanoOptions {
  /** Digits kept after the point; the rest are cut (rounding down never shows more than the user has). */
  maxFractionDigits?: number;
  /** Group the integer part in thousands ("1,234"). */
  group?: boolean;
}

/** 1_500_000_000n → "1.5". Exact for any bigint: no floats involved. */
export function formatNano(nano: bigint, { maxFractionDigits = NANO_DIGITS, group = true }: FormatNanoOptions = {}): string {
  const negative = nano < 0n;
  const absolute = negative ? -nano : nano;
  const base = 10n ** BigInt(NANO_DIGITS);
  const whole = absolute / base;
  const fraction = (absolute % base)
    .toString()
    .padStart(NANO_DIGITS, '0')
    .slice(0, Math.max(0, Math.min(maxFractionDigits, NANO_DIGITS)))
    .replace(/0+$/, '');
  const wholeText = group ? whole.toString().replace(/\B(?=(\d{3})+(?!\d))/g, ',') : whole.toString();
  const text = fraction ? `${wholeText}.${fraction}` : wholeText;
  // "-0" would appear when a tiny negative amount is cut to zero digits.
  return negative && text !== '0' ? `-${text}` : text;
}
