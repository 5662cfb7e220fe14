// The header's wallet button. TON Connect draws its own (connect, then the address with a menu) into the element
// with BUTTON_ROOT_ID once it has loaded; until then this draws a look-alike that loads it on hover or focus and opens
// its wallet list on click, so a visitor who never connects never pays for TON Connect.
import { useEffect, type ReactNode } from 'react';
import { useT } from '../../../i18n/messages';
import {
  openConnectModal,
  placeTonConnectButton,
  useConnectionRestored,
  useWalletConnection,
  wantWalletConnection,
} from '../../../stores/wallet-connection';
import { walletMessages } from '../messages';

/** Where TON Connect UI renders its button (the id its own React button uses, which the e2e page object finds). */
const BUTTON_ROOT_ID = 'ton-connect-button';

/**
 * What every connect button of the app does: a pointer or focus on it starts loading TON Connect, a click opens its
 * wallet list once loaded. A failed load is not an error here: the header shows the reload button instead.
 */
export const connectIntent = {
  onPointerEnter: wantWalletConnection,
  onFocus: wantWalletConnection,
  onClick: () => void openConnectModal().catch(() => undefined),
};

/** TON's mark, drawn for this button: a downward triangle split down the middle. */
function TonMark() {
  return (
    <svg aria-hidden="true" viewBox="0 0 24 24" className="h-6 w-6" fill="none" stroke="currentColor" strokeWidth="2" strokeLinejoin="round">
      <path d="M5 6.5h14L12 19.5z" />
      <path d="M12 6.5v13" />
    </svg>
  );
}

/** `placeholder`: what holds the button's place while a stored session is restored. */
export function WalletButton({ placeholder }: { placeholder: ReactNode }) {
  const t = useT(walletMessages);
  const ui = useWalletConnection((state) => state.ui);
  const loadFailed = useWalletConnection((state) => state.loadFailed);
  const restored = useConnectionRestored();

  useEffect(() => {
    if (!ui) return;
    placeTonConnectButton(ui, BUTTON_ROOT_ID);
    return () => placeTonConnectButton(ui, null);
  }, [ui]);

  if (ui) return <div key="ton-connect" id={BUTTON_ROOT_ID} className="w-fit" />;
  if (!restored) return placeholder;
  if (loadFailed) {
    // The browser will not import the failed chunk again in this page, so the way forward is a reload.
    return (
      <div key="failed" id={BUTTON_ROOT_ID} className="relative">
        <button
          type="button"
          onClick={() => window.location.reload()}
          aria-describedby="ton-connect-load-failed"
          className="inline-flex h-10 items-center rounded-full border border-red-300 px-4 text-sm font-medium text-red-700 hover:bg-red-50 dark:border-red-800 dark:text-red-300 dark:hover:bg-red-950"
        >
          {t('reloadToConnect')}
        </button>
        <p
          id="ton-connect-load-failed"
          role="alert"
          className="absolute right-0 top-full z-20 mt-2 w-64 rounded-xl bg-white p-3 text-sm text-red-700 shadow-lg ring-1 ring-red-200 dark:bg-slate-900 dark:text-red-300 dark:ring-red-900"
        >
          {t('connectLoadFailed')}
        </p>
      </div>
    );
  }
  return (
    <div key="look-alike" id={BUTTON_ROOT_ID}>
      <button
        type="button"
        {...connectIntent}
        className="inline-flex h-10 items-center gap-1.5 rounded-full bg-brand-600 pl-3 pr-4 text-sm font-medium text-white transition-colors hover:bg-brand-700 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-brand-600"
      >
        <TonMark />
        {t('connect')}
      </button>
    </div>
  );
}
