import { Address } from '@ton/core';
import { describe, expect, it } from 'vitest';
import { networkPreset } from '../ton/networks';
import { fromJson, persistedInitialData, persistKey, readPersisted, toJson, writePersisted, type PersistStorage } from './persisted';

const network = networkPreset('devnet');

function memoryStorage(): PersistStorage & { data: Map<string, string> } {
  const data = new Map<string, string>();
  return {
    data,
    getItem: (key) => data.get(key) ?? null,
    setItem: (key, value) => void data.set(key, value),
    removeItem: (key) => void data.delete(key),
  };
}

interface Sample {
  owner: string;
  amounts: bigint[];
  nested: { lt: bigint; time: number; note: string | null };
}
const isSample = (value: unknown): value is Sample => !!value && typeof value === 'object' && Array.isArray((value as Sample).amounts);

const owner = Address.parse('0:' + 'ab'.repeat(32));
const sample: Sample = { owner: owner.toRawString(), amounts: [0n, -5n, 2n ** 70n], nested: { lt: 123_456_789_012_345n, time: 1_700_000_000, note: null } };

describe('toJson / fromJson', () => {
  it('round-trips bigints (also beyond 2^53, negative and zero) and Addresses stored as raw strings', () => {
    const back = fromJson(toJson(sample)) as Sample;
    expect(back).toEqual(sample);
    expect(typeof back.amounts[2]).toBe('bigint');
    expect(Address.parse(back.owner).equals(owner)).toBe(true);
  });

  it('leaves look-alike objects that are not a bigint alone', () => {
    expect(fromJson('{"$bigint":"12x"}')).toEqual({ $bigint: '12x' });
    expect(fromJson('{"$bigint":"1","other":2}')).toEqual({ $bigint: '1', other: 2 });
  });
});

describe('persisted entries', () => {
  const key = persistKey('sample', 1, network, 'a', 'b');

  it('names keys lst:<name>:v<version>:<network>:<parts>', () => {
    expect(key).toBe('lst:sample:v1:devnet:a:b');
  });

  it('reads back what was written, with when it was saved', () => {
    const storage = memoryStorage();
    writePersisted(key, sample, { tag: 'x', storage, now: 42 });
    expect(readPersisted(key, { tag: 'x', check: isSample, storage })).toEqual({ data: sample, savedAt: 42 });
  });

  it('ignores an entry with another tag, and a write replaces it (one entry per key)', () => {
    const storage = memoryStorage();
    writePersisted(key, sample, { tag: 'old', storage });
    expect(readPersisted(key, { tag: 'new', check: isSample, storage })).toBeUndefined();
    writePersisted(key, sample, { tag: 'new', storage });
    expect(storage.data.size).toBe(1);
    expect(readPersisted(key, { tag: 'old', check: isSample, storage })).toBeUndefined();
    expect(readPersisted(key, { tag: 'new', check: isSample, storage })?.data).toEqual(sample);
  });

  it('ignores corrupt JSON, a foreign shape and data that fails the check', () => {
    const storage = memoryStorage();
    for (const text of ['{not json', 'null', '"text"', '{"tag":"x","savedAt":"soon","data":{}}', '{"tag":"x","savedAt":1,"data":{"amounts":"no"}}']) {
      storage.data.set(key, text);
      expect(readPersisted(key, { tag: 'x', check: isSample, storage })).toBeUndefined();
    }
  });

  it('survives storage that throws: quota on write, security errors on read', () => {
    const throwing: PersistStorage = {
      getItem: () => {
        throw new Error('SecurityError');
      },
      setItem: () => {
        throw new DOMException('full', 'QuotaExceededError');
      },
      removeItem: () => undefined,
    };
    expect(() => writePersisted(key, sample, { tag: 'x', storage: throwing })).not.toThrow();
    expect(readPersisted(key, { tag: 'x', check: isSample, storage: throwing })).toBeUndefined();
  });

  it('without storage (Node, private mode) nothing is cached and nothing fails', () => {
    expect(() => writePersisted(key, sample, { tag: 'x', storage: null })).not.toThrow();
    expect(readPersisted(key, { tag: 'x', check: isSample, storage: null })).toBeUndefined();
    // Node has no localStorage: the default is memory only.
    expect(readPersisted(key, { tag: 'x', check: isSample })).toBeUndefined();
  });
});

describe('persistedInitialData', () => {
  it('reads storage once, lazily, for both initialData and initialDataUpdatedAt', () => {
    const storage = memoryStorage();
    writePersisted('k', sample, { tag: 't', storage, now: 7 });
    let reads = 0;
    const counting: PersistStorage = { ...storage, getItem: (k) => (reads++, storage.getItem(k)) };
    const initial = persistedInitialData('k', { tag: 't', check: isSample, storage: counting });
    expect(reads).toBe(0);
    expect(initial.initialData()).toEqual(sample);
    expect(initial.initialDataUpdatedAt()).toBe(7);
    expect(reads).toBe(1);
  });

  it('gives nothing without a key or a matching entry', () => {
    const storage = memoryStorage();
    expect(persistedInitialData(null, { tag: 't', check: isSample, storage }).initialData()).toBeUndefined();
    const missing = persistedInitialData('k', { tag: 't', check: isSample, storage });
    expect(missing.initialData()).toBeUndefined();
    expect(missing.initialDataUpdatedAt()).toBeUndefined();
  });
});
