// The user's endpoints reach the shared scheduler, first in the list, and the status the UI reads follows it.
import { describe, expect, it } from 'vitest';
import { networkPreset, type NetworkConfig } from '../ton/networks';
import { useRpcEndpoints, useRpcStatus } from '../stores/rpc-endpoints';
import { endpointsFor, loadTonRpc } from './rpc';

const network: NetworkConfig = {
  ...networkPreset('testnet'),
  endpoints: [
    { url: 'https://a.example/jsonRPC', maxRps: 1, source: 'config' },
    { url: 'https://b.example/jsonRPC', apiKey: 'kb', maxRps: 10, source: 'config' },
  ],
};

describe('loadTonRpc and the user’s endpoints', () => {
  it('puts an added endpoint first (with the keyed budget), mirrors the list for the UI, and drops it when removed', async () => {
    const rpc = await loadTonRpc(network);
    const urls = () => rpc.scheduler.status().endpoints.map((endpoint) => endpoint.url);
    expect(urls()).toEqual(['https://a.example/jsonRPC', 'https://b.example/jsonRPC']);

    useRpcEndpoints.getState().add('testnet', { url: 'https://mine.example/jsonRPC', apiKey: 'mine' });
    expect(urls()).toEqual(['https://mine.example/jsonRPC', 'https://a.example/jsonRPC', 'https://b.example/jsonRPC']);
    expect(rpc.scheduler.status().endpoints[0]).toEqual({ url: 'https://mine.example/jsonRPC', apiKey: 'mine', maxRps: 10, source: 'user' });
    expect(useRpcStatus.getState().endpoints.map((endpoint) => endpoint.url)).toEqual(urls());
    // Another network's list is untouched.
    useRpcEndpoints.getState().add('mainnet', { url: 'https://other.example/jsonRPC' });
    expect(urls()).toHaveLength(3);

    useRpcEndpoints.getState().remove('testnet', 'https://mine.example/jsonRPC');
    expect(urls()).toEqual(['https://a.example/jsonRPC', 'https://b.example/jsonRPC']);
    expect(useRpcStatus.getState().activeIndex).toBe(0);
  });

  it('a user endpoint equal to a configured one replaces it in place of honour, not twice', () => {
    const list = endpointsFor(network, [{ url: 'https://b.example/jsonRPC', apiKey: 'mine' }]);
    expect(list.map((endpoint) => [endpoint.url, endpoint.apiKey, endpoint.source])).toEqual([
      ['https://b.example/jsonRPC', 'mine', 'user'],
      ['https://a.example/jsonRPC', undefined, 'config'],
    ]);
  });
});
