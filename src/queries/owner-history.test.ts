import { QueryClient } from '@tanstack/react-query';
import { Address, beginCell, type Cell, type Message, type Transaction } from '@ton/core';
import { describe, expect, it } from 'vitest';
import { Op } from '../../contracts/wrappers/opcodes';
import type { TransactionPageFetcher } from '../ton/history';
import { networkPreset } from '../ton/networks';
import { OWNER_PAGE_SIZE, ownerHistoryQuery, pendingBillsSince, refreshOwnerHistory } from './owner-history';
import type { PersistStorage } from './persisted';

const network = networkPreset('devnet');
const owner = '0:' + 'aa'.repeat(32);
const pool = '0:' + 'bb'.repeat(32);
const ptonWallet = '0:' + 'cc'.repeat(32);
const item = (n: number) => '0:' + n.toString(16).padStart(64, '0');

function memoryStorage(): PersistStorage {
  const data = new Map<string, string>();
  return { getItem: (k) => data.get(k) ?? null, setItem: (k, v) => void data.set(k, v), removeItem: (k) => void data.delete(k) };
}

function internal(src: string, dest: string, coins: bigint, body: Cell): Message {
  return {
    info: { type: 'internal', ihrDisabled: true, bounce: false, bounced: false, src: Address.parse(src), dest: Address.parse(dest), value: { coins }, ihrFee: 0n, forwardFee: 0n, createdLt: 0n, createdAt: 0 },
    body,
  };
}

/** The owner's transaction #lt: an item's ownership_assigned when `lt` is a multiple of 10, a plain top-up otherwise. */
function tx(lt: number): Transaction {
  const body = lt % 10 === 0 ? beginCell().storeUint(Op.ownershipAssigned, 32).storeUint(lt, 64).storeAddress(null).storeBit(false).endCell() : beginCell().endCell();
  return { lt: BigInt(lt), now: 1_000_000 + lt, inMessage: internal(item(lt), owner, 1n, body), outMessages: new Map(), hash: () => Buffer.alloc(32, lt % 256) } as unknown as Transaction;
}

/** An account with transactions 1..count, served newest first in pages as transactionPageFetcher does (below the cursor, above toLt). */
function account(count: number) {
  let all = Array.from({ length: count }, (_, i) => tx(i + 1)).reverse();
  const requests: { lt?: string; toLt?: string }[] = [];
  const fetchPage: TransactionPageFetcher = async ({ limit, lt, toLt }) => {
    requests.push({ lt, toLt });
    return all.filter((t) => (lt === undefined || t.lt < BigInt(lt)) && (toLt === undefined || t.lt > BigInt(toLt))).slice(0, limit);
  };
  return {
    pageReader: async () => fetchPage,
    requests,
    grow: (more: number) => {
      all = [...Array.from({ length: more }, (_, i) => tx(count + i + 1)).reverse(), ...all];
      count += more;
    },
    last: () => ({ lt: BigInt(count), hash: 'x' }),
  };
}

const base = { network, owner, pool, ptonWallet };

describe('owner history', () => {
  it('a reload with nothing new reads nothing: the history comes from storage as initial data', async () => {
    const storage = memoryStorage();
    const chain = account(25);
    const first = await refreshOwnerHistory({ ...base, lastTx: chain.last() }, { pageReader: chain.pageReader, storage });
    expect(chain.requests).toHaveLength(1);
    expect(first.olderFrom).toBeNull(); // a short page: the account's first transaction was read
    expect(first.events.map((e) => e.peer)).toEqual([item(10), item(20)]);

    const options = ownerHistoryQuery({ ...base, lastTx: chain.last() }, { pageReader: chain.pageReader, storage });
    const client = new QueryClient();
    expect(await client.fetchQuery(options)).toEqual(first);
    expect(chain.requests).toHaveLength(1);
  });

  it('reads only the transactions newer than the newest one seen, and merges them', async () => {
    const storage = memoryStorage();
    const chain = account(25);
    await refreshOwnerHistory({ ...base, lastTx: chain.last() }, { pageReader: chain.pageReader, storage });
    chain.grow(10);
    const next = await refreshOwnerHistory({ ...base, lastTx: chain.last() }, { pageReader: chain.pageReader, storage });
    expect(chain.requests).toEqual([{}, { toLt: '25' }]);
    expect(next.events.map((e) => e.peer)).toEqual([item(10), item(20), item(30)]);
    expect(next.newest?.lt).toBe(35n);
  });

  it('on a cold visit stops at the start of the oldest round whose bills can still be pending', async () => {
    const chain = account(OWNER_PAGE_SIZE * 4 + 50);
    let asked = 0;
    // transactions older than #350 are from rounds whose bills were all paid
    const coldSince = async () => ((asked += 1), 1_000_000 + 350);
    const read = await refreshOwnerHistory({ ...base, lastTx: chain.last(), coldSince }, { pageReader: chain.pageReader, storage: null });
    expect(chain.requests).toHaveLength(2); // 450..351, 350..251
    expect(asked).toBe(1);
    expect(read.olderFrom?.lt).toBe(251n);
    expect(read.events[0].peer).toBe(item(260));
  });

  it('asks nothing of the round history when one page holds the whole account', async () => {
    const chain = account(40);
    let asked = 0;
    await refreshOwnerHistory({ ...base, lastTx: chain.last(), coldSince: async () => ((asked += 1), null) }, { pageReader: chain.pageReader, storage: null });
    expect(asked).toBe(0);
  });

  it('pendingBillsSince: the rotation that opened the previous round (second newest completion), null before two', () => {
    expect(pendingBillsSince([])).toBeNull();
    expect(pendingBillsSince([{ endTime: 5 }])).toBeNull();
    expect(pendingBillsSince([{ endTime: 5 }, { endTime: 9 }, { endTime: 14 }])).toBe(9);
  });
});
