// Follows a TON Connect transaction from "waiting for the wallet" to a final outcome. The wallet returns the
// signed external message; we identify it by its TEP-467 normalized hash (stable whatever src/import_fee/init
// the wallet or the network puts on it), find the wallet transaction that consumed it, check it and the
// transactions its messages caused, then confirm by the on-chain effect the caller cares about.
import { Address, beginCell, Cell, loadMessage, type Message, storeMessage, type Transaction } from '@ton/core';
import type { TonClient } from '@ton/ton';
import { exitCodeReason, type FailingContract } from './exit-codes';
import { VALID_FOR_S } from './tx';

export type TrackStatus =
  | { status: 'waiting-wallet' }
  | { status: 'sent'; normalizedHash: string }
  | { status: 'confirmed'; normalizedHash: string; transaction: Transaction }
  | { status: 'failed'; normalizedHash?: string; reason: string; exitCode?: number; transaction?: Transaction }
  | { status: 'expired'; normalizedHash: string };

/** TEP-467: ext-in with src = addr_none, import_fee = 0, no init, body always in a ref; hex of its hash. */
export function normalizeExternalMessage(message: Message): Cell {
  if (message.info.type !== 'external-in') throw new Error('only external-in messages have a normalized hash');
  return beginCell()
    .store(
      storeMessage(
        { info: { type: 'external-in', src: null, dest: message.info.dest, importFee: 0n }, init: null, body: message.body },
        { forceRef: true },
      ),
    )
    .endCell();
}

export function normalizedMessageHash(message: Message): string {
  return normalizeExternalMessage(message).hash().toString('hex');
}

/** The wallet's `sendTransaction` result is the base64 BOC of the signed external message. */
export function normalizedHashFromBoc(boc: string): string {
  return normalizedMessageHash(loadMessage(Cell.fromBase64(boc).beginParse()));
}

export interface TransactionCheck {
  ok: boolean;
  reason?: string;
  exitCode?: number;
}

/** Reads compute and action phases. A failed compute or action phase, or an aborted tx, is a failure. */
export function checkTransaction(tx: Transaction, contract: FailingContract = 'unknown'): TransactionCheck {
  const description = tx.description;
  if (description.type !== 'generic') return { ok: true };
  const compute = description.computePhase;
  if (compute.type === 'skipped') {
    return { ok: false, reason: `The contract did not run (${compute.reason}): it may not be deployed or had no funds.` };
  }
  if (!compute.success || (compute.exitCode !== 0 && compute.exitCode !== 1)) {
    return { ok: false, exitCode: compute.exitCode, reason: exitCodeReason(compute.exitCode, contract) };
  }
  const action = description.actionPhase;
  if (action && !action.success) {
    return { ok: false, exitCode: action.resultCode, reason: exitCodeReason(action.resultCode, contract) };
  }
  if (description.aborted) return { ok: false, reason: 'The transaction was aborted.' };
  return { ok: true };
}

type TransactionsClient = Pick<TonClient, 'getTransactions'>;

