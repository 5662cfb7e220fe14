import { TonConnectError, UserRejectsError, WalletWrongNetworkError, UnknownError } from '@tonconnect/ui-react';
import { describe, expect, it } from 'vitest';
import { RpcError } from '../../ton/client';
import { networkPreset } from '../../ton/networks';
import { declinedMessage, describeSendFailure, registerTonConnectErrors, WalletTimeoutError, WrongNetworkError } from './send-errors';

// What app/ton-connect-runtime.tsx does once TON Connect's chunk has loaded.
registerTonConnectErrors({ TonConnectError, UserRejectsError, WalletWrongNetworkError });

const network = networkPreset('testnet');

describe('describeSendFailure', () => {
  it('a declined request says so, and retry asks the wallet again', () => {
    expect(describeSendFailure(new UserRejectsError(), { network, sent: false })).toEqual({ phase: 'rejected', message: declinedMessage(), retry: 'resend' });
    expect(declinedMessage()).toMatch(/^You declined the request in your wallet/);
  });

  it('a wallet on another chain is blocked with the network to switch to, from the SDK or our own check', () => {
    for (const error of [new WalletWrongNetworkError('chain mismatch', { cause: { expectedChainId: '-3', actualChainId: '-239' } }), new WrongNetworkError('-239')]) {
      const failure = describeSendFailure(error, { network, sent: false });
      expect(failure.phase).toBe('failed');
      expect(failure.message).toContain('Switch it to Testnet');
      expect(failure.retry).toBeUndefined();
    }
  });

  it('RPC trouble before sending is retried by sending; after sending, by looking again (never twice)', () => {
    const busy = new RpcError('rate-limited', 'HTTP 429', { status: 429, attempts: 5 });
    expect(describeSendFailure(busy, { network, sent: false })).toMatchObject({ phase: 'failed', retry: 'resend', message: expect.stringMatching(/busy.*Nothing was sent/) });
    const down = new RpcError('server', 'HTTP 500', { status: 500, attempts: 5 });
    expect(describeSendFailure(down, { network, sent: true })).toMatchObject({ retry: 'resume', message: expect.stringMatching(/problem.*without sending it twice/) });
    // non-technical: no status codes or method names leak into the text
    expect(describeSendFailure(down, { network, sent: true }).message).not.toMatch(/500|HTTP/);
  });

  it('an unanswered wallet request expires; other wallet errors are failures to retry', () => {
    expect(describeSendFailure(new WalletTimeoutError(), { network, sent: false })).toMatchObject({ phase: 'expired', retry: 'resend' });
    expect(describeSendFailure(new UnknownError(), { network, sent: false })).toMatchObject({ phase: 'failed', retry: 'resend' });
  });
});
