// Round history from the pool's external-out logs (lst-interface.md §5.4): each rotation logs topic 3
// "round completion" with the post-round total_balance and supply, so rate = total_balance / supply at the
// transaction time. Walks the pool's transactions newest first; gives (rate, time) points for growth and APY.
import { type Address, type Message, type Slice, type Transaction } from '@ton/core';
import type { TonClient } from '@ton/ton';
import { LogTopic } from '../../contracts/wrappers/opcodes';
import { apyFromRates, currentRate, type RatePoint } from './pool';

export interface RoundCompletion {
  roundId: number;
  borrowed: bigint;
  returned: bigint;
  /** Net of the finalize fee and the governance fee; signed. */
  profit: bigint;
  totalBalance: bigint;
  supply: bigint;
  /** nanoTON per pTON after the round (see pool.ts RATE_BASIS). */
  rate: bigint;
  /** Unix seconds of the rotating transaction. */
  time: number;
}

/** SignedCoins: 1 sign bit (1 = negative), then Coins with the absolute value. */
function loadSignedCoins(slice: Slice): bigint {
  const negative = slice.loadBit();
  const value = slice.loadCoins();
  return negative ? -value : value;
}

/** The log topic of an external-out message (its addr_extern value), or null for other messages. */
export function logTopic(message: Message): bigint | null {
  if (message.info.type !== 'external-out' || !message.info.dest) return null;
  return message.info.dest.value;
}

/** Parses a topic-3 log: round_id:uint32 borrowed:Coins returned:Coins profit:SignedCoins total_balance:Coins supply:Coins. */
export function parseRoundCompletion(message: Message, time: number): RoundCompletion | null {
  if (logTopic(message) !== BigInt(LogTopic.roundCompletion)) return null;
  let slice = message.body.beginParse();
  if (slice.remainingBits === 0 && slice.remainingRefs > 0) slice = slice.loadRef().beginParse(); // body may sit in a ref
  const roundId = slice.loadUint(32);
  const borrowed = slice.loadCoins();
  const returned = slice.loadCoins();
  const profit = loadSignedCoins(slice);
  const totalBalance = slice.loadCoins();
  const supply = slice.loadCoins();
  return { roundId, borrowed, returned, profit, totalBalance, supply, rate: currentRate({ totalBalance, supply }), time };
}

export function roundCompletionsOf(tx: Transaction): RoundCompletion[] {
  const found: RoundCompletion[] = [];
  for (const message of tx.outMessages.values()) {
    const completion = parseRoundCompletion(message, tx.now);
    if (completion) found.push(completion);
  }
  return found;
}

export interface RoundHistoryOptions {
  /** Transactions read per request. */
  pageSize?: number;
  /** Stop after this many transactions (bounds the RPC cost on a busy pool). */
  maxTransactions?: number;
  /** Stop once this many completed rounds were found. */
  maxRounds?: number;
}

/** Completed rounds, oldest first, from the pool's recent transactions. */
export async function readRoundHistory(client: Pick<TonClient, 'getTransactions'>, pool: Address, options: RoundHistoryOptions = {}): Promise<RoundCompletion[]> {
  const pageSize = options.pageSize ?? 50;
  const maxTransactions = options.maxTransactions ?? 500;
  const maxRounds = options.maxRounds ?? Number.POSITIVE_INFINITY;
  const rounds: RoundCompletion[] = [];
  let cursor: { lt: string; hash: string } | undefined;
  let read = 0;
  while (read < maxTransactions && rounds.length < maxRounds) {
    const limit = Math.min(pageSize, maxTransactions - read);
    const page = await client.getTransactions(pool, { limit, ...(cursor ?? {}), archival: true });
    for (const tx of page) rounds.push(...roundCompletionsOf(tx));
    read += page.length;
    if (page.length < limit) break;
    const last = page[page.length - 1];
    cursor = { lt: last.lt.toString(), hash: last.hash().toString('base64') };
  }
  return rounds.slice(0, maxRounds).reverse();
}

/** APY between the oldest and newest completed rounds; null with fewer than two rounds. */
export function apyFromHistory(rounds: RoundCompletion[]): number | null {
  if (rounds.length < 2) return null;
  const point = (round: RoundCompletion): RatePoint => ({ rate: round.rate, time: round.time });
  return apyFromRates(point(rounds[0]), point(rounds[rounds.length - 1]));
}
