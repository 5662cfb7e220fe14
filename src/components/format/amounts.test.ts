import { describe, expect, it } from 'vitest';
import { formatAggregate, formatExact, formatRate, formatSummary } from './amounts';

describe('one precision rule per context', () => {
  it('summaries: 4 decimals, grouped, trailing zeros trimmed', () => {
    expect(formatSummary(10_088_864_321_987n)).toBe('10,088.8643');
    expect(formatSummary(1_100_000_000n)).toBe('1.1');
    expect(formatSummary(-32_100_000n)).toBe('-0.0321');
    expect(formatSummary(0n)).toBe('0');
  });
  it('summaries never round a small non-zero amount to 0: 4 significant digits below 0.0001', () => {
    expect(formatSummary(12_345n)).toBe('0.00001234');
    expect(formatSummary(99_999n)).toBe('0.00009999');
    expect(formatSummary(7n)).toBe('0.000000007');
    expect(formatSummary(-12_345n)).toBe('-0.00001234');
    expect(formatSummary(100_000n)).toBe('0.0001');
  });
  it('exact keeps every nano; rates keep 9 decimals; aggregates 2', () => {
    expect(formatExact(10_088_864_321_987n)).toBe('10,088.864321987');
    expect(formatRate(1_009_234_567n)).toBe('1.009234567');
    expect(formatAggregate(100_002_555_574_321_000n)).toBe('100,002,555.57');
  });
});
