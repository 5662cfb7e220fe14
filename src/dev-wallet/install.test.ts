import { afterEach, describe, expect, it, vi } from 'vitest';
import { devnetWalletDeviceInfo } from './bridge';
import { installDevnetWallet } from './install';

describe('installDevnetWallet', () => {
  afterEach(() => {
    vi.unstubAllGlobals();
  });

  it('puts the bridge where the list entry tells TON Connect to look, with matching app names', async () => {
    const store = new Map<string, string>();
    const fetched: string[] = [];
    const fakeWindow: Record<string, unknown> = {
      location: { origin: 'http://app.test:5173' },
      localStorage: {
        getItem: (key: string) => store.get(key) ?? null,
        setItem: (key: string, value: string) => void store.set(key, value),
        removeItem: (key: string) => void store.delete(key),
      },
      fetch: async (url: string) => {
        fetched.push(url);
        return Response.json({ address: '0:00', network: '-3', publicKey: '', walletStateInit: '' });
      },
    };
    vi.stubGlobal('window', fakeWindow);

    const entry = installDevnetWallet('http://devnet.test', { nativeTicker: 'TON' });

    // The SDK requires window[jsBridgeKey] to be an object with `tonconnect`, and matches the connected wallet by appName.
    const injected = fakeWindow[entry.jsBridgeKey] as { tonconnect: { deviceInfo: { appName: string } } };
    expect(injected.tonconnect.deviceInfo.appName).toBe(entry.appName);
    expect(entry.appName).toBe(devnetWalletDeviceInfo.appName);
    expect(entry.name).toBe('Devnet Wallet');
    // Served by the app itself: the modal must not need the internet.
    expect(entry.imageUrl.startsWith('http://app.test:5173/')).toBe(true);
    expect(entry.platforms).toEqual(
      expect.arrayContaining(['chrome', 'firefox', 'safari', 'macos', 'windows', 'linux']),
    );
    // The installed bridge really talks to the given devnet.
    const event = await (
      injected.tonconnect as unknown as { connect: (v: number, r: unknown) => Promise<{ event: string }> }
    ).connect(2, {
      manifestUrl: '',
      items: [{ name: 'ton_addr' }],
    });
    expect(event.event).toBe('connect');
    expect(fetched).toEqual(['http://devnet.test/devwallet/account?name=dev']);
  });
});
