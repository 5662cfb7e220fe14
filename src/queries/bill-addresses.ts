// Bill item addresses kept across reloads: fixed by collection and index, so listing a user's bills after a reload
// asks get_collection_data and get_nft_data only (see BillAddressBook in ton/bills.ts).
import { Address } from '@ton/core';
import type { BillAddressBook } from '../ton/bills';
import type { NetworkConfig } from '../ton/networks';
import { persistKey, readPersisted, writePersisted, type PersistStorage } from './persisted';

/** `<collection raw>#<index>` → item address (raw). */
type StoredAddresses = Record<string, string>;

function isStoredAddresses(data: unknown): data is StoredAddresses {
  return typeof data === 'object' && data !== null && !Array.isArray(data) && Object.values(data).every((value) => typeof value === 'string');
}

export interface PersistedBillAddressBook extends BillAddressBook {
  /** Writes what was learned since the book was opened (nothing when nothing was). */
  save(): void;
}

/**
 * One entry per network and pool, tagged with the round's two collections: the next round's listing replaces it,
 * so old rounds' addresses do not pile up. `storage` null: memory only.
 */
export function persistedBillAddressBook(
  network: Pick<NetworkConfig, 'name'>,
  pool: string,
  collections: (Address | null)[],
  storage?: PersistStorage | null,
): PersistedBillAddressBook {
  const key = persistKey('bill-addresses', 1, network, Address.parse(pool).toRawString());
  const tag = collections.map((collection) => collection?.toRawString() ?? '-').join('|');
  const known: StoredAddresses = { ...readPersisted(key, { tag, check: isStoredAddresses, storage })?.data };
  const id = (collection: Address, index: bigint) => `${collection.toRawString()}#${index}`;
  let learned = false;
  return {
    get(collection, index) {
      const raw = known[id(collection, index)];
      if (!raw || !Address.isRaw(raw)) return undefined;
      return Address.parseRaw(raw);
    },
    set(collection, index, address) {
      known[id(collection, index)] = address.toRawString();
      learned = true;
    },
    save() {
      if (learned) writePersisted(key, known, { tag, storage });
      learned = false;
    },
  };
}
