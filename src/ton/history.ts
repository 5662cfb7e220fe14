// Pool round history from the chain only (lst-interface.md §5.4): the pool's external-out logs, read from its
// transactions page by page (lt/hash cursors), folded into one record per completed round. Pure: the caller
// supplies the page fetcher and the storage. Amounts are bigint nano; only display ratios are numbers.
import type { Transaction } from '@ton/core';
import { parsePoolLog } from '../../contracts/wrappers/Pool';
import { recentApyEstimate as sharedRecentApyEstimate, type ApyEstimate } from '../../contracts/wrappers/apy';
import { apyFromRates, RATE_BASIS } from './pool';

/** One completed lending round, from its topic-3 log and the transaction that carried it. */
export interface CompletedRound {
  roundId: number;
  /** Unix seconds of the rotation transaction that finalised the round. */
  endTime: number;
  /** Logical time of that transaction. */
  lt: bigint;
  borrowed: bigint;
  returned: bigint;
  /** Net of the finalize fee and the governance fee; negative when validators were slashed. */
  profit: bigint;
  /** After the round's profit, before its payouts. */
  totalBalance: bigint;
  supply: bigint;
}

/** Loans (topic 1) and repayments (topic 2) attributed to the lending round they belong to. */
export interface RoundActivity {
  roundId: number;
  loans: number;
  loaned: bigint;
  repayments: number;
  /** Sum of the repayments' signed profit. */
  repaidProfit: bigint;
}

export interface TxCursor {
  lt: bigint;
  /** Base64 transaction hash, as TonClient takes it. */
  hash: string;
}

export interface RoundHistory {
  /** Ascending by roundId, one entry per round. */
  rounds: CompletedRound[];
  /** Ascending by roundId. */
  activity: RoundActivity[];
  /** The newest pool transaction read; the next refresh asks only for transactions after it. */
  newest: TxCursor | null;
  /** Where reading older transactions would continue; null once the pool's first transaction was read. */
  olderFrom: TxCursor | null;
  /** The pool's current lending round as of the newest rotation log read (carries loan attribution across refreshes). */
  currentRoundId: number | null;
}

export const EMPTY_HISTORY: RoundHistory = { rounds: [], activity: [], newest: null, olderFrom: null, currentRoundId: null };

interface Folded {
  rounds: CompletedRound[];
  activity: Map<number, RoundActivity>;
  /** Current round after the last rotation in the batch, or the carried value when there was none. */
  currentRoundId: number | null;
}

function addActivity(activity: Map<number, RoundActivity>, roundId: number, change: Partial<Omit<RoundActivity, 'roundId'>>): void {
  const entry = activity.get(roundId) ?? { roundId, loans: 0, loaned: 0n, repayments: 0, repaidProfit: 0n };
  entry.loans += change.loans ?? 0;
  entry.loaned += change.loaned ?? 0n;
  entry.repayments += change.repayments ?? 0;
  entry.repaidProfit += change.repaidProfit ?? 0n;
  activity.set(roundId, entry);
}

/**
 * The pool's current round just before the batch's first rotation or completion log: a completion of round k
 * comes with the rotation to k+2 (prev = k is finalised, current k+1 becomes prev), so the current round then is k+1.
 */
function inferStartingRound(ascending: Transaction[]): number | null {
  for (const tx of ascending) {
    for (const message of tx.outMessages.values()) {
      const log = safeParseLog(message);
      if (log?.topic === 'rotation') return log.newRoundId - 1;
      if (log?.topic === 'roundCompletion') return log.roundId + 1;
    }
  }
  return null;
}

function safeParseLog(message: Parameters<typeof parsePoolLog>[0]) {
  try {
    return parsePoolLog(message);
  } catch {
    return null; // an external-out we do not understand (future topic layout): not ours to chart
  }
}

/**
 * Folds a batch of pool transactions (any order) into completed rounds and per-round activity.
 * Loans belong to the current round when logged; repayments to the previous one (its borrowers repay).
 * `currentRoundId` is the round current before the batch, when known (from an earlier, older batch).
 */
