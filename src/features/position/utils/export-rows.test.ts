import { Address } from '@ton/core';
import { describe, expect, it } from 'vitest';
import { Op } from '../../../../contracts/wrappers/opcodes';
import type { OwnerEvent } from '../../../ton/owner-history';
import { FLOWS_HEADER, flowRows } from './export-rows';

const TON = 1_000_000_000n;
const pool = Address.parse(`0:${'11'.repeat(32)}`);
const ptonWallet = Address.parse(`0:${'22'.repeat(32)}`);
const event = (lt: number, fields: Partial<OwnerEvent>): OwnerEvent => ({ lt: BigInt(lt), time: 1_700_000_000 + lt, tx: `tx${lt}`, dir: 'in', peer: '', op: null, queryId: null, value: 0n, ...fields });

describe('flow rows', () => {
  it('lists deposits, mints, burns, payouts and bills in order, signed from the wallet, with the rate then', () => {
    const events = [
      event(3, { dir: 'in', peer: ptonWallet.toRawString(), op: Op.jettonTransferNotification, value: 1n, jettonAmount: 9n * TON }),
      event(1, { dir: 'out', peer: pool.toRawString(), op: Op.deposit, value: 11n * TON }),
      event(5, { dir: 'out', peer: ptonWallet.toRawString(), op: Op.jettonBurn, value: 1_050_000_000n, jettonAmount: 2n * TON }),
      event(6, { dir: 'in', peer: `0:${'33'.repeat(32)}`, op: null, value: 5n }), // unrelated: not listed
    ];
    const bills = [
      { address: 'a', kind: 'withdrawal' as const, collection: 'c', index: 0n, amount: 2n * TON, created: { lt: 7n, time: 1_700_000_007, tx: 'tx7' }, payout: { lt: 9n, time: 1_700_000_009, tx: 'tx9', amount: 2_020_000_000n } },
    ];
    const points = [{ endTime: 1_700_000_004, rate: 1_010_000_000n }];
    const rows = flowRows(events, bills, { pool, ptonWallet }, points, 1_020_000_000n);
    expect(FLOWS_HEADER).toHaveLength(6);
    expect(rows.map((row) => row[1])).toEqual(['deposit (TON sent incl. fee)', 'pTON received', 'withdrawal request (pTON burned)', 'withdrawal bill #0 created', 'withdrawal bill #0 paid']);
    expect(rows[0].slice(2, 6)).toEqual(['-11', '', '1.02', 'tx1']); // before any round end: the current rate
    expect(rows[2].slice(2, 5)).toEqual(['-1.05', '-2', '1.01']);
    expect(rows[4].slice(2, 4)).toEqual(['2.02', '']);
    expect(rows[0][0]).toBe(new Date(1_700_000_001_000).toISOString());
  });
});
