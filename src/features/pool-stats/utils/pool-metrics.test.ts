import { describe, expect, it } from 'vitest';
import { MAX_MEANINGFUL_APY, meaningfulApy, recentApyEstimate } from '../../../../contracts/wrappers/apy';
import { apyDisplay, formatPercent, formatSmallPercent, MAX_LENT_SHARE, nextRoundEnd, projectedYield, YEAR_S } from './pool-metrics';

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
    expect(formatPercent(12.345)).toBe('1,234.50 %');
    expect(formatPercent(null)).toBe('—');
    expect(formatPercent(Infinity)).toBe('∞');
    // never exponent notation, however large or small
    for (const value of [3.1e43, 7.4e33, 1e-9, -2e-12, 5e20]) expect(formatPercent(value)).not.toMatch(/e[+-]?\d/i);
  });

  it('an APY tile shows a plain percentage only when it means something, else "—" and why', () => {
    const RATE = 1_000_000_000n;
    const rounds = (rates: bigint[], step = 120) => rates.map((rate, i) => ({ rate, endTime: 1_000 + i * step }));
    // 3 rounds of 120 s growing 185 nano per round: ≈ 5 % a year
    const fine = apyDisplay(recentApyEstimate(rounds([RATE, RATE + 185n, RATE + 370n])), 3);
    expect(fine.explanation).toBeNull();
    expect(fine.text).toMatch(/^\d\.\d\d %$/);
    expect(Number(fine.text.replace(' %', ''))).toBeGreaterThan(4.5);
    expect(Number(fine.text.replace(' %', ''))).toBeLessThan(5.5);
    // fewer than 3 rounds
    const early = apyDisplay(recentApyEstimate(rounds([RATE, RATE + 185n])), 2);
    expect(early.text).toBe('—');
    expect(early.explanation).toMatch(/Needs 3 completed rounds to annualise \(2 so far\)/);
    // the "7.4e+35 %" of old: 0.1 % per 20-second round compounded over a year
    const absurd = apyDisplay(recentApyEstimate(rounds([RATE, RATE + 1_000_000n, RATE + 2_001_000n], 20)), 3);
    expect(absurd.text).toBe('—');
    expect(absurd.explanation).toMatch(/Not annualised.*1,000 %/);
    // the bounds: 1000 % is still shown, a loss of everything is not a yield
    expect(apyDisplay(meaningfulApy(MAX_MEANINGFUL_APY)).text).toBe('1,000.00 %');
    expect(apyDisplay(meaningfulApy(MAX_MEANINGFUL_APY * 1.01)).text).toBe('—');
    expect(apyDisplay(meaningfulApy(-1)).text).toBe('—');
    expect(apyDisplay(meaningfulApy(-0.02)).text).toBe('−2.00 %');
    expect(apyDisplay(meaningfulApy(null)).explanation).toMatch(/no time has passed/);
  });

  it('formats a per-round interest to 3 significant digits, without exponents', () => {
    expect(formatSmallPercent(11 / 2 ** 24)).toBe('0.0000656 %');
    expect(formatSmallPercent(1830 / 2 ** 24)).toBe('0.0109 %');
    expect(formatSmallPercent(1 / 2 ** 24)).toBe('0.00000596 %');
    expect(formatSmallPercent(0)).toBe('0 %');
  });
});
