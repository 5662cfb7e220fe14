// The TON Connect bridge over real HTTP: SSE delivery, order, TTL, last_event_id, restart, and bad input.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { MAX_MESSAGE_BYTES, TonConnectBridge } from './bridge';
import { memoryLogger } from './logger';

const A = 'a1'.repeat(32);
const B = 'b2'.repeat(32);
const C = 'c3'.repeat(32);

let stateDir: string;
let server: Server | undefined;
let bridge: TonConnectBridge | undefined;
let base = '';
let clock = Date.now();

async function startBridge(options: { reset?: boolean; heartbeatMs?: number } = {}) {
  bridge = new TonConnectBridge({
    stateDir,
    reset: options.reset,
    logger: memoryLogger(),
    heartbeatMs: options.heartbeatMs ?? 60_000,
    saveDebounceMs: 1,
    now: () => clock,
  });
  const own = bridge;
  server = createServer((request, response) => {
    const url = new URL(request.url ?? '/', 'http://bridge.local');
    if (!own.handle(request, response, url, url.pathname)) {
      response.writeHead(404);
      response.end();
    }
  });
  await new Promise<void>((resolve) => server!.listen(0, '127.0.0.1', () => resolve()));
  base = `http://127.0.0.1:${(server!.address() as AddressInfo).port}/bridge`;
}

async function stopBridge() {
  bridge?.close();
  server?.closeAllConnections();
  await new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve()));
  server = undefined;
  bridge = undefined;
}

beforeEach(async () => {
  stateDir = mkdtempSync(join(tmpdir(), 'lst-bridge-test-'));
  clock = Date.now();
  await startBridge();
});
afterEach(async () => {
  await stopBridge();
  rmSync(stateDir, { recursive: true, force: true });
});

function send(from: string, to: string, body: string, ttl: string | number = 300, init: RequestInit = {}) {
  return fetch(`${base}/message?client_id=${from}&to=${to}&ttl=${ttl}&topic=sendTransaction`, {
    method: 'POST',
    body,
    ...init,
  });
}

/** Reads an SSE stream until `count` data events arrived (heartbeats included when asked). */
async function readEvents(query: string, count: number, { headers = {}, keepHeartbeats = false } = {}) {
  const controller = new AbortController();
  const response = await fetch(`${base}/events?${query}`, { headers, signal: controller.signal });
  expect(response.status).toBe(200);
  expect(response.headers.get('content-type')).toContain('text/event-stream');
  const reader = response.body!.getReader();
  const decoder = new TextDecoder();
  const events: { id?: string; event?: string; data: string }[] = [];
  let buffer = '';
  const deadline = setTimeout(() => controller.abort(), 5_000);
  try {
    while (events.length < count) {
      const { value, done } = await reader.read();
      if (done) break;
      buffer += decoder.decode(value, { stream: true });
      let end;
      while ((end = buffer.indexOf('\n\n')) >= 0) {
        const block = buffer.slice(0, end);
        buffer = buffer.slice(end + 2);
        const event: { id?: string; event?: string; data: string } = { data: '' };
        for (const line of block.split('\n')) {
          if (line.startsWith('id: ')) event.id = line.slice(4);
          else if (line.startsWith('event: ')) event.event = line.slice(7);
          else if (line.startsWith('data: ')) event.data = line.slice(6);
        }
        if (!event.data) continue;
        if (event.event === 'heartbeat' && !keepHeartbeats) continue;
        events.push(event);
      }
    }
  } catch (error) {
    if (!controller.signal.aborted) throw error;
  } finally {
    clearTimeout(deadline);
    controller.abort();
  }
  return events;
}

const b64 = (text: string) => Buffer.from(text).toString('base64');

