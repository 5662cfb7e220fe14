import { Address, beginCell, type Builder, type Cell, ExternalAddress, type Message, type Transaction } from '@ton/core';
import { describe, expect, it } from 'vitest';
import {
  appendNewer,
  appendOlder,
  deserializeHistory,
  EMPTY_HISTORY,
  foldPoolTransactions,
  isCacheFromAnotherChain,
  readTransactionPages,
  recentApy,
  roundPoints,
  roundsInRange,
  serializeHistory,
  typicalRoundSeconds,
  type TransactionPageFetcher,
} from './history';

const TON = 1_000_000_000n;
const controller = Address.parse('-1:' + '11'.repeat(32));

function signedCoins(b: Builder, value: bigint): Builder {
  return b.storeBit(value < 0n).storeCoins(value < 0n ? -value : value);
}

function log(topic: number, body: Cell): Message {
  return { info: { type: 'external-out', src: Address.parse('0:' + '22'.repeat(32)), dest: new ExternalAddress(BigInt(topic), 256), createdLt: 0n, createdAt: 0 }, body };
}

const loanLog = (amount: bigint) => log(1, beginCell().storeAddress(controller).storeCoins(amount).endCell());
const repaymentLog = (borrowed: bigint, profit: bigint) => log(2, signedCoins(beginCell().storeAddress(controller).storeCoins(borrowed), profit).endCell());
const rotationLog = (newRoundId: number) => log(4, beginCell().storeUint(newRoundId, 32).endCell());
function completionLog(roundId: number, profit: bigint, totalBalance: bigint, supply: bigint, borrowed = 100n * TON, returned = 101n * TON) {
  return log(3, signedCoins(beginCell().storeUint(roundId, 32).storeCoins(borrowed).storeCoins(returned), profit).storeCoins(totalBalance).storeCoins(supply).endCell());
}

/** The parts of a Transaction the history reads: lt, now, hash(), outMessages.values(). */
function tx(lt: bigint, now: number, messages: Message[] = []): Transaction {
  const hash = Buffer.alloc(32);
  hash.writeBigUInt64BE(lt, 24);
  return { lt, now, hash: () => hash, outMessages: new Map(messages.map((m, i) => [i, m])) } as unknown as Transaction;
}

/** A rotation transaction: round `completed` finalised, the pool moves to completed + 2. */
function rotationTx(lt: bigint, now: number, completed: number, totalBalance: bigint, supply: bigint, profit = TON) {
  return tx(lt, now, [completionLog(completed, profit, totalBalance, supply), rotationLog(completed + 2)]);
}

describe('foldPoolTransactions', () => {
  it('keeps one record per completed round, in round order, timed by its transaction', () => {
    const folded = foldPoolTransactions([rotationTx(30n, 3000, 6, 1_020n * TON, 1_000n * TON), tx(20n, 2000), rotationTx(10n, 1000, 5, 1_010n * TON, 1_000n * TON, -5n * TON)]);
    expect(folded.rounds.map((r) => [r.roundId, r.endTime, r.lt])).toEqual([
      [5, 1000, 10n],
      [6, 3000, 30n],
    ]);
    expect(folded.rounds[0]).toMatchObject({ profit: -5n * TON, totalBalance: 1_010n * TON, supply: 1_000n * TON, borrowed: 100n * TON, returned: 101n * TON });
    expect(folded.currentRoundId).toBe(8);
  });

  it('attributes loans to the current round and repayments to the previous one', () => {
    const folded = foldPoolTransactions([
      rotationTx(10n, 1000, 5, 1n, 1n), // now current = 7
      tx(11n, 1001, [loanLog(40n * TON)]),
      tx(12n, 1002, [loanLog(60n * TON)]),
      tx(13n, 1003, [repaymentLog(50n * TON, 2n * TON)]), // round 6's borrower repays
      tx(14n, 1004, [repaymentLog(50n * TON, -3n * TON), completionLog(6, TON, 1n, 1n), rotationLog(8)]),
      tx(15n, 1005, [loanLog(10n * TON)]),
    ]);
    expect(folded.activity.get(7)).toEqual({ roundId: 7, loans: 2, loaned: 100n * TON, repayments: 0, repaidProfit: 0n });
    expect(folded.activity.get(6)).toEqual({ roundId: 6, loans: 0, loaned: 0n, repayments: 2, repaidProfit: -TON });
    expect(folded.activity.get(8)?.loans).toBe(1);
  });

  it('infers the round before the first rotation so earlier loans are not lost', () => {
    const folded = foldPoolTransactions([tx(1n, 100, [loanLog(TON)]), rotationTx(2n, 200, 3, 1n, 1n)]);
    expect(folded.activity.get(4)?.loans).toBe(1); // rotation to 5 means round 4 was current before it
  });
});

