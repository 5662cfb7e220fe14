// What a user reads when sending or tracking a transaction fails, and how they can recover.
import { TonConnectError, UserRejectsError, WalletWrongNetworkError } from '@tonconnect/ui-react';
import { RpcError } from '../../ton/client';
import type { NetworkConfig } from '../../ton/networks';

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
  return error instanceof TonConnectError && !(error instanceof UserRejectsError) && !(error instanceof WalletWrongNetworkError);
}

export const DECLINED_MESSAGE = 'You declined the request in your wallet. Nothing was sent.';

export interface DescribedFailure {
  phase: 'rejected' | 'failed' | 'expired';
  message: string;
  /** resume: check the already-sent message again (never re-sends); resend: ask the wallet again. */
  retry?: 'resume' | 'resend';
}

function rpcMessage(error: RpcError): string {
  switch (error.kind) {
    case 'rate-limited':
      return 'The network is busy right now (too many requests).';
    case 'timeout':
      return 'The network did not answer in time.';
    case 'server':
      return 'The network service had a problem.';
    case 'network':
      return 'The network could not be reached. Check your connection.';
    case 'bad-request':
      return 'The network refused the request.';
  }
}

/**
 * Turns whatever was thrown into a plain-language failure. `sent` says whether the wallet already returned a
 * signed message: from then on a retry must only look for it on-chain, never sign again.
 */
export function describeSendFailure(error: unknown, context: { network: NetworkConfig; sent: boolean }): DescribedFailure {
  const retry = context.sent ? 'resume' : 'resend';
  if (error instanceof UserRejectsError) return { phase: 'rejected', message: DECLINED_MESSAGE, retry: 'resend' };
  if (error instanceof WrongNetworkError || error instanceof WalletWrongNetworkError) {
    return {
      phase: 'failed',
      message: `Your wallet is connected to another network. Switch it to ${context.network.label} and reconnect; nothing was sent.`,
    };
  }
  if (error instanceof WalletTimeoutError) {
    return { phase: 'expired', message: 'The wallet did not answer before the request expired. Nothing was sent.', retry: 'resend' };
  }
  if (error instanceof RpcError) {
    const after = context.sent
      ? ' Your transaction was already sent: Retry checks its status again without sending it twice.'
      : ' Nothing was sent. Please retry.';
    return { phase: 'failed', message: `${rpcMessage(error)}${after}`, retry };
  }
  if (error instanceof TonConnectError) {
    return { phase: 'failed', message: 'The wallet could not process the request, and no such transaction reached the chain. You can try again.', retry: 'resend' };
  }
  const detail = error instanceof Error ? error.message : String(error);
  return { phase: 'failed', message: `Something went wrong: ${detail}`, retry };
}
