// Client state of the pool picker, per network: the pool the user chose (raw address; none = the network's
// default) and the non-preset pools they confirmed before a first stake, plus the `?pool=` of the page link until
// it is checked. What a pool IS (version, jetton, data) stays in the query cache. Addresses arrive normalized
// (raw form) from src/queries/use-selected-pool.ts, so this module needs no @ton/core.
import { create } from 'zustand';
import { createJSONStorage, persist, type StateStorage } from 'zustand/middleware';
import type { NetworkName } from '../ton/networks';
import type { PoolAddressProblem } from '../ton/pool-presets';

interface PoolChoiceState {
  selected: Partial<Record<NetworkName, string>>;
  confirmed: Partial<Record<NetworkName, string[]>>;
  /** Not persisted: the page link's `?pool=`, until checked. */
  linked: string | null;
  /** Not persisted: a `?pool=` that failed the static checks, with the reason. */
  refusedLink: { address: string; problem: PoolAddressProblem } | null;
  select(network: NetworkName, rawAddress: string | null): void;
  confirm(network: NetworkName, rawAddress: string): void;
  settleLink(refused: { address: string; problem: PoolAddressProblem } | null): void;
}

const noStorage: StateStorage = { getItem: () => null, setItem: () => undefined, removeItem: () => undefined };

/** The `pool` query parameter of a page URL, or null. */
export function poolFromSearch(search: string): string | null {
  const value = new URLSearchParams(search).get('pool');
  return value && value.trim() !== '' ? value.trim() : null;
}

export function createPoolChoiceStore(
  storage: StateStorage = typeof localStorage === 'undefined' ? noStorage : localStorage,
  search: string = typeof window === 'undefined' ? '' : window.location.search,
) {
  return create<PoolChoiceState>()(
    persist(
      (set) => ({
        selected: {},
        confirmed: {},
        linked: poolFromSearch(search),
        refusedLink: null,
        select(network, rawAddress) {
          set((state) => {
            const selected = { ...state.selected };
            if (rawAddress) selected[network] = rawAddress;
            else delete selected[network];
            return { selected };
          });
        },
        confirm(network, rawAddress) {
          set((state) => {
            const list = state.confirmed[network] ?? [];
            return list.includes(rawAddress) ? state : { confirmed: { ...state.confirmed, [network]: [...list, rawAddress] } };
          });
        },
        settleLink(refusedLink) {
          set({ linked: null, refusedLink });
        },
      }),
      {
        name: 'lst-pool-choice',
        storage: createJSONStorage(() => storage),
        partialize: (state) => ({ selected: state.selected, confirmed: state.confirmed }),
        version: 1,
      },
    ),
  );
}

export const usePoolChoice = createPoolChoiceStore();

/** The page URL with `?pool=` set to `friendly` (or removed), the rest kept: the link that shares the choice. */
export function urlWithPool(href: string, friendly: string | null): string {
  const url = new URL(href);
  if (friendly) url.searchParams.set('pool', friendly);
  else url.searchParams.delete('pool');
  return url.toString();
}
