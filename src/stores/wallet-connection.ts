// The wallet connection as the app reads it, without TON Connect's code. TON Connect UI and its SDK (~120 KB gzip,
// and a few hundred ms of main-thread work on a phone) load only when there is a session to restore or the user
// reaches for a connect button; app/ton-connect-runtime.tsx then publishes its state here. Until then there is no
// wallet and nothing to restore, which is exactly what a first visit looks like.
import type { TonConnectUI, Wallet } from '@tonconnect/ui-react';
import { create } from 'zustand';

interface WalletConnectionState {
  /** TON Connect UI, once its chunk has loaded and created it. */
  ui: TonConnectUI | null;
  wallet: Wallet | null;
  /** The connected wallet's address in the user-friendly (non-bounceable) form wallets show. */
  friendlyAddress: string | null;
  /** False while a stored session is being restored. */
  restored: boolean;
  /** TON Connect has been asked for: a stored session, or the user's intent to connect. */
  wanted: boolean;
  /**
   * Its chunk failed to load (offline, or a deploy replaced it). Only a reload can fix that: the browser keeps a
   * failed module import for the page's lifetime, so importing it again fails at once.
   */
  loadFailed: boolean;
}

export const useWalletConnection = create<WalletConnectionState>(() => ({
  ui: null,
  wallet: null,
  friendlyAddress: null,
  restored: true,
  wanted: false,
  loadFailed: false,
}));

/** At start-up: a stored session (features/wallet/session-hint.ts) means TON Connect is loaded at once to restore it. */
export function startWalletConnection(storedSession: boolean): void {
  useWalletConnection.setState({ wanted: storedSession, restored: !storedSession });
}

/** Starts loading TON Connect (idempotent): on hover or focus of a connect button, before the click. */
export function wantWalletConnection(): void {
  const { wanted, loadFailed } = useWalletConnection.getState();
  if (!wanted && !loadFailed) useWalletConnection.setState({ wanted: true });
}

/** Resolves with TON Connect UI once it exists; rejects if its chunk failed to load. */
export function loadTonConnectUI(): Promise<TonConnectUI> {
  wantWalletConnection();
  return new Promise((resolve, reject) => {
    const settle = (state: WalletConnectionState): boolean => {
      if (state.ui) resolve(state.ui);
      else if (state.loadFailed) reject(new Error('TON Connect failed to load'));
      else return false;
      return true;
    };
    if (settle(useWalletConnection.getState())) return;
    const unsubscribe = useWalletConnection.subscribe((state) => {
      if (settle(state)) unsubscribe();
    });
  });
}

/** Opens TON Connect's wallet list, loading it first if needed. */
export async function openConnectModal(): Promise<void> {
  await (await loadTonConnectUI()).openModal();
}

/** Where TON Connect UI draws its button: the element with this id (it must exist), or nowhere (null). */
export function placeTonConnectButton(ui: TonConnectUI, rootId: string | null): void {
  ui.uiOptions = { buttonRootId: rootId };
}

export function useWallet(): Wallet | null {
  return useWalletConnection((state) => state.wallet);
}

export function useConnectionRestored(): boolean {
  return useWalletConnection((state) => state.restored);
}
