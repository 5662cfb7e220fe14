// What became of a stake or an unstake, proven by the messages the owner's wallet received afterwards and matched to
// the request by its random query_id (lst-interface.md §2.1, §3.3; tx.ts newQueryId). The pool carries the query_id
// through every answer: the minter's mint → transfer_notification, a payout collection's bill → ownership_assigned,
// the pool's withdrawal, and the re-mint of a refused burn. A message without our query_id, or with it but from
// the wrong sender, is someone else's (a concurrent stake, a payout, an airdrop) and never decides an outcome.
import { type Address, Cell, type Slice, type Transaction } from '@ton/core';
import type { TonClient } from '@ton/ton';
import { Op } from '../../contracts/wrappers/opcodes';
import { checkPoolBill, type BillKind } from './bills';
import type { TonRpc } from './client';
import type { PoolFullData } from './pool';

/** One internal message the owner received, with the fields the matchers read. */
export interface Incoming {
  lt: bigint;
  /** Hex hash of the receiving transaction, for links. */
  transactionHash: string;
  source: Address;
  value: bigint;
  op: number;
  queryId: bigint;
  /** The body after op and query_id. */
  rest: Slice;
  transaction: Transaction;
}

/** The owner's internal message carried by `tx`, if it has at least an op and a query_id. */
export function readIncoming(tx: Transaction): Incoming | null {
  const message = tx.inMessage;
  if (!message || message.info.type !== 'internal') return null;
  const body = message.body.beginParse();
  if (body.remainingBits < 32 + 64) return null;
  return {
    lt: tx.lt,
    transactionHash: tx.hash().toString('hex'),
    source: message.info.src,
    value: message.info.value.coins,
    op: body.loadUint(32),
    queryId: body.loadUintBig(64),
    rest: body,
    transaction: tx,
  };
}

/** transfer_notification#7362d09c query_id amount:Coins sender:MsgAddress …: jettons and who sent them (null: a mint). */
function readTransferNotification(incoming: Incoming): { jettons: bigint; from: Address | null } | null {
  try {
    const rest = incoming.rest.clone();
    const jettons = rest.loadCoins();
    return { jettons, from: rest.loadMaybeAddress() };
  } catch {
    return null;
  }
}

/** Our pTON wallet telling us of a mint (from = addr_none) with our query_id: the minter's answer to the pool. */
function mintedToUs(incoming: Incoming, context: { queryId: bigint; jettonWallet: Address }): bigint | null {
  if (incoming.op !== Op.jettonTransferNotification || incoming.queryId !== context.queryId || !incoming.source.equals(context.jettonWallet)) return null;
  const notification = readTransferNotification(incoming);
  return notification && notification.from === null ? notification.jettons : null;
}

export type StakeOutcome =
  | { kind: 'minted'; jettons: bigint; transactionHash: string }
  | { kind: 'bill'; bill: VerifiedBill; transactionHash: string };

export type UnstakeOutcome =
  /** `arrived` is the withdrawal message's value; `received` subtracts the TON the burn carried there. */
  | { kind: 'instant'; arrived: bigint; received: bigint; transactionHash: string }
  | { kind: 'bill'; bill: VerifiedBill; transactionHash: string }
  | { kind: 'returned'; jettons: bigint; transactionHash: string };

/**
 * Tells whether the item that sent `received` (an ownership_assigned) is a bill of the pool of the expected kind:
 * checkPoolBill against the pool's raw data, or, once a rotation has moved the pool on, the mint's provenance.
 */
export type BillVerifier = (item: Address, kind: BillKind, received: Transaction) => Promise<VerifiedBill | null>;

/** A bill proven to be the pool's, of the expected kind, minted to the owner. `amount`: TON (deposit) or pTON. */
export interface VerifiedBill {
  item: Address;
  collection: Address;
  amount: bigint;
}

export interface OutcomeContext {
  queryId: bigint;
  owner: Address;
  pool: Address;
  /** The owner's pTON wallet. */
  jettonWallet: Address;
  /** lt of the owner's wallet transaction that sent the request: every answer comes after it. */
  afterLt: bigint;
  verifyBill: BillVerifier;
}

function later(transactions: readonly Transaction[], afterLt: bigint): Incoming[] {
  return transactions
    .filter((tx) => tx.lt > afterLt)
    .map(readIncoming)
    .filter((incoming): incoming is Incoming => incoming !== null)
    .sort((a, b) => (a.lt < b.lt ? -1 : a.lt > b.lt ? 1 : 0));
}

async function billFor(incoming: Incoming, context: OutcomeContext, kind: BillKind): Promise<VerifiedBill | null> {
  if (incoming.op !== Op.ownershipAssigned || incoming.queryId !== context.queryId) return null;
  return context.verifyBill(incoming.source, kind, incoming.transaction);
}

/** The stake's outcome among `transactions` (the owner's, any order), or null while it has not arrived. */
export async function findStakeOutcome(transactions: readonly Transaction[], context: OutcomeContext): Promise<StakeOutcome | null> {
  for (const incoming of later(transactions, context.afterLt)) {
    const jettons = mintedToUs(incoming, context);
    if (jettons !== null) return { kind: 'minted', jettons, transactionHash: incoming.transactionHash };
    const bill = await billFor(incoming, context, 'deposit');
    if (bill) return { kind: 'bill', bill, transactionHash: incoming.transactionHash };
  }
  return null;
}

