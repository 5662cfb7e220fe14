// A pool address checked on this network before use (src/ton/pool-check.ts): account, version, code hash, jetton
// and the wallet-address check. Read only when the picker or an unsupported-pool notice needs it.
import { queryOptions, skipToken } from '@tanstack/react-query';
import { Address } from '@ton/core';
import type { NetworkConfig } from '../ton/networks';
import { inspectPool, type PoolInspection } from '../ton/pool-check';
import { loadTonRpc, type RpcLoader } from './rpc';

export function poolInspectionQuery(network: NetworkConfig, pool: string | undefined, probeOwner: string | undefined, loadRpc: RpcLoader = loadTonRpc) {
  return queryOptions({
    queryKey: ['ton', network.name, 'pool-inspection', pool, probeOwner ?? null] as const,
    queryFn: pool
      ? async (): Promise<PoolInspection> => inspectPool(await loadRpc(network), Address.parse(pool), probeOwner ? Address.parse(probeOwner) : undefined)
      : skipToken,
    staleTime: 60_000,
    retry: 1,
  });
}
