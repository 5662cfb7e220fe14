// A TON Connect HTTP bridge (ton-connect's bridge.md) inside the devnet, so mobile-style wallets connect without a
// relay on the internet. Clients are identified by a 32-byte hex client id (a session public key); messages are
// end-to-end encrypted by the clients and opaque here.
//
//   GET  /bridge/events?client_id=<hex>[,<hex>…][&last_event_id=<n>]   SSE: queued then live messages, heartbeats
//   POST /bridge/message?client_id=<hex>&to=<hex>&ttl=<s>[&topic=…]     body: base64 message → 200
//
// Messages stay queued until their TTL expires (a reconnecting client passes last_event_id, or the browser's
// Last-Event-ID header, and gets only newer ones), are delivered in id order, and survive a devnet restart
// (bridge.json in the state dir). Event ids are at least the wall clock in microseconds, so a client that kept its
// last_event_id across a devnet reset still receives new messages.
//
// How these routes fit the devnet's access rules (devnet/access.ts, README "Access"): they are 'open' routes. The
// Host and Origin checks apply as everywhere: the app (an allowed origin) and the Devnet Mobile Wallet page (the
// devnet's own origin) are their browser callers, and the access layer echoes the allowed origin. The JSON/custom
// header rule cannot apply: the TON Connect SDK's unmodified client posts a text/plain body with fetch and listens
// with EventSource, neither of which can add a header. Nothing here holds a key or changes the chain: a bridge only
// relays ciphertext between client ids that the two ends exchanged out of band.
import type { IncomingMessage, ServerResponse } from 'node:http';
import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Logger } from './logger';
import { BRIDGE_PATH } from './mobile-wallet-info';

/** Longest TTL a sender may ask for (bridge.md: bridges support at least 300 s). */
export const MAX_TTL_S = 300;
/** Largest message body, base64 text included. */
export const MAX_MESSAGE_BYTES = 64 * 1024;
const MAX_QUEUED_PER_CLIENT = 100;
const MAX_CLIENT_IDS_PER_STREAM = 16;
const CLIENT_ID = /^[0-9a-f]{64}$/;
const BASE64 = /^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$/;
const STATE_FILE = 'bridge.json';

/** Allow-Origin is set by the access check (the caller's origin, once allowed). */
export const BRIDGE_CORS_HEADERS: Record<string, string> = {
  'Access-Control-Allow-Methods': 'GET, POST, OPTIONS',
  'Access-Control-Allow-Headers': 'Content-Type, Last-Event-ID',
};

export interface BridgeMessage {
  /** SSE event id, strictly increasing over the bridge's life. */
  id: number;
  from: string;
  to: string;
  /** The sender's base64 body, relayed as is. */
  message: string;
  /** Unix ms after which the message is dropped. */
  expiresAt: number;
  topic?: string;
}

interface Subscriber {
  clientIds: Set<string>;
  send(message: BridgeMessage): void;
}

export class BridgeError extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
  }
}

export interface BridgeOptions {
  /** Directory for bridge.json; without it nothing persists (tests). */
  stateDir?: string;
  /** Ignore the saved queue. */
  reset?: boolean;
  logger: Logger;
  heartbeatMs?: number;
  /** Delay between a change and writing bridge.json. */
  saveDebounceMs?: number;
  now?: () => number;
}

/** A client id list from a query string, lower-cased; throws BridgeError(400) on anything malformed. */
export function parseClientIds(value: string | null, name: string, max = 1): string[] {
  if (!value) throw new BridgeError(400, `"${name}" is required`);
  const ids = value.split(',').map((id) => id.trim().toLowerCase());
  if (ids.length > max) throw new BridgeError(400, `"${name}" lists more than ${max} client ids`);
  for (const id of ids) {
    if (!CLIENT_ID.test(id)) throw new BridgeError(400, `"${name}" must be 64 hex digits (a session public key)`);
  }
  return ids;
}

export class TonConnectBridge {
  private readonly queues = new Map<string, BridgeMessage[]>();
  private readonly subscribers = new Set<Subscriber>();
  private lastId = 0;
  private readonly file: string | undefined;
  private saveTimer: NodeJS.Timeout | undefined;
  private readonly now: () => number;
  private closed = false;

  constructor(private readonly options: BridgeOptions) {
    this.now = options.now ?? (() => Date.now());
    if (options.stateDir) {
      mkdirSync(options.stateDir, { recursive: true });
      this.file = join(options.stateDir, STATE_FILE);
      if (!options.reset && existsSync(this.file)) this.load(this.file);
    }
  }

