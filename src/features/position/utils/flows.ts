// A staker's history with the pool, from the staker's own wallet transactions: TON sent to the protocol and TON
// that came back, and pTON received or given up over time. Rewards = what the position is worth now − net TON put
// in, so fees (gas, the unrefunded part of the deposit fee) count against rewards, as they should.
import type { Transaction } from '@ton/core';
import { Op } from '../../../../contracts/wrappers/opcodes';
import type { RoundPoint } from '../../../ton/history';
import { ownerEvents, type OwnerContext, type OwnerEvent } from '../../../ton/owner-history';
import type { OwnerHistory } from '../../../queries/owner-history';
import { RATE_BASIS } from '../../../ton/pool';

export interface PtonChange {
  time: number;
  lt: bigint;
  /** Positive: pTON received (mint, bill payout, transfer in). Negative: burned or sent away. */
  delta: bigint;
}

export interface PositionFlows {
  /** TON sent to the pool (deposits) and to the pTON wallet (burns, transfers). */
  tonSent: bigint;
  /** TON received back: withdrawals, bill payouts, refunds of fees, bounced deposits, notifications. */
  tonReceived: bigint;
  /** Ascending by lt. */
  ptonChanges: PtonChange[];
  /** Unix seconds of the first deposit seen; null when none was. */
  firstDepositAt: number | null;
  deposits: number;
}

/**
 * `transactions` are the owner wallet's (any order). `pool` and `ptonWallet` identify the protocol's side.
 * A bill's `ownership_assigned` is counted when it answers one of our deposits (same query_id): the NFT item that
 * sends it has no address we could know beforehand.
 */
export function positionFlows(transactions: Transaction[], context: OwnerContext): PositionFlows {
  return flowsFromEvents(ownerEvents(transactions, context), context);
}

/** positionFlows over the owner's events (ton/owner-history: what the shared owner-history read keeps). */
export function flowsFromEvents(events: OwnerEvent[], context: OwnerContext): PositionFlows {
  const pool = context.pool.toRawString();
  const ptonWallet = context.ptonWallet.toRawString();
  const flows: PositionFlows = { tonSent: 0n, tonReceived: 0n, ptonChanges: [], firstDepositAt: null, deposits: 0 };
  const depositQueryIds = new Set<bigint>();
  const ascending = [...events].sort((a, b) => (a.lt < b.lt ? -1 : a.lt > b.lt ? 1 : 0));

  for (const event of ascending) {
    if (event.dir === 'out') {
      if (event.peer === pool && event.op === Op.deposit) {
        flows.tonSent += event.value;
        flows.deposits += 1;
        flows.firstDepositAt ??= event.time;
        if (event.queryId !== null) depositQueryIds.add(event.queryId);
      } else if (event.peer === ptonWallet && (event.op === Op.jettonBurn || event.op === Op.jettonTransfer)) {
        flows.tonSent += event.value;
        if (event.jettonAmount !== undefined) flows.ptonChanges.push({ time: event.time, lt: event.lt, delta: -event.jettonAmount });
      }
      continue;
    }
    const fromProtocol = event.peer === pool || event.peer === ptonWallet;
    const billPayout = event.op === Op.distributedAsset;
    const billLeftover = event.op === Op.ownershipAssigned && event.queryId !== null && depositQueryIds.has(event.queryId);
    if (fromProtocol || billPayout || billLeftover) flows.tonReceived += event.value;
    if (event.peer === ptonWallet && event.op === Op.jettonTransferNotification && event.jettonAmount !== undefined) {
      flows.ptonChanges.push({ time: event.time, lt: event.lt, delta: event.jettonAmount });
    }
  }
  return flows;
}

export interface PositionValuePoint {
  time: number;
  roundId: number | null;
  /** pTON held then. */
  pton: bigint;
  /** The pool's rate then (nanoTON per pTON, RATE_BASIS). */
  rate: bigint;
  /** pTON × the rate after that round, in nanoTON. */
  value: bigint;
}

/** The position's value at each round end since the first pTON arrived, plus `now` at the current rate. */
export function positionValueSeries(changes: PtonChange[], points: RoundPoint[], now: { time: number; rate: bigint; pton: bigint }): PositionValuePoint[] {
  if (changes.length === 0 && now.pton === 0n) return [];
  const start = changes[0]?.time ?? now.time;
  const series: PositionValuePoint[] = [];
  let held = 0n;
  let next = 0;
  for (const point of points) {
    if (point.endTime < start) continue;
    while (next < changes.length && changes[next].time <= point.endTime) held += changes[next++].delta;
    const pton = held > 0n ? held : 0n;
    series.push({ time: point.endTime, roundId: point.roundId, pton, rate: point.rate, value: (pton * point.rate) / RATE_BASIS });
  }
  series.push({ time: now.time, roundId: null, pton: now.pton, rate: now.rate, value: (now.pton * now.rate) / RATE_BASIS });
  return series;
}

/**
 * Rewards earned: the rate's growth on the pTON held through each round, Σ pTON_before × (rate_after − rate_before).
 * It counts no transfer at all, so a deposit, a withdrawal or a bill being paid can never show up as a reward
 * (or twice). A deposit mid-round mints at the projected rate and earns from the next round on.
 */
export function rewardsFromRate(series: Pick<PositionValuePoint, 'pton' | 'rate'>[]): bigint {
  let rewards = 0n;
  for (let i = 1; i < series.length; i += 1) rewards += (series[i - 1].pton * (series[i].rate - series[i - 1].rate)) / RATE_BASIS;
  return rewards;
}

/** Rewards earned up to each point of the series (rewardsFromRate of its prefix): never moved by a transfer. */
export function cumulativeRewards(series: Pick<PositionValuePoint, 'pton' | 'rate'>[]): bigint[] {
  let total = 0n;
  return series.map((point, i) => {
    if (i > 0) total += (series[i - 1].pton * (point.rate - series[i - 1].rate)) / RATE_BASIS;
    return total;
  });
}

export interface PositionResult {
  /** Rate growth on the pTON held (rewardsFromRate). */
  rewards: bigint;
  /** What the position cost beyond what it earned: gas, the pool's fees, and until its first round end the gap between a new deposit's projected rate and the current one. */
  costs: bigint;
  /** Value now − net TON put in: rewards − costs. */
  netReturn: bigint;
}

/** Rewards and costs told apart: rewards from the rate, costs as what the transfers lost beside them. */
export function positionResult(flows: Pick<PositionFlows, 'tonSent' | 'tonReceived'>, currentValue: bigint, series: Pick<PositionValuePoint, 'pton' | 'rate'>[]): PositionResult {
  const netReturn = rewardsEarned(flows, currentValue);
  const rewards = rewardsFromRate(series);
  return { rewards, costs: rewards - netReturn, netReturn };
}

/** What the position returned overall: current value − (TON sent − TON received). */
export function rewardsEarned(flows: Pick<PositionFlows, 'tonSent' | 'tonReceived'>, currentValue: bigint): bigint {
  return currentValue - (flows.tonSent - flows.tonReceived);
}

export interface AccountFlows extends PositionFlows {
  /** False when older transactions were not read (the shared owner-history read stopped before the account's first). */
  complete: boolean;
}

/** The owner's flows with the pool, from the shared owner history (queries/owner-history.ts): no read of its own. */
export function accountFlows(history: Pick<OwnerHistory, 'events' | 'olderFrom'>, context: OwnerContext): AccountFlows {
  return { ...flowsFromEvents(history.events, context), complete: history.olderFrom === null };
}
