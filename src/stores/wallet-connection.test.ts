import type { TonConnectUI } from '@tonconnect/ui-react';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { loadTonConnectUI, openConnectModal, startWalletConnection, useWalletConnection, wantWalletConnection } from './wallet-connection';

const initial = useWalletConnection.getState();

function fakeUi(): TonConnectUI {
  return { openModal: vi.fn(async () => undefined) } as unknown as TonConnectUI;
}

describe('wallet connection store', () => {
  beforeEach(() => useWalletConnection.setState(initial, true));

  it('a stored session wants TON Connect at once and is not restored yet; none wants nothing and has nothing to restore', () => {
    startWalletConnection(true);
    expect(useWalletConnection.getState()).toMatchObject({ wanted: true, restored: false });
    startWalletConnection(false);
    expect(useWalletConnection.getState()).toMatchObject({ wanted: false, restored: true });
  });

  it('the modal waits for TON Connect to be created, then opens', async () => {
    startWalletConnection(false);
    const opened = openConnectModal();
    expect(useWalletConnection.getState().wanted).toBe(true);
    const ui = fakeUi();
    useWalletConnection.setState({ ui });
    await opened;
    expect(ui.openModal).toHaveBeenCalledOnce();
    // once created, no waiting
    await expect(loadTonConnectUI()).resolves.toBe(ui);
  });

  it('a chunk that fails to load rejects the waiting caller and later ones; intents no longer ask for it', async () => {
    const waiting = loadTonConnectUI();
    useWalletConnection.setState({ wanted: false, loadFailed: true });
    await expect(waiting).rejects.toThrow(/failed to load/);
    wantWalletConnection();
    expect(useWalletConnection.getState()).toMatchObject({ wanted: false, loadFailed: true });
    await expect(openConnectModal()).rejects.toThrow(/failed to load/);
  });
});
