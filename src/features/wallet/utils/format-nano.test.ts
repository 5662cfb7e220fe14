import { describe, expect, it } from 'vitest';
import { formatNano } from './format-nano';

describe('formatNano', () => {
  it('places the decimal point nine digits from the right', () => {
    expect(formatNano(1_500_000_000n)).toBe('1.5');
    expect(formatNano(1n)).toBe('0.000000001');
    expect(formatNano(0n)).toBe('0');
    expect(formatNano(10_000_000_000n)).toBe('10');
  });

  it('groups thousands unless asked not to', () => {
    expect(formatNano(1_234_567_000_000_000n)).toBe('1,234,567');
    expect(formatNano(1_234_567_000_000_000n, { group: false })).toBe('1234567');
  });

  it('cuts (never rounds up) to maxFractionDigits', () => {
    expect(formatNano(1_999_999_999n, { maxFractionDigits: 2 })).toBe('1.99');
    expect(formatNano(1_999_999_999n, { maxFractionDigits: 0 })).toBe('1');
    expect(formatNano(5_000_000n, { maxFractionDigits: 2 })).toBe('0');
  });

  it('keeps precision beyond Number range', () => {
    expect(formatNano(123_456_789_012_345_678_901_234_567n, { group: false })).toBe('123456789012345678.901234567');
  });

  it('formats negative amounts without a negative zero', () => {
    expect(formatNano(-2_500_000_000n)).toBe('-2.5');
    expect(formatNano(-1n, { maxFractionDigits: 2 })).toBe('0');
  });
});
