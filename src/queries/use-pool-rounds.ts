// Pool data and its round history from the shared cache: the stats, rounds and position panels all read these
// same entries, so mounting all three costs one set of requests.
import { useQuery } from './use-query';
import { useMemo } from 'react';
import { poolQuery } from './pool';
import { useSelectedPool } from './use-selected-pool';
import { roundPoints } from '../ton/history';
import type { NetworkConfig } from '../ton/networks';
import { roundHistoryQuery } from './round-history';

export function usePoolRounds(network: NetworkConfig) {
  const selection = useSelectedPool(network);
  const protocol = selection.protocol;
  const poolAddress = selection.address;
  const pool = useQuery(poolQuery(network, poolAddress));
  const currentRoundId = pool.data?.currentRound.roundId;
  const history = useQuery(roundHistoryQuery(network, poolAddress, currentRoundId));
  const points = useMemo(() => roundPoints(history.data?.rounds ?? []), [history.data]);
  return { protocol, selection, poolAddress, pool, history, points };
}
