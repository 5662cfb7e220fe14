// getTransactions without freezing the page: TonClient parses a whole page in one go (Cell.fromBoc hashes every
// cell in JS), which on a phone or a busy laptop is a long task of hundreds of milliseconds per page. Here the raw
// page is parsed a few transactions at a time, yielding to the browser between slices so input and paint go on.
import { Cell, loadTransaction, type Address, type Transaction } from '@ton/core';
import type { TonRpc } from './client';
import type { TransactionPageFetcher } from './history';

export interface TransactionPageRequest {
  limit: number;
  /** Start below this transaction (exclusive), newest first. */
  lt?: string;
  /** Base64 hash of the `lt` transaction. */
  hash?: string;
  /** Stop above this lt (exclusive). */
  toLt?: string;
}

/**
 * Longest stretch of parsing between yields, React's own frame budget: one transaction more can overrun it, and at a
 * phone's 4x slower CPU the task must stay under the 50 ms that counts as a long one (10 ms slices measured 12-25 ms).
 */
const SLICE_MS = 5;

interface SchedulerWithYield {
  yield?: () => Promise<void>;
}

/** Gives the event loop a turn: scheduler.yield() where the browser has it, a macrotask otherwise. */
export function yieldToMain(): Promise<void> {
  const scheduler = (globalThis as { scheduler?: SchedulerWithYield }).scheduler;
  if (scheduler?.yield) return scheduler.yield();
  return new Promise((resolve) => setTimeout(resolve, 0));
}

function isRawTransaction(value: unknown): value is { data: string } {
  return typeof value === 'object' && value !== null && typeof (value as { data?: unknown }).data === 'string';
}

/** Parses toncenter's raw transactions (base64 BOC in `data`), yielding every SLICE_MS. Keeps the server's order. */
export async function parseTransactionsCooperatively(raw: unknown, now: () => number = () => performance.now()): Promise<Transaction[]> {
  if (!Array.isArray(raw)) throw new Error('getTransactions: the answer is not a list of transactions');
  const transactions: Transaction[] = [];
  // not in the task that just parsed the page's JSON (itself tens of milliseconds on a phone)
  await yieldToMain();
  let sliceStart = now();
  for (const item of raw) {
    if (!isRawTransaction(item)) throw new Error('getTransactions: a transaction has no data');
    transactions.push(loadTransaction(Cell.fromBase64(item.data).beginParse()));
    if (now() - sliceStart > SLICE_MS) {
      await yieldToMain();
      sliceStart = now();
    }
  }
  return transactions;
}

/**
 * One getTransactions page through the shared RPC scheduler (same throttling, retries and counters as every other
 * call), parsed cooperatively. Asks what TonClient asks: the cursor hash in hex, and since toncenter's cursor is
 * inclusive, one more row than wanted, dropping the cursor's own transaction before parsing it.
 */
export async function fetchTransactionPage(rpc: Pick<TonRpc, 'call'>, address: Address, request: TransactionPageRequest): Promise<Transaction[]> {
  const cursor = request.lt !== undefined && request.hash !== undefined;
  const params: Record<string, unknown> = { address: address.toString(), limit: cursor ? request.limit + 1 : request.limit, archival: true };
  if (cursor) {
    params.lt = request.lt;
    params.hash = Buffer.from(request.hash ?? '', 'base64').toString('hex');
  }
  if (request.toLt !== undefined) params.to_lt = request.toLt;
  const raw = await rpc.call('getTransactions', params);
  if (!Array.isArray(raw)) throw new Error('getTransactions: the answer is not a list of transactions');
  const page = raw.slice(0, params.limit as number);
  return parseTransactionsCooperatively(cursor ? page.slice(1) : page);
}

/** The page fetcher readTransactionPages takes, for one account over the shared RPC. */
export function transactionPageFetcher(rpc: Pick<TonRpc, 'call'>, account: Address): TransactionPageFetcher {
  return (request) => fetchTransactionPage(rpc, account, request);
}
