import type { Address } from '@ton/core';
import { getTonRpc, type TonRpc } from '../ton/client';
import type { TransactionPageFetcher } from '../ton/history';
import type { NetworkConfig } from '../ton/networks';
import { transactionPageFetcher } from '../ton/transactions';

export type RpcLoader = (network: NetworkConfig) => Promise<TonRpc>;

/**
 * The app's one throttled client per endpoint (ton/client's getTonRpc), so every chain read shares the endpoint's
 * request budget. It imports @ton/ton on demand, which keeps it out of the initial bundle.
 */
export const loadTonRpc: RpcLoader = getTonRpc;

/** How pages of an account's transactions are read; injectable so tests can serve made-up pages. */
export type PageReader = (network: NetworkConfig, account: Address) => Promise<TransactionPageFetcher>;

/** Over the shared RPC, each page parsed a few transactions at a time (ton/transactions.ts). */
export const loadPageReader: PageReader = async (network, account) => transactionPageFetcher(await loadTonRpc(network), account);
