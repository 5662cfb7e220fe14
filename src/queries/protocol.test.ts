import { describe, expect, it } from 'vitest';
import { networkPreset } from '../ton/networks';
import { expectedPayoutAt, fetchProtocolInfo, parseDevnetProtocol, PoolNotConfiguredError } from './protocol';

describe('devnet protocol info', () => {
  it('reads pool, round length and the next round on the wall clock even when the devnet clock was advanced', () => {
    const info = parseDevnetProtocol({ pool: 'EQpool', roundSeconds: 30, nextRoundAt: 5_000, now: 4_100 }, 1_000);
    expect(info).toEqual({ pool: 'EQpool', presets: [{ address: 'EQpool', label: 'Devnet pool' }], roundSeconds: 30, nextRoundAt: 5_000, clockOffsetS: 3_100 });
    // 900 devnet seconds from now = wall-clock 1 900
    expect(expectedPayoutAt(info)).toBe(1_900);
  });

  it('says clearly when no pool is deployed yet', () => {
    expect(() => parseDevnetProtocol({ now: 1 })).toThrow(PoolNotConfiguredError);
  });

  it('lists the devnet\'s pools (main pool first) when it announces them, and falls back to `pool`', () => {
    const pools = [
      { address: 'EQv1', version: 'v1', label: 'Second pool (v1)', jettonTicker: 'pTON1' },
      { address: 'EQmain', version: 'v2', label: 'Main pool (v2)', jettonTicker: 'pTON' },
      { address: '', label: 'broken' },
      { address: 'EQodd', version: 'v9', jettonTicker: '<script>' },
    ];
    expect(parseDevnetProtocol({ pool: 'EQmain', pools }, 0).presets).toEqual([
      { address: 'EQmain', version: 'v2', label: 'Main pool (v2)', jettonTicker: 'pTON' },
      { address: 'EQv1', version: 'v1', label: 'Second pool (v1)', jettonTicker: 'pTON1' },
      { address: 'EQodd', label: 'Pool' },
    ]);
    expect(parseDevnetProtocol({ pool: 'EQmain', pools: 'nonsense' }, 0).presets).toEqual([{ address: 'EQmain', label: 'Devnet pool' }]);
  });

  it('mainnet and testnet default to the Tonstakers pools (§11.5) without a request; a configured pool comes first', async () => {
    const noFetch = (() => Promise.reject(new Error('unexpected request'))) as typeof fetch;
    const mainnet = await fetchProtocolInfo(networkPreset('mainnet'), noFetch);
    expect(mainnet.pool).toBe('EQCkWxfyhAkim3g2DjKQQg8T5P4g-Q1-K_jErGcDJZ4i-vqR');
    expect(expectedPayoutAt(mainnet)).toBeNull();
    expect((await fetchProtocolInfo(networkPreset('testnet'), noFetch)).pool).toBe('kQANFsYyYn-GSZ4oajUJmboDURZU-udMHf9JxzO4vYM_hFP3');
    const configured = await fetchProtocolInfo({ ...networkPreset('mainnet'), poolAddress: 'EQD4FPq-PRDieyQKkizFTRtSDyucUIqrj0v_zXJmqaDp6_0t' }, noFetch);
    expect(configured.pool).toBe('EQD4FPq-PRDieyQKkizFTRtSDyucUIqrj0v_zXJmqaDp6_0t');
    expect(configured.presets.map((preset) => preset.label)).toEqual(['Configured pool', 'Tonstakers']);
  });

  it('a devnet without its server URL is an error', async () => {
    const noFetch = (() => Promise.reject(new Error('unexpected request'))) as typeof fetch;
    await expect(fetchProtocolInfo({ ...networkPreset('devnet'), devnetUrl: undefined }, noFetch)).rejects.toThrow(PoolNotConfiguredError);
  });
});
