import { queryOptions, skipToken } from '@tanstack/react-query';
import { Address, type Transaction } from '@ton/core';
import { readTransactionPages } from '../../../ton/history';
import type { TonRpc } from '../../../ton/client';
import type { NetworkConfig } from '../../../ton/networks';
import { loadTonRpc } from '../../../queries/rpc';
import { positionFlows, type PositionFlows } from '../utils/flows';

/** A staker's wallet rarely has more: beyond this the rewards figure is marked incomplete. */
export const ACCOUNT_PAGES = 5;
const PAGE_SIZE = 100;

export interface AccountFlows extends PositionFlows {
  /** False when older transactions were not read (ACCOUNT_PAGES reached). */
  complete: boolean;
}

/**
 * The owner's flows with the pool. `positionVersion` (pTON balance and bill count) is part of the key: the flows are
 * re-read when the position changes, never on a timer.
 */
export function accountFlowsQuery(
  network: NetworkConfig,
  owner: string | undefined,
  pool: string | undefined,
  ptonWallet: string | undefined,
  positionVersion: string | undefined,
  loadRpc: (network: NetworkConfig) => Promise<Pick<TonRpc, 'client'>> = loadTonRpc,
) {
  return queryOptions({
    queryKey: ['ton', network.name, 'account-flows', owner, pool, positionVersion] as const,
    queryFn:
      owner && pool && ptonWallet && positionVersion !== undefined
        ? async (): Promise<AccountFlows> => {
            const rpc = await loadRpc(network);
            const address = Address.parse(owner);
            const read = await readTransactionPages(
              ({ limit, lt, hash }) => rpc.client.getTransactions(address, { limit, lt, hash, archival: true }) as Promise<Transaction[]>,
              { pageSize: PAGE_SIZE, maxPages: ACCOUNT_PAGES },
            );
            return { ...positionFlows(read.transactions, { pool: Address.parse(pool), ptonWallet: Address.parse(ptonWallet) }), complete: read.reachedEnd };
          }
        : skipToken,
    staleTime: 10 * 60_000,
    refetchOnWindowFocus: false,
  });
}
