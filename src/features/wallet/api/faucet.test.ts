import { afterEach, describe, expect, it, vi } from 'vitest';
import { requestTestCoins } from './faucet';

afterEach(() => vi.unstubAllGlobals());

describe('requestTestCoins', () => {
  it('posts nanoTON as a decimal string with the headers the devnet requires of mutating routes', async () => {
    const calls: [string, RequestInit | undefined][] = [];
    vi.stubGlobal('fetch', async (url: string, init?: RequestInit) => {
      calls.push([url, init]);
      return Response.json({ ok: true, result: {} });
    });
    await requestTestCoins('http://127.0.0.1:8081', '0QAbc', 5_000_000_000n);
    expect(calls).toEqual([
      [
        'http://127.0.0.1:8081/devnet/faucet',
        {
          method: 'POST',
          headers: { 'content-type': 'application/json', 'x-devnet-request': '1' },
          body: JSON.stringify({ address: '0QAbc', amount: '5000000000' }),
        },
      ],
    ]);
  });

  it('reports a refusal with its status and reason', async () => {
    vi.stubGlobal('fetch', async () => new Response('{"ok":false,"error":"origin not allowed"}', { status: 403 }));
    await expect(requestTestCoins('http://127.0.0.1:8081', '0QAbc', 1n)).rejects.toThrow(/403.*origin not allowed/);
  });
});
