// Shared chain reads for the staking flows: pool data, pool liquidity, pTON wallet and balance, pTON metadata (the TON
// balance is queries/account-state.ts, the bills queries/bills.ts). Keys start with ['ton', network, …]; every
// factory is idle (skipToken) until its inputs are known.
import { queryOptions, skipToken, type QueryClient } from '@tanstack/react-query';
import { Address } from '@ton/core';
import { guardJettonSymbol, jettonWalletAddress, readJettonData, readJettonWallet, resolveJettonMetadata, type JettonMetadata } from '../ton/jetton';
import type { NetworkConfig } from '../ton/networks';
import { GetMethodError } from '../ton/client';
import { readPoolFullData, UnsupportedPoolError, type PoolFullData } from '../ton/pool';
import { persistedInitialData, persistKey, writePersisted, type PersistStorage } from './persisted';
import { loadTonRpc, type RpcLoader } from './rpc';

/** Re-read the pool a few times per round on short (devnet) rounds, every 20 s otherwise. */
export function poolRefetchMs(roundSeconds: number | null | undefined): number {
  return roundSeconds ? Math.max(2_000, Math.min(20_000, roundSeconds * 250)) : 20_000;
}

export function poolQuery(network: NetworkConfig, pool: string | undefined, loadRpc: RpcLoader = loadTonRpc, refetchMs = 20_000) {
  return queryOptions({
    queryKey: ['ton', network.name, 'pool', pool] as const,
    queryFn: pool
      ? async (): Promise<PoolFullData> => readPoolFullData(await loadRpc(network), Address.parse(pool))
      : skipToken,
    // Rates move once per round; projected figures with every deposit. Fresh enough for previews, cheap enough for toncenter.
    staleTime: Math.min(10_000, refetchMs),
    refetchInterval: refetchMs,
    // An unknown layout or an account that is no pool answers the same on a retry: say so at once.
    retry: (failures, error) => !(error instanceof UnsupportedPoolError || error instanceof GetMethodError) && failures < 2,
  });
}

/**
 * The pool as it is right now: a read that skips the cache (and refreshes it, so every panel shows it). A send is
 * checked against it, so a flag the halter just changed (deposits closed, optimistic off, halted) stops the send
 * instead of surprising the user.
 */
export function readPoolNow(queryClient: QueryClient, network: NetworkConfig, pool: string, loadRpc: RpcLoader = loadTonRpc): Promise<PoolFullData> {
  return queryClient.fetchQuery({ ...poolQuery(network, pool, loadRpc), staleTime: 0 });
}

/** The pool's liquidity right now, as readPoolNow. */
export function readPoolLiquidityNow(queryClient: QueryClient, network: NetworkConfig, pool: string, loadRpc: RpcLoader = loadTonRpc): Promise<bigint> {
  return queryClient.fetchQuery({ ...poolLiquidityQuery(network, pool, true, loadRpc), staleTime: 0 });
}

/**
 * The pool contract's own TON balance: what instant withdrawals are paid from. Only the unstake quotes need it, and
 * only once there is something to quote (`needed`: pTON held and an amount typed), so a plain visit never reads it.
 */
export function poolLiquidityQuery(network: NetworkConfig, pool: string | undefined, needed: boolean, loadRpc: RpcLoader = loadTonRpc, refetchMs = 20_000) {
  return queryOptions({
    queryKey: ['ton', network.name, 'pool-liquidity', pool] as const,
    queryFn: pool && needed ? async (): Promise<bigint> => (await loadRpc(network)).client.getBalance(Address.parse(pool)) : skipToken,
    // Liquidity moves with every user: as fresh as the pool data while a quote is on screen.
    staleTime: Math.min(10_000, refetchMs),
    refetchInterval: refetchMs,
  });
}

