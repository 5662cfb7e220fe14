import { queryOptions, skipToken } from '@tanstack/react-query';
import type { NetworkConfig } from '../../../ton/networks';
import { loadTonClient } from './ton-client';

export const BALANCE_REFETCH_MS = 15_000;

/** Native coin balance in nano of `address` (raw "0:<hex>" or friendly); disabled until an address is known. */
export function tonBalanceQuery(network: NetworkConfig, address: string | undefined) {
  return queryOptions({
    queryKey: ['ton', network.name, 'balance', address] as const,
    queryFn: address
      ? async (): Promise<bigint> => {
          const [client, { Address }] = await Promise.all([loadTonClient(network), import('@ton/ton')]);
          return client.getBalance(Address.parse(address));
        }
      : skipToken,
    refetchInterval: BALANCE_REFETCH_MS,
    staleTime: 5_000,
  });
}
