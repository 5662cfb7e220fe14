import { TonConnect, TonConnectError } from '@tonconnect/ui-react';
import type { ChainId } from '../ton/networks';

export interface TonConnectSetup {
  /** Absolute URL of the app's root with a trailing slash, e.g. http://127.0.0.1:5173/ or https://me.github.io/lst/. */
  appRoot: string;
  /** Serve the wallets list from public/ instead of the internet (devnet and tests run offline). */
  localWalletsList: boolean;
  /** Refuse wallets on another chain at connect time (testnet/mainnet; the devnet e2e connects wrong-chain wallets on purpose). */
  requiredChain?: ChainId;
}

/**
 * An explicit SDK instance, because TonConnectUI has no `walletsListSource` option and analytics are on by default.
 * Create it only after any injected bridge is on `window`.
 */
export function createTonConnect({ appRoot, localWalletsList, requiredChain }: TonConnectSetup): TonConnect {
  // The raw env test folds at build time, so testnet/mainnet bundles do not even name the devnet wallets list.
  const devnetBuild = (import.meta.env.VITE_NETWORK ?? 'devnet') === 'devnet';
  const connector = new TonConnect({
    manifestUrl: `${appRoot}tonconnect-manifest.json`,
    walletsListSource: devnetBuild && localWalletsList ? `${appRoot}wallets-devnet.json` : undefined,
    analytics: { mode: 'off' },
  });
  if (requiredChain) connector.setConnectionNetwork(requiredChain);
  return connector;
}

/**
 * The SDK's "Aborted after attempts N": a bridge connection attempt that was cancelled because the user closed the
 * modal or picked another wallet before the wallet's bridge answered. The SDK (3.4) starts that attempt in a detached
 * promise with no catch (BridgeProvider.connect), so the cancellation surfaces as an unhandled rejection. Nothing was
 * requested or lost; it is not an error of the app or of the user's connection.
 */
export function isCancelledConnectAttempt(reason: unknown): boolean {
  return reason instanceof TonConnectError && /\nAborted after attempts \d+$/.test(reason.message);
}

/** Keeps that cancellation out of the console as an uncaught error (issue 16 item 12); every other rejection stays. */
export function handleCancelledConnectAttempts(target: Pick<Window, 'addEventListener'> = window): void {
  target.addEventListener('unhandledrejection', (event) => {
    if (isCancelledConnectAttempt(event.reason)) event.preventDefault();
  });
}
