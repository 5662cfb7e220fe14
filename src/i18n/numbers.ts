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

export function formatNumber(value: number, options?: Intl.NumberFormatOptions, locale?: Locale): string {
  return value.toLocaleString(intlLocale(locale), options);
}

/** A plain decimal written by code ("0.25") in the reader's notation ("0,25"); digits are never reformatted. */
export function localiseDecimal(text: string, locale?: Locale): string {
  return text.replace('.', separators(locale).decimal);
}
