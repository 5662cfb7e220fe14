import { queryOptions, skipToken } from '@tanstack/react-query';
import type { TonRpc } from '../../../ton/client';
import type { NetworkConfig } from '../../../ton/networks';

export const BALANCE_REFETCH_MS = 15_000;

/**
 * src/ton/client pulls @ton/core (via its stack parser), so it is loaded on the first read, not with the app shell.
 * Through queries/rpc, like every other read: the user's endpoints and fail-over apply here too.
 */
async function loadSharedRpc(network: NetworkConfig): Promise<TonRpc> {
  const { loadTonRpc } = await import('../../../queries/rpc');
  return loadTonRpc(network);
}

/** Native coin balance in nano of `address` (raw "0:<hex>" or friendly); disabled until an address is known. */
export function tonBalanceQuery(
  network: NetworkConfig,
  address: string | undefined,
  loadRpc: (network: NetworkConfig) => Promise<Pick<TonRpc, 'client'>> = loadSharedRpc,
) {
  return queryOptions({
    queryKey: ['ton', network.name, 'balance', address] as const,
    queryFn: address
      ? async (): Promise<bigint> => {
          const [rpc, { Address }] = await Promise.all([loadRpc(network), import('@ton/core')]);
          return rpc.client.getBalance(Address.parse(address));
        }
      : skipToken,
    refetchInterval: BALANCE_REFETCH_MS,
    staleTime: 5_000,
  });
}
