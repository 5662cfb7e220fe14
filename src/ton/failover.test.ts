// The scheduler's fail-over: which endpoint each request goes to after 5xx, timeouts and 429 storms, the return to
// the primary after a cool-down, and each endpoint's own budget and key. Fake timers and a fake fetch: the assertions
// are about where requests go, not how long anything takes on this machine.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createRpcScheduler, resetRpcCounters, RpcError, rpcCounters } from './client';
import type { RpcEndpoint } from './endpoints';

type Reply = { status: number; body?: unknown } | 'hang';

const PRIMARY = 'http://primary.test/jsonRPC';
const SECOND = 'http://second.test/jsonRPC';
const THIRD = 'http://third.test/jsonRPC';

/** Each URL answers from its own script (the last reply repeats); every request is recorded. */
function fakeNetwork(scripts: Record<string, Reply[]>) {
  const sent: { url: string; at: number; apiKey?: string }[] = [];
  const fetchStub = async (input: RequestInfo | URL, init?: RequestInit) => {
    const url = String(input);
    sent.push({ url, at: Date.now(), apiKey: (init?.headers as Record<string, string>)['X-API-Key'] });
    const script = scripts[url];
    if (!script) throw new TypeError(`no route to ${url}`);
    const reply = script.length > 1 ? script.shift()! : script[0];
    if (reply === 'hang') {
      return new Promise<Response>((_resolve, reject) =>
        init?.signal?.addEventListener('abort', () => reject(new DOMException('aborted', 'AbortError'))),
      );
    }
    return new Response(JSON.stringify(reply.body ?? { ok: true, result: url }), { status: reply.status });
  };
  return {
    fetch: fetchStub as typeof fetch,
    sent,
    /** Which endpoint each request went to, in order. */
    route: () => sent.map((request) => request.url),
    /** Replace an endpoint's script (it recovers, or starts failing). */
    set: (url: string, replies: Reply[]) => (scripts[url] = replies),
  };
}

const endpoint = (url: string, extra: Partial<RpcEndpoint> = {}): RpcEndpoint => ({ url, maxRps: 1000, source: 'config', ...extra });
const body = JSON.stringify({ id: '1', jsonrpc: '2.0', method: 'getMasterchainInfo', params: {} });

