import { describe, expect, it, vi } from 'vitest';
import {
  createDevnetWalletBridge,
  SESSION_STORAGE_KEY,
  WALLET_NAME_STORAGE_KEY,
  type DevnetWalletAccount,
} from './bridge';
import type { DecodedRequest } from './decode';

const DEVNET_URL = 'http://devnet.test';

function accountFor(name: string): DevnetWalletAccount {
  // Distinct per name so a test can tell which wallet the bridge asked for.
  const hex = Buffer.from(name.padEnd(32, '.')).toString('hex');
  return {
    address: `0:${hex}`,
    friendly: `friendly-${name}`,
    publicKey: `pk-${name}`,
    walletStateInit: `si-${name}`,
    network: '-3',
    balance: '5000000000000',
  };
}

interface RecordedRequest {
  url: string;
  method: string;
  body?: string;
}

function setup(
  options: { sendReply?: unknown; accountStatus?: number; unreachable?: boolean; approve?: (request: DecodedRequest) => Promise<boolean> } = {},
) {
  const requests: RecordedRequest[] = [];
  const headers: (HeadersInit | undefined)[] = [];
  const store = new Map<string, string>();
  const storage = {
    getItem: (key: string) => store.get(key) ?? null,
    setItem: (key: string, value: string) => void store.set(key, value),
    removeItem: (key: string) => void store.delete(key),
  };
  const fakeFetch = (async (input: RequestInfo | URL, init?: RequestInit) => {
    const url = new URL(String(input));
    requests.push({
      url: String(input),
      method: init?.method ?? 'GET',
      body: init?.body as string | undefined,
    });
    headers.push(init?.headers);
    if (options.unreachable) throw new TypeError('Failed to fetch');
    if (url.pathname === '/devwallet/account') {
      if (options.accountStatus) return new Response('nope', { status: options.accountStatus });
      return Response.json(accountFor(url.searchParams.get('name') ?? ''));
    }
    if (url.pathname === '/devwallet/sendTransaction')
      return Response.json(options.sendReply ?? { boc: 'te6signed' });
    return new Response('not found', { status: 404 });
  }) as typeof fetch;
  const approve = options.approve ?? (async () => true);
  const bridge = createDevnetWalletBridge({ devnetUrl: DEVNET_URL, storage, fetch: fakeFetch, approve });
  return { bridge, requests, headers, store };
}

const addrOnly = { manifestUrl: 'http://app.test/tonconnect-manifest.json', items: [{ name: 'ton_addr' }] };

describe('devnet wallet bridge: connect', () => {
  it('asks the devnet for the default wallet and replies with its ton_addr item', async () => {
    const { bridge, requests } = setup();
    const event = await bridge.connect(2, addrOnly);
    expect(requests[0].url).toBe(`${DEVNET_URL}/devwallet/account?name=dev`);
    expect(event.event).toBe('connect');
    if (event.event !== 'connect') return;
    const account = accountFor('dev');
    expect(event.payload.items).toEqual([
      {
        name: 'ton_addr',
        address: account.address,
        network: '-3',
        publicKey: account.publicKey,
        walletStateInit: account.walletStateInit,
      },
    ]);
    expect(event.payload.device.appName).toBe('devnet-wallet');
  });

  it('uses the wallet name from localStorage, URL-encoded', async () => {
    const { bridge, requests, store } = setup();
    store.set(WALLET_NAME_STORAGE_KEY, 'e2e wallet/1');
    const event = await bridge.connect(2, addrOnly);
    expect(requests[0].url).toBe(`${DEVNET_URL}/devwallet/account?name=e2e%20wallet%2F1`);
    expect(event.event === 'connect' && event.payload.items[0]).toMatchObject({
      address: accountFor('e2e wallet/1').address,
    });
  });

  it('answers ton_proof with a per-item error instead of failing the connection', async () => {
    const { bridge } = setup();
    const event = await bridge.connect(2, {
      ...addrOnly,
      items: [{ name: 'ton_addr' }, { name: 'ton_proof', payload: 'abc' }],
    });
    expect(event.event).toBe('connect');
    if (event.event !== 'connect') return;
    expect(event.payload.items[1]).toEqual({
      name: 'ton_proof',
      error: { code: 400, message: 'not supported' },
    });
  });

  it('turns a devnet error or an unreachable devnet into connect_error and stores no session', async () => {
    for (const options of [{ accountStatus: 500 }, { unreachable: true }]) {
      const { bridge, store } = setup(options);
      const event = await bridge.connect(2, addrOnly);
      expect(event.event).toBe('connect_error');
      expect(store.has(SESSION_STORAGE_KEY)).toBe(false);
    }
  });

  it('gives every event a fresh id', async () => {
    const { bridge } = setup();
    const first = await bridge.connect(2, addrOnly);
    const second = await bridge.restoreConnection();
    expect(second.id).toBeGreaterThan(first.id);
  });
});

