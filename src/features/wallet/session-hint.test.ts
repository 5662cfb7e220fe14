import { describe, expect, it } from 'vitest';
import { likelyConnected, TON_CONNECT_SESSION_KEY } from './session-hint';

const storage = (entries: Record<string, string>) => ({ getItem: (key: string) => entries[key] ?? null });

describe('likelyConnected', () => {
  it('is true only when TON Connect has a stored connection', () => {
    expect(likelyConnected(storage({ [TON_CONNECT_SESSION_KEY]: '{"type":"injected"}' }))).toBe(true);
    expect(likelyConnected(storage({ 'ton-connect-ui_preferred-wallet': 'x' }))).toBe(false);
    expect(likelyConnected(storage({ [TON_CONNECT_SESSION_KEY]: '' }))).toBe(false);
    expect(likelyConnected(null)).toBe(false);
  });

  it('is false when the storage throws (disabled cookies, sandboxed frames)', () => {
    const blocked = { getItem: () => { throw new DOMException('denied', 'SecurityError'); } };
    expect(likelyConnected(blocked)).toBe(false);
  });
});
