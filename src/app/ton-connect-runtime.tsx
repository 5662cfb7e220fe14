// TON Connect itself, in a chunk of its own that loads when stores/wallet-connection.ts wants it: a stored session to
// restore, or a hand on a connect button. It creates the SDK and the UI, publishes the connection to that store (the
// app reads nothing from TON Connect directly), keeps the modal in the app's theme and language, and explains a
// wallet refused for its network.
import { useEffect } from 'react';
import {
  THEME,
  TonConnectError,
  TonConnectUIProvider,
  toUserFriendlyAddress,
  useIsConnectionRestored,
  useTonConnectUI,
  useTonWallet,
  UserRejectsError,
  WalletWrongNetworkError,
  type TonConnect,
  type UIPreferences,
  type UIWallet,
} from '@tonconnect/ui-react';
import { registerTonConnectErrors } from '../components/tx/send-errors';
import { useThemeStore, type Theme } from '../components/theme/theme';
import { useLocale } from '../i18n/locale';
import { useWalletConnection } from '../stores/wallet-connection';
import type { NetworkConfig } from '../ton/networks';
import { WrongNetworkNotice } from './network-guard';
import { createTonConnect, handleCancelledConnectAttempts, type TonConnectSetup } from './ton-connect';

export interface TonConnectRuntimeOptions extends TonConnectSetup {
  /** Extra wallets for the connect modal (the Devnet Wallet on devnet). */
  includeWallets: UIWallet[];
  /** Set when the connector refuses wallets on other chains: explains a refusal (see network-guard.tsx). */
  guardedNetwork?: NetworkConfig;
  /** Inside a Telegram Mini App: the t.me link wallets return to after a request. */
  twaReturnUrl?: `${string}://${string}`;
  /** Friendly addresses in the testnet form. */
  testOnly: boolean;
}

// TON Connect UI's default blue (#0098EA) under white text is 3.1:1; brand-600 reaches 5.1:1 (WCAG AA needs 4.5:1).
const ACCESSIBLE_BLUE = '#1a6fc4';
const ACCESSIBLE_TON_CONNECT_COLORS = {
  [THEME.LIGHT]: {
    connectButton: { background: ACCESSIBLE_BLUE, foreground: '#FFFFFF' },
    accent: ACCESSIBLE_BLUE,
  },
  [THEME.DARK]: { connectButton: { background: ACCESSIBLE_BLUE, foreground: '#FFFFFF' } },
};

function uiPreferences(theme: Theme): UIPreferences {
  return { borderRadius: 'm', colorsSet: ACCESSIBLE_TON_CONNECT_COLORS, theme: theme === 'dark' ? THEME.DARK : THEME.LIGHT };
}

// One SDK per page, like the one UI instance TonConnectUIProvider keeps.
let connector: TonConnect | null = null;

function connectorFor(options: TonConnectRuntimeOptions): TonConnect {
  if (!connector) {
    registerTonConnectErrors({ TonConnectError, UserRejectsError, WalletWrongNetworkError });
    handleCancelledConnectAttempts();
    connector = createTonConnect(options);
  }
  return connector;
}

/** Copies TON Connect's state into the app's store, and the app's theme and language into TON Connect. */
function ConnectionPublisher({ testOnly }: { testOnly: boolean }) {
  const [ui, setOptions] = useTonConnectUI();
  const wallet = useTonWallet();
  const restored = useIsConnectionRestored();
  const theme = useThemeStore((state) => state.theme);
  const language = useLocale();

  // The provider reads its props once, when it creates the UI; later changes go through setOptions.
  useEffect(() => setOptions({ language, uiPreferences: uiPreferences(theme) }), [setOptions, language, theme]);

  useEffect(() => {
    useWalletConnection.setState((state) => ({
      ui,
      wallet,
      friendlyAddress: wallet ? toUserFriendlyAddress(wallet.account.address, testOnly) : null,
      // Loaded for a click, with no stored session, there was never anything to restore.
      restored: state.restored || restored,
    }));
  }, [ui, wallet, restored, testOnly]);
  return null;
}

export function TonConnectRuntime({ options }: { options: TonConnectRuntimeOptions }) {
  const theme = useThemeStore((state) => state.theme);
  // TON Connect's modal speaks the app's language (it has en and ru)
  const language = useLocale();
  return (
    <TonConnectUIProvider
      connector={connectorFor(options)}
      analytics={{ mode: 'off' }}
      language={language}
      walletsListConfiguration={{ includeWallets: options.includeWallets }}
      uiPreferences={uiPreferences(theme)}
      // Mobile wallets opened by a universal link come back to the app ('back') or to the Mini App.
      actionsConfiguration={{ returnStrategy: 'back', twaReturnUrl: options.twaReturnUrl }}
    >
      <ConnectionPublisher testOnly={options.testOnly} />
      {options.guardedNetwork && <WrongNetworkNotice network={options.guardedNetwork} />}
    </TonConnectUIProvider>
  );
}
