// The Devnet Mobile Wallet: plays a phone wallet app that talks to dApps over the TON Connect HTTP bridge.
// Its page (mobile-wallet-page.ts) is served at /devwallet/mobile and opened by the universal link the connect modal
// builds; the wallet's side of each session (SessionCrypto keys, the bridge subscription) and its signing key (the
// dev wallet "mobile", deployed and funded at genesis) stay in the devnet, like the injected Devnet Wallet's key.
import { Address, Cell } from '@ton/core';
import { hexToByteArray, SessionCrypto, type KeyPair } from '@tonconnect/protocol';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { Op } from '../contracts/wrappers/opcodes';
import type { BridgeMessage, TonConnectBridge } from './bridge';
import type { DevnetChain } from './chain';
import { DevWalletError, TON_CONNECT_ERROR, type DevWallets } from './dev-wallet';
import { ApiError, isRecord, readJsonBody, sendJson } from './http';
import type { Logger } from './logger';
import { MOBILE_WALLET_APP_NAME, MOBILE_WALLET_PATH } from './mobile-wallet-info';
import { MOBILE_WALLET_PAGE, MOBILE_WALLET_SCRIPT } from './mobile-wallet-page';

export const MOBILE_DEV_WALLET = 'mobile';
const STATE_KEY = 'devnet:mobile-wallet';
const MESSAGE_TTL_S = 300;
const MAX_MESSAGES = 4;
/** Answered requests kept for the page's history. */
const KEEP_ANSWERED = 20;
const MANIFEST_TIMEOUT_MS = 5_000;
const MANIFEST_MAX_BYTES = 64 * 1024;
const LOOPBACK_HOSTS = new Set(['127.0.0.1', 'localhost', '[::1]']);

export interface AppManifest {
  url: string;
  name: string;
  iconUrl: string;
}

interface StoredSession {
  /** The wallet's client id for this session (its session public key, hex). */
  walletId: string;
  keyPair: KeyPair;
  /** The dApp's client id. */
  appId: string;
  manifestUrl: string;
  manifest: AppManifest;
  /** Last bridge event handled, to resume after a restart. */
  lastEventId: number;
  /** Id of the last wallet event (connect, disconnect) sent; wallet event ids must grow. */
  lastWalletEventId: number;
  connectedAt: number;
}

export interface DecodedMessage {
  address: string;
  amount: string;
  op?: string;
  opName?: string;
  queryId?: string;
  stateInit: boolean;
}

export type RequestStatus = 'pending' | 'approved' | 'rejected' | 'failed' | 'expired';

interface StoredRequest {
  key: string;
  walletId: string;
  /** The dApp's RPC id (a decimal string). */
  id: string;
  app: string;
  params: Record<string, unknown>;
  messages: DecodedMessage[];
  validUntil: number | null;
  receivedAt: number;
  status: RequestStatus;
  detail?: string;
}

interface PersistedState {
  sessions: StoredSession[];
  requests: StoredRequest[];
}

export interface MobileWalletMode {
  /** Broadcast an approved transaction, then tell the dApp it failed (the "wallet said failed, but it landed" case). */
  failAfterBroadcast: boolean;
}

export class MobileWalletError extends Error {}

type WalletReply = { id: string; result: unknown } | { id: string; error: { code: number; message: string } };

export class MobileWallet {
  private readonly sessions = new Map<string, StoredSession>();
  private readonly sessionCrypto = new Map<string, SessionCrypto>();
  private readonly requests: StoredRequest[] = [];
  private unsubscribe: (() => void) | undefined;
  private mode: MobileWalletMode = { failAfterBroadcast: false };

  constructor(
    private readonly deps: {
      bridge: TonConnectBridge;
      chain: DevnetChain;
      devWallets: DevWallets;
      logger: Logger;
      walletName?: string;
    },
  ) {
    const saved = deps.chain.getExtensionState<PersistedState>(STATE_KEY);
    for (const session of saved?.sessions ?? []) this.sessions.set(session.walletId, session);
    this.requests.push(...(saved?.requests ?? []));
  }

  get walletName(): string {
    return this.deps.walletName ?? MOBILE_DEV_WALLET;
  }

  /** Funds and deploys the wallet (at genesis) and subscribes to the bridge for every saved session. */
  async start(): Promise<void> {
    await this.deps.devWallets.ensureDeployed(this.walletName);
    this.resubscribe();
  }

  stop(): void {
    this.unsubscribe?.();
    this.unsubscribe = undefined;
  }

  getMode(): MobileWalletMode {
    return { ...this.mode };
  }

