import { queryOptions, skipToken } from '@tanstack/react-query';
import { Address } from '@ton/core';
import { readTransactionPages } from '../../../ton/history';
import type { NetworkConfig } from '../../../ton/networks';
import { persistedInitialData, persistKey, writePersisted, type PersistStorage } from '../../../queries/persisted';
import { loadPageReader, type PageReader } from '../../../queries/rpc';
import { positionFlows, type PositionFlows } from '../utils/flows';

/** A staker's wallet rarely has more: beyond this the rewards figure is marked incomplete. */
export const ACCOUNT_PAGES = 5;
const PAGE_SIZE = 100;
const FLOWS_STORE_VERSION = 1;

export interface AccountFlows extends PositionFlows {
  /** False when older transactions were not read (ACCOUNT_PAGES reached). */
  complete: boolean;
}

export interface AccountFlowsDeps {
  /** How pages of the owner's transactions are read: loadPageReader by default. */
  pageReader?: PageReader;
  /** localStorage by default; null: memory only. */
  storage?: PersistStorage | null;
}

function isPtonChange(value: unknown): boolean {
  if (!value || typeof value !== 'object') return false;
  const c = value as Record<string, unknown>;
  return typeof c.time === 'number' && typeof c.lt === 'bigint' && typeof c.delta === 'bigint';
}

/** Shape check for a stored entry (an older or hand-edited one is read afresh). */
export function isAccountFlows(value: unknown): value is AccountFlows {
  if (!value || typeof value !== 'object') return false;
  const f = value as Record<string, unknown>;
  return (
    typeof f.tonSent === 'bigint' &&
    typeof f.tonReceived === 'bigint' &&
    typeof f.deposits === 'number' &&
    typeof f.complete === 'boolean' &&
    (f.firstDepositAt === null || typeof f.firstDepositAt === 'number') &&
    Array.isArray(f.ptonChanges) &&
    f.ptonChanges.every(isPtonChange)
  );
}

/** One entry per network + owner + pool: a new position version replaces the old one. */
export function accountFlowsStorageKey(network: NetworkConfig, owner: string, pool: string): string {
  return persistKey('account-flows', FLOWS_STORE_VERSION, network, Address.parse(owner).toRawString(), Address.parse(pool).toRawString());
}

/**
 * The owner's flows with the pool. `positionVersion` (whatever changes when the owner's wallet or position does:
 * see the position panel) is part of the key: the flows are re-read when it changes, never on a timer. The latest
 * flows are kept in localStorage under that version, so a reload with an unchanged position reads nothing.
 */
export function accountFlowsQuery(
  network: NetworkConfig,
  owner: string | undefined,
  pool: string | undefined,
  ptonWallet: string | undefined,
  positionVersion: string | undefined,
  deps: AccountFlowsDeps = {},
) {
  const ready = owner && pool && ptonWallet && positionVersion !== undefined;
  const storageKey = ready ? accountFlowsStorageKey(network, owner, pool) : null;
  const tag = positionVersion ?? '';
  return queryOptions({
    queryKey: ['ton', network.name, 'account-flows', owner, pool, positionVersion] as const,
    queryFn: ready
      ? async (): Promise<AccountFlows> => {
          const fetchPage = await (deps.pageReader ?? loadPageReader)(network, Address.parse(owner));
          const read = await readTransactionPages(fetchPage, { pageSize: PAGE_SIZE, maxPages: ACCOUNT_PAGES });
          const flows = { ...positionFlows(read.transactions, { pool: Address.parse(pool), ptonWallet: Address.parse(ptonWallet) }), complete: read.reachedEnd };
          if (storageKey) writePersisted(storageKey, flows, { tag, storage: deps.storage });
          return flows;
        }
      : skipToken,
    ...persistedInitialData(storageKey, { tag, check: isAccountFlows, storage: deps.storage }),
    // The version changes with every transaction of the owner's wallet: data under one version does not go stale.
    staleTime: Number.POSITIVE_INFINITY,
    refetchOnWindowFocus: false,
  });
}