export function foldPoolTransactions(transactions: Transaction[], currentRoundId: number | null = null): Folded {
  const ascending = [...transactions].sort((a, b) => (a.lt < b.lt ? -1 : a.lt > b.lt ? 1 : 0));
  let current = currentRoundId ?? inferStartingRound(ascending);
  const rounds: CompletedRound[] = [];
  const activity = new Map<number, RoundActivity>();
  for (const tx of ascending) {
    for (const message of tx.outMessages.values()) {
      const log = safeParseLog(message);
      if (!log) continue;
      switch (log.topic) {
        case 'loan':
          if (current !== null) addActivity(activity, current, { loans: 1, loaned: log.amount });
          break;
        case 'repayment':
          if (current !== null) addActivity(activity, current - 1, { repayments: 1, repaidProfit: log.profit });
          break;
        case 'roundCompletion':
          rounds.push({
            roundId: log.roundId,
            endTime: tx.now,
            lt: tx.lt,
            borrowed: log.borrowed,
            returned: log.returned,
            profit: log.profit,
            totalBalance: log.totalBalance,
            supply: log.supply,
          });
          break;
        case 'rotation':
          current = log.newRoundId;
          break;
      }
    }
  }
  return { rounds, activity, currentRoundId: current };
}

function mergeActivity(existing: RoundActivity[], added: Map<number, RoundActivity>): RoundActivity[] {
  const byRound = new Map(existing.map((entry) => [entry.roundId, { ...entry }]));
  for (const entry of added.values()) addActivity(byRound, entry.roundId, entry);
  return [...byRound.values()].sort((a, b) => a.roundId - b.roundId);
}

function mergeRounds(existing: CompletedRound[], added: CompletedRound[]): CompletedRound[] {
  const byRound = new Map(existing.map((round) => [round.roundId, round]));
  for (const round of added) byRound.set(round.roundId, round); // the same log read twice is the same record
  return [...byRound.values()].sort((a, b) => a.roundId - b.roundId);
}

function cursorOf(tx: Transaction): TxCursor {
  return { lt: tx.lt, hash: tx.hash().toString('base64') };
}

/** Adds transactions newer than `history.newest` (newest first, as fetched). */
export function appendNewer(history: RoundHistory, newestFirst: Transaction[], reachedBeginning: boolean): RoundHistory {
  if (newestFirst.length === 0) return history;
  const folded = foldPoolTransactions(newestFirst, history.currentRoundId);
  const oldestRead = newestFirst[newestFirst.length - 1];
  return {
    rounds: mergeRounds(history.rounds, folded.rounds),
    activity: mergeActivity(history.activity, folded.activity),
    newest: cursorOf(newestFirst[0]),
    // First read ever: older pages continue below the oldest transaction read (unless that was the first one).
    olderFrom: history.newest === null ? (reachedBeginning ? null : cursorOf(oldestRead)) : history.olderFrom,
    currentRoundId: folded.currentRoundId,
  };
}

/** Adds transactions older than `history.olderFrom` (newest first, as fetched). */
export function appendOlder(history: RoundHistory, newestFirst: Transaction[], reachedBeginning: boolean): RoundHistory {
  const folded = foldPoolTransactions(newestFirst);
  const oldestRead = newestFirst[newestFirst.length - 1];
  return {
    ...history,
    rounds: mergeRounds(history.rounds, folded.rounds),
    activity: mergeActivity(history.activity, folded.activity),
    olderFrom: reachedBeginning || !oldestRead ? null : cursorOf(oldestRead),
  };
}

// ---- paging ----

/** One getTransactions call: newest first, starting below `lt`/`hash` when given, stopping above `toLt` (exclusive). */
export type TransactionPageFetcher = (request: { limit: number; lt?: string; hash?: string; toLt?: string }) => Promise<Transaction[]>;

export interface PagedRead {
  /** Newest first. */
  transactions: Transaction[];
  /** True when the pages ran out (the account's first transaction, or `sinceLt`, was reached). */
  reachedEnd: boolean;
  pages: number;
}