  setMode(update: unknown): MobileWalletMode {
    if (!isRecord(update)) throw new MobileWalletError('mode must be an object');
    if (update.failAfterBroadcast !== undefined) {
      if (typeof update.failAfterBroadcast !== 'boolean') throw new MobileWalletError('"failAfterBroadcast" must be a boolean');
      this.mode.failAfterBroadcast = update.failAfterBroadcast;
    }
    this.deps.logger.info(`mode ${JSON.stringify(this.mode)}`);
    return this.getMode();
  }

  /** Decodes a universal link's `id` and `r` and fetches the dApp's manifest; throws MobileWalletError with a reason. */
  async inspect(link: { id?: unknown; r?: unknown }): Promise<{ appId: string; manifestUrl: string; manifest: AppManifest; items: string[]; connected: boolean }> {
    if (typeof link.id !== 'string' || !/^[0-9a-f]{64}$/i.test(link.id)) {
      throw new MobileWalletError('The link has no valid app client id ("id").');
    }
    if (typeof link.r !== 'string') throw new MobileWalletError('The link carries no connect request ("r").');
    let request: unknown;
    try {
      request = JSON.parse(link.r);
    } catch {
      throw new MobileWalletError('The connect request ("r") is not JSON.');
    }
    if (!isRecord(request) || typeof request.manifestUrl !== 'string' || !Array.isArray(request.items)) {
      throw new MobileWalletError('The connect request needs "manifestUrl" and "items".');
    }
    const items = request.items.map((item) => (isRecord(item) && typeof item.name === 'string' ? item.name : '?'));
    if (!items.includes('ton_addr')) throw new MobileWalletError('The connect request does not ask for an address ("ton_addr").');
    const manifest = await fetchManifest(request.manifestUrl);
    const appId = link.id.toLowerCase();
    const connected = [...this.sessions.values()].some((session) => session.appId === appId);
    return { appId, manifestUrl: request.manifestUrl, manifest, items, connected };
  }

  /** Answers a connect request: a ConnectEvent (or connect_error when rejected) sent over the bridge. */
  async connect(link: { id?: unknown; r?: unknown }, approve: boolean): Promise<{ walletId: string; app: AppManifest }> {
    const { appId, manifestUrl, manifest, items } = await this.inspect(link);
    const crypto = new SessionCrypto();
    const session: StoredSession = {
      walletId: crypto.sessionId,
      keyPair: crypto.stringifyKeypair(),
      appId,
      manifestUrl,
      manifest,
      lastEventId: 0,
      lastWalletEventId: 0,
      connectedAt: Date.now(),
    };
    const eventId = nextEventId(session);
    if (!approve) {
      this.sendTo(session, crypto, { event: 'connect_error', id: eventId, payload: { code: 300, message: 'User declined the connection' } });
      this.deps.logger.info(`connection to "${manifest.name}" rejected`);
      return { walletId: session.walletId, app: manifest };
    }
    const account = await this.deps.devWallets.account(this.walletName);
    const replies: unknown[] = [
      { name: 'ton_addr', address: account.address, network: account.network, publicKey: account.publicKey, walletStateInit: account.walletStateInit },
    ];
    for (const item of items) {
      if (item !== 'ton_addr') replies.push({ name: item, error: { code: 400, message: `${item} is not supported by the Devnet Mobile Wallet` } });
    }
    this.sessions.set(session.walletId, session);
    this.sessionCrypto.set(session.walletId, crypto);
    this.persist();
    this.resubscribe();
    this.sendTo(session, crypto, { event: 'connect', id: eventId, payload: { items: replies, device: deviceInfo() } });
    this.deps.logger.info(`connected to "${manifest.name}" (app ${appId.slice(0, 8)}…, wallet ${session.walletId.slice(0, 8)}…)`);
    return { walletId: session.walletId, app: manifest };
  }

  /** Ends a session from the wallet side: a disconnect event to the dApp. */
  disconnect(walletId: string): void {
    const session = this.sessions.get(walletId);
    if (!session) throw new MobileWalletError('no such session');
    this.sendTo(session, this.crypto(session), { event: 'disconnect', id: nextEventId(session), payload: {} });
    this.dropSession(walletId);
  }

