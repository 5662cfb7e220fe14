// What a user reads when sending or tracking a transaction fails, and how they can recover.
import { RpcError } from '../../ton/client';
import type { NetworkConfig } from '../../ton/networks';
import { tNow } from '../../i18n/messages';
import { sendErrorMessages } from './messages';

type ErrorClass = abstract new (...args: never[]) => Error;

/** TON Connect's own error classes, which tell a declined request from a wallet failure. */
export interface TonConnectErrorClasses {
  TonConnectError: ErrorClass;
  UserRejectsError: ErrorClass;
  WalletWrongNetworkError: ErrorClass;
}

// They arrive with TON Connect's chunk (app/ton-connect-runtime.tsx registers them): importing them here would load
// all of TON Connect with every panel. Nothing can be sent before that chunk has loaded, so nothing is misread.
let tonConnectErrors: TonConnectErrorClasses | null = null;

export function registerTonConnectErrors(classes: TonConnectErrorClasses): void {
  tonConnectErrors = classes;
}

function isError(error: unknown, kind: keyof TonConnectErrorClasses): boolean {
  return tonConnectErrors !== null && error instanceof tonConnectErrors[kind];
}

/** The connected wallet is on another chain: raised before the wallet is asked anything. */
export class WrongNetworkError extends Error {
  constructor(readonly walletChain: string) {
    super(`wallet chain ${walletChain}`);
    this.name = 'WrongNetworkError';
  }
}

/** The wallet neither signed nor declined before the request expired. */
export class WalletTimeoutError extends Error {
  constructor() {
    super('the wallet did not answer in time');
    this.name = 'WalletTimeoutError';
  }
}

/**
 * A wallet error that does not rule out a broadcast: anything but the user's "no" or a wrong network, both of which
 * a wallet answers before signing. (A wallet that loses its connection after sending reports an unknown error.)
 */
export function walletErrorMayHaveSent(error: unknown): boolean {
  return isError(error, 'TonConnectError') && !isError(error, 'UserRejectsError') && !isError(error, 'WalletWrongNetworkError');
}

export function declinedMessage(): string {
  return tNow(sendErrorMessages)('declined');
}

export interface DescribedFailure {
  phase: 'rejected' | 'failed' | 'expired';
  message: string;
  /** resume: check the already-sent message again (never re-sends); resend: ask the wallet again. */
  retry?: 'resume' | 'resend';
}

function rpcMessage(error: RpcError): string {
  return tNow(sendErrorMessages)(`rpc.${error.kind}`);
}

/**
 * Turns whatever was thrown into a plain-language failure. `sent` says whether the wallet already returned a
 * signed message: from then on a retry must only look for it on-chain, never sign again.
 */
export function describeSendFailure(error: unknown, context: { network: NetworkConfig; sent: boolean }): DescribedFailure {
  const t = tNow(sendErrorMessages);
  const retry = context.sent ? 'resume' : 'resend';
  if (isError(error, 'UserRejectsError')) return { phase: 'rejected', message: t('declined'), retry: 'resend' };
  if (error instanceof WrongNetworkError || isError(error, 'WalletWrongNetworkError')) {
    return {
      phase: 'failed',
      message: t('wrongNetwork', { network: context.network.label }),
    };
  }
  if (error instanceof WalletTimeoutError) {
    return { phase: 'expired', message: t('walletTimeout'), retry: 'resend' };
  }
  if (error instanceof RpcError) {
    return { phase: 'failed', message: `${rpcMessage(error)} ${t(context.sent ? 'afterSent' : 'notSent')}`, retry };
  }
  if (isError(error, 'TonConnectError')) {
    return { phase: 'failed', message: t('walletFailed'), retry: 'resend' };
  }
  const detail = error instanceof Error ? error.message : String(error);
  return { phase: 'failed', message: t('unknown', { detail }), retry };
}
