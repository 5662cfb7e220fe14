// Client state of the RPC layer: the endpoints the user added (kept in this browser's local storage only; each key is
// sent to its own endpoint and nowhere else) and which endpoint is answering now (published by queries/rpc.ts).
import { create } from 'zustand';
import { createJSONStorage, persist, type StateStorage } from 'zustand/middleware';
import type { RpcEndpoint } from '../ton/endpoints';
import type { NetworkName } from '../ton/networks';

export interface UserEndpoint {
  url: string;
  apiKey?: string;
}

interface RpcEndpointsState {
  /** Per network: a devnet endpoint means nothing on mainnet. */
  user: Partial<Record<NetworkName, UserEndpoint[]>>;
  add(network: NetworkName, endpoint: UserEndpoint): void;
  remove(network: NetworkName, url: string): void;
}

const noStorage: StateStorage = { getItem: () => null, setItem: () => undefined, removeItem: () => undefined };

export function createRpcEndpointsStore(storage: StateStorage = typeof localStorage === 'undefined' ? noStorage : localStorage) {
  return create<RpcEndpointsState>()(
    persist(
      (set) => ({
        user: {},
        add(network, endpoint) {
          set((state) => {
            const others = (state.user[network] ?? []).filter((entry) => entry.url !== endpoint.url);
            return { user: { ...state.user, [network]: [...others, endpoint] } };
          });
        },
        remove(network, url) {
          set((state) => ({ user: { ...state.user, [network]: (state.user[network] ?? []).filter((entry) => entry.url !== url) } }));
        },
      }),
      { name: 'lst-rpc-endpoints', storage: createJSONStorage(() => storage), partialize: (state) => ({ user: state.user }) },
    ),
  );
}

export const useRpcEndpoints = createRpcEndpointsStore();

/** A user endpoint as the scheduler takes it: its budget is the network's keyless or keyed default. */
export function toRpcEndpoint(endpoint: UserEndpoint, maxRps: number): RpcEndpoint {
  return { url: endpoint.url, apiKey: endpoint.apiKey || undefined, maxRps, source: 'user' };
}

export interface RpcStatusState {
  /** Every endpoint in fail-over order and the one answering now; empty until the RPC layer has loaded. */
  endpoints: readonly RpcEndpoint[];
  activeIndex: number;
}

/** Which endpoint answers, mirrored from the scheduler so the UI can say so without loading the RPC layer. */
export const useRpcStatus = create<RpcStatusState>()(() => ({ endpoints: [], activeIndex: 0 }));
