import { describe, expect, it } from 'vitest';
import { effectiveEndpoints, endpointLabel, endpointProblemText, parseEndpointList, probeEndpoint, readEndpoints } from './endpoints';
import { networkPreset } from './networks';

const testnet = networkPreset('testnet');

describe('VITE_TON_ENDPOINTS', () => {
  it('reads an ordered list with optional per-entry key and budget', () => {
    expect(
      parseEndpointList(' https://a.example/jsonRPC#key=k1&rps=25 , https://b.example/api/v2/jsonRPC,https://c.example/jsonRPC#key=k3', {
        keylessRps: 1,
      }),
    ).toEqual([
      { url: 'https://a.example/jsonRPC', apiKey: 'k1', maxRps: 25, source: 'config' },
      { url: 'https://b.example/api/v2/jsonRPC', apiKey: undefined, maxRps: 1, source: 'config' },
      { url: 'https://c.example/jsonRPC', apiKey: 'k3', maxRps: 10, source: 'config' },
    ]);
  });

  it('refuses entries that are not http(s) URLs, unknown options and bad budgets', () => {
    expect(() => parseEndpointList('ws://a.example/jsonRPC', { keylessRps: 1 })).toThrow(/only http\(s\)/);
    expect(() => parseEndpointList('toncenter.com', { keylessRps: 1 })).toThrow(/not a URL/);
    expect(() => parseEndpointList('https://a.example/#apikey=x', { keylessRps: 1 })).toThrow(/unknown option "apikey"/);
    expect(() => parseEndpointList('https://a.example/#rps=0', { keylessRps: 1 })).toThrow(/positive/);
  });

  it('takes precedence over VITE_TON_ENDPOINT; VITE_TON_MAX_RPS is the default budget', () => {
    const endpoints = readEndpoints(
      { VITE_TON_ENDPOINTS: 'https://a.example/jsonRPC,https://b.example/jsonRPC#rps=3', VITE_TON_ENDPOINT: 'https://old.example/jsonRPC', VITE_TON_MAX_RPS: '5' },
      testnet,
    );
    expect(endpoints.map((endpoint) => [endpoint.url, endpoint.maxRps])).toEqual([
      ['https://a.example/jsonRPC', 5],
      ['https://b.example/jsonRPC', 3],
    ]);
  });

  it('keeps VITE_TON_ENDPOINT and VITE_TON_API_KEY working as a one-entry list', () => {
    expect(readEndpoints({ VITE_TON_ENDPOINT: 'https://proxy.example/jsonRPC', VITE_TON_API_KEY: 'k' }, testnet)).toEqual([
      { url: 'https://proxy.example/jsonRPC', apiKey: 'k', maxRps: 10, source: 'config' },
    ]);
    expect(readEndpoints({}, testnet)).toEqual([{ url: testnet.endpoint, apiKey: undefined, maxRps: 1, source: 'config' }]);
  });

  it('puts the user’s endpoints first and drops duplicates', () => {
    const config = readEndpoints({ VITE_TON_ENDPOINTS: 'https://a.example/jsonRPC,https://b.example/jsonRPC' }, testnet);
    const user = [{ url: 'https://b.example/jsonRPC', apiKey: 'mine', maxRps: 10, source: 'user' as const }];
    expect(effectiveEndpoints(config, user).map((endpoint) => [endpoint.url, endpoint.source])).toEqual([
      ['https://b.example/jsonRPC', 'user'],
      ['https://a.example/jsonRPC', 'config'],
    ]);
  });

  it('labels an endpoint by host and path, never its key', () => {
    expect(endpointLabel({ url: 'https://toncenter.com/api/v2/jsonRPC' })).toBe('toncenter.com/api/v2/jsonRPC');
  });
});

describe('probeEndpoint', () => {
  const answer = (status: number, text: string) => (async () => new Response(text, { status })) as unknown as typeof fetch;
  const masterchain = JSON.stringify({ ok: true, result: { '@type': 'blocks.masterchainInfo', last: { workchain: -1, seqno: 42 } } });

  it('accepts a toncenter v2 masterchain answer and sends the key', async () => {
    let sentKey: string | undefined;
    const fetchStub = (async (_url: RequestInfo | URL, init?: RequestInit) => {
      sentKey = (init?.headers as Record<string, string>)['X-API-Key'];
      expect(JSON.parse(String(init?.body)).method).toBe('getMasterchainInfo');
      return new Response(masterchain, { status: 200 });
    }) as typeof fetch;
    expect(await probeEndpoint({ url: 'https://a.example/jsonRPC', apiKey: 'k' }, { fetch: fetchStub })).toEqual({ ok: true, seqno: 42 });
    expect(sentKey).toBe('k');
  });

  it('refuses garbage, errors, wrong shapes and what is not http(s), with a reason', async () => {
    const url = 'https://a.example/jsonRPC';
    const refused = async (target: string, fetchImpl: typeof fetch) => {
      const result = await probeEndpoint({ url: target }, { fetch: fetchImpl });
      if (result.ok) throw new Error('accepted');
      return { problem: result.problem, text: endpointProblemText(result.problem) };
    };
    expect(await refused(url, answer(200, '<html>hello</html>'))).toMatchObject({ problem: { code: 'not-json', status: 200 }, text: /not JSON/ });
    expect(await refused(url, answer(500, '{"ok":false,"error":"down"}'))).toMatchObject({ problem: { code: 'no-result', status: 500, detail: 'down' }, text: /HTTP 500.*down/ });
    expect(await refused(url, answer(401, '{"ok":false,"error":"API key does not exist"}'))).toMatchObject({ problem: { code: 'refused', status: 401 }, text: /API key/ });
    expect(await refused(url, answer(200, '{"ok":true,"result":{"last":{"seqno":"x"}}}'))).toMatchObject({ problem: { code: 'not-a-block' }, text: /not a toncenter v2/ });
    expect(await refused('javascript:alert(1)', answer(200, masterchain))).toMatchObject({ problem: { code: 'protocol', protocol: 'javascript:' }, text: /http\(s\)/ });
    const unreachable = (async () => {
      throw new TypeError('Failed to fetch');
    }) as unknown as typeof fetch;
    expect(await refused(url, unreachable)).toMatchObject({ problem: { code: 'unreachable', detail: 'Failed to fetch' }, text: /could not reach it \(Failed to fetch\)/ });
  });
});