  /** Queues a message for `to` and pushes it to every open stream of that client. */
  post(from: string, to: string, message: string, ttlSeconds: number, topic?: string): BridgeMessage {
    this.expire();
    const queue = this.queues.get(to) ?? [];
    if (queue.length >= MAX_QUEUED_PER_CLIENT) {
      throw new BridgeError(429, `too many undelivered messages for ${to.slice(0, 8)}…`);
    }
    this.lastId = Math.max(this.lastId + 1, this.now() * 1000);
    const entry: BridgeMessage = { id: this.lastId, from, to, message, expiresAt: this.now() + ttlSeconds * 1000 };
    if (topic) entry.topic = topic;
    queue.push(entry);
    this.queues.set(to, queue);
    for (const subscriber of this.subscribers) {
      if (subscriber.clientIds.has(to)) subscriber.send(entry);
    }
    this.scheduleSave();
    return entry;
  }

  /** Messages still queued for these clients with an id above `afterId`, in id order. */
  pending(clientIds: readonly string[], afterId = 0): BridgeMessage[] {
    this.expire();
    return clientIds
      .flatMap((id) => this.queues.get(id) ?? [])
      .filter((message) => message.id > afterId)
      .sort((a, b) => a.id - b.id);
  }

  /**
   * In-process subscription (the devnet's own mobile wallet uses it): replays what is queued after `afterId`,
   * then every new message. Returns the unsubscribe function.
   */
  subscribe(clientIds: readonly string[], afterId: number, listener: (message: BridgeMessage) => void): () => void {
    const subscriber: Subscriber = { clientIds: new Set(clientIds), send: listener };
    for (const message of this.pending(clientIds, afterId)) listener(message);
    this.subscribers.add(subscriber);
    return () => this.subscribers.delete(subscriber);
  }

