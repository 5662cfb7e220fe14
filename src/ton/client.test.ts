import { Address } from '@ton/core';
import { TonClient } from '@ton/ton';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createRpcScheduler, createTonRpc, createTonRpcWith, parseRetryAfterMs, resetRpcCounters, RpcError, rpcCounters } from './client';
import { networkPreset } from './networks';

type Reply = { status: number; body?: unknown; headers?: Record<string, string> } | Error;

/** fetch stub: answers from a script of replies and records when each request was sent (fake clock). */
function scriptedFetch(replies: Reply[]) {
  const sentAt: number[] = [];
  const bodies: string[] = [];
  const fetchStub = vi.fn(async (_url: RequestInfo | URL, init?: RequestInit) => {
    sentAt.push(Date.now());
    bodies.push(String(init?.body));
    const reply = replies.length > 1 ? replies.shift()! : replies[0];
    if (reply instanceof Error) throw reply;
    return new Response(JSON.stringify(reply.body ?? { ok: true, result: 'fine' }), {
      status: reply.status,
      headers: reply.headers,
    });
  });
  return { fetch: fetchStub as unknown as typeof fetch, sentAt, bodies, calls: fetchStub };
}

const rpcBody = (method: string) => JSON.stringify({ id: '1', jsonrpc: '2.0', method, params: {} });

describe('rpc scheduler', () => {
  beforeEach(() => {
    vi.useFakeTimers({ now: 1_000_000 });
    resetRpcCounters();
  });
  afterEach(() => vi.useRealTimers());

  it('spaces concurrent calls to maxRps', async () => {
    const { fetch, sentAt } = scriptedFetch([{ status: 200 }]);
    const scheduler = createRpcScheduler({ maxRps: 4, fetch });
    const all = Promise.all([1, 2, 3, 4, 5].map(() => scheduler.post('http://x', rpcBody('getMasterchainInfo'), {})));
    await vi.runAllTimersAsync();
    await all;
    expect(sentAt.map((t) => t - sentAt[0])).toEqual([0, 250, 500, 750, 1000]);
    expect(rpcCounters.requests).toBe(5);
    expect(rpcCounters.byMethod).toEqual({ getMasterchainInfo: 5 });
  });

  it('retries 5xx with growing, jittered delays and then succeeds', async () => {
    const { fetch, sentAt } = scriptedFetch([{ status: 502 }, { status: 503 }, { status: 500 }, { status: 200, body: { ok: true, result: 7 } }]);
    const scheduler = createRpcScheduler({ maxRps: 1000, fetch, baseDelayMs: 100, random: () => 0.5 });
    const call = scheduler.post('http://x', rpcBody('runGetMethod'), {});
    await vi.runAllTimersAsync();
    expect((await call).body).toEqual({ ok: true, result: 7 });
    const gaps = sentAt.slice(1).map((t, i) => t - sentAt[i]);
    // equal jitter with random 0.5: 3/4 of base·2^attempt
    expect(gaps).toEqual([75, 150, 300]);
    expect(rpcCounters.retries).toBe(3);
    expect(rpcCounters.failures).toBe(0);
  });

  it('waits at least Retry-After on 429 and delays the following calls too', async () => {
    const { fetch, sentAt } = scriptedFetch([{ status: 429, headers: { 'Retry-After': '3' } }, { status: 200 }]);
    const scheduler = createRpcScheduler({ maxRps: 1000, fetch, baseDelayMs: 10 });
    const first = scheduler.post('http://x', rpcBody('getAddressInformation'), {});
    await vi.advanceTimersByTimeAsync(1);
    const second = scheduler.post('http://x', rpcBody('getAddressInformation'), {});
    await vi.runAllTimersAsync();
    await Promise.all([first, second]);
    expect(sentAt[1] - sentAt[0]).toBeGreaterThanOrEqual(3000);
    expect(sentAt[2] - sentAt[0]).toBeGreaterThanOrEqual(3000);
  });

  it('treats HTTP 200 with {ok:false, code:429} as rate limiting', async () => {
    const { fetch, calls } = scriptedFetch([{ status: 200, body: { ok: false, code: 429, error: 'Ratelimit exceed' } }, { status: 200 }]);
    const scheduler = createRpcScheduler({ maxRps: 1000, fetch, baseDelayMs: 10 });
    const call = scheduler.post('http://x', rpcBody('getTransactions'), {});
    await vi.runAllTimersAsync();
    await call;
    expect(calls).toHaveBeenCalledTimes(2);
  });

  it('does not retry other 4xx and reports bad-request', async () => {
    const { fetch, calls } = scriptedFetch([{ status: 416, body: { ok: false, error: 'Incorrect address', code: 416 } }]);
    const scheduler = createRpcScheduler({ maxRps: 1000, fetch });
    const call = scheduler.post('http://x', rpcBody('getAddressInformation'), {}).catch((e: unknown) => e);
    await vi.runAllTimersAsync();
    const error = (await call) as RpcError;
    expect(error).toBeInstanceOf(RpcError);
    expect(error).toMatchObject({ kind: 'bad-request', status: 416, attempts: 1, method: 'getAddressInformation' });
    expect(error.message).toContain('Incorrect address');
    expect(calls).toHaveBeenCalledTimes(1);
    expect(rpcCounters.failures).toBe(1);
  });

  it('gives up after maxRetries on network errors', async () => {
    const { fetch, calls } = scriptedFetch([new TypeError('fetch failed')]);
    const scheduler = createRpcScheduler({ maxRps: 1000, fetch, maxRetries: 2, baseDelayMs: 10 });
    const call = scheduler.post('http://x', rpcBody('sendBoc'), {}).catch((e: unknown) => e);
    await vi.runAllTimersAsync();
    expect(await call).toMatchObject({ kind: 'network', attempts: 3 });
    expect(calls).toHaveBeenCalledTimes(3);
  });

  it('reports server errors once retries are exhausted', async () => {
    const { fetch } = scriptedFetch([{ status: 500, body: { ok: false, error: 'LITE_SERVER_UNKNOWN', code: 500 } }]);
    const scheduler = createRpcScheduler({ maxRps: 1000, fetch, maxRetries: 1, baseDelayMs: 10 });
    const call = scheduler.post('http://x', rpcBody('runGetMethod'), {}).catch((e: unknown) => e);
    await vi.runAllTimersAsync();
    expect(await call).toMatchObject({ kind: 'server', status: 500, attempts: 2 });
  });

  it('parses Retry-After seconds and dates', () => {
    expect(parseRetryAfterMs('2', 0)).toBe(2000);
    expect(parseRetryAfterMs(new Date(10_000).toUTCString(), 4_000)).toBe(6_000);
    expect(parseRetryAfterMs('soon', 0)).toBeUndefined();
    expect(parseRetryAfterMs(undefined, 0)).toBeUndefined();
  });
});