/** The unstake's outcome; `attached` is the TON the wallet sent with the burn (it comes back inside the withdrawal). */
export async function findUnstakeOutcome(
  transactions: readonly Transaction[],
  context: OutcomeContext & { attached: bigint },
): Promise<UnstakeOutcome | null> {
  for (const incoming of later(transactions, context.afterLt)) {
    if (incoming.op === Op.withdrawal && incoming.queryId === context.queryId && incoming.source.equals(context.pool)) {
      return { kind: 'instant', arrived: incoming.value, received: incoming.value - context.attached, transactionHash: incoming.transactionHash };
    }
    const jettons = mintedToUs(incoming, context);
    if (jettons !== null) return { kind: 'returned', jettons, transactionHash: incoming.transactionHash };
    const bill = await billFor(incoming, context, 'withdrawal');
    if (bill) return { kind: 'bill', bill, transactionHash: incoming.transactionHash };
  }
  return null;
}

/** TON the wallet transaction sent out in internal messages (what it attached to the request). */
export function attachedValue(walletTransaction: Transaction): bigint {
  let total = 0n;
  for (const message of walletTransaction.outMessages.values()) if (message.info.type === 'internal') total += message.info.value.coins;
  return total;
}

/** The query_id of the request's first message body (op, then query_id), as the wallet signed it. */
export function requestQueryId(payloadBase64: string): bigint {
  const body = Cell.fromBase64(payloadBase64).beginParse();
  body.skip(32);
  return body.loadUintBig(64);
}

const PAGE_SIZE = 20;
const MAX_PAGES = 5;

/** The owner's transactions newer than `afterLt`, newest first, paged back until `afterLt` (at most 100). */
export async function transactionsAfter(client: Pick<TonClient, 'getTransactions'>, owner: Address, afterLt: bigint): Promise<Transaction[]> {
  const found: Transaction[] = [];
  let cursor: { lt: string; hash: string } | undefined;
  for (let page = 0; page < MAX_PAGES; page++) {
    const transactions = await client.getTransactions(owner, { limit: PAGE_SIZE, ...(cursor ?? {}), archival: true });
    // With a cursor, the page starts with the cursor's own transaction.
    const fresh = cursor ? transactions.filter((tx) => tx.lt.toString() !== cursor!.lt) : transactions;
    found.push(...fresh.filter((tx) => tx.lt > afterLt));
    const oldest = transactions[transactions.length - 1];
    if (!oldest || oldest.lt <= afterLt || transactions.length < PAGE_SIZE) break;
    cursor = { lt: oldest.lt.toString(), hash: oldest.hash().toString('base64') };
  }
  return found;
}

type SourceClient = Pick<TonClient, 'tryLocateSourceTx'>;

function internalIn(tx: Transaction) {
  const message = tx.inMessage;
  return message && message.info.type === 'internal' ? { info: message.info, body: message.body.beginParse() } : null;
}

/**
 * Proves from transactions alone that the item which sent `received` was minted by the pool's order with our
 * query_id: the item's transaction that sent it was an init_nft (query_id, owner = us) from a contract C, and C's
 * transaction that sent that init was the pool's `mint` with the same query_id. The pool sends `mint` only to its
 * own minter and payout collections, and a message's sender cannot be forged, so C is one of the pool's payout
 * collections. Works after a rotation and after the item was paid and destroyed (the history stays).
 */
export async function billMintedByPool(
  client: SourceClient,
  received: Transaction,
  context: { owner: Address; pool: Address; queryId: bigint },
): Promise<VerifiedBill | null> {
  const notice = internalIn(received);
  if (!notice) return null;
  const item = notice.info.src;
  try {
    const itemTx = await client.tryLocateSourceTx(item, context.owner, notice.info.createdLt.toString());
    const init = internalIn(itemTx);
    if (!init || init.body.remainingBits < 32 + 64 || init.body.loadUint(32) !== Op.initNft || init.body.loadUintBig(64) !== context.queryId) return null;
    if (!init.body.loadAddress().equals(context.owner)) return null;
    const amount = init.body.loadCoins();
    const collection = init.info.src;
    const collectionTx = await client.tryLocateSourceTx(collection, item, init.info.createdLt.toString());
    const mint = internalIn(collectionTx);
    if (!mint || !mint.info.src.equals(context.pool) || mint.body.remainingBits < 32 + 64) return null;
    if (mint.body.loadUint(32) !== Op.mint || mint.body.loadUintBig(64) !== context.queryId) return null;
    return { item, collection, amount };
  } catch {
    return null; // not indexed yet or not found: not proven (the next poll asks again)
  }
}

/**
 * A BillVerifier for `pool`: one get_pool_full_data_raw (the simulating getter hides live collections once a
 * rotation is due) and one get_nft_data; when the item's collection is no longer the pool's current one (a
 * rotation came first) or the item is already gone, the mint's provenance (billMintedByPool) decides.
 */
export function poolBillVerifier(
  rpc: Pick<TonRpc, 'runGetMethod'> & { client: SourceClient },
  readRawPool: () => Promise<Pick<PoolFullData, 'depositPayout' | 'withdrawalPayout'>>,
  context: { owner: Address; pool: Address; queryId: bigint },
): BillVerifier {
  let raw: Promise<Pick<PoolFullData, 'depositPayout' | 'withdrawalPayout'>> | undefined;
  return async (item, kind, received) => {
    raw ??= readRawPool();
    const check = await checkPoolBill(rpc, await raw, item);
    if (check.status === 'bill') {
      const { bill } = check;
      return bill.kind === kind && bill.owner.equals(context.owner) ? { item, collection: bill.collection, amount: bill.amount } : null;
    }
    const proven = await billMintedByPool(rpc.client, received, context);
    return proven && proven.item.equals(item) ? proven : null;
  };
}