const sleep = (ms: number, signal?: AbortSignal) =>
  new Promise<void>((resolve, reject) => {
    if (signal?.aborted) return reject(signal.reason ?? new Error('aborted'));
    const timer = setTimeout(() => {
      signal?.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    const onAbort = () => {
      clearTimeout(timer);
      reject(signal?.reason ?? new Error('aborted'));
    };
    signal?.addEventListener('abort', onAbort, { once: true });
  });

export interface WaitOptions {
  timeoutMs?: number;
  pollMs?: number;
  signal?: AbortSignal;
  /** Unix seconds of the request's validUntil: past it (plus grace) and still no tx means the message expired. */
  validUntil?: number;
  /** How many recent wallet transactions each poll reads. */
  pageSize?: number;
  now?: () => number;
}

const MAX_PAGES = 5;

/** Which wallet transaction we are looking for. */
export type WalletTransactionMatch = (tx: Transaction) => boolean;

/** The wallet transaction that consumed the signed external message with this TEP-467 normalized hash. */
export function byNormalizedHash(normalizedHash: string): WalletTransactionMatch {
  return (tx) => tx.inMessage?.info.type === 'external-in' && normalizedMessageHash(tx.inMessage) === normalizedHash;
}

/**
 * The wallet transaction that sent an internal message with exactly this body (hex cell hash). With a random
 * query_id in every request, the body identifies it as surely as the external's hash, and needs no wallet answer:
 * a request whose answer was lost (the page reloaded while the wallet was asked) is found this way.
 */
export function bySentBody(bodyHash: string): WalletTransactionMatch {
  return (tx) =>
    tx.inMessage?.info.type === 'external-in' &&
    [...tx.outMessages.values()].some((message) => message.info.type === 'internal' && message.body.hash().toString('hex') === bodyHash);
}

/**
 * One scan of the wallet's recent transactions, newest first. With validUntil known, a busy wallet is paged back
 * to when the message could have been signed (validUntil − VALID_FOR_S, minus a minute of clock skew).
 */
async function findInRecent(client: TransactionsClient, walletAddress: Address, match: WalletTransactionMatch, options: WaitOptions): Promise<Transaction | null> {
  const pageSize = options.pageSize ?? 10;
  const signedNoEarlierThan = options.validUntil !== undefined ? options.validUntil - VALID_FOR_S - 60 : Number.POSITIVE_INFINITY;
  let cursor: { lt: string; hash: string } | undefined;
  for (let page = 0; page < MAX_PAGES; page++) {
    const transactions = await client.getTransactions(walletAddress, { limit: pageSize, ...(cursor ?? {}), archival: true });
    const found = transactions.find(match);
    if (found) return found;
    const oldest = transactions[transactions.length - 1];
    if (!oldest || transactions.length < pageSize || oldest.now < signedNoEarlierThan) return null;
    cursor = { lt: oldest.lt.toString(), hash: oldest.hash().toString('base64') };
  }
  return null;
}

/** Finds the wallet transaction whose inbound external matches; null once the wait is over (expired). */
export async function waitForTransaction(
  client: TransactionsClient,
  walletAddress: Address,
  normalizedHashOrMatch: string | WalletTransactionMatch,
  options: WaitOptions = {},
): Promise<Transaction | null> {
  const match = typeof normalizedHashOrMatch === 'string' ? byNormalizedHash(normalizedHashOrMatch) : normalizedHashOrMatch;
  const pollMs = options.pollMs ?? 2_000;
  const now = options.now ?? (() => Date.now());
  const startedAt = now();
  const deadlineMs = Math.min(
    startedAt + (options.timeoutMs ?? 5 * 60_000),
    // 30 s grace: the message may land in the last block before validUntil
    options.validUntil !== undefined ? options.validUntil * 1000 + 30_000 : Number.POSITIVE_INFINITY,
  );
  for (;;) {
    const found = await findInRecent(client, walletAddress, match, options);
    if (found) return found;
    if (now() >= deadlineMs) return null;
    await sleep(Math.min(pollMs, Math.max(0, deadlineMs - now())), options.signal);
  }
}

/** Polls `effect` until it holds (balance changed, jetton balance changed, bill appeared…). */
export async function waitForEffect(effect: () => Promise<boolean>, options: Omit<WaitOptions, 'validUntil' | 'pageSize'> = {}): Promise<boolean> {
  const pollMs = options.pollMs ?? 2_000;
  const now = options.now ?? (() => Date.now());
  const deadlineMs = now() + (options.timeoutMs ?? 2 * 60_000);
  for (;;) {
    if (await effect()) return true;
    if (now() >= deadlineMs) return false;
    await sleep(pollMs, options.signal);
  }
}

type ResultTxClient = Pick<TonClient, 'getTransactions' | 'tryLocateResultTx'>;

/** Checks the transactions caused by the wallet's outgoing internal messages (one hop: the pool or jetton wallet). */
export async function checkOutgoing(client: ResultTxClient, walletTx: Transaction, walletAddress: Address, contract: FailingContract): Promise<TransactionCheck> {
  for (const message of walletTx.outMessages.values()) {
    if (message.info.type !== 'internal') continue;
    let result: Transaction;
    try {
      result = await client.tryLocateResultTx(walletAddress, message.info.dest, message.info.createdLt.toString());
    } catch {
      continue; // not indexed (yet) or unsupported by the endpoint: the effect check decides
    }
    const check = checkTransaction(result, contract);
    if (!check.ok) return check;
  }
  return { ok: true };
}

export interface TrackOptions extends WaitOptions {
  client: ResultTxClient;
  walletAddress: Address;
  /** Calls TON Connect; resolves with the signed BOC. Rejections (user declined) propagate unchanged. */
  send: () => Promise<{ boc: string }>;
  onStatus?: (status: TrackStatus) => void;
  /** The contract the wallet's message goes to, for naming exit codes. */
  target?: FailingContract;
  /** Checks the destination's transaction too (needs tryLocateResultTx on the endpoint). Default true. */
  followOutgoing?: boolean;
  /** On-chain effect that proves success (e.g. pTON balance grew). Checked after the tx is found. */
  effect?: () => Promise<boolean>;
  effectTimeoutMs?: number;
}

/** waiting-wallet → sent → confirmed | failed | expired; every step goes to onStatus, the last one is returned. */
export async function trackTransaction(options: TrackOptions): Promise<TrackStatus> {
  const emit = (status: TrackStatus) => {
    options.onStatus?.(status);
    return status;
  };
  emit({ status: 'waiting-wallet' });
  const { boc } = await options.send();
  const normalizedHash = normalizedHashFromBoc(boc);
  emit({ status: 'sent', normalizedHash });

  const transaction = await waitForTransaction(options.client, options.walletAddress, normalizedHash, options);
  if (!transaction) return emit({ status: 'expired', normalizedHash });

  const own = checkTransaction(transaction, 'wallet');
  if (!own.ok) return emit({ status: 'failed', normalizedHash, transaction, reason: own.reason!, exitCode: own.exitCode });

  if (options.followOutgoing ?? true) {
    const downstream = await checkOutgoing(options.client, transaction, options.walletAddress, options.target ?? 'unknown');
    if (!downstream.ok) return emit({ status: 'failed', normalizedHash, transaction, reason: downstream.reason!, exitCode: downstream.exitCode });
  }

  if (options.effect) {
    const seen = await waitForEffect(options.effect, { timeoutMs: options.effectTimeoutMs, pollMs: options.pollMs, signal: options.signal, now: options.now });
    if (!seen) {
      return emit({ status: 'failed', normalizedHash, transaction, reason: 'The transaction went through but its effect did not show up on-chain in time.' });
    }
  }
  return emit({ status: 'confirmed', normalizedHash, transaction });
}
