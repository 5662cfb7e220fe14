// Amount conversions at the edges of the app: user input → bigint nano units, bigint nano → display text.
// Everything inside the app is bigint nano; no floats ever touch an amount.

export const TON_DECIMALS = 9;

/** Largest value a `Coins` field (VarUInteger 16) can hold: 2^120 − 1. */
export const MAX_COINS = (1n << 120n) - 1n;

export const AMOUNT_INPUT_ERRORS = ['empty', 'not-a-number', 'ambiguous-separator', 'negative', 'zero', 'too-many-decimals', 'too-large'] as const;
export type AmountInputError = (typeof AMOUNT_INPUT_ERRORS)[number];

export function isAmountInputError(value: string): value is AmountInputError {
  return (AMOUNT_INPUT_ERRORS as readonly string[]).includes(value);
}

export type AmountInputResult = { ok: true; nano: bigint } | { ok: false; error: AmountInputError };

export interface ParseAmountOptions {
  decimals?: number;
  /** Upper bound in nano units (inclusive); defaults to MAX_COINS. */
  max?: bigint;
  /**
   * The reader's language writes decimals with a comma and never groups with one (Russian: "1 234,5"), so "1,234"
   * is one point two three four, not ambiguous. A dot still reads as the decimal mark.
   */
  decimalComma?: boolean;
}

// Plain, no-break, narrow no-break, thin, figure and punctuation spaces: what copy-paste and locales put in numbers.
const SPACES = /[\s\u00a0\u2007\u2008\u2009\u202f]/g;
const DECIMAL_NUMBER = /^(\d*)(?:[.,](\d*))?$/;
/**
 * A comma that could separate thousands: a non-zero whole part, then one or more groups of exactly three digits,
 * optionally followed by a dot fraction ("1,000", "12,345,678", "1,234.5"). "0,500" and ",500" cannot be
 * thousands (no one groups a zero), and "1,5", "1,00", "1,0000" have no three-digit group: those read as decimals.
 */
const THOUSANDS_COMMA = /^0*[1-9]\d{0,2}(,\d{3})+(\.\d*)?$/;

/**
 * Parses what a user typed into an amount field. Accepts "1 234,5", "1234.5", ".5", "5.", and a comma as the
 * decimal mark ("1,5").
 * Refuses a comma that could be a thousands separator ("1,000": one thousand or one?) as 'ambiguous-separator',
 * and a comma and a dot together in any other shape as 'not-a-number'. Spaces group thousands unambiguously.
 * An empty or zero input is an error, never "all".
 */
export function parseAmountInput(raw: string, options: ParseAmountOptions = {}): AmountInputResult {
  const decimals = options.decimals ?? TON_DECIMALS;
  const max = options.max ?? MAX_COINS;
  let text = raw.replace(SPACES, '');
  if (text === '') return { ok: false, error: 'empty' };

  let negative = false;
  if (text.startsWith('-') || text.startsWith('\u2212')) {
    negative = true;
    text = text.slice(1);
  } else if (text.startsWith('+')) {
    text = text.slice(1);
  }

  if (!options.decimalComma && THOUSANDS_COMMA.test(text)) return { ok: false, error: 'ambiguous-separator' };
  const match = DECIMAL_NUMBER.exec(text);
  if (!match) return { ok: false, error: 'not-a-number' };
  const whole = match[1];
  const fraction = (match[2] ?? '').replace(/0+$/, '');
  if (whole === '' && (match[2] ?? '') === '') return { ok: false, error: 'not-a-number' };

  if (fraction.length > decimals) return negative ? { ok: false, error: 'negative' } : { ok: false, error: 'too-many-decimals' };
  const nano = BigInt(whole || '0') * 10n ** BigInt(decimals) + BigInt(fraction.padEnd(decimals, '0') || '0');

  if (nano === 0n) return { ok: false, error: 'zero' };
  if (negative) return { ok: false, error: 'negative' };
  if (nano > max) return { ok: false, error: 'too-large' };
  return { ok: true, nano };
}

/** Exact decimal string of a nano amount, trailing zeros trimmed: 1500000000n → "1.5". */
export function nanoToDecimal(nano: bigint, decimals = TON_DECIMALS): string {
  return formatAmount(nano, { decimals, trim: true });
}

/** Strict inverse of nanoToDecimal for trusted strings (config, tests); throws on anything else. */
export function decimalToNano(text: string, decimals = TON_DECIMALS): bigint {
  const negative = text.startsWith('-');
  const parsed = parseAmountInput(negative ? text.slice(1) : text, { decimals });
  if (parsed.ok) return negative ? -parsed.nano : parsed.nano;
  if (parsed.error === 'zero') return 0n;
  throw new Error(`decimalToNano: "${text}" is not a decimal with at most ${decimals} fraction digits (${parsed.error})`);
}

export interface FormatAmountOptions {
  decimals?: number;
  /** Fraction digits shown at most; the rest is cut off (rounded toward zero: never shows more than there is). */
  maxFractionDigits?: number;
  /** Drop trailing fraction zeros (default true). With false, exactly maxFractionDigits digits are shown. */
  trim?: boolean;
  /** Inserted between groups of three integer digits, e.g. "\u202f" or ","; none by default. */
  groupSeparator?: string;
  /** "." by default; "," for languages that write decimals with a comma. */
  decimalSeparator?: string;
}

export function formatAmount(nano: bigint, options: FormatAmountOptions = {}): string {
  const decimals = options.decimals ?? TON_DECIMALS;
  const maxFractionDigits = Math.min(options.maxFractionDigits ?? decimals, decimals);
  const trim = options.trim ?? true;

  const negative = nano < 0n;
  const absolute = negative ? -nano : nano;
  const base = 10n ** BigInt(decimals);
  let whole = (absolute / base).toString();
  let fraction = (absolute % base).toString().padStart(decimals, '0').slice(0, maxFractionDigits);
  if (trim) fraction = fraction.replace(/0+$/, '');
  if (options.groupSeparator) whole = whole.replace(/\B(?=(\d{3})+(?!\d))/g, options.groupSeparator);

  const shownIsZero = /^0*$/.test(whole.replace(/\D/g, '') + fraction);
  const sign = negative && !shownIsZero ? '-' : '';
  return fraction ? `${sign}${whole}${options.decimalSeparator ?? '.'}${fraction}` : `${sign}${whole}`;
}