describe('rpc scheduler timeouts (real clock)', () => {
  it('aborts a hanging call and retries it, then reports timeout', async () => {
    let started = 0;
    const hanging = ((_url: RequestInfo | URL, init?: RequestInit) => {
      started++;
      return new Promise<Response>((_resolve, reject) => init?.signal?.addEventListener('abort', () => reject(new Error('aborted'))));
    }) as typeof fetch;
    const scheduler = createRpcScheduler({ maxRps: 1000, fetch: hanging, callTimeoutMs: 20, maxRetries: 1, baseDelayMs: 1 });
    await expect(scheduler.post('http://x', rpcBody('getTransactions'), {})).rejects.toMatchObject({ kind: 'timeout', attempts: 2 });
    expect(started).toBe(2);
  });

  it('stops without retrying when the caller aborts', async () => {
    let started = 0;
    const hanging = ((_url: RequestInfo | URL, init?: RequestInit) => {
      started++;
      return new Promise<Response>((_resolve, reject) => init?.signal?.addEventListener('abort', () => reject(new DOMException('aborted', 'AbortError'))));
    }) as typeof fetch;
    const scheduler = createRpcScheduler({ maxRps: 1000, fetch: hanging, callTimeoutMs: 5_000 });
    const caller = new AbortController();
    const call = scheduler.post('http://x', rpcBody('getTransactions'), {}, caller.signal);
    setTimeout(() => caller.abort(), 10);
    await expect(call).rejects.not.toBeInstanceOf(RpcError);
    expect(started).toBe(1);
  });
});

