import { runInNewContext } from 'node:vm';
import { describe, expect, it } from 'vitest';
import { FIRST_PAINT_SCRIPT } from './first-paint';
import { SHELL_OFF_ATTRIBUTE } from './shell-markers';
import { localeFromLanguages, LOCALE_STORAGE_KEY } from '../i18n/locale';
import { readThemeChoice, resolveTheme, THEME_STORAGE_KEY } from '../components/theme/theme';
import { likelyConnected, TON_CONNECT_SESSION_KEY } from '../features/wallet/session-hint';
import { readTelegramLaunch } from './telegram';

interface Visitor {
  stored?: Record<string, string>;
  storageThrows?: boolean;
  systemDark?: boolean;
  languages?: string[];
  hash?: string;
}

/** Runs the inline script against a fake page; returns what it did to <html>. */
function runScript({ stored = {}, storageThrows = false, systemDark = false, languages = ['en-US'], hash = '' }: Visitor) {
  const classes = new Set<string>();
  const attributes = new Map<string, string>();
  const styles = new Map<string, string>();
  const localStorage = {
    getItem(key: string) {
      if (storageThrows) throw new Error('SecurityError');
      return stored[key] ?? null;
    },
  };
  const window = {
    localStorage,
    matchMedia: (query: string) => ({ matches: query === '(prefers-color-scheme: dark)' && systemDark }),
    navigator: { languages, language: languages[0] },
    location: { hash },
  };
  const document = {
    documentElement: {
      classList: { add: (name: string) => classes.add(name) },
      style: { setProperty: (name: string, value: string) => styles.set(name, value) },
      setAttribute: (name: string, value: string) => attributes.set(name, value),
    },
  };
  runInNewContext(FIRST_PAINT_SCRIPT, { window, document });
  return { dark: classes.has('dark'), colorScheme: styles.get('color-scheme'), shellOff: attributes.has(SHELL_OFF_ATTRIBUTE) };
}

/** What the app itself decides for the same visitor (theme.ts, locale.ts, session-hint.ts, telegram.ts). */
function appDecision({ stored = {}, systemDark = false, languages = ['en-US'], hash = '' }: Visitor) {
  const storage = { getItem: (key: string) => stored[key] ?? null };
  const choice = stored[LOCALE_STORAGE_KEY];
  const locale = choice === 'en' || choice === 'ru' ? choice : localeFromLanguages(languages);
  const telegram = readTelegramLaunch({ location: { hash } } as Parameters<typeof readTelegramLaunch>[0]);
  return {
    dark: resolveTheme(readThemeChoice(storage), systemDark, null) === 'dark',
    shellOff: locale !== 'en' || likelyConnected(storage) || telegram !== null,
  };
}

const VISITORS: [string, Visitor][] = [
  ['a first visit in a light browser', {}],
  ['a dark system', { systemDark: true }],
  ['light chosen over a dark system', { systemDark: true, stored: { [THEME_STORAGE_KEY]: 'light' } }],
  ['dark chosen in a light system', { stored: { [THEME_STORAGE_KEY]: 'dark' } }],
  ['a Russian browser', { languages: ['ru-RU', 'en'] }],
  ['German first, Russian second', { languages: ['de-DE', 'ru'] }],
  ['German first, English second', { languages: ['de-DE', 'en'] }],
  ['a language the app lacks only', { languages: ['fr-FR'] }],
  ['English chosen in a Russian browser', { languages: ['ru-RU'], stored: { [LOCALE_STORAGE_KEY]: 'en' } }],
  ['Russian chosen in an English browser', { stored: { [LOCALE_STORAGE_KEY]: 'ru' } }],
  ['a stored wallet session', { stored: { [TON_CONNECT_SESSION_KEY]: '{"connectEvent":{}}' } }],
  ['a Telegram Mini App launch', { hash: '#tgWebAppData=query_id%3D1&tgWebAppVersion=8.0' }],
  ['an unrelated fragment', { hash: '#main' }],
];

describe('the first-paint script', () => {
  it.each(VISITORS)('decides as the app does: %s', (_name, visitor) => {
    const result = runScript(visitor);
    const expected = appDecision(visitor);
    expect({ dark: result.dark, shellOff: result.shellOff }).toEqual(expected);
    expect(result.colorScheme).toBe(expected.dark ? 'dark' : 'light');
  });

  it('shows the light English shell when storage cannot be read', () => {
    expect(runScript({ storageThrows: true })).toEqual({ dark: false, colorScheme: 'light', shellOff: false });
    expect(runScript({ storageThrows: true, systemDark: true }).dark).toBe(true);
  });
});