  /** What the page shows: the account, the connected apps and the requests (pending first). */
  async view(): Promise<Record<string, unknown>> {
    const now = this.deps.chain.now();
    for (const request of this.requests) {
      if (request.status === 'pending' && request.validUntil !== null && request.validUntil < now) {
        request.status = 'expired';
        request.detail = 'The request expired before it was answered.';
      }
    }
    const account = await this.deps.devWallets.account(this.walletName);
    return {
      account: { address: account.address, friendly: account.friendly, balance: account.balance, network: account.network },
      now,
      mode: this.getMode(),
      sessions: [...this.sessions.values()].map((session) => ({ walletId: session.walletId, app: session.manifest, connectedAt: session.connectedAt })),
      requests: this.requests.map(({ key, app, messages, validUntil, receivedAt, status, detail }) => ({ key, app, messages, validUntil, receivedAt, status, detail })),
    };
  }

  /** Approve or reject one pending sendTransaction. Approving signs with the devnet-held key and broadcasts. */
  async answer(key: unknown, approve: unknown): Promise<{ status: RequestStatus; detail?: string }> {
    const request = this.requests.find((entry) => entry.key === key);
    if (!request) throw new MobileWalletError('no such request');
    if (typeof approve !== 'boolean') throw new MobileWalletError('"approve" must be a boolean');
    if (request.status !== 'pending') throw new MobileWalletError(`the request is already ${request.status}`);
    const session = this.sessions.get(request.walletId);
    if (!session) {
      request.status = 'failed';
      request.detail = 'The app disconnected.';
      this.persist();
      return { status: request.status, detail: request.detail };
    }
    // Marked first: a double click must never sign twice.
    request.status = approve ? 'approved' : 'rejected';
    let reply: WalletReply;
    if (!approve) {
      reply = { id: request.id, error: { code: TON_CONNECT_ERROR.userRejects, message: 'User rejected the transaction' } };
    } else {
      const sent = await this.deps.devWallets.sendTransaction(this.walletName, request.params);
      if ('error' in sent) {
        request.status = sent.error.code === TON_CONNECT_ERROR.badRequest && /expired/.test(sent.error.message) ? 'expired' : 'failed';
        request.detail = sent.error.message;
        reply = { id: request.id, error: sent.error };
      } else if (this.mode.failAfterBroadcast) {
        request.detail = 'Broadcast, but the app was told it failed (failAfterBroadcast mode).';
        reply = { id: request.id, error: { code: TON_CONNECT_ERROR.unknown, message: 'The wallet lost its connection while sending' } };
      } else {
        reply = { id: request.id, result: sent.boc };
      }
    }
    this.sendTo(session, this.crypto(session), reply);
    this.persist();
    this.deps.logger.info(`request ${request.key} ${request.status}`);
    return { status: request.status, detail: request.detail };
  }

  /** Routes under /devwallet/mobile; false for any other path. */
  async handle(request: IncomingMessage, response: ServerResponse, path: string): Promise<boolean> {
    if (path !== MOBILE_WALLET_PATH && !path.startsWith(`${MOBILE_WALLET_PATH}/`)) return false;
    const route = `${request.method} ${path.slice(MOBILE_WALLET_PATH.length) || '/'}`;
    try {
      switch (route) {
        case 'GET /':
          sendText(response, 'text/html; charset=utf-8', MOBILE_WALLET_PAGE);
          return true;
        case 'GET /app.js':
          sendText(response, 'text/javascript; charset=utf-8', MOBILE_WALLET_SCRIPT);
          return true;
        case 'GET /state':
          sendJson(response, 200, { ok: true, result: await this.view() });
          return true;
        case 'POST /inspect': {
          const { appId, manifest, items, connected } = await this.inspect(await readObject(request));
          sendJson(response, 200, { ok: true, result: { appId, manifest, items, connected } });
          return true;
        }
        case 'POST /connect': {
          const body = await readObject(request);
          if (typeof body.approve !== 'boolean') throw new MobileWalletError('"approve" must be a boolean');
          sendJson(response, 200, { ok: true, result: await this.connect(body, body.approve) });
          return true;
        }
        case 'POST /answer': {
          const body = await readObject(request);
          sendJson(response, 200, { ok: true, result: await this.answer(body.key, body.approve) });
          return true;
        }
        case 'POST /disconnect': {
          const body = await readObject(request);
          this.disconnect(String(body.walletId));
          sendJson(response, 200, { ok: true, result: {} });
          return true;
        }
        case 'GET /mode':
          sendJson(response, 200, { ok: true, result: this.getMode() });
          return true;
        case 'POST /mode':
          sendJson(response, 200, { ok: true, result: this.setMode(await readObject(request)) });
          return true;
        default:
          throw new ApiError(404, `no route ${request.method} ${path}`);
      }
    } catch (error) {
      if (error instanceof MobileWalletError || error instanceof DevWalletError) {
        this.deps.logger.warn(`${request.method} ${path}: ${error.message}`);
        sendJson(response, 400, { ok: false, error: error.message, code: 400 });
        return true;
      }
      throw error;
    }
  }