describe('TON Connect bridge', () => {
  it('delivers queued messages in order with from, then live ones', async () => {
    for (const text of ['one', 'two', 'three']) expect((await send(A, B, b64(text))).status).toBe(200);
    const reading = readEvents(`client_id=${B}`, 4);
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect((await send(C, B, b64('four'))).status).toBe(200);
    const events = await reading;
    const bodies = events.map((event) => JSON.parse(event.data) as { from: string; message: string });
    expect(bodies.map((body) => Buffer.from(body.message, 'base64').toString())).toEqual(['one', 'two', 'three', 'four']);
    expect(bodies.map((body) => body.from)).toEqual([A, A, A, C]);
    const ids = events.map((event) => Number(event.id));
    expect([...ids].sort((x, y) => x - y)).toEqual(ids);
    expect(new Set(ids).size).toBe(4);
  });

  it('answers the POST with 200 and keeps messages for other clients apart', async () => {
    const response = await send(A, B, b64('for B'));
    expect(response.status).toBe(200);
    expect(await response.json()).toMatchObject({ statusCode: 200 });
    await send(A, C, b64('for C'));
    const events = await readEvents(`client_id=${C}`, 1);
    expect(Buffer.from(JSON.parse(events[0].data).message, 'base64').toString()).toBe('for C');
  });

  it('sends only messages after last_event_id (query or Last-Event-ID header)', async () => {
    await send(A, B, b64('old'));
    await send(A, B, b64('new'));
    const all = await readEvents(`client_id=${B}`, 2);
    const afterFirst = await readEvents(`client_id=${B}&last_event_id=${all[0].id}`, 1);
    expect(Buffer.from(JSON.parse(afterFirst[0].data).message, 'base64').toString()).toBe('new');
    const byHeader = await readEvents(`client_id=${B}`, 1, { headers: { 'Last-Event-ID': all[0].id! } });
    expect(byHeader[0].id).toBe(all[1].id);
  });

  it('listens to several client ids on one stream', async () => {
    await send(C, A, b64('to A'));
    await send(C, B, b64('to B'));
    const events = await readEvents(`client_id=${A},${B}`, 2);
    expect(events.map((event) => Buffer.from(JSON.parse(event.data).message, 'base64').toString())).toEqual(['to A', 'to B']);
  });

  it('drops a message once its TTL has passed', async () => {
    await send(A, B, b64('short'), 5);
    await send(A, B, b64('long'), 300);
    clock += 6_000;
    const events = await readEvents(`client_id=${B}`, 1);
    expect(Buffer.from(JSON.parse(events[0].data).message, 'base64').toString()).toBe('long');
    expect(bridge!.pending([B])).toHaveLength(1);
  });

  it('sends heartbeats', async () => {
    await stopBridge();
    await startBridge({ heartbeatMs: 50 });
    const events = await readEvents(`client_id=${B}`, 2, { keepHeartbeats: true });
    expect(events.every((event) => event.event === 'heartbeat' && event.data === 'heartbeat')).toBe(true);
  });

  it('keeps undelivered messages and its event ids across a restart', async () => {
    await send(A, B, b64('before restart'));
    const [before] = await readEvents(`client_id=${B}`, 1);
    await stopBridge();
    await startBridge();
    const [replayed] = await readEvents(`client_id=${B}`, 1);
    expect(replayed.id).toBe(before.id);
    await send(A, B, b64('after restart'));
    const [next] = await readEvents(`client_id=${B}&last_event_id=${before.id}`, 1);
    expect(Number(next.id)).toBeGreaterThan(Number(before.id));
    // --reset forgets the queue.
    await stopBridge();
    await startBridge({ reset: true });
    expect(bridge!.pending([B])).toEqual([]);
  });

  describe('bad input → 400, and the bridge keeps serving', () => {
    it.each([
      ['a short client id', `client_id=abc&to=${B}&ttl=300`],
      ['a non-hex client id', `client_id=${'zz'.repeat(32)}&to=${B}&ttl=300`],
      ['no recipient', `client_id=${A}&ttl=300`],
      ['two recipients', `client_id=${A}&to=${B},${C}&ttl=300`],
      ['a TTL over 300 s', `client_id=${A}&to=${B}&ttl=301`],
      ['a zero TTL', `client_id=${A}&to=${B}&ttl=0`],
      ['a non-numeric TTL', `client_id=${A}&to=${B}&ttl=5m`],
    ])('%s', async (_name, query) => {
      const response = await fetch(`${base}/message?${query}`, { method: 'POST', body: b64('x') });
      expect(response.status).toBe(400);
      expect((await response.json()).statusCode).toBe(400);
      expect(bridge!.pending([B])).toEqual([]);
    });

    it('a body over 64 KB', async () => {
      const body = 'A'.repeat(MAX_MESSAGE_BYTES + 4);
      const response = await send(A, B, body);
      expect(response.status).toBe(400);
      // Exactly at the limit is fine.
      expect((await send(A, B, 'A'.repeat(MAX_MESSAGE_BYTES))).status).toBe(200);
    });

    it('a body that is not base64, or empty', async () => {
      expect((await send(A, B, 'not base64!')).status).toBe(400);
      expect((await send(A, B, '')).status).toBe(400);
    });

    it('a malformed SSE subscription', async () => {
      expect((await fetch(`${base}/events?client_id=nothex`)).status).toBe(400);
      expect((await fetch(`${base}/events`)).status).toBe(400);
      expect((await fetch(`${base}/events?client_id=${B}&last_event_id=abc`)).status).toBe(400);
    });

    it('wrong methods and paths', async () => {
      expect((await fetch(`${base}/message?client_id=${A}&to=${B}`)).status).toBe(405);
      expect((await fetch(`${base}/nothing`)).status).toBe(404);
    });

    it('serves other clients while a stream is open and after bad requests', async () => {
      const reading = readEvents(`client_id=${C}`, 1);
      await new Promise((resolve) => setTimeout(resolve, 50));
      expect((await send('bad', C, b64('x'))).status).toBe(400);
      expect((await send(A, C, 'A'.repeat(MAX_MESSAGE_BYTES * 2))).status).toBe(400);
      expect((await send(A, C, b64('fine'))).status).toBe(200);
      const [event] = await reading;
      expect(Buffer.from(JSON.parse(event.data).message, 'base64').toString()).toBe('fine');
    });
  });

  it("answers preflights (which origins may call is the devnet's access layer: server.test.ts)", async () => {
    const response = await fetch(`${base}/message`, { method: 'OPTIONS', headers: { Origin: 'http://127.0.0.1:5173' } });
    expect(response.status).toBe(204);
    expect(response.headers.get('access-control-allow-methods')).toContain('POST');
  });
});