/**
 * Reads pages newest → oldest until a short page, or `maxPages`. With `sinceLt` only transactions with a greater lt
 * are asked for (toncenter's to_lt), so a refresh with nothing new costs exactly one request. `stopBefore` (unix
 * seconds, asked for only when another page would be read) ends the read once a page reaches below that time;
 * `enough` (asked with what was read, only when another page would be read) ends it once the caller has what it needs.
 */
export async function readTransactionPages(
  fetchPage: TransactionPageFetcher,
  options: {
    pageSize: number;
    maxPages: number;
    sinceLt?: bigint;
    startBelow?: TxCursor;
    stopBefore?: () => Promise<number | null> | number | null;
    enough?: (transactions: Transaction[]) => boolean;
  },
): Promise<PagedRead> {
  const transactions: Transaction[] = [];
  let cursor = options.startBelow;
  const toLt = options.sinceLt !== undefined ? options.sinceLt.toString() : undefined;
  let stopBefore: number | null | undefined;
  for (let pages = 1; ; pages++) {
    const page = await fetchPage({ limit: options.pageSize, lt: cursor?.lt.toString(), hash: cursor?.hash, toLt });
    // Guard against servers that ignore to_lt or return the cursor row again.
    const fresh = page.filter((tx) => (options.sinceLt === undefined || tx.lt > options.sinceLt) && (!cursor || tx.lt < cursor.lt));
    transactions.push(...fresh);
    const reachedEnd = page.length < options.pageSize || fresh.length < page.length;
    if (reachedEnd || pages >= options.maxPages || fresh.length === 0) return { transactions, reachedEnd: reachedEnd || fresh.length === 0, pages };
    cursor = cursorOf(fresh[fresh.length - 1]);
    // Older than what the caller needs: stop (asked once, and only when a further page would be read).
    if (stopBefore === undefined) stopBefore = options.stopBefore ? await options.stopBefore() : null;
    if (stopBefore !== null && fresh[fresh.length - 1].now < stopBefore) return { transactions, reachedEnd: false, pages };
    if (options.enough?.(transactions)) return { transactions, reachedEnd: false, pages };
  }
}

// ---- derived series ----

export interface RoundPoint extends CompletedRound {
  /** nanoTON per pTON after the round (total_balance / supply). */
  rate: bigint;
  /** Rate change against the previous round, as a fraction (−0.01 = −1 %); null for the first point. */
  growth: number | null;
  /** Annualised from the previous round's rate and time; null for the first point or when it cannot be told. */
  apy: number | null;
}

export function roundRate(round: Pick<CompletedRound, 'totalBalance' | 'supply'>): bigint {
  return round.supply === 0n ? RATE_BASIS : (round.totalBalance * RATE_BASIS) / round.supply;
}

function ratio(numerator: bigint, denominator: bigint): number {
  return Number((numerator * 10n ** 18n) / denominator) / 1e18;
}

/** Rate, growth and APY per round; rounds must be ascending. A gap (unread rounds) still compares to the previous point read. */
export function roundPoints(rounds: CompletedRound[]): RoundPoint[] {
  let previous: RoundPoint | null = null;
  return rounds.map((round) => {
    const rate = roundRate(round);
    const growth = previous && previous.rate > 0n ? ratio(rate, previous.rate) - 1 : null;
    const apy = previous ? apyFromRates({ rate: previous.rate, time: previous.endTime }, { rate, time: round.endTime }) : null;
    const point: RoundPoint = { ...round, rate, growth, apy };
    previous = point;
    return point;
  });
}

/**
 * APY over the last `window` rounds (rate growth annualised over the time they took), with why it is unavailable:
 * fewer than 3 rounds, or an absurd figure (contracts/wrappers/apy.ts, shared with the devnet's economics tests).
 */
export function recentApyEstimate(points: Pick<RoundPoint, 'rate' | 'endTime'>[], window = 10): ApyEstimate {
  return sharedRecentApyEstimate(points, window);
}

/** The APY of recentApyEstimate, null when unavailable. */
export function recentApy(points: Pick<RoundPoint, 'rate' | 'endTime'>[], window = 10): number | null {
  return recentApyEstimate(points, window).apy;
}

