import type { Address } from '@ton/core';
import { getTonRpc, type TonRpc } from '../ton/client';
import { defaultMaxRps, effectiveEndpoints, type RpcEndpoint } from '../ton/endpoints';
import type { TransactionPageFetcher } from '../ton/history';
import { configuredEndpoints, networkPreset, type NetworkConfig } from '../ton/networks';
import { transactionPageFetcher } from '../ton/transactions';
import { toRpcEndpoint, useRpcEndpoints, useRpcStatus } from '../stores/rpc-endpoints';

export type RpcLoader = (network: NetworkConfig) => Promise<TonRpc>;

/** The user's endpoints for this network (first), then the configured ones. */
export function endpointsFor(network: NetworkConfig, user = useRpcEndpoints.getState().user[network.name] ?? []): RpcEndpoint[] {
  const keylessRps = networkPreset(network.name).maxRps;
  return effectiveEndpoints(
    configuredEndpoints(network),
    user.map((endpoint) => toRpcEndpoint(endpoint, defaultMaxRps(endpoint.apiKey, keylessRps))),
  );
}

const bound = new WeakSet<TonRpc>();

/** Keeps the scheduler's list in step with the user's endpoints and publishes which endpoint answers. */
function bindToSettings(rpc: TonRpc): void {
  if (bound.has(rpc)) return;
  bound.add(rpc);
  let applied = '';
  const apply = () => {
    const endpoints = endpointsFor(rpc.network);
    const key = JSON.stringify(endpoints);
    if (key === applied) return;
    applied = key;
    rpc.scheduler.setEndpoints(endpoints);
  };
  const publish = () => useRpcStatus.setState(rpc.scheduler.status());
  rpc.scheduler.subscribe(publish);
  apply();
  publish();
  useRpcEndpoints.subscribe(apply);
}

/**
 * The app's one throttled, failing-over client per network (ton/client's getTonRpc), so every chain read shares each
 * endpoint's request budget and health. Its TonClient imports @ton/ton on its first call, which keeps it out of the
 * initial bundle and out of a visit without a wallet.
 */
export const loadTonRpc: RpcLoader = async (network) => {
  const rpc = getTonRpc(network);
  bindToSettings(rpc);
  return rpc;
};

/** How pages of an account's transactions are read; injectable so tests can serve made-up pages. */
export type PageReader = (network: NetworkConfig, account: Address) => Promise<TransactionPageFetcher>;

/** Over the shared RPC, each page parsed a few transactions at a time (ton/transactions.ts). */
export const loadPageReader: PageReader = async (network, account) => transactionPageFetcher(await loadTonRpc(network), account);
