// Telegram Mini App support without Telegram's SDK script (no remote code): detect the launch from the URL hash (or a
// host-provided window.Telegram.WebApp), apply the theme as CSS variables, expand the view and honour safe areas.
// Protocol: https://core.telegram.org/api/web-events (events out) and the tgWebApp* launch parameters (in).

export type ThemeParams = Record<string, string>;

export interface TelegramLaunch {
  platform: string;
  version: string;
  themeParams: ThemeParams;
}

interface SafeAreaInsets {
  top?: number;
  bottom?: number;
  left?: number;
  right?: number;
}

/** What of `window` this module touches, so tests can pass a fake. */
export interface TelegramHost {
  location: { hash: string };
  parent: { postMessage(message: string, targetOrigin: string): void } | null;
  Telegram?: {
    WebApp?: { initData?: string; platform?: string; version?: string; themeParams?: ThemeParams };
    WebView?: { receiveEvent?: (eventType: string, eventData: unknown) => void };
  };
  TelegramWebviewProxy?: { postEvent(eventType: string, eventData: string): void };
  external?: { notify?: (message: string) => void };
  addEventListener(type: 'message', listener: (event: { data: unknown; origin: string }) => void): void;
}

const TELEGRAM_WEB_ORIGIN = 'https://web.telegram.org';

function parseThemeParams(raw: string | null | undefined): ThemeParams {
  if (!raw) return {};
  try {
    const parsed: unknown = JSON.parse(raw);
    if (!parsed || typeof parsed !== 'object') return {};
    return Object.fromEntries(
      Object.entries(parsed).filter((entry): entry is [string, string] => isColour(entry[1])),
    );
  } catch {
    return {};
  }
}

/** Only #rgb/#rrggbb values reach a style: theme params come from the URL, which anyone can craft. */
function isColour(value: unknown): value is string {
  return typeof value === 'string' && /^#(?:[0-9a-f]{3}|[0-9a-f]{6})$/i.test(value);
}

