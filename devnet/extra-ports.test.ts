// DEVNET_EXTRA_API_PORTS: a second port serves the same chain through the same handler, so the same rules, and is
// closed with the devnet.
import { mkdtempSync, rmSync } from 'node:fs';
import { request as httpRequest } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { memoryLogger } from './logger';
import { startDevnet, type RunningDevnet } from './server';

const stateDir = mkdtempSync(join(tmpdir(), 'lst-devnet-extra-'));
let devnet: RunningDevnet;
let secondUrl = '';

beforeAll(async () => {
  devnet = await startDevnet({ port: 0, extraApiPorts: [0], stateDir, reset: true, logger: memoryLogger(), saveDebounceMs: 50 });
  secondUrl = `http://127.0.0.1:${devnet.extraPorts[0]}`;
});

afterAll(async () => {
  await devnet?.close();
  rmSync(stateDir, { recursive: true, force: true });
});

const rpc = (base: string, method: string, params: Record<string, unknown> = {}, headers: Record<string, string> = {}) =>
  fetch(`${base}/jsonRPC`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', ...headers },
    body: JSON.stringify({ id: 1, jsonrpc: '2.0', method, params }),
  });

describe('extra API ports', () => {
  it('binds another port that serves the same chain', async () => {
    expect(devnet.extraPorts).toHaveLength(1);
    expect(devnet.extraPorts[0]).not.toBe(devnet.port);
    const [main, second] = await Promise.all([devnet.url, secondUrl].map(async (base) => (await (await rpc(base, 'getMasterchainInfo')).json()) as { result: { last: { seqno: number } } }));
    expect(second.result.last).toEqual(main.result.last);
    const address = (await devnet.devWallets.account('extra-port')).address.toString();
    const balances = await Promise.all(
      [devnet.url, secondUrl].map(async (base) => ((await (await rpc(base, 'getAddressBalance', { address })).json()) as { result: string }).result),
    );
    expect(balances[0]).toMatch(/^\d+$/);
    expect(balances[1]).toBe(balances[0]);
  });

  it('answers every request exactly as the main port does: same status, same CORS and error envelope', async () => {
    const origin = { Origin: 'http://127.0.0.1:5173' };
    const requests: [string, RequestInit][] = [
      ['/jsonRPC', { method: 'OPTIONS', headers: { ...origin, 'Access-Control-Request-Method': 'POST', 'Access-Control-Request-Headers': 'content-type,x-api-key' } }],
      ['/jsonRPC', { method: 'POST', headers: { ...origin, 'Content-Type': 'application/json' }, body: '{not json' }],
      ['/jsonRPC', { method: 'POST', headers: { 'Content-Type': 'application/json', Origin: 'https://evil.example' }, body: JSON.stringify({ id: 1, jsonrpc: '2.0', method: 'getMasterchainInfo', params: {} }) }],
      ['/devnet/faucet', { method: 'POST', headers: { ...origin, 'Content-Type': 'text/plain' }, body: '{}' }],
      ['/no-such-route', { headers: origin }],
    ];
    for (const [path, init] of requests) {
      const [main, second] = await Promise.all([devnet.url, secondUrl].map((base) => fetch(base + path, init)));
      const relevant = (response: Response) => ({
        status: response.status,
        allowOrigin: response.headers.get('access-control-allow-origin'),
        allowHeaders: response.headers.get('access-control-allow-headers'),
      });
      expect(relevant(second), `${init.method ?? 'GET'} ${path}`).toEqual(relevant(main));
      const [mainText, secondText] = await Promise.all([main.text(), second.text()]);
      expect(secondText.replace(/"seqno":\d+/g, ''), path).toBe(mainText.replace(/"seqno":\d+/g, ''));
    }
  });

  it('refuses what the main port refuses: a foreign origin, a rebound Host, a mutating call without its header', async () => {
    const foreign = await rpc(secondUrl, 'getMasterchainInfo', {}, { Origin: 'https://evil.example' });
    expect(foreign.status).toBe(403);
    const faucet = await fetch(`${secondUrl}/devnet/faucet`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ address: `0:${'ab'.repeat(32)}`, amount: '1' }),
    });
    expect(faucet.status).toBe(403);
    const rebound = await new Promise<number>((resolve, reject) => {
      const request = httpRequest(
        { host: '127.0.0.1', port: devnet.extraPorts[0], path: '/devnet/config', headers: { Host: `attacker.example:${devnet.extraPorts[0]}` } },
        (response) => {
          response.resume();
          resolve(response.statusCode ?? 0);
        },
      );
      request.on('error', reject);
      request.end();
    });
    expect(rebound).toBe(403);
  });

  it('closes the extra port with the devnet', async () => {
    await devnet.close();
    await expect(fetch(`${secondUrl}/jsonRPC`)).rejects.toThrow();
  });
});
