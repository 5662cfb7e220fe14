import { TonConnectError, UserRejectsError } from '@tonconnect/ui-react';
import { describe, expect, it } from 'vitest';
import { handleCancelledConnectAttempts, isCancelledConnectAttempt } from './ton-connect';

describe('cancelled bridge connection attempts', () => {
  it('recognises only the SDK error of a cancelled attempt', () => {
    expect(isCancelledConnectAttempt(new TonConnectError('Aborted after attempts 5'))).toBe(true);
    expect(isCancelledConnectAttempt(new TonConnectError('Aborted after attempts 1'))).toBe(true);
    // the same words from anything but the SDK, or another SDK error, are real errors
    expect(isCancelledConnectAttempt(new Error('Aborted after attempts 5'))).toBe(false);
    expect(isCancelledConnectAttempt(new UserRejectsError())).toBe(false);
    expect(isCancelledConnectAttempt(new TonConnectError('Transaction sending was aborted'))).toBe(false);
    expect(isCancelledConnectAttempt('Aborted after attempts 5')).toBe(false);
  });

  it('marks that rejection handled and leaves every other one alone', () => {
    const listeners: ((event: { reason: unknown; preventDefault: () => void }) => void)[] = [];
    handleCancelledConnectAttempts({ addEventListener: ((_type: string, listener: (typeof listeners)[number]) => listeners.push(listener)) as never });
    const dispatch = (reason: unknown) => {
      let prevented = false;
      listeners.forEach((listener) => listener({ reason, preventDefault: () => (prevented = true) }));
      return prevented;
    };
    expect(dispatch(new TonConnectError('Aborted after attempts 5'))).toBe(true);
    expect(dispatch(new Error('boom'))).toBe(false);
  });
});
