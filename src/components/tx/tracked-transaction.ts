// Sends one TON Connect request and follows it to an on-chain outcome: waiting for the wallet → sent →
// confirmed (the effect the user wanted is visible on-chain), or rejected / failed (reason) / expired.
// Every wait is bounded, so no status can spin forever. Pure async code: the React hook only wires it up.
import { tNow } from '../../i18n/messages';
import { trackingMessages } from './messages';
import type { Address, Transaction } from '@ton/core';
import type { TonClient } from '@ton/ton';
import type { FailingContract } from '../../ton/exit-codes';
import { bySentBody, checkOutgoing, checkTransaction, normalizedHashFromBoc, normalizedMessageHash, waitForEffect, waitForTransaction } from '../../ton/tracking';
import type { TxPhase } from '../../stores/pending-transactions';
import { WalletTimeoutError } from './send-errors';

/** What the confirmation check says about the effect so far. */
export type EffectCheck = { status: 'pending' } | { status: 'confirmed'; message: string } | { status: 'failed'; message: string };

export interface TrackedUpdate {
  phase: TxPhase;
  normalizedHash?: string;
  transactionHash?: string;
  message?: string;
  retry?: 'resume' | 'resend';
}

export interface TrackedRunOptions {
  client: Pick<TonClient, 'getTransactions' | 'tryLocateResultTx'>;
  walletAddress: Address;
  /** Asks the wallet; resolves with the signed external message (base64 BOC). Absent when resuming. */
  send?: () => Promise<string>;
  /** The message already sent, when resuming after a failed check or a reload. */
  normalizedHash?: string;
  /**
   * Hex hash of the body the request sends. Without `send`: resuming a request whose wallet answer was lost (the
   * page closed while the wallet was asked); the wallet transaction is looked for by that body until validUntil has
   * passed. With `send`: where to look when the wallet answers with an error that may hide a broadcast.
   */
  sentBodyHash?: string;
  /**
   * Wallet errors that do not rule out a broadcast (anything but the user's "no"). A wallet can report a failure
   * although its transaction went out: with `sentBodyHash`, such an error is first checked on chain.
   */
  mayHaveSent?: (error: unknown) => boolean;
  /** How long to look for a transaction the wallet said failed (default 45 s, never past validUntil + grace). */
  walletErrorCheckMs?: number;
  /** Unix seconds; the message cannot land after it. */
  validUntil: number;
  /** Contract the wallet's message goes to, to name its exit codes. */
  target: FailingContract;
  /** Polled after the wallet transaction is found, until it is no longer pending. */
  checkEffect: (walletTransaction: Transaction) => Promise<EffectCheck>;
  onUpdate: (update: TrackedUpdate) => void;
  pollMs?: number;
  effectTimeoutMs?: number;
  now?: () => number;
}

function withTimeout<T>(promise: Promise<T>, ms: number, onTimeout: () => Error): Promise<T> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(onTimeout()), ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

/** Runs the flow and returns the final update (also passed to onUpdate). Wallet and RPC errors are thrown. */
export async function runTrackedTransaction(options: TrackedRunOptions): Promise<TrackedUpdate> {
  const now = options.now ?? (() => Date.now());
  const finish = (update: TrackedUpdate) => {
    options.onUpdate(update);
    return update;
  };

  let normalizedHash = options.normalizedHash;
  const pollMs = options.pollMs ?? 1_500;
  let transaction: Transaction | null = null;
  if (!normalizedHash && !options.send && options.sentBodyHash) {
    transaction = await waitForTransaction(options.client, options.walletAddress, bySentBody(options.sentBodyHash), { validUntil: options.validUntil, pollMs, now });
    if (!transaction) {
      return finish({ phase: 'expired', message: tNow(trackingMessages)('notSentInTime'), retry: 'resend' });
    }
    if (transaction.inMessage) normalizedHash = normalizedMessageHash(transaction.inMessage);
  } else if (!normalizedHash) {
    if (!options.send) throw new Error('runTrackedTransaction needs send, normalizedHash or sentBodyHash');
    options.onUpdate({ phase: 'waiting-wallet' });
    // The wallet may sit on the request; once validUntil has passed it can no longer be sent anyway.
    const walletWaitMs = Math.max(0, options.validUntil * 1000 - now()) + 5_000;
    try {
      const boc = await withTimeout(options.send(), walletWaitMs, () => new WalletTimeoutError());
      normalizedHash = normalizedHashFromBoc(boc);
    } catch (error) {
      if (!options.sentBodyHash || !options.mayHaveSent?.(error)) throw error;
      options.onUpdate({ phase: 'sent', message: tNow(trackingMessages)('walletErrorChecking') });
      transaction = await waitForTransaction(options.client, options.walletAddress, bySentBody(options.sentBodyHash), {
        validUntil: options.validUntil,
        timeoutMs: options.walletErrorCheckMs ?? 45_000,
        pollMs,
        now,
      });
      if (!transaction?.inMessage) throw error;
      normalizedHash = normalizedMessageHash(transaction.inMessage);
    }
  }
  options.onUpdate({ phase: 'sent', normalizedHash, message: undefined });

  transaction ??= await waitForTransaction(options.client, options.walletAddress, normalizedHash!, { validUntil: options.validUntil, pollMs, now });
  if (!transaction) {
    return finish({ phase: 'expired', normalizedHash, message: tNow(trackingMessages)('notIncluded'), retry: 'resend' });
  }
  const transactionHash = transaction.hash().toString('hex');
  options.onUpdate({ phase: 'sent', normalizedHash, transactionHash });

  const own = checkTransaction(transaction, 'wallet');
  if (!own.ok) return finish({ phase: 'failed', normalizedHash, transactionHash, message: own.reason, retry: 'resend' });
  const downstream = await checkOutgoing(options.client, transaction, options.walletAddress, options.target);
  if (!downstream.ok) return finish({ phase: 'failed', normalizedHash, transactionHash, message: downstream.reason, retry: 'resend' });

  // Assigned inside the poll callback, which TypeScript's narrowing cannot see.
  let outcome = { status: 'pending' } as EffectCheck;
  const seen = await waitForEffect(
    async () => {
      outcome = await options.checkEffect(transaction);
      return outcome.status !== 'pending';
    },
    { pollMs, timeoutMs: options.effectTimeoutMs ?? 3 * 60_000, now },
  );
  if (!seen || outcome.status === 'pending') {
    return finish({
      phase: 'failed',
      normalizedHash,
      transactionHash,
      message: tNow(trackingMessages)('effectLate'),
      retry: 'resume',
    });
  }
  if (outcome.status === 'failed') return finish({ phase: 'failed', normalizedHash, transactionHash, message: outcome.message, retry: 'resend' });
  return finish({ phase: 'confirmed', normalizedHash, transactionHash, message: outcome.message });
}
