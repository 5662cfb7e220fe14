import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { network } from './config/network';
import { AppLoadFailed, AppShell } from './app/shell';
import { likelyConnected } from './features/wallet/session-hint';
import { browserStorage } from './queries/persisted';
import { installTelegramMiniApp, isDarkColour, type TelegramHost } from './app/telegram';
import { installTheme } from './components/theme/theme';
import { installLocale } from './i18n/locale';
import { prerenderedShellShown } from './app/shell-markers';

async function start() {
  // Builds inject Buffer into the @ton/* chunks that use it (vite.config.ts), keeping it out of the initial bundle;
  // the dev server does not bundle, so it still needs the global before any @ton/* module is evaluated.
  if (import.meta.env.DEV) await import('./polyfills');
  // Before the first paint, so a Mini App never flashes the browser theme.
  const telegram = installTelegramMiniApp(window as unknown as TelegramHost, document.documentElement);
  const telegramBackground = telegram?.themeParams.bg_color;
  installTheme(document.documentElement, telegramBackground ? isDarkColour(telegramBackground) : null);
  installLocale(document.documentElement);

  const container = document.getElementById('root');
  if (!container) throw new Error('index.html has no #root element');
  // A build's index.html paints the shell before this script ran (app/first-paint.ts); it stays until the app's first
  // render replaces it. Otherwise (dev server, or a visitor the prerendered shell does not fit) React paints it now.
  const prerendered = prerenderedShellShown(document);
  const root = createRoot(container);
  const connected = likelyConnected(browserStorage());
  // In a build the app chunk (React Query, the dashboard) is already on its way: boot.ts started loading it.
  if (!prerendered) {
    root.render(
      <StrictMode>
        <AppShell network={network} likelyConnected={connected} />
      </StrictMode>,
    );
  }
  try {
    const { startApp } = await import('./app/root');
    await startApp(root, { insideTelegram: telegram !== null, likelyConnected: connected });
  } catch (error) {
    console.error('The app chunk failed to load', error);
    root.render(<AppLoadFailed network={network} />);
  }
}

void start();
