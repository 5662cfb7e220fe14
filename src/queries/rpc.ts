import { getTonRpc, type TonRpc } from '../ton/client';
import type { NetworkConfig } from '../ton/networks';

export type RpcLoader = (network: NetworkConfig) => Promise<TonRpc>;

/**
 * The app's one throttled client per endpoint (ton/client's getTonRpc), so every chain read shares the endpoint's
 * request budget. It imports @ton/ton on demand, which keeps it out of the initial bundle.
 */
export const loadTonRpc: RpcLoader = getTonRpc;
