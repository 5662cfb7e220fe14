// The language of the interface: the browser's by default (navigator.languages), the user's choice from the header
// switch when made (kept in localStorage). English and Russian; anything else reads in English.
import { create } from 'zustand';

export const LOCALES = ['en', 'ru'] as const;
export type Locale = (typeof LOCALES)[number];

export const LOCALE_STORAGE_KEY = 'lst-locale';

function isLocale(value: unknown): value is Locale {
  return (LOCALES as readonly unknown[]).includes(value);
}

/** The first of the browser's languages we speak ("ru-RU" → ru), else English. */
export function localeFromLanguages(languages: readonly string[]): Locale {
  for (const language of languages) {
    const primary = language.toLowerCase().split(/[-_]/)[0];
    if (isLocale(primary)) return primary;
  }
  return 'en';
}

export function readLocaleChoice(storage: Pick<Storage, 'getItem'> | null): Locale | null {
  try {
    const stored = storage?.getItem(LOCALE_STORAGE_KEY);
    return isLocale(stored) ? stored : null;
  } catch {
    return null;
  }
}

const storage = () => (typeof window !== 'undefined' ? window.localStorage : null);
const browserLanguages = (): readonly string[] =>
  typeof navigator === 'undefined' ? [] : navigator.languages?.length ? navigator.languages : [navigator.language ?? 'en'];

interface LocaleState {
  /** What the header switch chose; null follows the browser. */
  choice: Locale | null;
  locale: Locale;
  setChoice(choice: Locale | null): void;
}

const initialChoice = readLocaleChoice(storage());

export const useLocaleStore = create<LocaleState>((set) => ({
  choice: initialChoice,
  locale: initialChoice ?? localeFromLanguages(browserLanguages()),
  setChoice(choice) {
    try {
      if (choice) storage()?.setItem(LOCALE_STORAGE_KEY, choice);
      else storage()?.removeItem(LOCALE_STORAGE_KEY);
    } catch {
      // no storage: the choice lasts for this page
    }
    set({ choice, locale: choice ?? localeFromLanguages(browserLanguages()) });
  },
}));

/** The language now, for code outside React's render (formatters called from render read it too). */
export function currentLocale(): Locale {
  return useLocaleStore.getState().locale;
}

export function useLocale(): Locale {
  return useLocaleStore((state) => state.locale);
}

/** Keeps <html lang> on the interface's language (screen readers, hyphenation, the browser's translate offer). */
export function installLocale(root: { lang: string }): void {
  // Only on a change: writing lang, even the same value, invalidates the style of the whole page (8 ms on this
  // machine at start-up, with the prerendered shell already laid out in the page's own lang).
  const apply = (locale: Locale) => {
    if (root.lang !== locale) root.lang = locale;
  };
  apply(useLocaleStore.getState().locale);
  useLocaleStore.subscribe((state) => apply(state.locale));
}
