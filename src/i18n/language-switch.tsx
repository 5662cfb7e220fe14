import { LOCALES, useLocaleStore, type Locale } from './locale';
import { defineMessages, useT } from './messages';
import { HEADER_SELECT_CLASS } from '../components/ui/header-select';

export const languageSwitchMessages = defineMessages({ label: 'Language' }, { label: 'Язык' });

// Each language by its own name, so a reader who cannot read the current one still finds theirs.
const ENDONYMS: Record<Locale, string> = { en: 'English', ru: 'Русский' };
const SHORT: Record<Locale, string> = { en: 'EN', ru: 'RU' };

/** Header control: the browser's language until the reader picks one. `disabled`: in the prerendered page, until live. */
export function LanguageSwitch({ disabled = false }: { disabled?: boolean }) {
  const t = useT(languageSwitchMessages);
  const locale = useLocaleStore((state) => state.locale);
  const setChoice = useLocaleStore((state) => state.setChoice);
  return (
    <select
      aria-label={t('label')}
      data-testid="language-switch"
      disabled={disabled}
      value={locale}
      onChange={(event) => setChoice(event.target.value as Locale)}
      className={HEADER_SELECT_CLASS}
    >
      {LOCALES.map((option) => (
        <option key={option} value={option} lang={option} title={ENDONYMS[option]}>
          {SHORT[option]}
        </option>
      ))}
    </select>
  );
}