describe('appendNewer / appendOlder', () => {
  it('merges newer transactions, moves the newest cursor and keeps loan attribution across refreshes', () => {
    const first = appendNewer(EMPTY_HISTORY, [rotationTx(20n, 2000, 2, 1_002n * TON, 1_000n * TON), rotationTx(10n, 1000, 1, 1_001n * TON, 1_000n * TON)], false);
    expect(first.newest?.lt).toBe(20n);
    expect(first.olderFrom?.lt).toBe(10n);
    expect(first.currentRoundId).toBe(4);

    const second = appendNewer(first, [tx(30n, 2500, [loanLog(7n * TON)])], false);
    expect(second.activity.find((a) => a.roundId === 4)?.loaned).toBe(7n * TON);
    expect(second.rounds).toHaveLength(2);
    expect(second.olderFrom?.lt).toBe(10n); // a refresh never moves the older cursor
    expect(appendNewer(second, [], false)).toBe(second);
  });

  it('marks the beginning as reached and fills older rounds in order', () => {
    const recent = appendNewer(EMPTY_HISTORY, [rotationTx(50n, 5000, 9, 1n, 1n)], false);
    const complete = appendOlder(recent, [rotationTx(40n, 4000, 8, 1n, 1n), rotationTx(30n, 3000, 7, 1n, 1n)], true);
    expect(complete.rounds.map((r) => r.roundId)).toEqual([7, 8, 9]);
    expect(complete.olderFrom).toBeNull();
    expect(complete.newest?.lt).toBe(50n);
  });
});

describe('readTransactionPages', () => {
  const chain = Array.from({ length: 25 }, (_, i) => tx(BigInt(100 - i), 1000 - i)); // newest first, lt 100 … 76

  function fakeServer(calls: { lt?: string; toLt?: string }[]): TransactionPageFetcher {
    return async ({ limit, lt, toLt }) => {
      calls.push({ lt, toLt });
      return chain.filter((t) => (lt === undefined || t.lt < BigInt(lt)) && (toLt === undefined || t.lt > BigInt(toLt))).slice(0, limit);
    };
  }

  it('pages with the last row as the cursor until a short page', async () => {
    const calls: { lt?: string }[] = [];
    const read = await readTransactionPages(fakeServer(calls), { pageSize: 10, maxPages: 10 });
    expect(read.transactions.map((t) => t.lt)).toEqual(chain.map((t) => t.lt));
    expect(read.reachedEnd).toBe(true);
    expect(calls.map((c) => c.lt)).toEqual([undefined, '91', '81']);
  });

  it('asks only for transactions after sinceLt: nothing new costs one request', async () => {
    const calls: { toLt?: string }[] = [];
    const nothing = await readTransactionPages(fakeServer(calls), { pageSize: 10, maxPages: 10, sinceLt: 100n });
    expect(nothing.transactions).toEqual([]);
    expect(calls).toHaveLength(1);
    const some = await readTransactionPages(fakeServer([]), { pageSize: 10, maxPages: 10, sinceLt: 97n });
    expect(some.transactions.map((t) => t.lt)).toEqual([100n, 99n, 98n]);
  });

  it('stops at maxPages without claiming the end, and drops rows a server repeats', async () => {
    const capped = await readTransactionPages(fakeServer([]), { pageSize: 10, maxPages: 2 });
    expect(capped.transactions).toHaveLength(20);
    expect(capped.reachedEnd).toBe(false);

    const repeating: TransactionPageFetcher = async ({ lt }) => (lt ? chain.filter((t) => t.lt <= BigInt(lt)).slice(0, 10) : chain.slice(0, 10));
    const read = await readTransactionPages(repeating, { pageSize: 10, maxPages: 5 });
    expect(new Set(read.transactions.map((t) => t.lt)).size).toBe(read.transactions.length);
  });

  it('stops once the caller has enough, without claiming the end; never asks before a further page', async () => {
    const calls: { lt?: string }[] = [];
    const asked: number[] = [];
    const read = await readTransactionPages(fakeServer(calls), {
      pageSize: 10,
      maxPages: 10,
      enough: (transactions) => {
        asked.push(transactions.length);
        return transactions.length >= 15;
      },
    });
    expect(read.transactions).toHaveLength(20);
    expect(read.reachedEnd).toBe(false);
    expect(calls).toHaveLength(2);
    expect(asked).toEqual([10, 20]);
  });
});

