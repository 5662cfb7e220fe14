// A staker's own history with the pool, from the staker's wallet transactions: the few messages that matter to the
// position (deposits, burns, what the pool and the pTON wallet sent back) and to bills (each payout item's
// `ownership_assigned` at mint, §4.2; each bill payout, §4.3), kept as small records so they can be stored and
// extended page by page (queries/owner-history.ts). Pure: no RPC here.
import { type Address, type Message, type Slice, type Transaction } from '@ton/core';
import { Op } from '../../contracts/wrappers/opcodes';

export interface OwnerEvent {
  /** Logical time and unix seconds of the owner's transaction. */
  lt: bigint;
  time: number;
  /** Hex hash of the owner's transaction (explorer links). */
  tx: string;
  /** 'in': the transaction's incoming message; 'out': one of its outgoing messages. */
  dir: 'in' | 'out';
  /** Raw address of the other side: the sender of an incoming message, the destination of an outgoing one. */
  peer: string;
  op: number | null;
  queryId: bigint | null;
  /** TON the message carried. */
  value: bigint;
  /** Jetton amount of a burn, transfer or transfer_notification. */
  jettonAmount?: bigint;
  /** transfer_notification: who sent the jettons (raw), null for addr_none. */
  jettonFrom?: string | null;
  /** transfer_notification: the 32-bit op at the head of the forward payload, if any. */
  forwardOp?: number | null;
}

export interface OwnerContext {
  pool: Address;
  ptonWallet: Address;
}

function readForwardOp(body: Slice): number | null {
  if (body.remainingBits < 1) return null;
  const payload = body.loadBit() ? (body.remainingRefs > 0 ? body.loadRef().beginParse() : null) : body;
  return payload && payload.remainingBits >= 32 ? payload.loadUint(32) : null;
}

function readBody(message: Message): Pick<OwnerEvent, 'op' | 'queryId' | 'jettonAmount' | 'jettonFrom' | 'forwardOp'> {
  try {
    const body = message.body.beginParse();
    const op = body.remainingBits >= 32 ? body.loadUint(32) : null;
    if (op === null || body.remainingBits < 64) return { op, queryId: null };
    const queryId = body.loadUintBig(64);
    if (op === Op.jettonBurn || op === Op.jettonTransfer) return { op, queryId, jettonAmount: body.loadCoins() };
    if (op === Op.jettonTransferNotification) {
      const jettonAmount = body.loadCoins();
      const from = body.loadMaybeAddress();
      let forwardOp: number | null = null;
      try {
        forwardOp = readForwardOp(body);
      } catch {
        // a payload we cannot read is simply not a bill payout
      }
      return { op, queryId, jettonAmount, jettonFrom: from?.toRawString() ?? null, forwardOp };
    }
    return { op, queryId };
  } catch {
    return { op: null, queryId: null };
  }
}

/**
 * The owner's relevant messages in `transactions` (any order), ascending by lt: outgoing ones to the pool or the
 * pTON wallet; incoming ones from the pool or the pTON wallet, plus every `ownership_assigned` and
 * `distributed_asset` (payout items and collections have addresses nobody knows beforehand: they are checked
 * against the pool's collections later, never trusted as they come).
 */
export function ownerEvents(transactions: Transaction[], context: OwnerContext): OwnerEvent[] {
  const events: OwnerEvent[] = [];
  const pool = context.pool.toRawString();
  const ptonWallet = context.ptonWallet.toRawString();
  for (const transaction of transactions) {
    const base = { lt: transaction.lt, time: transaction.now, tx: transaction.hash().toString('hex') };
    const incoming = transaction.inMessage;
    if (incoming?.info.type === 'internal') {
      const peer = incoming.info.src.toRawString();
      const body = readBody(incoming);
      if (peer === pool || peer === ptonWallet || body.op === Op.ownershipAssigned || body.op === Op.distributedAsset) {
        events.push({ ...base, dir: 'in', peer, value: incoming.info.value.coins, ...body });
      }
    }
    for (const message of transaction.outMessages.values()) {
      if (message.info.type !== 'internal') continue;
      const peer = message.info.dest.toRawString();
      if (peer !== pool && peer !== ptonWallet) continue;
      events.push({ ...base, dir: 'out', peer, value: message.info.value.coins, ...readBody(message) });
    }
  }
  return events.sort((a, b) => (a.lt < b.lt ? -1 : a.lt > b.lt ? 1 : 0));
}

/** Items that told the owner it now holds them (candidate bills, still to be checked with checkPoolBill). */
export function assignedItems(events: OwnerEvent[]): OwnerEvent[] {
  return events.filter((event) => event.dir === 'in' && event.op === Op.ownershipAssigned);
}

/** A payout that arrived from a payout collection: TON (`distributed_asset`) or pTON (a jetton notification from it). */
export interface PayoutEvent {
  collection: string;
  asset: 'ton' | 'jetton';
  amount: bigint;
  event: OwnerEvent;
}

/** Bill payouts in `events`: `distributed_asset` messages, and pTON notifications whose forward payload is its op. */
export function payoutEvents(events: OwnerEvent[], context: Pick<OwnerContext, 'ptonWallet'>): PayoutEvent[] {
  const ptonWallet = context.ptonWallet.toRawString();
  const payouts: PayoutEvent[] = [];
  for (const event of events) {
    if (event.dir !== 'in') continue;
    if (event.op === Op.distributedAsset) payouts.push({ collection: event.peer, asset: 'ton', amount: event.value, event });
    else if (
      event.op === Op.jettonTransferNotification &&
      event.peer === ptonWallet &&
      event.forwardOp === Op.distributedAsset &&
      event.jettonFrom &&
      event.jettonAmount !== undefined
    ) {
      payouts.push({ collection: event.jettonFrom, asset: 'jetton', amount: event.jettonAmount, event });
    }
  }
  return payouts;
}

/** Merges two ascending event lists read from overlapping or adjacent pages (duplicates dropped). */
export function mergeEvents(older: OwnerEvent[], newer: OwnerEvent[]): OwnerEvent[] {
  const key = (event: OwnerEvent) => `${event.lt}:${event.dir}:${event.peer}:${event.op}`;
  const seen = new Set(older.map(key));
  return [...older, ...newer.filter((event) => !seen.has(key(event)))].sort((a, b) => (a.lt < b.lt ? -1 : a.lt > b.lt ? 1 : 0));
}