describe('TonClient through the scheduler', () => {
  const network = { ...networkPreset('devnet', 'http://devnet.test'), apiKey: 'k' };
  const address = Address.parse('EQCD39VS5jcptHL8vMjEXrzGaRcCVYto7HUn4bpAOg8xqB2N');

  it('sends TonClient requests through the adapter with its headers and parses the result', async () => {
    const { fetch, bodies, calls } = scriptedFetch([{ status: 200, body: { ok: true, result: { balance: '123', state: 'active' } } }]);
    const rpc = createTonRpcWith(TonClient, network, { fetch });
    // getBalance reads only `balance`; TonClient validates the rest of the shape with zod, so use the raw call
    const result = await rpc.call('getAddressInformation', { address: address.toString() });
    expect(result).toEqual({ balance: '123', state: 'active' });
    const init = calls.mock.calls[0][1] as RequestInit;
    expect((init.headers as Record<string, string>)['X-API-Key']).toBe('k');
    expect(JSON.parse(bodies[0])).toMatchObject({ method: 'getAddressInformation', params: { address: address.toString() } });
  });

  it('surfaces RpcError unchanged through TonClient', async () => {
    const { fetch, calls } = scriptedFetch([{ status: 401, body: { ok: false, error: 'API key does not exist', code: 401 } }]);
    const rpc = createTonRpcWith(TonClient, network, { fetch });
    const error = await rpc.client.getBalance(address).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(RpcError);
    expect(error).toMatchObject({ kind: 'bad-request', status: 401, method: 'getAddressInformation' });
    const init = calls.mock.calls[0][1] as RequestInit;
    expect((init.headers as Record<string, string>)['X-Ton-Client-Version']).toBeDefined();
  });

  it('the app\'s lazily loaded TonClient answers through the same scheduler, and awaiting it does not hang', async () => {
    const { fetch, calls } = scriptedFetch([{ status: 401, body: { ok: false, error: 'API key does not exist', code: 401 } }]);
    const rpc = createTonRpc(network, { fetch });
    // not thenable: an async function may return it
    expect(await Promise.resolve(rpc.client)).toBe(rpc.client);
    expect(calls).not.toHaveBeenCalled();
    const error = await rpc.client.getBalance(address).catch((e: unknown) => e);
    expect(error).toMatchObject({ kind: 'bad-request', status: 401, method: 'getAddressInformation' });
    expect((calls.mock.calls[0][1] as RequestInit).headers).toMatchObject({ 'X-API-Key': 'k' });
  });

  it('runGetMethod serializes arguments and parses the stack', async () => {
    const { fetch, bodies } = scriptedFetch([
      { status: 200, body: { ok: true, result: { gas_used: 10, exit_code: 0, stack: [['num', '0x2a'], ['num', '-0x1'], ['null']] } } },
    ]);
    const rpc = createTonRpcWith(TonClient, network, { fetch });
    const result = await rpc.runGetMethod(address, 'some_method', [{ type: 'int', value: -5n }]);
    expect(JSON.parse(bodies[0]).params).toEqual({ address: address.toString(), method: 'some_method', stack: [['num', '-5']] });
    expect(result).toEqual({
      exitCode: 0,
      gasUsed: 10,
      stack: [
        { type: 'int', value: 42n },
        { type: 'int', value: -1n },
        { type: 'null' },
      ],
    });
  });
});

describe('getTonRpc', () => {
  it('shares one client per endpoint and key', async () => {
    const { getTonRpc } = await import('./client');
    const devnet = networkPreset('devnet', 'http://shared.test');
    const first = getTonRpc(devnet);
    expect(getTonRpc({ ...devnet })).toBe(first);
    expect(getTonRpc({ ...devnet, apiKey: 'other' })).not.toBe(first);
  });
});

describe('caller abort before the request starts', () => {
  it('does not send and does not retry', async () => {
    const { fetch, calls } = scriptedFetch([{ status: 200 }]);
    const aborting = (async (url: RequestInfo | URL, init?: RequestInit) => {
      if (init?.signal?.aborted) throw new DOMException('aborted', 'AbortError');
      return fetch(url, init);
    }) as typeof fetch;
    const scheduler = createRpcScheduler({ maxRps: 1000, fetch: aborting });
    const caller = new AbortController();
    caller.abort();
    await expect(scheduler.post('http://x', rpcBody('getTransactions'), {}, caller.signal)).rejects.not.toBeInstanceOf(RpcError);
    expect(calls).not.toHaveBeenCalled();
  });
});
