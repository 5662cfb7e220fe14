import { defineMessages, useT } from '../../i18n/messages';
import { useThemeStore, type ThemeChoice } from './theme';
import { HEADER_SELECT_CLASS } from '../ui/header-select';

export const themeMessages = defineMessages(
  { label: 'Theme', system: 'System', light: 'Light', dark: 'Dark' },
  { label: 'Тема', system: 'Системная', light: 'Светлая', dark: 'Тёмная' },
);

const CHOICES: readonly ThemeChoice[] = ['system', 'light', 'dark'];

/** Header control: follow the system, or force light or dark. Hidden inside Telegram, whose theme wins. */
export function ThemeToggle({ testId = 'theme-toggle', className = '' }: { testId?: string; className?: string }) {
  const t = useT(themeMessages);
  const choice = useThemeStore((state) => state.choice);
  const setChoice = useThemeStore((state) => state.setChoice);
  const inTelegram = useThemeStore((state) => state.telegramDark !== null);
  if (inTelegram) return null;
  return (
    <select
      aria-label={t('label')}
      data-testid={testId}
      value={choice}
      onChange={(event) => setChoice(event.target.value as ThemeChoice)}
      className={`${className} ${HEADER_SELECT_CLASS}`}
    >
      {CHOICES.map((option) => (
        <option key={option} value={option}>
          {t(option)}
        </option>
      ))}
    </select>
  );
}
