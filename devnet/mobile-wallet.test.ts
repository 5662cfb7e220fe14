// The TON Connect SDK's own HTTP-bridge client (EventSource + fetch, unmodified) against the devnet's bridge and
// the Devnet Mobile Wallet: connect from a universal link, send, reject, "failed but landed", restore, restart.
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Address, beginCell } from '@ton/core';
import { TonConnect, UserRejectsError, type IStorage, type Wallet } from '@tonconnect/sdk';
import { startDevnet, type RunningDevnet } from './server';
import { memoryLogger } from './logger';
import { MOBILE_WALLET_APP_NAME, mobileWalletListEntry } from './mobile-wallet-info';

const stateDir = mkdtempSync(join(tmpdir(), 'lst-mobile-wallet-test-'));
const logger = memoryLogger();
let devnet: RunningDevnet;
let manifestServer: Server;
let manifestUrl = '';
const recipient = Address.parse('0:' + 'cd'.repeat(32));
const recipientFriendly = recipient.toString({ bounceable: false, testOnly: true });

class MemoryStorage implements IStorage {
  readonly items = new Map<string, string>();
  async setItem(key: string, value: string) {
    this.items.set(key, value);
  }
  async getItem(key: string) {
    return this.items.get(key) ?? null;
  }
  async removeItem(key: string) {
    this.items.delete(key);
  }
}

const storage = new MemoryStorage();
let connector: TonConnect;

async function startNet() {
  // The same port after a restart: the app's stored session names the bridge URL.
  devnet = await startDevnet({ port: devnet?.port ?? 0, stateDir, logger, saveDebounceMs: 20, bridgeHeartbeatMs: 1_000 });
}

async function api<T = Record<string, unknown>>(path: string, body?: unknown): Promise<{ status: number; body: { ok: boolean; result: T; error?: string } }> {
  const response = await fetch(devnet.url + path, {
    method: body === undefined ? 'GET' : 'POST',
    headers: body === undefined ? undefined : { 'Content-Type': 'application/json', 'X-Devnet-Request': '1' },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  return { status: response.status, body: await response.json() };
}

interface ViewRequest {
  key: string;
  status: string;
  messages: { address: string; amount: string; op?: string; opName?: string; queryId?: string }[];
}

async function nextPendingRequest(): Promise<ViewRequest> {
  for (let attempt = 0; attempt < 100; attempt++) {
    const { body } = await api<{ requests: ViewRequest[] }>('/devwallet/mobile/state');
    const pending = body.result.requests.find((request) => request.status === 'pending');
    if (pending) return pending;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error('no request reached the wallet');
}

/** The SDK as the app builds it: local wallets list, analytics off. */
function newConnector(store: IStorage = storage, manifest = manifestUrl): TonConnect {
  return new TonConnect({
    manifestUrl: manifest,
    storage: store,
    walletsListSource: new URL('/wallets.json', manifestUrl).href,
    analytics: { mode: 'off' },
  });
}

function linkParams(link: string) {
  const url = new URL(link);
  return { url, id: url.searchParams.get('id')!, r: url.searchParams.get('r')! };
}

function waitForWallet(target: TonConnect): Promise<Wallet | null> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error('no status change')), 10_000);
    const unsubscribe = target.onStatusChange(
      (wallet) => {
        clearTimeout(timer);
        unsubscribe();
        resolve(wallet);
      },
      (error) => {
        clearTimeout(timer);
        unsubscribe();
        reject(error);
      },
    );
  });
}

async function balanceOf(address: Address): Promise<bigint> {
  return (await devnet.chain.getAccount(address)).balance;
}

/** The recipient got `amount`, less the storage fee its uninit account pays on receipt (a few nanotons). */
async function expectReceived(before: bigint, amount: bigint) {
  const gained = (await balanceOf(recipient)) - before;
  expect(gained).toBeLessThanOrEqual(amount);
  expect(gained).toBeGreaterThan(amount - 10_000n);
}

function transferRequest(amount: bigint, validForS = 120) {
  return {
    validUntil: Math.floor(Date.now() / 1000) + validForS,
    messages: [
      {
        address: recipientFriendly,
        amount: amount.toString(),
        payload: beginCell().storeUint(0x47d54391, 32).storeUint(77n, 64).endCell().toBoc().toString('base64'),
      },
    ],
  };
}

