// Chain reads that never or rarely change, kept in localStorage across reloads so the next visit does not ask again.
// One entry per key; `tag` says which version of the data the entry holds (a minter, a position version): reading
// with another tag finds nothing, and writing replaces it, so only the latest entry per key is kept. Everything is
// defensive: no storage (Node, private mode), corrupt JSON, a wrong shape or a full quota simply mean "not cached".
// Used through `initialData` + `initialDataUpdatedAt` of a queryOptions factory (see persistedInitialData).
import type { NetworkConfig } from '../ton/networks';

export type PersistStorage = Pick<Storage, 'getItem' | 'setItem' | 'removeItem'>;

/** Every app cache key starts with this (the bench clears them to simulate a first visit). */
export const PERSIST_PREFIX = 'lst:';

/** localStorage when the page has one that can be touched; null otherwise (memory only). */
export function browserStorage(): PersistStorage | null {
  try {
    return typeof localStorage === 'undefined' ? null : localStorage;
  } catch {
    return null;
  }
}

/** `lst:<name>:v<version>:<network>[:<part>…]`. Bump `version` when the stored shape changes. */
export function persistKey(name: string, version: number, network: Pick<NetworkConfig, 'name'>, ...parts: string[]): string {
  return [`${PERSIST_PREFIX}${name}`, `v${version}`, network.name, ...parts].join(':');
}

const BIGINT_TAG = '$bigint';

/** JSON with bigints as `{"$bigint":"123"}`. Addresses and other classes are the caller's to store as strings. */
export function toJson(value: unknown): string {
  return JSON.stringify(value, (_key, item: unknown) => (typeof item === 'bigint' ? { [BIGINT_TAG]: item.toString() } : item));
}

export function fromJson(text: string): unknown {
  return JSON.parse(text, (_key, item: unknown) => {
    if (item && typeof item === 'object' && !Array.isArray(item)) {
      const keys = Object.keys(item);
      const digits = (item as Record<string, unknown>)[BIGINT_TAG];
      if (keys.length === 1 && typeof digits === 'string' && /^-?\d+$/.test(digits)) return BigInt(digits);
    }
    return item;
  });
}

interface StoredEntry {
  tag: string;
  savedAt: number;
  data: unknown;
}

export interface PersistedEntry<T> {
  data: T;
  /** Milliseconds since the epoch, for initialDataUpdatedAt. */
  savedAt: number;
}

export interface PersistOptions<T> {
  /** Which data the entry must hold; an entry with another tag is ignored. */
  tag: string;
  /** Rejects data of an older or foreign shape. */
  check: (data: unknown) => data is T;
  /** browserStorage() when undefined; null: memory only. */
  storage?: PersistStorage | null;
}

export function readPersisted<T>(key: string, { tag, check, storage }: PersistOptions<T>): PersistedEntry<T> | undefined {
  try {
    const text = (storage === undefined ? browserStorage() : storage)?.getItem(key);
    if (!text) return undefined;
    const entry = fromJson(text) as Partial<StoredEntry> | null;
    if (!entry || typeof entry !== 'object' || entry.tag !== tag || typeof entry.savedAt !== 'number' || !check(entry.data)) return undefined;
    return { data: entry.data, savedAt: entry.savedAt };
  } catch {
    return undefined;
  }
}

export function writePersisted<T>(key: string, data: T, { tag, storage, now = Date.now() }: { tag: string; storage?: PersistStorage | null; now?: number }): void {
  try {
    const entry: StoredEntry = { tag, savedAt: now, data };
    (storage === undefined ? browserStorage() : storage)?.setItem(key, toJson(entry));
  } catch {
    // quota, private mode or data JSON cannot hold: the query cache still has it for this session
  }
}

/**
 * `initialData` and `initialDataUpdatedAt` for a queryOptions factory, reading storage at most once per factory
 * call and only when the query cache builds the entry (both are functions).
 */
export function persistedInitialData<T>(key: string | null, options: PersistOptions<T>) {
  let entry: PersistedEntry<T> | null | undefined;
  const load = () => {
    if (entry === undefined) entry = (key === null ? undefined : readPersisted(key, options)) ?? null;
    return entry;
  };
  return {
    initialData: (): T | undefined => load()?.data,
    initialDataUpdatedAt: (): number | undefined => load()?.savedAt,
  };
}
