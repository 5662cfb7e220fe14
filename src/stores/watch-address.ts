// "Watch an address": any account's position, bills and history, read-only, with no wallet connected. Set from
// `?address=` or the watch form; kept in the URL only (a shared link opens the same view), never in storage.
import { Address } from '@ton/core';
import { create } from 'zustand';

/** Why a text is not an address that can be watched; the watch form says it in the reader's language. */
export type WatchAddressError = 'empty' | 'workchain' | 'invalid';

/** The address in raw form (what queries key on), or why it is not one. */
export function parseWatchAddress(input: string): { raw: string } | { error: WatchAddressError } {
  const text = input.trim();
  if (text === '') return { error: 'empty' };
  try {
    const address = Address.parse(text);
    if (address.workChain !== 0 && address.workChain !== -1) return { error: 'workchain' };
    return { raw: address.toRawString() };
  } catch {
    return { error: 'invalid' };
  }
}

interface WatchState {
  /** Raw address being watched; null: the connected wallet's view. */
  watched: string | null;
  /** Why the ?address= of the link was refused (shown once), if it was. */
  refusedLink: WatchAddressError | null;
  watch(raw: string): void;
  stop(): void;
}

function writeUrl(raw: string | null): void {
  if (typeof window === 'undefined') return;
  const url = new URL(window.location.href);
  if (raw) url.searchParams.set('address', raw);
  else url.searchParams.delete('address');
  window.history.replaceState(window.history.state, '', url);
}

function fromUrl(): Pick<WatchState, 'watched' | 'refusedLink'> {
  if (typeof window === 'undefined') return { watched: null, refusedLink: null };
  const param = new URL(window.location.href).searchParams.get('address');
  if (param === null) return { watched: null, refusedLink: null };
  const parsed = parseWatchAddress(param);
  return 'raw' in parsed ? { watched: parsed.raw, refusedLink: null } : { watched: null, refusedLink: parsed.error };
}

export const useWatchAddress = create<WatchState>((set) => ({
  ...fromUrl(),
  watch: (raw) => {
    writeUrl(raw);
    set({ watched: raw, refusedLink: null });
  },
  stop: () => {
    writeUrl(null);
    set({ watched: null });
  },
}));