/** Median seconds between consecutive round ends; null with fewer than two rounds. */
export function typicalRoundSeconds(rounds: Pick<CompletedRound, 'endTime'>[], window = 10): number | null {
  const recent = rounds.slice(-window - 1);
  const gaps = recent.slice(1).map((round, i) => round.endTime - recent[i].endTime).filter((gap) => gap > 0).sort((a, b) => a - b);
  if (gaps.length === 0) return null;
  return gaps[Math.floor(gaps.length / 2)];
}

export type HistoryRange = '30d' | '90d' | 'all';

const DAY_S = 24 * 3600;

export function roundsInRange<T extends Pick<CompletedRound, 'endTime'>>(points: T[], range: HistoryRange, nowS: number): T[] {
  if (range === 'all') return points;
  const since = nowS - (range === '30d' ? 30 : 90) * DAY_S;
  return points.filter((point) => point.endTime >= since);
}

// ---- persistence ----

const HISTORY_FORMAT = 1;

interface StoredHistory {
  format: number;
  rounds: { roundId: number; endTime: number; lt: string; borrowed: string; returned: string; profit: string; totalBalance: string; supply: string }[];
  activity: { roundId: number; loans: number; loaned: string; repayments: number; repaidProfit: string }[];
  newest: { lt: string; hash: string } | null;
  olderFrom: { lt: string; hash: string } | null;
  currentRoundId: number | null;
}

function storeCursor(cursor: TxCursor | null) {
  return cursor ? { lt: cursor.lt.toString(), hash: cursor.hash } : null;
}

function loadCursor(cursor: { lt: string; hash: string } | null): TxCursor | null {
  return cursor ? { lt: BigInt(cursor.lt), hash: String(cursor.hash) } : null;
}

/** JSON text for localStorage (bigints as decimal strings). */
export function serializeHistory(history: RoundHistory): string {
  const stored: StoredHistory = {
    format: HISTORY_FORMAT,
    rounds: history.rounds.map((r) => ({
      roundId: r.roundId,
      endTime: r.endTime,
      lt: r.lt.toString(),
      borrowed: r.borrowed.toString(),
      returned: r.returned.toString(),
      profit: r.profit.toString(),
      totalBalance: r.totalBalance.toString(),
      supply: r.supply.toString(),
    })),
    activity: history.activity.map((a) => ({ ...a, loaned: a.loaned.toString(), repaidProfit: a.repaidProfit.toString() })),
    newest: storeCursor(history.newest),
    olderFrom: storeCursor(history.olderFrom),
    currentRoundId: history.currentRoundId,
  };
  return JSON.stringify(stored);
}

/** Back from serializeHistory; null for anything unreadable or of another format (then the history is read afresh). */
export function deserializeHistory(text: string | null): RoundHistory | null {
  if (!text) return null;
  try {
    const stored = JSON.parse(text) as StoredHistory;
    if (stored.format !== HISTORY_FORMAT) return null;
    return {
      rounds: stored.rounds.map((r) => ({
        roundId: r.roundId,
        endTime: r.endTime,
        lt: BigInt(r.lt),
        borrowed: BigInt(r.borrowed),
        returned: BigInt(r.returned),
        profit: BigInt(r.profit),
        totalBalance: BigInt(r.totalBalance),
        supply: BigInt(r.supply),
      })),
      activity: stored.activity.map((a) => ({ ...a, loaned: BigInt(a.loaned), repaidProfit: BigInt(a.repaidProfit) })),
      newest: loadCursor(stored.newest),
      olderFrom: loadCursor(stored.olderFrom),
      currentRoundId: stored.currentRoundId,
    };
  } catch {
    return null;
  }
}

/**
 * A cache that cannot belong to this chain: it has rounds the pool has not reached (a devnet reset redeploys the
 * pool at the same address). `currentRoundId` is the pool's current round from its get-method.
 */
export function isCacheFromAnotherChain(history: RoundHistory, currentRoundId: number): boolean {
  const newest = history.rounds[history.rounds.length - 1];
  return (newest !== undefined && newest.roundId >= currentRoundId) || (history.currentRoundId !== null && history.currentRoundId > currentRoundId);
}