describe('roundPoints and APY', () => {
  const day = 86_400;
  const rounds = foldPoolTransactions([
    rotationTx(1n, 0, 1, 1_000n * TON, 1_000n * TON),
    rotationTx(2n, day, 2, 1_001n * TON, 1_000n * TON),
    rotationTx(3n, 2 * day, 3, 990n * TON, 1_000n * TON, -11n * TON), // slashed
  ]).rounds;

  it('gives the rate after each round, its growth and annualised yield; losses stay negative', () => {
    const points = roundPoints(rounds);
    expect(points.map((p) => p.rate)).toEqual([1_000_000_000n, 1_001_000_000n, 990_000_000n]);
    expect(points[0].growth).toBeNull();
    expect(points[1].growth).toBeCloseTo(0.001, 9);
    expect(points[1].apy).toBeCloseTo(Math.pow(1.001, 365) - 1, 6);
    expect(points[2].growth).toBeLessThan(0);
    expect(points[2].apy).toBeLessThan(0);
  });

  it('recentApy spans the window; typicalRoundSeconds is the median gap', () => {
    const points = roundPoints(rounds);
    expect(recentApy(points, 10)).toBeCloseTo(Math.pow(0.99, 365 / 2) - 1, 6);
    expect(recentApy(points.slice(0, 1))).toBeNull();
    expect(typicalRoundSeconds([{ endTime: 0 }, { endTime: 100 }, { endTime: 160 }, { endTime: 1000 }])).toBe(100);
  });

  it('filters by range', () => {
    const now = 100 * day;
    const points = [{ endTime: now - 100 * day }, { endTime: now - 60 * day }, { endTime: now - day }];
    expect(roundsInRange(points, '30d', now)).toHaveLength(1);
    expect(roundsInRange(points, '90d', now)).toHaveLength(2);
    expect(roundsInRange(points, 'all', now)).toHaveLength(3);
  });
});

describe('persistence', () => {
  it('round-trips bigints, signs and cursors', () => {
    const history = appendNewer(EMPTY_HISTORY, [tx(21n, 2100, [loanLog(3n * TON)]), rotationTx(20n, 2000, 2, 1_002n * TON, 1_000n * TON, -7n * TON)], false);
    const back = deserializeHistory(serializeHistory(history));
    expect(back).toEqual(history);
  });

  it('rejects garbage and other formats', () => {
    expect(deserializeHistory(null)).toBeNull();
    expect(deserializeHistory('{oops')).toBeNull();
    expect(deserializeHistory(JSON.stringify({ format: 999 }))).toBeNull();
  });

  it('detects a cache from a reset chain by rounds the pool has not reached', () => {
    const history = appendNewer(EMPTY_HISTORY, [rotationTx(20n, 2000, 30, 1n, 1n)], false); // pool went to round 32
    expect(isCacheFromAnotherChain(history, 32)).toBe(false);
    expect(isCacheFromAnotherChain(history, 33)).toBe(false);
    expect(isCacheFromAnotherChain(history, 5)).toBe(true);
  });
});
