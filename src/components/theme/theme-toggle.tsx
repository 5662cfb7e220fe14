import { useThemeStore, type ThemeChoice } from './theme';

const LABELS: Record<ThemeChoice, string> = { system: 'System', light: 'Light', dark: 'Dark' };

/** Header control: follow the system, or force light or dark. Hidden inside Telegram, whose theme wins. */
export function ThemeToggle() {
  const choice = useThemeStore((state) => state.choice);
  const setChoice = useThemeStore((state) => state.setChoice);
  const inTelegram = useThemeStore((state) => state.telegramDark !== null);
  if (inTelegram) return null;
  return (
    <select
      aria-label="Theme"
      data-testid="theme-toggle"
      value={choice}
      onChange={(event) => setChoice(event.target.value as ThemeChoice)}
      className="min-h-11 rounded-lg border border-slate-300 bg-white px-2 text-sm text-slate-900 sm:min-h-9 dark:border-slate-700 dark:bg-slate-900 dark:text-slate-100"
    >
      {(Object.keys(LABELS) as ThemeChoice[]).map((option) => (
        <option key={option} value={option}>
          {LABELS[option]}
        </option>
      ))}
    </select>
  );
}