  private resubscribe(): void {
    this.unsubscribe?.();
    const ids = [...this.sessions.keys()];
    if (ids.length === 0) {
      this.unsubscribe = undefined;
      return;
    }
    const after = Math.min(...[...this.sessions.values()].map((session) => session.lastEventId));
    this.unsubscribe = this.deps.bridge.subscribe(ids, after, (message) => this.receive(message));
  }

  private receive(message: BridgeMessage): void {
    const session = this.sessions.get(message.to);
    if (!session || message.id <= session.lastEventId) return;
    session.lastEventId = message.id;
    if (message.from !== session.appId) {
      this.deps.logger.warn(`ignoring a message for session ${session.walletId.slice(0, 8)}… from another client`);
      return;
    }
    let request: unknown;
    try {
      request = JSON.parse(this.crypto(session).decrypt(Buffer.from(message.message, 'base64'), hexToByteArray(message.from)));
    } catch (error) {
      this.deps.logger.warn(`undecryptable message ${message.id}: ${String(error)}`);
      this.persist();
      return;
    }
    this.handleRequest(session, request);
    this.persist();
  }

  private handleRequest(session: StoredSession, request: unknown): void {
    if (!isRecord(request) || typeof request.method !== 'string' || request.id === undefined) {
      this.deps.logger.warn('ignoring a malformed app request');
      return;
    }
    const id = String(request.id);
    const crypto = this.crypto(session);
    switch (request.method) {
      case 'disconnect':
        this.sendTo(session, crypto, { id, result: {} });
        this.dropSession(session.walletId);
        this.deps.logger.info(`"${session.manifest.name}" disconnected`);
        return;
      case 'sendTransaction': {
        let params: Record<string, unknown>;
        let messages: DecodedMessage[];
        try {
          const raw = Array.isArray(request.params) ? request.params[0] : undefined;
          const parsed: unknown = typeof raw === 'string' ? JSON.parse(raw) : undefined;
          if (!isRecord(parsed)) throw new MobileWalletError('params[0] must be a JSON object');
          params = parsed;
          messages = decodeMessages(parsed.messages);
        } catch (error) {
          const message = error instanceof Error ? error.message : String(error);
          this.sendTo(session, crypto, { id, error: { code: TON_CONNECT_ERROR.badRequest, message } });
          return;
        }
        const validUntil = params.valid_until ?? params.validUntil;
        this.requests.unshift({
          key: `${session.walletId.slice(0, 16)}-${id}`,
          walletId: session.walletId,
          id,
          app: session.manifest.name,
          params,
          messages,
          validUntil: typeof validUntil === 'number' ? validUntil : null,
          receivedAt: Date.now(),
          status: 'pending',
        });
        const answered = this.requests.filter((entry) => entry.status !== 'pending');
        for (const old of answered.slice(KEEP_ANSWERED)) this.requests.splice(this.requests.indexOf(old), 1);
        this.deps.logger.info(`sendTransaction ${id} from "${session.manifest.name}" waits for approval`);
        return;
      }
      default:
        this.sendTo(session, crypto, { id, error: { code: 400, message: `${request.method} is not supported` } });
    }
  }

  private dropSession(walletId: string): void {
    this.sessions.delete(walletId);
    this.sessionCrypto.delete(walletId);
    for (const request of this.requests) {
      if (request.walletId === walletId && request.status === 'pending') {
        request.status = 'failed';
        request.detail = 'The app disconnected.';
      }
    }
    this.persist();
    this.resubscribe();
  }

  private crypto(session: StoredSession): SessionCrypto {
    let crypto = this.sessionCrypto.get(session.walletId);
    if (!crypto) {
      crypto = new SessionCrypto(session.keyPair);
      this.sessionCrypto.set(session.walletId, crypto);
    }
    return crypto;
  }

  private sendTo(session: StoredSession, crypto: SessionCrypto, payload: unknown): void {
    const encrypted = crypto.encrypt(JSON.stringify(payload), hexToByteArray(session.appId));
    this.deps.bridge.post(session.walletId, session.appId, Buffer.from(encrypted).toString('base64'), MESSAGE_TTL_S);
  }

  private persist(): void {
    const state: PersistedState = { sessions: [...this.sessions.values()], requests: this.requests };
    this.deps.chain.setExtensionState(STATE_KEY, state);
  }
}

