import { describe, expect, it } from 'vitest';
import {
  handleTelegramEvent,
  installTelegramMiniApp,
  isDarkColour,
  readTelegramLaunch,
  themeCssVariables,
  twaReturnUrl,
  type StyleTarget,
  type TelegramHost,
} from './telegram';

function fakeRoot() {
  const properties = new Map<string, string>();
  const classes = new Set<string>();
  const root: StyleTarget = {
    style: { setProperty: (name, value) => void properties.set(name, value) },
    classList: { add: (name) => void classes.add(name) },
  };
  return { root, properties, classes };
}

function fakeHost(hash: string) {
  const posted: { message: string; targetOrigin: string }[] = [];
  const listeners: ((event: { data: unknown; origin: string }) => void)[] = [];
  const host: TelegramHost = {
    location: { hash },
    parent: { postMessage: (message, targetOrigin) => void posted.push({ message, targetOrigin }) },
    addEventListener: (_type, listener) => void listeners.push(listener),
  };
  return { host, posted, listeners };
}

const theme = { bg_color: '#17212b', text_color: '#f5f5f5', button_color: '#5288c1' };
const launchHash =
  '#tgWebAppData=query_id%3DAAA%26user%3D%257B%257D&tgWebAppVersion=8.0&tgWebAppPlatform=weba&tgWebAppThemeParams=' +
  encodeURIComponent(JSON.stringify(theme));

describe('readTelegramLaunch', () => {
  it('is null for an ordinary page', () => {
    expect(readTelegramLaunch({ location: { hash: '' } })).toBeNull();
    expect(readTelegramLaunch({ location: { hash: '#main' } })).toBeNull();
  });

  it('reads platform, version and theme from the launch hash', () => {
    expect(readTelegramLaunch({ location: { hash: launchHash } })).toEqual({
      platform: 'weba',
      version: '8.0',
      themeParams: theme,
    });
  });

  it('prefers a host-provided WebApp object with init data', () => {
    const launch = readTelegramLaunch({
      location: { hash: '' },
      Telegram: {
        WebApp: { initData: 'x', platform: 'ios', version: '7.10', themeParams: { bg_color: '#ffffff' } },
      },
    });
    expect(launch).toEqual({ platform: 'ios', version: '7.10', themeParams: { bg_color: '#ffffff' } });
  });

  it('drops theme values that are not colours (the hash is attacker-controlled)', () => {
    const hash = `#tgWebAppData=x&tgWebAppThemeParams=${encodeURIComponent(
      JSON.stringify({ bg_color: 'red;background:url(https://evil)', text_color: '#000' }),
    )}`;
    expect(readTelegramLaunch({ location: { hash } })?.themeParams).toEqual({ text_color: '#000' });
  });
});

describe('theme', () => {
  it('maps theme params to --tg-theme-* variables', () => {
    expect(themeCssVariables({ bg_color: '#fff', secondary_bg_color: '#eee' })).toEqual({
      '--tg-theme-bg-color': '#fff',
      '--tg-theme-secondary-bg-color': '#eee',
    });
  });

  it('tells dark backgrounds from light ones', () => {
    expect(isDarkColour('#17212b')).toBe(true);
    expect(isDarkColour('#ffffff')).toBe(false);
    expect(isDarkColour('#fff')).toBe(false);
  });
});

describe('installTelegramMiniApp', () => {
  it('does nothing outside Telegram', () => {
    const { host, posted } = fakeHost('');
    const { root, properties, classes } = fakeRoot();
    expect(installTelegramMiniApp(host, root)).toBeNull();
    expect(posted).toEqual([]);
    expect(properties.size).toBe(0);
    expect(classes.size).toBe(0);
  });

  it('applies the theme, asks to expand and follows theme, viewport and safe-area events', () => {
    const { host, posted, listeners } = fakeHost(launchHash);
    const { root, properties, classes } = fakeRoot();
    expect(installTelegramMiniApp(host, root)?.platform).toBe('weba');
    expect(classes.has('tg-mini-app')).toBe(true);
    expect(properties.get('--tg-theme-bg-color')).toBe('#17212b');
    expect(properties.get('color-scheme')).toBe('dark');
    const sent = posted.map((p) => JSON.parse(p.message).eventType);
    expect(sent).toContain('web_app_ready');
    expect(sent).toContain('web_app_expand');
    expect(posted.every((p) => p.targetOrigin === 'https://web.telegram.org')).toBe(true);

    // Telegram Web posts events to the iframe; only its origin is trusted.
    const event = (eventType: string, eventData: unknown, origin = 'https://web.telegram.org') =>
      listeners.forEach((listener) => listener({ origin, data: JSON.stringify({ eventType, eventData }) }));
    event('theme_changed', { theme_params: { bg_color: '#ffffff' } }, 'https://evil.example');
    expect(properties.get('--tg-theme-bg-color')).toBe('#17212b');
    event('theme_changed', { theme_params: { bg_color: '#ffffff' } });
    expect(properties.get('--tg-theme-bg-color')).toBe('#ffffff');
    expect(properties.get('color-scheme')).toBe('light');
    event('viewport_changed', { height: 600, is_expanded: true, is_state_stable: true });
    expect(properties.get('--tg-viewport-stable-height')).toBe('600px');
    // Mobile clients call window.Telegram.WebView.receiveEvent instead.
    host.Telegram?.WebView?.receiveEvent?.('safe_area_changed', { top: 44, bottom: 34 });
    expect(properties.get('--tg-safe-area-inset-top')).toBe('44px');
    expect(properties.get('--tg-safe-area-inset-bottom')).toBe('34px');
    expect(properties.get('--tg-safe-area-inset-left')).toBe('0px');
  });

  it('uses the mobile web view proxy when there is one', () => {
    const { host, posted } = fakeHost(launchHash);
    const proxied: string[] = [];
    host.TelegramWebviewProxy = { postEvent: (eventType) => void proxied.push(eventType) };
    installTelegramMiniApp(host, fakeRoot().root);
    expect(proxied).toContain('web_app_expand');
    expect(posted).toEqual([]);
  });
});

describe('handleTelegramEvent', () => {
  it('ignores unknown events and bad viewport heights', () => {
    const { root, properties } = fakeRoot();
    expect(handleTelegramEvent(root, 'popup_closed', {})).toBe(false);
    expect(handleTelegramEvent(root, 'viewport_changed', { height: -5 })).toBe(true);
    expect(properties.size).toBe(0);
  });
});

describe('twaReturnUrl', () => {
  it('accepts only t.me links', () => {
    expect(twaReturnUrl('https://t.me/lst_bot/stake')).toBe('https://t.me/lst_bot/stake');
    expect(twaReturnUrl('javascript:alert(1)')).toBeUndefined();
    expect(twaReturnUrl(undefined)).toBeUndefined();
  });
});
