// Everything the staking, unstaking and bills panels read, from one set of shared queries (one cache entry each).
import { useWatchAddress } from '../stores/watch-address';
import { useQuery } from './use-query';
import { useWallet } from '../stores/wallet-connection';
import type { NetworkConfig } from '../ton/networks';
import { tonBalanceQuery } from './account-state';
import { poolQuery, poolRefetchMs, ptonBalanceQuery, ptonWalletFor } from './pool';
import { usePoolJettonTicker } from './use-jetton-ticker';
import { useSelectedPool } from './use-selected-pool';

export function useStakingContext(network: NetworkConfig) {
  const wallet = useWallet();
  // a watched address (read-only view) replaces the connected wallet's everywhere it is read
  const watched = useWatchAddress((state) => state.watched);
  const owner = watched ?? wallet?.account.address;
  const selection = useSelectedPool(network);
  const protocol = selection.protocol;
  const pool = useQuery(poolQuery(network, selection.address, undefined, poolRefetchMs(protocol.data?.roundSeconds)));
  const tonBalance = useQuery(tonBalanceQuery(network, owner));
  const jettonTicker = usePoolJettonTicker(network, selection.preset, pool.data?.jettonMinter.toRawString());
  const ptonWallet = ptonWalletFor(pool.data, owner);
  const ptonBalance = useQuery(ptonBalanceQuery(network, ptonWallet));
  return {
    wallet,
    owner,
    /** Showing a watched address: read-only, nothing may be sent. */
    watching: watched !== null,
    /** The wallet is on another chain than the app: nothing may be sent. */
    wrongChain: wallet && watched === null ? wallet.account.chain !== network.chain : false,
    protocol,
    /** The pool the panels read and send to (the user's choice or the network's default). */
    poolAddress: selection.address,
    selection,
    pool,
    tonBalance,
    ptonWallet,
    ptonBalance,
    tickers: { native: network.nativeTicker, jetton: jettonTicker },
  };
}

export type StakingContext = ReturnType<typeof useStakingContext>;
