// Light or dark: the system's by default, the user's choice when made (kept in localStorage), Telegram's inside a
// Mini App (its theme wins). Applied as the `dark` class on <html>, before the first paint (main.tsx).
import { create } from 'zustand';

export type ThemeChoice = 'system' | 'light' | 'dark';
export type Theme = 'light' | 'dark';

export const THEME_STORAGE_KEY = 'lst-theme';
const CHOICES: readonly ThemeChoice[] = ['system', 'light', 'dark'];

export function readThemeChoice(storage: Pick<Storage, 'getItem'> | null): ThemeChoice {
  try {
    const stored = storage?.getItem(THEME_STORAGE_KEY);
    return CHOICES.includes(stored as ThemeChoice) ? (stored as ThemeChoice) : 'system';
  } catch {
    return 'system';
  }
}

/** Telegram's theme wins inside a Mini App; otherwise the user's choice, or the system's. */
export function resolveTheme(choice: ThemeChoice, systemDark: boolean, telegramDark: boolean | null): Theme {
  if (telegramDark !== null) return telegramDark ? 'dark' : 'light';
  if (choice === 'system') return systemDark ? 'dark' : 'light';
  return choice;
}

export interface ThemeTarget {
  classList: { toggle(name: string, force: boolean): void };
  style: { setProperty(name: string, value: string): void };
}

export function applyTheme(root: ThemeTarget, theme: Theme): void {
  root.classList.toggle('dark', theme === 'dark');
  root.style.setProperty('color-scheme', theme);
}

interface ThemeState {
  choice: ThemeChoice;
  theme: Theme;
  /** Dark or light from Telegram (null outside a Mini App). */
  telegramDark: boolean | null;
  setChoice(choice: ThemeChoice): void;
}

const systemDark = () => typeof window !== 'undefined' && window.matchMedia?.('(prefers-color-scheme: dark)').matches === true;
const storage = () => (typeof window !== 'undefined' ? window.localStorage : null);

export const useThemeStore = create<ThemeState>((set, get) => ({
  choice: 'system',
  theme: 'light',
  telegramDark: null,
  setChoice(choice) {
    try {
      storage()?.setItem(THEME_STORAGE_KEY, choice);
    } catch {
      // no storage: the choice lasts for this page
    }
    set({ choice, theme: resolveTheme(choice, systemDark(), get().telegramDark) });
  },
}));

/** Reads the stored choice, applies it now and follows the system's changes while the choice is "system". */
export function installTheme(root: ThemeTarget, telegramDark: boolean | null): void {
  const choice = readThemeChoice(storage());
  useThemeStore.setState({ choice, telegramDark, theme: resolveTheme(choice, systemDark(), telegramDark) });
  applyTheme(root, useThemeStore.getState().theme);
  useThemeStore.subscribe((state) => applyTheme(root, state.theme));
  window.matchMedia?.('(prefers-color-scheme: dark)').addEventListener?.('change', (event) => {
    const state = useThemeStore.getState();
    useThemeStore.setState({ theme: resolveTheme(state.choice, event.matches, state.telegramDark) });
  });
}
