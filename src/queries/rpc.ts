import { createTonRpc, type TonRpc } from '../ton/client';
import type { NetworkConfig } from '../ton/networks';

// One throttled client per endpoint for every shared chain read, so they share the endpoint's request budget.
const rpcs = new Map<string, Promise<TonRpc>>();

/** createTonRpc imports @ton/ton on demand, which keeps it out of the initial bundle. */
export function loadTonRpc(network: NetworkConfig): Promise<TonRpc> {
  const key = `${network.endpoint}|${network.apiKey ?? ''}`;
  let rpc = rpcs.get(key);
  if (!rpc) {
    rpc = createTonRpc(network);
    // A failed chunk load must not stick: the next read tries again.
    rpc.catch(() => rpcs.delete(key));
    rpcs.set(key, rpc);
  }
  return rpc;
}

export type RpcLoader = (network: NetworkConfig) => Promise<TonRpc>;
