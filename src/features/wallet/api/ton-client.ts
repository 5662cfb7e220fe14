// Local, lazily loaded TonClient until src/ton/client.ts (throttled, retrying) lands; then this file goes.
import type { TonClient } from '@ton/ton';
import type { NetworkConfig } from '../../../ton/networks';

const clients = new Map<string, Promise<TonClient>>();

/** @ton/ton is ~100 KB gz: load it on the first chain read, not with the initial bundle. */
export function loadTonClient(network: Pick<NetworkConfig, 'endpoint' | 'apiKey'>): Promise<TonClient> {
  const key = `${network.endpoint}|${network.apiKey ?? ''}`;
  let client = clients.get(key);
  if (!client) {
    client = import('@ton/ton').then(({ TonClient }) => new TonClient({ endpoint: network.endpoint, apiKey: network.apiKey }));
    // A failed chunk load must not stick: the next read retries the import.
    client.catch(() => clients.delete(key));
    clients.set(key, client);
  }
  return client;
}
