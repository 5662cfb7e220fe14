import { LOCALES, useLocaleStore, type Locale } from './locale';
import { defineMessages, useT } from './messages';

export const languageSwitchMessages = defineMessages({ label: 'Language' }, { label: 'Язык' });

// Each language by its own name, so a reader who cannot read the current one still finds theirs.
const ENDONYMS: Record<Locale, string> = { en: 'English', ru: 'Русский' };
const SHORT: Record<Locale, string> = { en: 'EN', ru: 'RU' };

/** Header control: the browser's language until the reader picks one. */
export function LanguageSwitch() {
  const t = useT(languageSwitchMessages);
  const locale = useLocaleStore((state) => state.locale);
  const setChoice = useLocaleStore((state) => state.setChoice);
  return (
    <select
      aria-label={t('label')}
      data-testid="language-switch"
      value={locale}
      onChange={(event) => setChoice(event.target.value as Locale)}
      className="min-h-11 rounded-lg border border-slate-300 bg-white px-2 text-sm text-slate-900 sm:min-h-9 dark:border-slate-700 dark:bg-slate-900 dark:text-slate-100"
    >
      {LOCALES.map((option) => (
        <option key={option} value={option} lang={option} title={ENDONYMS[option]}>
          {SHORT[option]}
        </option>
      ))}
    </select>
  );
}
