// The owner's own transactions, read once and shared: the position flows (rewards) and the bills (which items the
// owner was assigned, which payouts arrived) both come from this one read. Kept in localStorage per network + owner
// + pool as the small event records of ton/owner-history.ts, and extended only with pages newer than the newest
// transaction read. Whether anything is new comes from the account state (its last transaction, read with the
// balance anyway), so a reload with nothing new costs no request at all.
import { queryOptions, skipToken } from '@tanstack/react-query';
import { Address, type Transaction } from '@ton/core';
import { readTransactionPages, type CompletedRound, type TxCursor } from '../ton/history';
import type { NetworkConfig } from '../ton/networks';
import { mergeEvents, ownerEvents, type OwnerEvent } from '../ton/owner-history';
import type { AccountState } from './account-state';
import { browserStorage, persistKey, readPersisted, writePersisted, type PersistStorage } from './persisted';
import { loadPageReader, type PageReader } from './rpc';

/** toncenter v2 answers at most 100 transactions per getTransactions. */
export const OWNER_PAGE_SIZE = 100;
/** A cold read stops here at the latest (a staker's wallet rarely has more); older flows are then marked incomplete. */
export const OWNER_COLD_PAGES = 5;
/** A refresh that needs more pages than this has been away too long: the history is read afresh. */
export const OWNER_REFRESH_MAX_PAGES = 10;
const OWNER_STORE_VERSION = 1;

export interface OwnerHistory {
  /** Ascending by lt. */
  events: OwnerEvent[];
  /** The newest transaction read; the next refresh asks only for transactions after it. */
  newest: TxCursor | null;
  /** Where reading older transactions would continue; null once the account's first transaction was read. */
  olderFrom: TxCursor | null;
}

export const EMPTY_OWNER_HISTORY: OwnerHistory = { events: [], newest: null, olderFrom: null };

export interface OwnerHistoryDeps {
  /** How pages of the owner's transactions are read: loadPageReader by default. */
  pageReader?: PageReader;
  /** localStorage by default; null: memory only. */
  storage?: PersistStorage | null;
}

function isCursor(value: unknown): value is TxCursor | null {
  if (value === null) return true;
  const c = value as Record<string, unknown> | undefined;
  return !!c && typeof c.lt === 'bigint' && typeof c.hash === 'string';
}

function isOwnerHistory(value: unknown): value is OwnerHistory {
  if (!value || typeof value !== 'object') return false;
  const h = value as Record<string, unknown>;
  return (
    isCursor(h.newest) &&
    isCursor(h.olderFrom) &&
    Array.isArray(h.events) &&
    h.events.every((e: Record<string, unknown>) => typeof e.lt === 'bigint' && typeof e.time === 'number' && typeof e.peer === 'string' && typeof e.value === 'bigint')
  );
}

/** One entry per network + owner + pool; tagged with the pTON wallet the events were picked for. */
export function ownerHistoryStorageKey(network: Pick<NetworkConfig, 'name'>, owner: string, pool: string): string {
  return persistKey('owner-history', OWNER_STORE_VERSION, network, Address.parse(owner).toRawString(), Address.parse(pool).toRawString());
}

function cursorOf(transaction: Transaction): TxCursor {
  return { lt: transaction.lt, hash: transaction.hash().toString('base64') };
}

/** True when `history` already holds the account's last transaction: nothing to read. */
export function ownerHistoryIsCurrent(history: OwnerHistory | undefined, lastTx: AccountState['lastTx'] | undefined): boolean {
  if (!history || lastTx === undefined) return false;
  if (lastTx === null) return history.newest === null;
  return history.newest !== null && history.newest.lt >= lastTx.lt;
}

/**
 * Bills that can still be pending were minted in the pool's current round, or in the one before while its payouts
 * are on their way: after the rotation that opened that round. Round k's completion is logged with the rotation
 * to k+2, so the second newest completion read opened the previous round. Null when the history is too short to say.
 */
export function pendingBillsSince(rounds: Pick<CompletedRound, 'endTime'>[]): number | null {
  return rounds.length >= 2 ? rounds[rounds.length - 2].endTime : null;
}

