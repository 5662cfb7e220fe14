import { describe, expect, it } from 'vitest';
import { networkPreset } from '../ton/networks';
import { expectedPayoutAt, fetchProtocolInfo, parseDevnetProtocol, PoolNotConfiguredError } from './protocol';

describe('devnet protocol info', () => {
  it('reads pool, round length and the next round on the wall clock even when the devnet clock was advanced', () => {
    const info = parseDevnetProtocol({ pool: 'EQpool', roundSeconds: 30, nextRoundAt: 5_000, now: 4_100 }, 1_000);
    expect(info).toEqual({ pool: 'EQpool', roundSeconds: 30, nextRoundAt: 5_000, clockOffsetS: 3_100 });
    // 900 devnet seconds from now = wall-clock 1 900
    expect(expectedPayoutAt(info)).toBe(1_900);
  });

  it('says clearly when no pool is deployed yet', () => {
    expect(() => parseDevnetProtocol({ now: 1 })).toThrow(PoolNotConfiguredError);
  });

  it('a configured pool needs no request; a network without one is an error', async () => {
    const noFetch = (() => Promise.reject(new Error('unexpected request'))) as typeof fetch;
    const info = await fetchProtocolInfo({ ...networkPreset('mainnet'), poolAddress: 'EQpool' }, noFetch);
    expect(info.pool).toBe('EQpool');
    expect(expectedPayoutAt(info)).toBeNull();
    await expect(fetchProtocolInfo(networkPreset('mainnet'), noFetch)).rejects.toThrow(PoolNotConfiguredError);
  });
});
