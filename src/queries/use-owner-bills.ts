// The owner's account state, own history and bills from the shared cache: the position and bills panels read the
// same entries, so both mounted cost one set of requests.
import { useQueryClient } from '@tanstack/react-query';
import { useQuery } from './use-query';
import { useCallback, useMemo, useState } from 'react';
import { usePendingTransactions } from '../stores/pending-transactions';
import { useWatchAddress } from '../stores/watch-address';
import type { NetworkConfig } from '../ton/networks';
import type { PoolFullData } from '../ton/pool';
import { accountStateQuery } from './account-state';
import { billBookQuery } from './bills';
import { ownerHistoryQuery, ownerHistoryStorageKey, pendingBillsSince } from './owner-history';
import { browserStorage } from './persisted';
import { ptonWalletFor } from './pool';
import { roundHistoryQuery } from './round-history';

/** Keeps the last data while a new key loads, but never across owners (a wallet switch shows a skeleton). */
function sameOwner<T>(owner: string | undefined, ownerAt: number) {
  return (previous: T | undefined, query: { queryKey: readonly unknown[] } | undefined) => (query?.queryKey[ownerAt] === owner ? previous : undefined);
}

/**
 * Whether the owner's history (bills, flows) is read now. The panels that show it sit below the first screen, so a
 * cold first visit reads it only once one of them comes near the viewport (`nearViewport`): the first screen then
 * costs one request less. It is read at once when this browser has read it before (a reload then costs nothing new,
 * and a bill paid meanwhile is still noticed), while the app tracks a transaction of its own, and when an address is
 * watched (its history is what the view is for). Once wanted, it stays wanted for this owner and pool.
 */
function useHistoryWanted(network: NetworkConfig, owner: string | undefined, poolAddress: string | undefined, nearViewport: boolean): boolean {
  const watching = useWatchAddress((state) => state.watched !== null);
  const tracking = usePendingTransactions((state) => Object.values(state.transactions).some(Boolean));
  const readBefore = useMemo(() => {
    if (!owner || !poolAddress) return false;
    try {
      return (browserStorage()?.getItem(ownerHistoryStorageKey(network, owner, poolAddress)) ?? null) !== null;
    } catch {
      return false;
    }
  }, [network, owner, poolAddress]);
  const key = `${owner}|${poolAddress}`;
  const [latched, setLatched] = useState<string | null>(null);
  const wantedNow = nearViewport || watching || tracking || readBefore;
  if (wantedNow && latched !== key) setLatched(key);
  return wantedNow || latched === key;
}

export function useOwnerBills(
  network: NetworkConfig,
  owner: string | undefined,
  poolAddress: string | undefined,
  pool: PoolFullData | undefined,
  { nearViewport }: { nearViewport: boolean },
) {
  const queryClient = useQueryClient();
  const historyWanted = useHistoryWanted(network, owner, poolAddress, nearViewport);
  // Polled in a background tab too: a bill paid while the user looks elsewhere is noticed (and notified) at once.
  // One getAddressInformation per balance interval; everything else follows from a changed last transaction.
  const account = useQuery({ ...accountStateQuery(network, owner), refetchIntervalInBackground: true });
  const ptonWallet = ptonWalletFor(pool, owner);
  const currentRoundId = pool?.currentRound.roundId;
  // Asked only by a cold read that needs a second page: the round history (shared with the stats) says how far back.
  const coldSince = useCallback(async () => {
    if (!poolAddress || currentRoundId === undefined) return null;
    try {
      return pendingBillsSince((await queryClient.ensureQueryData(roundHistoryQuery(network, poolAddress, currentRoundId))).rounds);
    } catch {
      return null;
    }
  }, [queryClient, network, poolAddress, currentRoundId]);
  const history = useQuery({
    ...ownerHistoryQuery({ network, owner, pool: poolAddress, ptonWallet, lastTx: account.data?.lastTx, coldSince }),
    placeholderData: sameOwner(owner, 3),
    enabled: historyWanted,
  });
  const book = useQuery({ ...billBookQuery(network, owner, poolAddress, ptonWallet, history.data), placeholderData: sameOwner(owner, 4) });
  return { account, ptonWallet, history, book };
}
