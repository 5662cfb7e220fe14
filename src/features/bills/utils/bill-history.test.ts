import { describe, expect, it } from 'vitest';
import type { KnownBill } from '../../../stores/pending-transactions';
import { billHistory } from './bill-history';

const bill = (address: string, patch: Partial<KnownBill>): KnownBill => ({
  address,
  network: 'devnet',
  owner: 'me',
  kind: 'withdrawal',
  amount: '1',
  expectedPayout: '1',
  firstSeenAt: 0,
  ...patch,
});

describe('billHistory', () => {
  it("lists only this owner's paid bills on this network, newest first", () => {
    const known = {
      a: bill('a', { paidAt: 10 }),
      b: bill('b', { paidAt: 30 }),
      pending: bill('pending', {}),
      other: bill('other', { owner: 'you', paidAt: 20 }),
      testnet: bill('testnet', { network: 'testnet', paidAt: 40 }),
    };
    expect(billHistory(known, 'devnet', 'me').map((entry) => entry.address)).toEqual(['b', 'a']);
  });
});