/** The Mini App launch, or null when the page was not opened by Telegram. */
export function readTelegramLaunch(host: Pick<TelegramHost, 'location' | 'Telegram'>): TelegramLaunch | null {
  const webApp = host.Telegram?.WebApp;
  if (webApp?.initData) {
    const themeParams = Object.fromEntries(
      Object.entries(webApp.themeParams ?? {}).filter((entry): entry is [string, string] =>
        isColour(entry[1]),
      ),
    );
    return { platform: webApp.platform ?? 'unknown', version: webApp.version ?? '', themeParams };
  }
  const params = new URLSearchParams(host.location.hash.replace(/^#/, ''));
  if (!params.get('tgWebAppData')) return null;
  return {
    platform: params.get('tgWebAppPlatform') ?? 'unknown',
    version: params.get('tgWebAppVersion') ?? '',
    themeParams: parseThemeParams(params.get('tgWebAppThemeParams')),
  };
}

/** bg_color → --tg-theme-bg-color, the names Telegram's own SDK uses, so Telegram-aware CSS works unchanged. */
export function themeCssVariables(themeParams: ThemeParams): Record<string, string> {
  return Object.fromEntries(
    Object.entries(themeParams)
      .filter((entry) => isColour(entry[1]))
      .map(([key, value]) => [`--tg-theme-${key.replace(/_/g, '-')}`, value]),
  );
}

/** Relative luminance below one half: Telegram's dark themes. */
export function isDarkColour(hex: string): boolean {
  const digits = hex.length === 4 ? [...hex.slice(1)].map((d) => d + d).join('') : hex.slice(1);
  const [red, green, blue] = [0, 2, 4].map((i) => parseInt(digits.slice(i, i + 2), 16) / 255);
  return 0.2126 * red + 0.7152 * green + 0.0722 * blue < 0.5;
}

/** Sends a web event to the Telegram client: mobile web view, desktop, or the Telegram Web iframe parent. */
export function postTelegramEvent(host: TelegramHost, eventType: string, eventData: object = {}): void {
  const data = JSON.stringify(eventData);
  if (host.TelegramWebviewProxy) host.TelegramWebviewProxy.postEvent(eventType, data);
  else if (host.external?.notify) host.external.notify(JSON.stringify({ eventType, eventData }));
  else host.parent?.postMessage(JSON.stringify({ eventType, eventData }), TELEGRAM_WEB_ORIGIN);
}

export interface StyleTarget {
  style: { setProperty(name: string, value: string): void };
  classList: { add(name: string): void };
}

export function applyTelegramTheme(root: StyleTarget, themeParams: ThemeParams): void {
  for (const [name, value] of Object.entries(themeCssVariables(themeParams)))
    root.style.setProperty(name, value);
  const background = themeParams.bg_color;
  if (background) {
    // Native controls follow; the Tailwind palette follows the OS (darkMode: 'media'), like Telegram by default.
    root.style.setProperty('color-scheme', isDarkColour(background) ? 'dark' : 'light');
  }
}

function applyInsets(root: StyleTarget, prefix: string, insets: SafeAreaInsets): void {
  for (const side of ['top', 'bottom', 'left', 'right'] as const) {
    root.style.setProperty(`--tg-${prefix}-${side}`, `${Math.max(0, Number(insets[side] ?? 0))}px`);
  }
}

/** Applies one incoming Telegram event; returns false for events this app ignores. */
export function handleTelegramEvent(root: StyleTarget, eventType: string, eventData: unknown): boolean {
  const data = (eventData && typeof eventData === 'object' ? eventData : {}) as Record<string, unknown>;
  switch (eventType) {
    case 'theme_changed':
      applyTelegramTheme(root, parseThemeParams(JSON.stringify(data.theme_params ?? {})));
      return true;
    case 'viewport_changed':
      if (typeof data.height === 'number' && data.height > 0) {
        root.style.setProperty('--tg-viewport-height', `${data.height}px`);
        if (data.is_state_stable) root.style.setProperty('--tg-viewport-stable-height', `${data.height}px`);
      }
      return true;
    case 'safe_area_changed':
      applyInsets(root, 'safe-area-inset', data as SafeAreaInsets);
      return true;
    case 'content_safe_area_changed':
      applyInsets(root, 'content-safe-area-inset', data as SafeAreaInsets);
      return true;
    default:
      return false;
  }
}

/**
 * Call once at start-up, before rendering. Outside Telegram it does nothing and returns null. Inside, it marks the
 * root with `tg-mini-app`, pads it by the safe areas, applies the theme, and asks the client to expand.
 */
export function installTelegramMiniApp(host: TelegramHost, root: StyleTarget): TelegramLaunch | null {
  const launch = readTelegramLaunch(host);
  if (!launch) return null;
  root.classList.add('tg-mini-app');
  // The client draws its header and home indicator over the page: keep content inside the safe areas.
  for (const side of ['top', 'bottom', 'left', 'right']) {
    root.style.setProperty(
      `padding-${side}`,
      `calc(var(--tg-safe-area-inset-${side}, 0px) + var(--tg-content-safe-area-inset-${side}, 0px))`,
    );
  }
  applyTelegramTheme(root, launch.themeParams);

  // Mobile clients call window.Telegram.WebView.receiveEvent; Telegram Web posts messages to the iframe.
  const receiveEvent = (eventType: string, eventData: unknown) =>
    void handleTelegramEvent(root, eventType, eventData);
  host.Telegram = { ...host.Telegram, WebView: { ...host.Telegram?.WebView, receiveEvent } };
  host.addEventListener('message', (event) => {
    if (event.origin !== TELEGRAM_WEB_ORIGIN || typeof event.data !== 'string') return;
    try {
      const message = JSON.parse(event.data) as { eventType?: unknown; eventData?: unknown };
      if (typeof message.eventType === 'string') receiveEvent(message.eventType, message.eventData);
    } catch {
      // not a Telegram event
    }
  });

  postTelegramEvent(host, 'web_app_ready');
  postTelegramEvent(host, 'web_app_expand');
  postTelegramEvent(host, 'web_app_request_theme');
  postTelegramEvent(host, 'web_app_request_viewport');
  postTelegramEvent(host, 'web_app_request_safe_area');
  postTelegramEvent(host, 'web_app_request_content_safe_area');
  return launch;
}

/** Where TON Connect sends the user back after a wallet request opened from the Mini App (https://t.me/<bot>/<app>). */
export function twaReturnUrl(value: string | undefined): `${string}://${string}` | undefined {
  return value && /^https:\/\/t\.me\/\S+$/.test(value) ? (value as `${string}://${string}`) : undefined;
}
