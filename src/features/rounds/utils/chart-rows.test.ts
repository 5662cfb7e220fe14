import { describe, expect, it } from 'vitest';
import { roundPoints, type CompletedRound } from '../../../ton/history';
import { chartRows, unannualisedCount } from './chart-rows';

const TON = 1_000_000_000n;
const round = (roundId: number, endTime: number, totalBalance: bigint, profit: bigint): CompletedRound => ({
  roundId,
  endTime,
  lt: BigInt(roundId),
  borrowed: 0n,
  returned: 0n,
  profit,
  totalBalance,
  supply: 1_000n * TON,
});

describe('chartRows', () => {
  it('converts to percent and TON, flags losses, and hides APY that cannot be annualised', () => {
    const rows = chartRows(
      roundPoints([
        round(1, 0, 1_000n * TON, TON),
        round(2, 86_400, 1_001n * TON + 500_000_000n, TON), // +0.15 % in a day
        round(3, 86_410, 990n * TON, -12n * TON), // slashed, 10 s later: the APY is −100 % (finite)
        round(4, 86_411, 1_100n * TON, 110n * TON), // +11 % in a second: not finite
      ]),
    );
    expect(rows[0]).toMatchObject({ roundId: 1, growthPercent: null, apyPercent: null, tvl: 1000, rate: 1, loss: false });
    expect(rows[1].growthPercent).toBeCloseTo(0.15, 9);
    expect(rows[1].apyPercent).toBeCloseTo((Math.pow(1.0015, 365) - 1) * 100, 6);
    expect(rows[1].tvl).toBe(1001.5);
    expect(rows[2].loss).toBe(true);
    expect(rows[2].growthPercent).toBeLessThan(0);
    expect(rows[3].apyPercent).toBeNull();
    expect(unannualisedCount(rows)).toBe(1);
  });
});
