// The owner's account as one read (getAddressInformation): its TON balance and its last transaction. The wallet
// panel, the staking forms and the position all read the balance from this one cache entry, and the last
// transaction tells the owner-history read (queries/owner-history.ts) whether anything happened since it last
// looked, at no extra request.
import { queryOptions, skipToken } from '@tanstack/react-query';
import type { TonRpc } from '../ton/client';
import type { NetworkConfig } from '../ton/networks';

export const BALANCE_REFETCH_MS = 15_000;

export interface AccountState {
  balance: bigint;
  /** The account's newest transaction; null while it has none. */
  lastTx: { lt: bigint; hash: string } | null;
}

/**
 * src/ton/client pulls @ton/core (via its stack parser), so it is loaded on the first read, not with the app shell.
 * Through queries/rpc, like every other read: the user's endpoints and fail-over apply here too.
 */
async function loadSharedRpc(network: NetworkConfig): Promise<Pick<TonRpc, 'client'>> {
  const { loadTonRpc } = await import('./rpc');
  return loadTonRpc(network);
}

export type AccountRpcLoader = (network: NetworkConfig) => Promise<Pick<TonRpc, 'client'>>;

/** Balance and last transaction of `address` (raw "0:<hex>" or friendly); idle until an address is known. */
export function accountStateQuery(network: NetworkConfig, address: string | undefined, loadRpc: AccountRpcLoader = loadSharedRpc) {
  return queryOptions({
    // 'balance': the scope every transaction invalidates (queries/pool.ts invalidateAfterTransaction).
    queryKey: ['ton', network.name, 'balance', address] as const,
    queryFn: address
      ? async (): Promise<AccountState> => {
          const [rpc, { Address }] = await Promise.all([loadRpc(network), import('@ton/core')]);
          const state = await rpc.client.getContractState(Address.parse(address));
          const last = state.lastTransaction;
          return { balance: state.balance, lastTx: last ? { lt: BigInt(last.lt), hash: last.hash } : null };
        }
      : skipToken,
    refetchInterval: BALANCE_REFETCH_MS,
    staleTime: 5_000,
  });
}

/** Native coin balance in nano: the account state's balance (same cache entry, same request). */
export function tonBalanceQuery(network: NetworkConfig, address: string | undefined, loadRpc?: AccountRpcLoader) {
  return queryOptions({ ...accountStateQuery(network, address, loadRpc), select: (state: AccountState) => state.balance });
}
