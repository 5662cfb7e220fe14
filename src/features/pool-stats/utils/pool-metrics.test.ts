import { describe, expect, it } from 'vitest';
import { formatDuration, formatPercent, MAX_LENT_SHARE, nextRoundEnd, projectedYield, YEAR_S } from './pool-metrics';

const TON = 1_000_000_000n;
const round = (borrowed: bigint) => ({ borrowers: null, roundId: 1, activeBorrowers: 0, borrowed, expected: 0n, returned: 0n, profit: 0n });

describe('projectedYield', () => {
  // Reference deploy settings: interest 1830 / 2^24 per round, governance fee 15 %.
  const base = { interestRate: 1830, governanceFee: 2_516_582, totalBalance: 1_000_000n * TON, prevRound: round(0n) };

  it('uses the lent share of the current round, the fee and the finalize cost per round', () => {
    const result = projectedYield({ ...base, currentRound: round(500_000n * TON) }, 65_536);
    const perRound = (1830 / 2 ** 24) * 0.5 * (1 - 2_516_582 / 2 ** 24) - 1 / 1_000_000;
    expect(result.lentShare).toBe(0.5);
    expect(result.perRound).toBeCloseTo(perRound, 12);
    expect(result.apy).toBeCloseTo(Math.pow(1 + perRound, YEAR_S / 65_536) - 1, 9);
  });

  it('falls back to the previous round, then to the pool maximum, and caps the share', () => {
    expect(projectedYield({ ...base, currentRound: round(0n), prevRound: round(100_000n * TON) }, 65_536).lentShare).toBeCloseTo(0.1, 9);
    expect(projectedYield({ ...base, currentRound: round(0n) }, 65_536).lentShare).toBe(MAX_LENT_SHARE);
    expect(projectedYield({ ...base, currentRound: round(900_000n * TON) }, 65_536).lentShare).toBe(MAX_LENT_SHARE);
  });

  it('goes negative on a small idle pool (the 1 TON finalize fee) and reports non-finite APY as null', () => {
    const small = projectedYield({ ...base, totalBalance: 100n * TON, currentRound: round(0n), interestRate: 0 }, 65_536);
    expect(small.perRound).toBeCloseTo(-0.01, 12);
    expect(small.apy).toBeLessThan(0);
    expect(projectedYield({ ...base, interestRate: 2 ** 23, currentRound: round(500_000n * TON) }, 1).apy).toBeNull();
  });
});

describe('nextRoundEnd', () => {
  it('prefers the devnet announcement, else extrapolates past the last round end', () => {
    expect(nextRoundEnd({ nextRoundAt: 500, lastRoundEnd: 100, typicalRoundSeconds: 60, nowS: 120 })).toEqual({ at: 500, source: 'devnet' });
    expect(nextRoundEnd({ nextRoundAt: null, lastRoundEnd: 100, typicalRoundSeconds: 60, nowS: 120 })).toEqual({ at: 160, source: 'estimate' });
    expect(nextRoundEnd({ nextRoundAt: null, lastRoundEnd: 100, typicalRoundSeconds: 60, nowS: 250 })).toEqual({ at: 280, source: 'estimate' });
    expect(nextRoundEnd({ nextRoundAt: null, lastRoundEnd: null, typicalRoundSeconds: 60, nowS: 0 })).toBeNull();
  });
});

describe('formatting', () => {
  it('formats percentages, losses, huge devnet values and unknowns', () => {
    expect(formatPercent(0.0421)).toBe('4.21 %');
    expect(formatPercent(-0.0035)).toBe('−0.35 %');
    expect(formatPercent(3.1e43)).toBe('3.1e+45 %');
    expect(formatPercent(null)).toBe('—');
    expect(formatPercent(Infinity)).toBe('∞');
  });

  it('formats durations at a useful precision', () => {
    expect(formatDuration(12.7)).toBe('12 s');
    expect(formatDuration(249)).toBe('4 min 09 s');
    expect(formatDuration(3900)).toBe('1 h 05 min');
    expect(formatDuration(2 * 86_400 + 3 * 3600)).toBe('2 d 03 h');
    expect(formatDuration(-5)).toBe('0 s');
  });
});