/** The owner's pTON wallet, computed from the pool's wallet code (no RPC). Raw form, or undefined when not ready. */
export function ptonWalletFor(pool: PoolFullData | undefined, owner: string | undefined): string | undefined {
  if (!pool || !owner) return undefined;
  return jettonWalletAddress({ owner: Address.parse(owner), minter: pool.jettonMinter, walletCode: pool.poolJettonWalletCode }).toRawString();
}

/** pTON balance in nano of a pTON wallet (0 while it does not exist). */
export function ptonBalanceQuery(network: NetworkConfig, jettonWallet: string | undefined, loadRpc: RpcLoader = loadTonRpc) {
  return queryOptions({
    queryKey: ['ton', network.name, 'jetton-balance', jettonWallet] as const,
    queryFn: jettonWallet
      ? async (): Promise<bigint> => (await readJettonWallet(await loadRpc(network), Address.parse(jettonWallet))).balance
      : skipToken,
    staleTime: 5_000,
    refetchInterval: 15_000,
  });
}

// 2: symbols posing as the native ticker are replaced before storing (entries of version 1 may hold one).
const METADATA_STORE_VERSION = 2;

/** Metadata can change (the minter's admin may rewrite its content): re-read at least this often. */
export const METADATA_MAX_AGE_MS = 24 * 60 * 60 * 1000;

function isJettonMetadata(value: unknown): value is JettonMetadata {
  if (!value || typeof value !== 'object') return false;
  const m = value as Record<string, unknown>;
  return (
    typeof m.name === 'string' &&
    typeof m.symbol === 'string' &&
    typeof m.description === 'string' &&
    typeof m.decimals === 'number' &&
    (m.image === null || typeof m.image === 'string') &&
    (m.uri === null || typeof m.uri === 'string')
  );
}

export interface MetadataDeps {
  loadRpc?: RpcLoader;
  /** localStorage by default; null: memory only. */
  storage?: PersistStorage | null;
}

/**
 * Name and symbol of the pool jetton, kept in localStorage (one entry per network, tagged with the minter: a new pool
 * replaces it) and read again once a day. A symbol confusable with the native ticker becomes the configured jetton
 * ticker (src/ton/jetton.ts guardJettonSymbol).
 */
export function ptonMetadataQuery(network: NetworkConfig, minter: string | undefined, deps: MetadataDeps = {}) {
  const key = persistKey('jetton-metadata', METADATA_STORE_VERSION, network);
  const tag = minter ? Address.parse(minter).toRawString() : '';
  return queryOptions({
    queryKey: ['ton', network.name, 'jetton-metadata', minter] as const,
    queryFn: minter
      ? async (): Promise<JettonMetadata> => {
          const data = await readJettonData(await (deps.loadRpc ?? loadTonRpc)(network), Address.parse(minter));
          // On-chain fields only: fetching off-chain metadata would leave the machine on devnet and in tests.
          const resolved = await resolveJettonMetadata(data.content, { fallbackSymbol: network.poolJettonTicker });
          const metadata = guardJettonSymbol(resolved, { native: network.nativeTicker, fallback: network.poolJettonTicker });
          writePersisted(key, metadata, { tag, storage: deps.storage });
          return metadata;
        }
      : skipToken,
    ...persistedInitialData(minter ? key : null, { tag, check: isJettonMetadata, storage: deps.storage }),
    // A stored entry older than this is read again on mount; an open tab re-reads on the same period.
    staleTime: METADATA_MAX_AGE_MS,
    refetchInterval: METADATA_MAX_AGE_MS,
  });
}

/** After a transaction: everything it can change is read again, without a page reload. */
export function invalidateAfterTransaction(queryClient: QueryClient, network: NetworkConfig): Promise<void> {
  const scopes = ['balance', 'jetton-balance', 'bills', 'pool', 'pool-liquidity'];
  return Promise.all(scopes.map((scope) => queryClient.invalidateQueries({ queryKey: ['ton', network.name, scope] }))).then(() => undefined);
}