export interface OwnerHistoryParams {
  network: NetworkConfig;
  owner: string;
  pool: string;
  ptonWallet: string;
  lastTx: AccountState['lastTx'];
  /** Cold read only: how far back bills can still be pending (unix seconds); asked only when a second page would be read. */
  coldSince?: () => Promise<number | null>;
}

/** Reads what is new since the stored history (or, cold, the newest pages back to `coldSince`), then stores it. */
export async function refreshOwnerHistory(params: OwnerHistoryParams, deps: OwnerHistoryDeps = {}): Promise<OwnerHistory> {
  const { network, owner, pool, ptonWallet, lastTx } = params;
  const key = ownerHistoryStorageKey(network, owner, pool);
  const tag = Address.parse(ptonWallet).toRawString();
  const stored = readPersisted(key, { tag, check: isOwnerHistory, storage: deps.storage })?.data;
  // A devnet reset redeploys everything: a stored newest transaction the account no longer reaches is from another chain.
  const base = stored && (lastTx === null ? stored.newest === null : !stored.newest || stored.newest.lt <= lastTx.lt) ? stored : EMPTY_OWNER_HISTORY;
  if (ownerHistoryIsCurrent(base, lastTx)) return base;

  const context = { pool: Address.parse(pool), ptonWallet: Address.parse(ptonWallet) };
  const fetchPage = await (deps.pageReader ?? loadPageReader)(network, Address.parse(owner));
  let next: OwnerHistory | null = null;
  if (base.newest) {
    const read = await readTransactionPages(fetchPage, { pageSize: OWNER_PAGE_SIZE, maxPages: OWNER_REFRESH_MAX_PAGES, sinceLt: base.newest.lt });
    // A read that did not reach the stored newest transaction would leave a hole: start over instead.
    if (read.reachedEnd) {
      next = {
        events: mergeEvents(base.events, ownerEvents(read.transactions, context)),
        newest: read.transactions[0] ? cursorOf(read.transactions[0]) : base.newest,
        olderFrom: base.olderFrom,
      };
    }
  }
  if (!next) {
    const read = await readTransactionPages(fetchPage, { pageSize: OWNER_PAGE_SIZE, maxPages: OWNER_COLD_PAGES, stopBefore: params.coldSince });
    const oldest = read.transactions[read.transactions.length - 1];
    next = {
      events: ownerEvents(read.transactions, context),
      newest: read.transactions[0] ? cursorOf(read.transactions[0]) : null,
      olderFrom: read.reachedEnd || !oldest ? null : cursorOf(oldest),
    };
  }
  writePersisted(key, next, { tag, storage: deps.storage });
  return next;
}

/**
 * The owner's history up to the account's last transaction (`lastTx`, from accountStateQuery: part of the key, so a
 * new transaction means one incremental read and nothing else does). A reload with nothing new starts from storage
 * and reads nothing.
 */
export function ownerHistoryQuery(
  params: Omit<OwnerHistoryParams, 'owner' | 'pool' | 'ptonWallet' | 'lastTx'> & {
    owner: string | undefined;
    pool: string | undefined;
    ptonWallet: string | undefined;
    lastTx: AccountState['lastTx'] | undefined;
  },
  deps: OwnerHistoryDeps = {},
) {
  const { network, owner, pool, ptonWallet, lastTx } = params;
  const ready = owner && pool && ptonWallet && lastTx !== undefined;
  return queryOptions({
    queryKey: ['ton', network.name, 'owner-history', owner, pool, lastTx === undefined ? undefined : (lastTx?.lt.toString() ?? 'none')] as const,
    queryFn: ready ? () => refreshOwnerHistory({ ...params, owner, pool, ptonWallet, lastTx }, deps) : skipToken,
    initialData: () => {
      if (!ready) return undefined;
      const storage = deps.storage === undefined ? browserStorage() : deps.storage;
      const stored = readPersisted(ownerHistoryStorageKey(network, owner, pool), { tag: Address.parse(ptonWallet).toRawString(), check: isOwnerHistory, storage })?.data;
      return ownerHistoryIsCurrent(stored, lastTx) ? stored : undefined;
    },
    // Under one last transaction the history is final.
    staleTime: Number.POSITIVE_INFINITY,
    gcTime: 10 * 60_000,
    refetchOnWindowFocus: false,
  });
}
