import { createTonRpc, type TonRpc } from '../../../ton/client';
import type { NetworkConfig } from '../../../ton/networks';

// One throttled client per endpoint, so every read from this feature shares the endpoint's request budget.
// (If other features need the same, this belongs next to createTonRpc in src/ton/client.ts.)
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
