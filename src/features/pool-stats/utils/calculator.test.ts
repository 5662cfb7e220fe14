import { describe, expect, it } from 'vitest';
import { STAKE_COST_ESTIMATE, UNSTAKE_BILL_COST_ESTIMATE, UNSTAKE_INSTANT_COST_ESTIMATE } from '../../../../contracts/wrappers/fees';
import { projectStake, thirtyDayApy } from './calculator';

const TON = 1_000_000_000n;

describe('rewards calculator', () => {
  it('compounds the APY over the months', () => {
    const year = projectStake(1000n * TON, 12, 0.05, 0)!;
    expect(year.value).toBe(1050n * TON);
    expect(year.rewards).toBe(50n * TON);
    const half = projectStake(1000n * TON, 6, 0.05, 0)!;
    // (1.05)^0.5 = 1.024695077
    expect(half.value).toBe(1_024_695_077_000n);
  });

  it('shows each exit honestly: round end pays network fees only, instant also the pool fee', () => {
    const share = 41_943; // 0.25 % of 2^24
    const result = projectStake(1000n * TON, 12, 0.05, share)!;
    expect(result.instantFee).toBe((1050n * TON * 41_943n) / 2n ** 24n);
    expect(result.netRoundEnd).toBe(1050n * TON - STAKE_COST_ESTIMATE - UNSTAKE_BILL_COST_ESTIMATE);
    expect(result.netInstant).toBe(1050n * TON - result.instantFee - STAKE_COST_ESTIMATE - UNSTAKE_INSTANT_COST_ESTIMATE);
    expect(result.netInstant).toBeLessThan(result.netRoundEnd);
    // a v1 pool has no instant fee
    expect(projectStake(1000n * TON, 12, 0.05, 0)!.instantFee).toBe(0n);
  });

  it('refuses what cannot be projected', () => {
    expect(projectStake(0n, 12, 0.05, 0)).toBeNull();
    expect(projectStake(TON, 0, 0.05, 0)).toBeNull();
    expect(projectStake(TON, 12, Number.POSITIVE_INFINITY, 0)).toBeNull();
  });

  it('the 30-day APY reads only the last 30 days of rounds', () => {
    const day = 24 * 3600;
    const now = 100 * day;
    const point = (daysAgo: number, rate: bigint) => ({ endTime: now - daysAgo * day, rate });
    // a jump 60 days ago must not count; 1 % over the last 30 days
    const points = [point(60, 500_000_000n), point(30, 1_000_000_000n), point(20, 1_003_000_000n), point(10, 1_006_000_000n), point(0, 1_010_000_000n)];
    const { apy, since } = thirtyDayApy(points, now);
    expect(since).toBe(now - 30 * day);
    expect(apy).toBeCloseTo(Math.pow(1.01, 365 / 30) - 1, 6);
    expect(thirtyDayApy([], now)).toEqual({ apy: null, since: null });
  });
});