function nextEventId(session: StoredSession): number {
  session.lastWalletEventId = Math.max(session.lastWalletEventId + 1, Date.now());
  return session.lastWalletEventId;
}

function deviceInfo() {
  return {
    platform: 'android',
    appName: MOBILE_WALLET_APP_NAME,
    appVersion: '0.1.0',
    maxProtocolVersion: 2,
    features: ['SendTransaction', { name: 'SendTransaction', maxMessages: MAX_MESSAGES }],
  };
}

const OP_NAMES = new Map<number, string>(Object.entries(Op).map(([name, code]) => [code, name]));

/** Destination, amount and (from the payload) op and query id of each message, for the approval screen. */
export function decodeMessages(messages: unknown): DecodedMessage[] {
  if (!Array.isArray(messages) || messages.length === 0 || messages.length > MAX_MESSAGES) {
    throw new MobileWalletError(`"messages" must hold 1 to ${MAX_MESSAGES} messages`);
  }
  return messages.map((message: unknown, index) => {
    if (!isRecord(message) || typeof message.address !== 'string' || typeof message.amount !== 'string') {
      throw new MobileWalletError(`messages[${index}] needs "address" and "amount"`);
    }
    try {
      Address.parse(message.address);
    } catch {
      throw new MobileWalletError(`messages[${index}].address is not an address`);
    }
    const address = message.address;
    if (!/^[0-9]{1,40}$/.test(message.amount)) throw new MobileWalletError(`messages[${index}].amount must be nanotons`);
    const decoded: DecodedMessage = { address, amount: message.amount, stateInit: typeof message.stateInit === 'string' };
    if (typeof message.payload === 'string') {
      try {
        const slice = Cell.fromBase64(message.payload).beginParse();
        if (slice.remainingBits >= 32) {
          const op = slice.loadUint(32);
          decoded.op = `0x${op.toString(16).padStart(8, '0')}`;
          decoded.opName = op === 0 ? 'comment' : OP_NAMES.get(op);
          if (op !== 0 && slice.remainingBits >= 64) decoded.queryId = slice.loadUintBig(64).toString();
        }
      } catch {
        throw new MobileWalletError(`messages[${index}].payload is not a base64 BOC`);
      }
    }
    return decoded;
  });
}

/** The dApp manifest, fetched from a loopback origin only (the devnet never reaches the internet). */
export async function fetchManifest(manifestUrl: string): Promise<AppManifest> {
  let url: URL;
  try {
    url = new URL(manifestUrl);
  } catch {
    throw new MobileWalletError('The app manifest URL is not a URL.');
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') throw new MobileWalletError('The app manifest URL must be http(s).');
  if (!LOOPBACK_HOSTS.has(url.hostname)) {
    throw new MobileWalletError(`Could not fetch the app manifest: the devnet only reads manifests from this machine (${url.host}).`);
  }
  let body: string;
  try {
    const response = await fetch(url, { signal: AbortSignal.timeout(MANIFEST_TIMEOUT_MS), redirect: 'error' });
    if (!response.ok) throw new Error(`HTTP ${response.status}`);
    body = await response.text();
  } catch (error) {
    throw new MobileWalletError(`Could not fetch the app manifest (${error instanceof Error ? error.message : String(error)}).`);
  }
  if (body.length > MANIFEST_MAX_BYTES) throw new MobileWalletError('The app manifest is too large.');
  let manifest: unknown;
  try {
    manifest = JSON.parse(body);
  } catch {
    throw new MobileWalletError('The app manifest is not JSON.');
  }
  if (!isRecord(manifest) || typeof manifest.url !== 'string' || typeof manifest.name !== 'string' || typeof manifest.iconUrl !== 'string') {
    throw new MobileWalletError('The app manifest needs "url", "name" and "iconUrl".');
  }
  return { url: manifest.url, name: manifest.name.slice(0, 100), iconUrl: manifest.iconUrl };
}

function sendText(response: ServerResponse, type: string, body: string): void {
  response.writeHead(200, {
    'Content-Type': type,
    'Cache-Control': 'no-store',
    'Content-Security-Policy': "default-src 'self'; img-src * data:; style-src 'self' 'unsafe-inline'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'",
    'X-Content-Type-Options': 'nosniff',
  });
  response.end(body);
}

async function readObject(request: IncomingMessage): Promise<Record<string, unknown>> {
  const body = await readJsonBody(request);
  if (!isRecord(body)) throw new MobileWalletError('the request body must be a JSON object');
  return body;
}
