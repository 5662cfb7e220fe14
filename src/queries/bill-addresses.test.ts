import { Address } from '@ton/core';
import { describe, expect, it } from 'vitest';
import { networkPreset } from '../ton/networks';
import { persistedBillAddressBook } from './bill-addresses';
import type { PersistStorage } from './persisted';

const network = networkPreset('devnet');
const pool = '0:' + '11'.repeat(32);
const depositCollection = Address.parse('0:' + '22'.repeat(32));
const withdrawalCollection = Address.parse('0:' + '33'.repeat(32));
const nextRoundCollection = Address.parse('0:' + '44'.repeat(32));
const item = (n: number) => Address.parse('0:' + n.toString(16).padStart(2, '0').repeat(32));

function memoryStorage(): PersistStorage & { data: Map<string, string> } {
  const data = new Map<string, string>();
  return { data, getItem: (key) => data.get(key) ?? null, setItem: (key, value) => void data.set(key, value), removeItem: (key) => void data.delete(key) };
}

describe('persistedBillAddressBook', () => {
  it('remembers item addresses across books (reloads) for the same round, per collection and index', () => {
    const storage = memoryStorage();
    const first = persistedBillAddressBook(network, pool, [depositCollection, withdrawalCollection], storage);
    expect(first.get(depositCollection, 0n)).toBeUndefined();
    first.set(depositCollection, 0n, item(0xa0));
    first.set(withdrawalCollection, 0n, item(0xb0));
    first.save();

    const reloaded = persistedBillAddressBook(network, pool, [depositCollection, withdrawalCollection], storage);
    expect(reloaded.get(depositCollection, 0n)?.equals(item(0xa0))).toBe(true);
    expect(reloaded.get(withdrawalCollection, 0n)?.equals(item(0xb0))).toBe(true);
    expect(reloaded.get(depositCollection, 1n)).toBeUndefined();
  });

  it('starts empty for a new round and then replaces the old round in storage (one entry per pool)', () => {
    const storage = memoryStorage();
    const round1 = persistedBillAddressBook(network, pool, [depositCollection, withdrawalCollection], storage);
    round1.set(depositCollection, 0n, item(0xa0));
    round1.save();
    const round2 = persistedBillAddressBook(network, pool, [nextRoundCollection, null], storage);
    expect(round2.get(depositCollection, 0n)).toBeUndefined();
    round2.set(nextRoundCollection, 0n, item(0xc0));
    round2.save();
    expect(storage.data.size).toBe(1);
    expect(persistedBillAddressBook(network, pool, [depositCollection, withdrawalCollection], storage).get(depositCollection, 0n)).toBeUndefined();
  });

  it('writes nothing when nothing was learned, and ignores entries that are not raw addresses', () => {
    const storage = memoryStorage();
    persistedBillAddressBook(network, pool, [depositCollection, null], storage).save();
    expect(storage.data.size).toBe(0);

    const book = persistedBillAddressBook(network, pool, [depositCollection, null], storage);
    book.set(depositCollection, 0n, item(0xa0));
    book.save();
    const [key] = [...storage.data.keys()];
    storage.data.set(key, storage.data.get(key)!.replace(item(0xa0).toRawString(), 'not-an-address'));
    expect(persistedBillAddressBook(network, pool, [depositCollection, null], storage).get(depositCollection, 0n)).toBeUndefined();
  });
});
