import type { ReactNode } from 'react';
import type { NetworkConfig } from '../ton/networks';
import { Badge } from '../components/ui/badge';
import { ThemeToggle } from '../components/theme/theme-toggle';
import { LanguageSwitch } from '../i18n/language-switch';
import { useT } from '../i18n/messages';
import { appMessages } from './messages';

const networkTone = { devnet: 'warning', testnet: 'info', mainnet: 'success' } as const;

function Logo() {
  return (
    <svg aria-hidden="true" viewBox="0 0 32 32" className="h-8 w-8">
      <rect width="32" height="32" rx="8" className="fill-brand-600" />
      <path d="M9 10h14l-7 13z" fill="none" stroke="white" strokeWidth="2.5" strokeLinejoin="round" />
      <path d="M16 10v13" stroke="white" strokeWidth="2.5" />
    </svg>
  );
}

interface LayoutProps {
  network: NetworkConfig;
  /** The header's wallet control: a placeholder in the shell, then WalletButton (TON Connect's own once loaded). */
  walletSlot: ReactNode;
  children: ReactNode;
  /** The prerendered copy in index.html: its controls answer nothing until the app replaces it, so they say so. */
  staticCopy?: boolean;
}

export function Layout({ network, walletSlot, children, staticCopy = false }: LayoutProps) {
  const t = useT(appMessages);
  return (
    <div className="flex min-h-screen flex-col">
      <a
        href="#main"
        className="sr-only focus:not-sr-only focus:absolute focus:left-2 focus:top-2 focus:rounded focus:bg-white focus:px-3 focus:py-2 focus:text-slate-900"
      >
        {t('skip')}
      </a>
      <header className="border-b border-slate-200 bg-white/80 backdrop-blur dark:border-slate-800 dark:bg-slate-900/80">
        {/* one row on a phone: below 640 px the app name is left to screen readers and the logo */}
        <div data-testid="app-header" className="mx-auto flex max-w-5xl items-center justify-between gap-3 px-4 py-3">
          <a href={import.meta.env.BASE_URL} data-testid="app-home" className="flex shrink-0 items-center gap-2 rounded-lg">
            <Logo />
            <span className="text-lg font-bold tracking-tight max-sm:sr-only">{t('appName')}</span>
          </a>
          <div className="flex min-h-10 min-w-0 items-center gap-2 sm:gap-3">
            <LanguageSwitch disabled={staticCopy} />
            {/* a 360 px phone has no room for it beside the wallet button: there it sits in the footer */}
            <ThemeToggle className="max-sm:hidden" disabled={staticCopy} />
            <span data-testid="network-badge">
              <Badge tone={networkTone[network.name]} title={t('connectedTo', { endpoint: network.endpoint })}>
                {network.label}
              </Badge>
            </span>
            {walletSlot}
          </div>
        </div>
      </header>
      <main id="main" className="mx-auto w-full max-w-5xl flex-1 px-4 py-8">
        {children}
      </main>
      <footer className="border-t border-slate-200 py-6 text-center text-sm text-slate-500 dark:border-slate-800 dark:text-slate-400">
        {t('footer', { network: network.label })}
        <div className="mt-3 sm:hidden">
          <ThemeToggle testId="theme-toggle-footer" disabled={staticCopy} />
        </div>
      </footer>
    </div>
  );
}
