import { describe, expect, it } from 'vitest';
import { RpcError } from '../../ton/client';
import { PoolNotConfiguredError } from '../../queries/protocol';
import { isUnreachable, networkUnreachable, readErrorText, unreachableText, type ReadState } from './read-error';

const rpc = (kind: ConstructorParameters<typeof RpcError>[0]) => new RpcError(kind, `rpc ${kind}`, { attempts: 3 });

describe('read errors in plain words', () => {
  it('never shows a raw "Failed to fetch"', () => {
    expect(readErrorText(new TypeError('Failed to fetch'))).toBe(unreachableText());
    expect(readErrorText(new TypeError('NetworkError when attempting to fetch resource.'))).toBe(unreachableText());
    expect(readErrorText(rpc('network'))).toBe(unreachableText());
    expect(readErrorText(rpc('timeout'))).toBe(unreachableText());
    expect(readErrorText(rpc('server'))).toBe(unreachableText());
  });

  it("keeps an error's own words when the network was reached", () => {
    expect(isUnreachable(rpc('bad-request'))).toBe(false);
    expect(readErrorText(rpc('bad-request'))).toBe('rpc bad-request');
    expect(readErrorText(rpc('rate-limited'))).toMatch(/busy/);
    expect(readErrorText(new Error('some other failure'))).toBe('some other failure');
    expect(readErrorText(new PoolNotConfiguredError('not-configured', 'Testnet'))).toBe('No pool address is configured for Testnet.');
    expect(isUnreachable(new TypeError("Cannot read properties of undefined (reading 'x')"))).toBe(false);
  });
});

describe('the page-wide notice', () => {
  const ok: ReadState = { status: 'success', error: null, fetchFailureCount: 0, fetchFailureReason: null };
  it('shows while any read failed to reach the network, or is retrying after such a failure', () => {
    expect(networkUnreachable([ok, ok])).toBe(false);
    expect(networkUnreachable([ok, { ...ok, status: 'error', error: rpc('network') }])).toBe(true);
    // still holding the last data, retrying after a timeout
    expect(networkUnreachable([{ ...ok, fetchFailureCount: 1, fetchFailureReason: rpc('timeout') }])).toBe(true);
  });
  it('stays away for errors that are not about connectivity', () => {
    expect(networkUnreachable([{ ...ok, status: 'error', error: rpc('bad-request') }])).toBe(false);
    expect(networkUnreachable([{ ...ok, status: 'error', error: new Error('not a pool') }])).toBe(false);
  });
});
