import { describe, expect, it } from 'vitest';
import type { StateStorage } from 'zustand/middleware';
import { createPendingStore } from './pending-transactions';

function memoryStorage(): StateStorage & { data: Map<string, string> } {
  const data = new Map<string, string>();
  return { data, getItem: (key) => data.get(key) ?? null, setItem: (key, value) => void data.set(key, value), removeItem: (key) => void data.delete(key) };
}

const stake = { id: 'a', kind: 'stake' as const, amount: '5', validUntil: 1 };

describe('pending transactions store', () => {
  it('refuses a second send of the same kind while one is in flight (double click, retry spam)', () => {
    const store = createPendingStore(memoryStorage());
    expect(store.getState().begin(stake)).toBe(true);
    expect(store.getState().begin({ ...stake, id: 'b' })).toBe(false);
    store.getState().update('stake', 'a', { phase: 'sent', normalizedHash: 'ab' });
    expect(store.getState().begin({ ...stake, id: 'b' })).toBe(false);
    // another flow is independent
    expect(store.getState().begin({ ...stake, id: 'c', kind: 'unstake' })).toBe(true);
    store.getState().update('stake', 'a', { phase: 'confirmed' });
    expect(store.getState().begin({ ...stake, id: 'b' })).toBe(true);
    expect(store.getState().transactions.stake).toMatchObject({ id: 'b', phase: 'waiting-wallet' });
  });

  it('drops late updates of a replaced transaction and cannot dismiss one in flight', () => {
    const store = createPendingStore(memoryStorage());
    store.getState().begin(stake);
    store.getState().dismiss('stake');
    expect(store.getState().transactions.stake?.id).toBe('a');
    store.getState().update('stake', 'a', { phase: 'rejected' });
    store.getState().dismiss('stake');
    expect(store.getState().transactions.stake).toBeUndefined();
    store.getState().update('stake', 'a', { phase: 'confirmed' });
    expect(store.getState().transactions.stake).toBeUndefined();
  });

  it('drops the bill list version 1 kept (the chain tells bills now: queries/bills.ts) and keeps its transactions', () => {
    const storage = memoryStorage();
    const kept = { ...stake, phase: 'sent', createdAt: 1 };
    storage.setItem('lst-pending-transactions', JSON.stringify({ state: { bills: { '0:b1': { paidAt: 2000 } }, transactions: { stake: kept } }, version: 1 }));
    const store = createPendingStore(storage);
    expect((store.getState() as unknown as Record<string, unknown>).bills).toBeUndefined();
    expect(store.getState().transactions.stake).toMatchObject({ id: 'a', phase: 'sent' });
  });

  // Regression (issue 12 item 6): a reload lost the transaction being tracked (only bills were persisted).
  it('keeps a transaction in flight across a reload, with its request, normalized hash and query id', () => {
    const storage = memoryStorage();
    const store = createPendingStore(storage);
    const request = { validUntil: 1, network: '-3' as const, messages: [{ address: 'EQ…', amount: '1', payload: 'te6…' }] };
    store.getState().begin({ ...stake, network: 'devnet', request, queryId: '123', plan: { pool: '0:11' } });
    store.getState().update('stake', 'a', { phase: 'sent', normalizedHash: 'ab' });

    const reloaded = createPendingStore(storage);
    expect(reloaded.getState().transactions.stake).toMatchObject({ id: 'a', phase: 'sent', normalizedHash: 'ab', queryId: '123', request, plan: { pool: '0:11' } });
    // Still in flight after the reload: no second send of the same kind until it settles.
    expect(reloaded.getState().begin({ ...stake, id: 'b', network: 'devnet' })).toBe(false);
    // A transaction left in flight on another network is not followed here, so it does not block this one.
    expect(reloaded.getState().begin({ ...stake, id: 'c', network: 'testnet' })).toBe(true);
  });
});
