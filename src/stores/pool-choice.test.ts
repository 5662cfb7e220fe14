import { describe, expect, it } from 'vitest';
import type { StateStorage } from 'zustand/middleware';
import { createPoolChoiceStore, poolFromSearch, urlWithPool } from './pool-choice';

function memoryStorage(): StateStorage & { data: Map<string, string> } {
  const data = new Map<string, string>();
  return { data, getItem: (k) => data.get(k) ?? null, setItem: (k, v) => void data.set(k, v), removeItem: (k) => void data.delete(k) };
}

const poolA = `0:${'aa'.repeat(32)}`;
const poolB = `0:${'bb'.repeat(32)}`;

describe('pool choice store', () => {
  it('keeps the choice and the confirmations per network, across a reload', () => {
    const storage = memoryStorage();
    const store = createPoolChoiceStore(storage, '');
    store.getState().select('testnet', poolA);
    store.getState().select('mainnet', poolB);
    store.getState().confirm('mainnet', poolB);
    store.getState().confirm('mainnet', poolB);
    const reloaded = createPoolChoiceStore(storage, '').getState();
    expect(reloaded.selected).toEqual({ testnet: poolA, mainnet: poolB });
    expect(reloaded.confirmed).toEqual({ mainnet: [poolB] });
    reloaded.select('mainnet', null);
    expect(createPoolChoiceStore(storage, '').getState().selected).toEqual({ testnet: poolA });
  });

  it('holds the page link\'s ?pool= until checked, and never persists it or a refusal', () => {
    const storage = memoryStorage();
    const store = createPoolChoiceStore(storage, `?x=1&pool=${encodeURIComponent(poolA)}`);
    expect(store.getState().linked).toBe(poolA);
    const problem = { ok: false, reason: 'invalid' } as const;
    store.getState().settleLink({ address: poolA, problem });
    expect(store.getState()).toMatchObject({ linked: null, refusedLink: { address: poolA, problem } });
    expect(createPoolChoiceStore(storage, '').getState()).toMatchObject({ linked: null, refusedLink: null });
  });

  it('reads and writes the ?pool= of a URL, keeping the rest', () => {
    expect(poolFromSearch('?pool=%20EQabc%20')).toBe('EQabc');
    expect(poolFromSearch('?pool=')).toBeNull();
    expect(urlWithPool('https://app.example/base/?x=1', 'EQabc')).toBe('https://app.example/base/?x=1&pool=EQabc');
    expect(urlWithPool('https://app.example/base/?pool=EQabc&x=1', null)).toBe('https://app.example/base/?x=1');
  });
});