beforeAll(async () => {
  // The SDK logs every bridge message at debug level.
  vi.spyOn(console, 'debug').mockImplementation(() => {});
  manifestServer = createServer((request, response) => {
    if (request.url === '/wallets.json') {
      // The app's offline wallets list, as vite/ writes it for devnet builds: the SDK reads the bridge URL from it.
      response.writeHead(200, { 'Content-Type': 'application/json' });
      response.end(JSON.stringify([mobileWalletListEntry(devnet.url, 'http://127.0.0.1:1/icon.png')]));
    } else if (request.url === '/tonconnect-manifest.json') {
      response.writeHead(200, { 'Content-Type': 'application/json' });
      response.end(JSON.stringify({ url: 'http://127.0.0.1:1', name: 'Test dApp', iconUrl: 'http://127.0.0.1:1/icon.png' }));
    } else {
      response.writeHead(404);
      response.end();
    }
  });
  await new Promise<void>((resolve) => manifestServer.listen(0, '127.0.0.1', () => resolve()));
  manifestUrl = `http://127.0.0.1:${(manifestServer.address() as AddressInfo).port}/tonconnect-manifest.json`;
  await startNet();
});

afterAll(async () => {
  connector?.pauseConnection();
  await devnet?.close();
  manifestServer.closeAllConnections();
  await new Promise<void>((resolve) => manifestServer.close(() => resolve()));
  rmSync(stateDir, { recursive: true, force: true });
});