describe('endpoint fail-over', () => {
  beforeEach(() => {
    vi.useFakeTimers({ now: 5_000_000 });
    resetRpcCounters();
  });
  afterEach(() => vi.useRealTimers());

  async function post(scheduler: ReturnType<typeof createRpcScheduler>, url = PRIMARY) {
    const call = scheduler.post(url, body, { 'Content-Type': 'application/json' });
    const settled = call.then(
      (response) => response,
      (error: unknown) => error,
    );
    await vi.runAllTimersAsync();
    return settled;
  }

  it('moves to the next endpoint after repeated 5xx, and stays there', async () => {
    const net = fakeNetwork({ [PRIMARY]: [{ status: 500 }], [SECOND]: [{ status: 200 }] });
    const scheduler = createRpcScheduler({ endpoints: [endpoint(PRIMARY), endpoint(SECOND)], fetch: net.fetch, baseDelayMs: 10 });
    const seen: number[] = [];
    scheduler.subscribe(() => seen.push(scheduler.status().activeIndex));

    const first = await post(scheduler);
    expect(first).toMatchObject({ status: 200, body: { result: SECOND } });
    expect(net.route()).toEqual([PRIMARY, PRIMARY, PRIMARY, SECOND]);
    expect(scheduler.status().activeIndex).toBe(1);
    expect(seen).toEqual([1]);

    await post(scheduler);
    await post(scheduler);
    expect(net.route().slice(4)).toEqual([SECOND, SECOND]);
    expect(rpcCounters.failovers).toBe(1);
  });

  it('a single 5xx or a few 429s are retried on the primary: no fail-over', async () => {
    const net = fakeNetwork({ [PRIMARY]: [{ status: 502 }, { status: 429 }, { status: 429 }, { status: 200 }], [SECOND]: [{ status: 200 }] });
    const scheduler = createRpcScheduler({ endpoints: [endpoint(PRIMARY), endpoint(SECOND)], fetch: net.fetch, baseDelayMs: 10 });
    expect(await post(scheduler)).toMatchObject({ status: 200 });
    expect(net.route()).toEqual([PRIMARY, PRIMARY, PRIMARY, PRIMARY]);
    expect(scheduler.status().activeIndex).toBe(0);
  });

  it('fails over on a 429 storm', async () => {
    const net = fakeNetwork({ [PRIMARY]: [{ status: 429 }], [SECOND]: [{ status: 200 }] });
    const scheduler = createRpcScheduler({
      endpoints: [endpoint(PRIMARY), endpoint(SECOND)],
      fetch: net.fetch,
      baseDelayMs: 10,
      maxRetries: 8,
      rateLimitStormAfter: 6,
    });
    expect(await post(scheduler)).toMatchObject({ body: { result: SECOND } });
    expect(net.route()).toEqual([...Array(6).fill(PRIMARY), SECOND]);
  });

  it('fails over on repeated timeouts', async () => {
    const net = fakeNetwork({ [PRIMARY]: ['hang'], [SECOND]: [{ status: 200 }] });
    const scheduler = createRpcScheduler({ endpoints: [endpoint(PRIMARY), endpoint(SECOND)], fetch: net.fetch, baseDelayMs: 10, callTimeoutMs: 1000 });
    expect(await post(scheduler)).toMatchObject({ body: { result: SECOND } });
    expect(net.route()).toEqual([PRIMARY, PRIMARY, PRIMARY, SECOND]);
  });

  it('ignores the request’s own 4xx: the endpoint is fine, the request is not', async () => {
    const net = fakeNetwork({ [PRIMARY]: [{ status: 400, body: { ok: false, error: 'bad address' } }], [SECOND]: [{ status: 200 }] });
    const scheduler = createRpcScheduler({ endpoints: [endpoint(PRIMARY), endpoint(SECOND)], fetch: net.fetch, baseDelayMs: 10 });
    for (let i = 0; i < 4; i++) expect(await post(scheduler)).toBeInstanceOf(RpcError);
    expect(new Set(net.route())).toEqual(new Set([PRIMARY]));
  });

  it('returns to the primary after the cool-down once it answers again', async () => {
    const net = fakeNetwork({ [PRIMARY]: [{ status: 503 }], [SECOND]: [{ status: 200 }] });
    const scheduler = createRpcScheduler({ endpoints: [endpoint(PRIMARY), endpoint(SECOND)], fetch: net.fetch, baseDelayMs: 10, cooldownMs: 60_000 });
    await post(scheduler);
    expect(scheduler.status().activeIndex).toBe(1);
    net.set(PRIMARY, [{ status: 200 }]);

    await vi.advanceTimersByTimeAsync(30_000);
    await post(scheduler);
    expect(net.route().at(-1)).toBe(SECOND); // still cooling down

    await vi.advanceTimersByTimeAsync(31_000);
    expect(await post(scheduler)).toMatchObject({ body: { result: PRIMARY } });
    expect(scheduler.status().activeIndex).toBe(0);
    await post(scheduler);
    expect(net.route().slice(-2)).toEqual([PRIMARY, PRIMARY]);
  });

  it('a primary still failing after its cool-down is left again at its first failure, for twice as long', async () => {
    const net = fakeNetwork({ [PRIMARY]: [{ status: 500 }], [SECOND]: [{ status: 200 }] });
    const scheduler = createRpcScheduler({ endpoints: [endpoint(PRIMARY), endpoint(SECOND)], fetch: net.fetch, baseDelayMs: 10, cooldownMs: 60_000 });
    await post(scheduler);
    await vi.advanceTimersByTimeAsync(61_000);
    const before = net.sent.length;
    expect(await post(scheduler)).toMatchObject({ body: { result: SECOND } });
    expect(net.route().slice(before)).toEqual([PRIMARY, SECOND]); // one probe of the primary, not three

    await vi.advanceTimersByTimeAsync(61_000); // past the first cool-down, within the doubled one
    await post(scheduler);
    expect(net.route().at(-1)).toBe(SECOND);
    expect(net.route().filter((url) => url === PRIMARY)).toHaveLength(4);

    await vi.advanceTimersByTimeAsync(60_000);
    await post(scheduler);
    expect(net.route().filter((url) => url === PRIMARY)).toHaveLength(5);
  });

  it('walks down a list of three and uses the first healthy one', async () => {
    const net = fakeNetwork({ [PRIMARY]: [{ status: 500 }], [SECOND]: [{ status: 502 }], [THIRD]: [{ status: 200 }] });
    const scheduler = createRpcScheduler({
      endpoints: [endpoint(PRIMARY), endpoint(SECOND), endpoint(THIRD)],
      fetch: net.fetch,
      baseDelayMs: 10,
      maxRetries: 8,
    });
    expect(await post(scheduler)).toMatchObject({ body: { result: THIRD } });
    expect(scheduler.status().activeIndex).toBe(2);
  });

  it('sends each endpoint its own key, whatever the caller put in the headers', async () => {
    const net = fakeNetwork({ [PRIMARY]: [{ status: 500 }], [SECOND]: [{ status: 200 }] });
    const scheduler = createRpcScheduler({
      endpoints: [endpoint(PRIMARY, { apiKey: 'primary-key' }), endpoint(SECOND)],
      fetch: net.fetch,
      baseDelayMs: 10,
    });
    const call = scheduler.post(PRIMARY, body, { 'x-api-key': 'stale' });
    await vi.runAllTimersAsync();
    await call;
    expect(net.sent.map((request) => [request.url, request.apiKey])).toEqual([
      [PRIMARY, 'primary-key'],
      [PRIMARY, 'primary-key'],
      [PRIMARY, 'primary-key'],
      [SECOND, undefined],
    ]);
  });

  it('spaces requests by the budget of the endpoint in use', async () => {
    const net = fakeNetwork({ [PRIMARY]: [{ status: 500 }], [SECOND]: [{ status: 200 }] });
    const scheduler = createRpcScheduler({
      endpoints: [endpoint(PRIMARY, { maxRps: 1000 }), endpoint(SECOND, { maxRps: 2 })],
      fetch: net.fetch,
      baseDelayMs: 10,
    });
    await post(scheduler);
    const before = net.sent.length;
    const calls = Promise.all([1, 2, 3].map(() => scheduler.post(PRIMARY, body, {})));
    await vi.runAllTimersAsync();
    await calls;
    const times = net.sent.slice(before).map((request) => request.at);
    expect(net.route().slice(before)).toEqual([SECOND, SECOND, SECOND]);
    expect(times.slice(1).map((t, i) => t - times[i])).toEqual([500, 500]);
  });

  it('setEndpoints puts a new endpoint first and keeps the health of the ones that stay', async () => {
    const net = fakeNetwork({ [PRIMARY]: [{ status: 500 }], [SECOND]: [{ status: 200 }], [THIRD]: [{ status: 200 }] });
    const scheduler = createRpcScheduler({ endpoints: [endpoint(PRIMARY), endpoint(SECOND)], fetch: net.fetch, baseDelayMs: 10 });
    await post(scheduler);
    scheduler.setEndpoints([endpoint(PRIMARY), endpoint(SECOND), endpoint(THIRD)]);
    await post(scheduler);
    expect(net.route().at(-1)).toBe(SECOND); // the primary is still cooling down
    expect(scheduler.status().endpoints.map((entry) => entry.url)).toEqual([PRIMARY, SECOND, THIRD]);
    expect(scheduler.status().activeIndex).toBe(1);

    scheduler.setEndpoints([endpoint(THIRD, { source: 'user' }), endpoint(PRIMARY), endpoint(SECOND)]);
    await post(scheduler);
    expect(net.route().at(-1)).toBe(THIRD);
    expect(scheduler.status().activeIndex).toBe(0);
  });

  it('with one endpoint there is nowhere to go: it keeps retrying it', async () => {
    const net = fakeNetwork({ [PRIMARY]: [{ status: 500 }, { status: 500 }, { status: 500 }, { status: 500 }, { status: 200 }] });
    const scheduler = createRpcScheduler({ endpoints: [endpoint(PRIMARY)], fetch: net.fetch, baseDelayMs: 10 });
    expect(await post(scheduler)).toMatchObject({ status: 200 });
    expect(net.route()).toEqual(Array(5).fill(PRIMARY));
  });
});
