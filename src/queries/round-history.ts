// The pool's round history as a query: persisted in localStorage per network + pool, and refreshed incrementally
// (only transactions newer than the cached newest lt). It is re-read when the pool's round id shows a round
// finished that the history does not have yet, so a reload or an idle dashboard costs no history requests between
// rounds (loan and repayment counts of the running round are caught up at its end).
import { queryOptions, skipToken, type QueryClient } from '@tanstack/react-query';
import { Address } from '@ton/core';
import {
  appendNewer,
  appendOlder,
  deserializeHistory,
  EMPTY_HISTORY,
  isCacheFromAnotherChain,
  readTransactionPages,
  serializeHistory,
  type RoundHistory,
} from '../ton/history';
import type { NetworkConfig } from '../ton/networks';
import { browserStorage, persistKey, type PersistStorage } from './persisted';
import { loadPageReader, type PageReader } from './rpc';

/** toncenter v2 answers at most 100 transactions per getTransactions. */
export const HISTORY_PAGE_SIZE = 100;
/** Cold start: about this many pages of the newest transactions; older rounds load on request ("Load older"). */
export const COLD_START_PAGES = 5;
/**
 * ...and no more pages once this many completed rounds are read: what the tiles need (the current APY's 10 rounds,
 * with one more as its base). A first visit to a quiet pool then costs one history request.
 */
export const COLD_START_ROUNDS = 11;
/** A refresh that needs more pages than this has been away too long: the cache is dropped and read afresh. */
export const REFRESH_MAX_PAGES = 10;
export const LOAD_OLDER_PAGES = 10;

export type HistoryStorage = PersistStorage;

export interface RoundHistoryDeps {
  /** How pages of the pool's transactions are read: loadPageReader by default. */
  pageReader?: PageReader;
  /** localStorage by default; absent (SSR, private mode errors) means memory only. */
  storage?: HistoryStorage | null;
}

export function historyStorageKey(network: NetworkConfig, pool: string): string {
  return persistKey('pool-rounds', 1, network, Address.parse(pool).toRawString());
}

function save(storage: HistoryStorage | null, key: string, history: RoundHistory): void {
  try {
    storage?.setItem(key, serializeHistory(history));
  } catch {
    // quota or private mode: the history still lives in the query cache for this session
  }
}

/** The last completed round a pool at `currentRoundId` must have logged (completion of k comes with rotation to k+2). */
export function expectedNewestRound(currentRoundId: number): number {
  return currentRoundId - 2;
}

/** True while the pool's get-method shows a finished round that the history has not read yet. */
export function historyIsBehind(history: RoundHistory | undefined, currentRoundId: number | undefined): boolean {
  if (!history || currentRoundId === undefined) return false;
  const newest = history.rounds[history.rounds.length - 1];
  return (newest?.roundId ?? -1) < expectedNewestRound(currentRoundId);
}

/** Reads what is new since the cached history (or a first window of it), then persists it. */
export async function refreshRoundHistory(
  network: NetworkConfig,
  pool: string,
  previous: RoundHistory | undefined,
  currentRoundId: number | undefined,
  deps: RoundHistoryDeps = {},
): Promise<RoundHistory> {
  const storage = deps.storage === undefined ? browserStorage() : deps.storage;
  const key = historyStorageKey(network, pool);
  let base = previous ?? deserializeHistory(storage?.getItem(key) ?? null) ?? EMPTY_HISTORY;
  if (currentRoundId !== undefined && isCacheFromAnotherChain(base, currentRoundId)) base = EMPTY_HISTORY;
  // The pool's round id says whether a round finished since: if not, the cached history is complete and costs nothing.
  if (base.newest && currentRoundId !== undefined && !historyIsBehind(base, currentRoundId)) return base;

  const fetchPage = await (deps.pageReader ?? loadPageReader)(network, Address.parse(pool));
  const read = await readTransactionPages(fetchPage, {
    pageSize: HISTORY_PAGE_SIZE,
    maxPages: base.newest ? REFRESH_MAX_PAGES : COLD_START_PAGES,
    sinceLt: base.newest?.lt,
    enough: base.newest ? undefined : (transactions) => appendNewer(EMPTY_HISTORY, transactions, false).rounds.length >= COLD_START_ROUNDS,
  });
  // An incremental read that did not reach the cached newest transaction would leave a hole: start over from it.
  const next = base.newest && !read.reachedEnd ? appendNewer(EMPTY_HISTORY, read.transactions, false) : appendNewer(base, read.transactions, read.reachedEnd);
  save(storage, key, next);
  return next;
}

export function roundHistoryQuery(network: NetworkConfig, pool: string | undefined, currentRoundId: number | undefined, deps: RoundHistoryDeps = {}) {
  const queryKey = ['ton', network.name, 'pool-rounds', pool] as const;
  return queryOptions({
    queryKey,
    queryFn:
      pool && currentRoundId !== undefined
        ? ({ client }): Promise<RoundHistory> => refreshRoundHistory(network, pool, client.getQueryData<RoundHistory>(queryKey), currentRoundId, deps)
        : skipToken,
    // History changes once per round; the pool query (polled anyway) tells when, see refetchInterval.
    staleTime: 5 * 60_000,
    gcTime: 30 * 60_000,
    refetchOnWindowFocus: false,
    // Poll only while the pool says a round finished that we have not read (the rotation transaction may lag the getter).
    refetchInterval: (query) => (historyIsBehind(query.state.data, currentRoundId) ? (network.name === 'devnet' ? 5_000 : 60_000) : false),
  });
}

/** Reads older pages below the oldest transaction read so far and merges them into the cached history. */
export async function loadOlderRounds(queryClient: QueryClient, network: NetworkConfig, pool: string, deps: RoundHistoryDeps = {}): Promise<RoundHistory | undefined> {
  const queryKey = ['ton', network.name, 'pool-rounds', pool] as const;
  const current = queryClient.getQueryData<RoundHistory>(queryKey);
  if (!current?.olderFrom) return current;
  const fetchPage = await (deps.pageReader ?? loadPageReader)(network, Address.parse(pool));
  const read = await readTransactionPages(fetchPage, {
    pageSize: HISTORY_PAGE_SIZE,
    maxPages: LOAD_OLDER_PAGES,
    startBelow: current.olderFrom,
  });
  const next = appendOlder(current, read.transactions, read.reachedEnd);
  queryClient.setQueryData(queryKey, next);
  save(deps.storage === undefined ? browserStorage() : deps.storage, historyStorageKey(network, pool), next);
  return next;
}
