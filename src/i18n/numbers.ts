// Numbers and dates in the reader's language: "1,234.5" in English, "1 234,5" in Russian.
import { currentLocale, type Locale } from './locale';

export interface Separators {
  group: string;
  decimal: string;
}

const SEPARATORS: Record<Locale, Separators> = {
  en: { group: ',', decimal: '.' },
  // what Intl writes for ru: a no-break space between groups, so a number never wraps mid-way
  ru: { group: '\u00a0', decimal: ',' },
};

export function separators(locale: Locale = currentLocale()): Separators {
  return SEPARATORS[locale];
}

/** The BCP 47 tag Intl gets for the locale. */
export function intlLocale(locale: Locale = currentLocale()): string {
  return locale === 'ru' ? 'ru-RU' : 'en-US';
}

// toLocaleString builds a new Intl.NumberFormat on every call, which costs far more than the formatting: a dashboard
// render formats hundreds of numbers (on a slow phone that was a 100 ms task). One formatter per locale and options.
const formatters = new Map<string, Intl.NumberFormat | Intl.DateTimeFormat>();

function cachedFormat<T extends Intl.NumberFormat | Intl.DateTimeFormat>(kind: string, tag: string, options: object | undefined, make: () => T): T {
  const key = `${kind}|${tag}|${options ? JSON.stringify(options) : ''}`;
  let format = formatters.get(key) as T | undefined;
  if (!format) formatters.set(key, (format = make()));
  return format;
}

/** A cached Intl.NumberFormat for the tag and options. */
export function numberFormat(tag: string, options?: Intl.NumberFormatOptions): Intl.NumberFormat {
  return cachedFormat('number', tag, options, () => new Intl.NumberFormat(tag, options));
}

/** A cached Intl.DateTimeFormat for the tag and options. */
export function dateFormat(tag: string, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  return cachedFormat('date', tag, options, () => new Intl.DateTimeFormat(tag, options));
}

/**
 * Builds a first Intl.NumberFormat while the browser is idle (waiting for the chain, say). The first one in a page
 * loads ICU's number data: ~25 ms on this machine, ~100 ms at a phone's 4x slower CPU, which otherwise lands inside
 * the render that first shows a number (the pool's APY) and makes it a long task.
 */
export function warmUpNumberFormat(): void {
  const build = () => numberFormat(intlLocale()).format(0);
  if (typeof requestIdleCallback === 'function') requestIdleCallback(build, { timeout: 2_000 });
  else setTimeout(build, 0);
}

export function formatNumber(value: number, options?: Intl.NumberFormatOptions, locale?: Locale): string {
  return numberFormat(intlLocale(locale), options).format(value);
}

/** A plain decimal written by code ("0.25") in the reader's notation ("0,25"); digits are never reformatted. */
export function localiseDecimal(text: string, locale?: Locale): string {
  return text.replace('.', separators(locale).decimal);
}