  /** Handles /bridge/* requests; returns false for other paths. */
  handle(request: IncomingMessage, response: ServerResponse, url: URL, path: string): boolean {
    if (path !== `${BRIDGE_PATH}/events` && path !== `${BRIDGE_PATH}/message`) {
      if (!path.startsWith(`${BRIDGE_PATH}/`) && path !== BRIDGE_PATH) return false;
      this.reply(response, 404, `no bridge route ${path}`);
      return true;
    }
    const route = `${request.method} ${path}`;
    if (request.method === 'OPTIONS') {
      response.writeHead(204, { ...BRIDGE_CORS_HEADERS, 'Access-Control-Max-Age': '600' });
      response.end();
      return true;
    }
    const run = async () => {
      if (route === `GET ${BRIDGE_PATH}/events`) return this.openStream(request, response, url);
      if (route === `POST ${BRIDGE_PATH}/message`) return this.receive(request, response, url);
      throw new BridgeError(405, `use ${path.endsWith('events') ? 'GET' : 'POST'} for ${path}`);
    };
    run().catch((error: unknown) => {
      if (error instanceof BridgeError) {
        this.options.logger.warn(`${route}: ${error.status} ${error.message}`);
        if (!response.headersSent) this.reply(response, error.status, error.message);
        else response.end();
        return;
      }
      this.options.logger.error(`${route}: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
      if (!response.headersSent) this.reply(response, 500, 'internal bridge error');
      else response.end();
    });
    return true;
  }

  /** Stops heartbeats, ends open streams and writes bridge.json. */
  close(): void {
    if (this.closed) return;
    this.closed = true;
    for (const subscriber of this.subscribers) subscriber.send = () => {};
    this.subscribers.clear();
    if (this.saveTimer) clearTimeout(this.saveTimer);
    this.saveTimer = undefined;
    this.save();
  }

  get openStreams(): number {
    return this.subscribers.size;
  }

  private async receive(request: IncomingMessage, response: ServerResponse, url: URL): Promise<void> {
    const [from] = parseClientIds(url.searchParams.get('client_id'), 'client_id');
    const [to] = parseClientIds(url.searchParams.get('to'), 'to');
    const ttlText = url.searchParams.get('ttl') ?? String(MAX_TTL_S);
    if (!/^[0-9]{1,6}$/.test(ttlText) || Number(ttlText) < 1 || Number(ttlText) > MAX_TTL_S) {
      throw new BridgeError(400, `"ttl" must be an integer between 1 and ${MAX_TTL_S} seconds`);
    }
    const topic = url.searchParams.get('topic') ?? undefined;
    if (topic !== undefined && !/^[A-Za-z]{1,32}$/.test(topic)) throw new BridgeError(400, '"topic" is malformed');
    const body = (await readLimited(request, MAX_MESSAGE_BYTES)).trim();
    if (body === '' || !BASE64.test(body)) throw new BridgeError(400, 'the body must be a base64 message');
    const entry = this.post(from, to, body, Number(ttlText), topic);
    this.options.logger.info(`message ${entry.id} ${from.slice(0, 8)}… → ${to.slice(0, 8)}… (${topic ?? 'no topic'})`);
    this.reply(response, 200, 'OK');
  }

  private openStream(request: IncomingMessage, response: ServerResponse, url: URL): void {
    const clientIds = parseClientIds(url.searchParams.get('client_id'), 'client_id', MAX_CLIENT_IDS_PER_STREAM);
    const lastEventText = url.searchParams.get('last_event_id') ?? headerValue(request.headers['last-event-id']);
    if (lastEventText !== undefined && lastEventText !== '' && !/^[0-9]{1,20}$/.test(lastEventText)) {
      throw new BridgeError(400, '"last_event_id" must be a decimal event id');
    }
    const afterId = lastEventText ? Number(lastEventText) : 0;

    response.writeHead(200, {
      ...BRIDGE_CORS_HEADERS,
      'Content-Type': 'text/event-stream; charset=utf-8',
      'Cache-Control': 'no-cache, no-transform',
      Connection: 'keep-alive',
      'X-Accel-Buffering': 'no',
    });
    response.flushHeaders();
    // The SDK treats the stream as open on the first byte; a comment line is ignored by every EventSource.
    response.write(': connected\n\n');
    const write = (message: BridgeMessage) => {
      response.write(`id: ${message.id}\ndata: ${JSON.stringify({ from: message.from, message: message.message })}\n\n`);
    };
    const unsubscribe = this.subscribe(clientIds, afterId, write);
    const heartbeat = setInterval(() => response.write('event: heartbeat\ndata: heartbeat\n\n'), this.options.heartbeatMs ?? 15_000);
    const stop = () => {
      clearInterval(heartbeat);
      unsubscribe();
    };
    request.on('close', stop);
    response.on('close', stop);
    response.on('error', stop);
  }

  private reply(response: ServerResponse, status: number, message: string): void {
    response.writeHead(status, { ...BRIDGE_CORS_HEADERS, 'Content-Type': 'application/json; charset=utf-8' });
    response.end(JSON.stringify({ message, statusCode: status }));
  }

  private expire(): void {
    const now = this.now();
    let changed = false;
    for (const [clientId, queue] of this.queues) {
      const live = queue.filter((message) => message.expiresAt > now);
      if (live.length === queue.length) continue;
      changed = true;
      if (live.length === 0) this.queues.delete(clientId);
      else this.queues.set(clientId, live);
    }
    if (changed) this.scheduleSave();
  }

  private load(file: string): void {
    try {
      const saved = JSON.parse(readFileSync(file, 'utf8')) as { lastId?: unknown; messages?: unknown };
      if (typeof saved.lastId === 'number' && Number.isSafeInteger(saved.lastId)) this.lastId = saved.lastId;
      if (!Array.isArray(saved.messages)) return;
      for (const message of saved.messages as BridgeMessage[]) {
        if (typeof message?.id !== 'number' || typeof message.to !== 'string' || !CLIENT_ID.test(message.to)) continue;
        const queue = this.queues.get(message.to) ?? [];
        queue.push(message);
        this.queues.set(message.to, queue);
        this.lastId = Math.max(this.lastId, message.id);
      }
      this.expire();
    } catch (error) {
      this.options.logger.warn(`ignoring unreadable ${file}: ${String(error)}`);
    }
  }

  private scheduleSave(): void {
    if (!this.file || this.closed || this.saveTimer) return;
    this.saveTimer = setTimeout(() => {
      this.saveTimer = undefined;
      this.save();
    }, this.options.saveDebounceMs ?? 200);
    this.saveTimer.unref();
  }

  private save(): void {
    if (!this.file) return;
    try {
      const messages = [...this.queues.values()].flat().sort((a, b) => a.id - b.id);
      const temp = `${this.file}.tmp`;
      writeFileSync(temp, JSON.stringify({ lastId: this.lastId, messages }));
      renameSync(temp, this.file);
    } catch (error) {
      this.options.logger.error(`saving ${this.file} failed: ${String(error)}`);
    }
  }
}

function headerValue(value: string | string[] | undefined): string | undefined {
  return Array.isArray(value) ? value[0] : value;
}

/**
 * Reads the body; past `limit` bytes the rest is drained and discarded so the 400 still reaches the client
 * (bridge.md: an oversize message is a client error). A body far past the limit closes the connection.
 */
function readLimited(request: IncomingMessage, limit: number): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    request.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size <= limit) chunks.push(chunk);
      else if (size > 16 * limit) request.destroy();
    });
    request.on('end', () => {
      if (size > limit) reject(new BridgeError(400, `the message is larger than ${limit} bytes`));
      else resolve(Buffer.concat(chunks).toString('utf8'));
    });
    request.on('error', reject);
    request.on('close', () => {
      if (!request.complete) reject(new BridgeError(400, 'the request body was cut short'));
    });
  });
}