describe('Devnet Mobile Wallet over the bridge, with the unmodified TON Connect SDK', () => {
  it('deploys and funds the mobile wallet at genesis and lists it in /devnet/config', async () => {
    const config = (await (await fetch(`${devnet.url}/devnet/config`)).json()) as Record<string, Record<string, string>>;
    expect(config.mobileWallet.universalLink).toBe(`${devnet.url}/devwallet/mobile`);
    expect(config.mobileWallet.bridgeUrl).toBe(`${devnet.url}/bridge`);
    expect(config.mobileWallet.address).not.toBe(config.devWallet.address);
    const account = await devnet.chain.getAccount(Address.parse(config.mobileWallet.address));
    expect(account.accountState?.type).toBe('active');
    expect(account.balance).toBeGreaterThan(1_000_000_000n);
  });

  it('refuses a connect request whose manifest cannot be fetched', async () => {
    const other = newConnector(new MemoryStorage(), manifestUrl.replace('tonconnect-manifest', 'missing'));
    const link = other.connect({ universalLink: `${devnet.url}/devwallet/mobile`, bridgeUrl: `${devnet.url}/bridge` }) as string;
    const { id, r } = linkParams(link);
    const inspected = await api('/devwallet/mobile/inspect', { id, r });
    expect(inspected.status).toBe(400);
    expect(inspected.body.error).toMatch(/Could not fetch the app manifest \(HTTP 404\)/);
    const connected = await api('/devwallet/mobile/connect', { id, r, approve: true });
    expect(connected.status).toBe(400);
    // A manifest off this machine is never fetched.
    const remote = JSON.stringify({ manifestUrl: 'https://example.com/tonconnect-manifest.json', items: [{ name: 'ton_addr' }] });
    expect((await api('/devwallet/mobile/inspect', { id, r: remote })).body.error).toMatch(/only reads manifests from this machine/);
    other.pauseConnection();
  });

  it('connects through the universal link and the bridge', async () => {
    connector = newConnector();
    const link = connector.connect({ universalLink: `${devnet.url}/devwallet/mobile`, bridgeUrl: `${devnet.url}/bridge` }) as string;
    const { url, id, r } = linkParams(link);
    expect(url.origin + url.pathname).toBe(`${devnet.url}/devwallet/mobile`);
    expect(url.searchParams.get('v')).toBe('2');
    expect(JSON.parse(r)).toMatchObject({ manifestUrl, items: [{ name: 'ton_addr' }] });

    const inspected = await api<{ manifest: { name: string }; connected: boolean }>('/devwallet/mobile/inspect', { id, r });
    expect(inspected.body.result.manifest.name).toBe('Test dApp');
    expect(inspected.body.result.connected).toBe(false);

    const status = waitForWallet(connector);
    expect((await api('/devwallet/mobile/connect', { id, r, approve: true })).status).toBe(200);
    const wallet = await status;
    const config = (await (await fetch(`${devnet.url}/devnet/config`)).json()) as Record<string, Record<string, string>>;
    expect(wallet?.account.address).toBe(config.mobileWallet.address);
    expect(wallet?.device.appName).toBe(MOBILE_WALLET_APP_NAME);
    expect(connector.connected).toBe(true);
  });

  it('signs an approved sendTransaction with the devnet key and returns the BOC', async () => {
    const before = await balanceOf(recipient);
    const sending = connector.sendTransaction(transferRequest(5_000_000n));
    const request = await nextPendingRequest();
    expect(request.messages).toEqual([{ address: recipientFriendly, amount: '5000000', op: '0x47d54391', opName: 'deposit', queryId: '77', stateInit: false }]);
    expect((await api('/devwallet/mobile/answer', { key: request.key, approve: true })).body.result).toMatchObject({ status: 'approved' });
    const { boc } = await sending;
    expect(boc).toMatch(/^te6/);
    await expectReceived(before, 5_000_000n);
    // A second answer to the same request is refused: nothing is signed twice.
    expect((await api('/devwallet/mobile/answer', { key: request.key, approve: true })).status).toBe(400);
  });

  it('passes a rejection to the app as UserRejectsError', async () => {
    const before = await balanceOf(recipient);
    const sending = connector.sendTransaction(transferRequest(1_000_000n));
    const request = await nextPendingRequest();
    await api('/devwallet/mobile/answer', { key: request.key, approve: false });
    await expect(sending).rejects.toBeInstanceOf(UserRejectsError);
    expect(await balanceOf(recipient)).toBe(before);
  });

  it('failAfterBroadcast: the app hears an error while the transfer lands', async () => {
    expect((await api('/devwallet/mobile/mode', { failAfterBroadcast: true })).body.result).toEqual({ failAfterBroadcast: true });
    const before = await balanceOf(recipient);
    const sending = connector.sendTransaction(transferRequest(2_000_000n));
    const request = await nextPendingRequest();
    await api('/devwallet/mobile/answer', { key: request.key, approve: true });
    try {
      await expect(sending).rejects.toThrow(/lost its connection/);
      await expectReceived(before, 2_000_000n);
    } finally {
      await api('/devwallet/mobile/mode', { failAfterBroadcast: false });
    }
  });

  it('marks a request expired past validUntil and refuses to sign it', async () => {
    const sending = connector.sendTransaction(transferRequest(1_000_000n, 5));
    sending.catch(() => {});
    const request = await nextPendingRequest();
    await api('/devnet/time/advance', { seconds: 30 });
    const { body } = await api<{ requests: ViewRequest[] }>('/devwallet/mobile/state');
    expect(body.result.requests.find((entry) => entry.key === request.key)?.status).toBe('expired');
    const answered = await api('/devwallet/mobile/answer', { key: request.key, approve: true });
    expect(answered.status).toBe(400);
    expect(answered.body.error).toMatch(/already expired/);
  });

  it('restores the session from storage over the bridge (an app reload)', async () => {
    connector.pauseConnection();
    const reloaded = newConnector();
    await reloaded.restoreConnection();
    expect(reloaded.connected).toBe(true);
    const before = await balanceOf(recipient);
    const sending = reloaded.sendTransaction(transferRequest(3_000_000n));
    const request = await nextPendingRequest();
    await api('/devwallet/mobile/answer', { key: request.key, approve: true });
    await sending;
    await expectReceived(before, 3_000_000n);
    connector = reloaded;
  });

  it('keeps the session across a devnet restart', async () => {
    connector.pauseConnection();
    await devnet.close();
    await startNet();
    const restored = newConnector();
    await restored.restoreConnection();
    expect(restored.connected).toBe(true);
    const before = await balanceOf(recipient);
    const sending = restored.sendTransaction(transferRequest(4_000_000n));
    const request = await nextPendingRequest();
    await api('/devwallet/mobile/answer', { key: request.key, approve: true });
    await sending;
    await expectReceived(before, 4_000_000n);
    connector = restored;
  });

  it('ends the session when the app disconnects', async () => {
    await connector.disconnect();
    for (let attempt = 0; attempt < 50; attempt++) {
      const { body } = await api<{ sessions: unknown[] }>('/devwallet/mobile/state');
      if (body.result.sessions.length === 0) return;
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    throw new Error('the wallet kept the session');
  });
});