describe('devnet wallet bridge: sessions', () => {
  it('restores only after a connect, and not after a disconnect', async () => {
    const { bridge } = setup();
    expect((await bridge.restoreConnection()).event).toBe('connect_error');
    await bridge.connect(2, addrOnly);
    expect((await bridge.restoreConnection()).event).toBe('connect');
    await bridge.disconnect();
    expect((await bridge.restoreConnection()).event).toBe('connect_error');
  });

  it('drops the session when the configured wallet name changed since connecting', async () => {
    const { bridge, store } = setup();
    await bridge.connect(2, addrOnly);
    store.set(WALLET_NAME_STORAGE_KEY, 'other');
    expect((await bridge.restoreConnection()).event).toBe('connect_error');
  });

  it('supports disconnect as an RPC method too (the SDK falls back to it)', async () => {
    const { bridge } = setup();
    await bridge.connect(2, addrOnly);
    expect(await bridge.send({ method: 'disconnect', params: [], id: '3' })).toEqual({ id: '3', result: {} });
    expect((await bridge.restoreConnection()).event).toBe('connect_error');
  });

  it('listen returns an unsubscribe function', () => {
    const { bridge } = setup();
    const unsubscribe = bridge.listen(() => undefined);
    expect(typeof unsubscribe).toBe('function');
    expect(() => unsubscribe()).not.toThrow();
  });
});

const POOL = 'EQAREREREREREREREREREREREREREREREREREREREREREeYT';

describe('devnet wallet bridge: sendTransaction', () => {
  const params = JSON.stringify({
    network: '-3',
    valid_until: 1_900_000_000,
    messages: [{ address: POOL, amount: '1' }],
  });

  it('posts the params JSON verbatim for the configured wallet and returns the signed BOC', async () => {
    const { bridge, requests, headers, store } = setup({ sendReply: { boc: 'te6ccSIGNED' } });
    store.set(WALLET_NAME_STORAGE_KEY, 'alice');
    const reply = await bridge.send({ method: 'sendTransaction', params: [params], id: '7' });
    expect(reply).toEqual({ id: '7', result: 'te6ccSIGNED' });
    expect(requests).toEqual([
      { url: `${DEVNET_URL}/devwallet/sendTransaction?name=alice`, method: 'POST', body: params },
    ]);
    // The devnet signs only for requests a browser must preflight: JSON plus its custom header.
    expect(headers).toEqual([{ 'content-type': 'application/json', 'x-devnet-request': '1' }]);
  });

  it('passes the devnet error through (300 = user rejects)', async () => {
    const { bridge } = setup({ sendReply: { error: { code: 300, message: 'rejected' } } });
    expect(await bridge.send({ method: 'sendTransaction', params: [params], id: '8' })).toEqual({
      id: '8',
      error: { code: 300, message: 'rejected' },
    });
  });

  it('reports an unknown error when the devnet is down or answers without a boc', async () => {
    for (const options of [{ unreachable: true }, { sendReply: {} }]) {
      const { bridge } = setup(options);
      const reply = await bridge.send({ method: 'sendTransaction', params: [params], id: '9' });
      expect(reply).toMatchObject({ id: '9', error: { code: 0 } });
    }
  });

  it('rejects a request without params and methods it does not support', async () => {
    const { bridge, requests } = setup();
    expect(await bridge.send({ method: 'sendTransaction', params: [], id: '1' })).toMatchObject({
      error: { code: 1 },
    });
    expect(await bridge.send({ method: 'signData', params: ['{}'], id: '2' })).toMatchObject({
      error: { code: 400 },
    });
    expect(requests).toEqual([]);
  });

  // Issue 12 item 12: the wallet signed whatever any page asked, without showing it to anyone.
  it('asks before signing: a rejection returns the TON Connect user-rejection error and nothing reaches the signer', async () => {
    const asked: DecodedRequest[] = [];
    const { bridge, requests } = setup({
      approve: async (request) => {
        asked.push(request);
        return false;
      },
    });
    expect(await bridge.send({ method: 'sendTransaction', params: [params], id: '4' })).toEqual({
      id: '4',
      error: { code: 300, message: 'User rejected the transaction' },
    });
    expect(requests).toEqual([]);
    expect(asked).toHaveLength(1);
    expect(asked[0].messages[0]).toMatchObject({ destination: POOL, amount: 1n, operation: 'plain transfer' });
  });

  it('signs only once approved, however long the user takes', async () => {
    let answer: (approved: boolean) => void = () => undefined;
    const { bridge, requests } = setup({ approve: () => new Promise((resolve) => (answer = resolve)) });
    const reply = bridge.send({ method: 'sendTransaction', params: [params], id: '5' });
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(requests).toEqual([]);
    answer(true);
    expect(await reply).toEqual({ id: '5', result: 'te6signed' });
    expect(requests).toHaveLength(1);
  });

  it('refuses a request it cannot decode without asking', async () => {
    const approve = vi.fn(async () => true);
    const { bridge, requests } = setup({ approve });
    const bad = JSON.stringify({ messages: [{ address: 'not an address', amount: '1' }] });
    expect(await bridge.send({ method: 'sendTransaction', params: [bad], id: '6' })).toMatchObject({ error: { code: 1 } });
    expect(approve).not.toHaveBeenCalled();
    expect(requests).toEqual([]);
  });
});

