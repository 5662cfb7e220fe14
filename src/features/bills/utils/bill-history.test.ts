import { describe, expect, it } from 'vitest';
import type { BillRecord } from '../../../queries/bills';
import { openBills, paidBills } from './bill-history';

const bill = (address: string, created: bigint, paid?: bigint): BillRecord => ({
  address,
  kind: 'withdrawal',
  collection: '0:' + 'cc'.repeat(32),
  index: 0n,
  amount: 1n,
  created: { lt: created, time: Number(created), tx: 'aa' },
  ...(paid === undefined ? {} : { payout: { lt: paid, time: Number(paid), tx: 'bb', amount: 2n } }),
});

describe('bill history', () => {
  const book = { bills: [bill('a', 1n, 10n), bill('b', 2n, 5n), bill('c', 3n), bill('d', 4n)], ignored: [] };

  it('lists open bills newest first and paid ones by payout, most recent first', () => {
    expect(openBills(book).map((entry) => entry.address)).toEqual(['d', 'c']);
    expect(paidBills(book).map((entry) => entry.address)).toEqual(['a', 'b']);
  });
});
