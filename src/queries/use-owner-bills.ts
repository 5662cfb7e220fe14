// The owner's account state, own history and bills from the shared cache: the position and bills panels read the
// same entries, so both mounted cost one set of requests.
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useCallback } from 'react';
import type { NetworkConfig } from '../ton/networks';
import type { PoolFullData } from '../ton/pool';
import { accountStateQuery } from './account-state';
import { billBookQuery } from './bills';
import { ownerHistoryQuery, pendingBillsSince } from './owner-history';
import { ptonWalletFor } from './pool';
import { roundHistoryQuery } from './round-history';

/** Keeps the last data while a new key loads, but never across owners (a wallet switch shows a skeleton). */
function sameOwner<T>(owner: string | undefined, ownerAt: number) {
  return (previous: T | undefined, query: { queryKey: readonly unknown[] } | undefined) => (query?.queryKey[ownerAt] === owner ? previous : undefined);
}

export function useOwnerBills(network: NetworkConfig, owner: string | undefined, poolAddress: string | undefined, pool: PoolFullData | undefined) {
  const queryClient = useQueryClient();
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
  });
  const book = useQuery({ ...billBookQuery(network, owner, poolAddress, ptonWallet, history.data), placeholderData: sameOwner(owner, 4) });
  return { account, ptonWallet, history, book };
}
