import { describe, expect, it } from 'vitest';
import { applyTheme, readThemeChoice, resolveTheme, THEME_STORAGE_KEY } from './theme';

describe('theme', () => {
  it("follows the system unless the user chose; Telegram's theme wins", () => {
    expect(resolveTheme('system', true, null)).toBe('dark');
    expect(resolveTheme('system', false, null)).toBe('light');
    expect(resolveTheme('light', true, null)).toBe('light');
    expect(resolveTheme('dark', false, null)).toBe('dark');
    expect(resolveTheme('light', false, true)).toBe('dark');
    expect(resolveTheme('dark', true, false)).toBe('light');
  });

  it('reads only a known stored choice', () => {
    const storage = (value: string | null) => ({ getItem: (key: string) => (key === THEME_STORAGE_KEY ? value : null) });
    expect(readThemeChoice(storage('dark'))).toBe('dark');
    expect(readThemeChoice(storage('purple'))).toBe('system');
    expect(readThemeChoice(null)).toBe('system');
    expect(readThemeChoice({ getItem: () => { throw new Error('blocked'); } })).toBe('system');
  });

  it('sets the dark class and the color scheme', () => {
    const classes = new Set<string>();
    const style: Record<string, string> = {};
    const root = { classList: { toggle: (name: string, on: boolean) => void (on ? classes.add(name) : classes.delete(name)) }, style: { setProperty: (name: string, value: string) => void (style[name] = value) } };
    applyTheme(root, 'dark');
    expect(classes.has('dark')).toBe(true);
    expect(style['color-scheme']).toBe('dark');
    applyTheme(root, 'light');
    expect(classes.has('dark')).toBe(false);
  });
});
