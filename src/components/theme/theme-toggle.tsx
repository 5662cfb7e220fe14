import { defineMessages, useT } from '../../i18n/messages';
import { useThemeStore, type ThemeChoice } from './theme';
import { HEADER_SELECT_CLASS } from '../ui/header-select';

export const themeMessages = defineMessages(
  { label: 'Theme', system: 'System', light: 'Light', dark: 'Dark' },
  { label: 'Тема', system: 'Системная', light: 'Светлая', dark: 'Тёмная' },
);

const CHOICES: readonly ThemeChoice[] = ['system', 'light', 'dark'];

/**
 * Header control: follow the system, or force light or dark. Hidden inside Telegram, whose theme wins. `disabled`: in
 * the prerendered page, where nothing answers it until the app is live.
 */
export function ThemeToggle({ testId = 'theme-toggle', className = '', disabled = false }: { testId?: string; className?: string; disabled?: boolean }) {
  const t = useT(themeMessages);
  const choice = useThemeStore((state) => state.choice);
  const setChoice = useThemeStore((state) => state.setChoice);
  const inTelegram = useThemeStore((state) => state.telegramDark !== null);
  if (inTelegram) return null;
  return (
    <select
      aria-label={t('label')}
      data-testid={testId}
      disabled={disabled}
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
