// A staker's history with the pool, from the staker's own wallet transactions: TON sent to the protocol and TON
// that came back, and pTON received or given up over time. Rewards = what the position is worth now − net TON put
// in, so fees (gas, the unrefunded part of the deposit fee) count against rewards, as they should.
import type { Address, Message, Slice, Transaction } from '@ton/core';
import { Op } from '../../../../contracts/wrappers/opcodes';
import type { RoundPoint } from '../../../ton/history';
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

function opOf(body: Slice): number | null {
  return body.remainingBits >= 32 ? body.loadUint(32) : null;
}

/** op, query_id and, for jetton ops that carry it, the amount that follows. */
function readHead(message: Message): { op: number | null; queryId: bigint | null; amount: bigint | null } {
  try {
    const body = message.body.beginParse();
    const op = opOf(body);
    if (op === null || body.remainingBits < 64) return { op, queryId: null, amount: null };
    const queryId = body.loadUintBig(64);
    const carriesAmount = op === Op.jettonBurn || op === Op.jettonTransfer || op === Op.jettonTransferNotification;
    return { op, queryId, amount: carriesAmount ? body.loadCoins() : null };
  } catch {
    return { op: null, queryId: null, amount: null };
  }
}

/**
 * `transactions` are the owner wallet's (any order). `pool` and `ptonWallet` identify the protocol's side.
 * A bill's `ownership_assigned` is counted when it answers one of our deposits (same query_id): the NFT item that
 * sends it has no address we could know beforehand.
 */
export function positionFlows(transactions: Transaction[], context: { pool: Address; ptonWallet: Address }): PositionFlows {
  const ascending = [...transactions].sort((a, b) => (a.lt < b.lt ? -1 : a.lt > b.lt ? 1 : 0));
  const flows: PositionFlows = { tonSent: 0n, tonReceived: 0n, ptonChanges: [], firstDepositAt: null, deposits: 0 };
  const depositQueryIds = new Set<bigint>();

  for (const tx of ascending) {
    for (const message of tx.outMessages.values()) {
      if (message.info.type !== 'internal') continue;
      const { dest, value } = message.info;
      const head = readHead(message);
      if (dest.equals(context.pool) && head.op === Op.deposit) {
        flows.tonSent += value.coins;
        flows.deposits += 1;
        flows.firstDepositAt ??= tx.now;
        if (head.queryId !== null) depositQueryIds.add(head.queryId);
      } else if (dest.equals(context.ptonWallet) && (head.op === Op.jettonBurn || head.op === Op.jettonTransfer)) {
        flows.tonSent += value.coins;
        if (head.amount !== null) flows.ptonChanges.push({ time: tx.now, lt: tx.lt, delta: -head.amount });
      }
    }

    const incoming = tx.inMessage;
    if (incoming?.info.type !== 'internal') continue;
    const { src, value } = incoming.info;
    const head = readHead(incoming);
    const fromProtocol = src.equals(context.pool) || src.equals(context.ptonWallet);
    const billPayout = head.op === Op.distributedAsset;
    const billLeftover = head.op === Op.ownershipAssigned && head.queryId !== null && depositQueryIds.has(head.queryId);
    if (fromProtocol || billPayout || billLeftover) flows.tonReceived += value.coins;
    if (src.equals(context.ptonWallet) && head.op === Op.jettonTransferNotification && head.amount !== null) {
      flows.ptonChanges.push({ time: tx.now, lt: tx.lt, delta: head.amount });
    }
  }
  return flows;
}

export interface PositionValuePoint {
  time: number;
  roundId: number | null;
  /** pTON held then. */
  pton: bigint;
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
    series.push({ time: point.endTime, roundId: point.roundId, pton, value: (pton * point.rate) / RATE_BASIS });
  }
  series.push({ time: now.time, roundId: null, pton: now.pton, value: (now.pton * now.rate) / RATE_BASIS });
  return series;
}

/** What the position earned: current value − (TON sent − TON received). */
export function rewardsEarned(flows: Pick<PositionFlows, 'tonSent' | 'tonReceived'>, currentValue: bigint): bigint {
  return currentValue - (flows.tonSent - flows.tonReceived);
}
