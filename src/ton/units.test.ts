import { describe, expect, it } from 'vitest';
import { decimalToNano, formatAmount, MAX_COINS, nanoToDecimal, parseAmountInput } from './units';

describe('parseAmountInput', () => {
  it.each([
    ['1', 1_000_000_000n],
    ['1.5', 1_500_000_000n],
    ['1,5', 1_500_000_000n],
    ['.5', 500_000_000n],
    ['5.', 5_000_000_000n],
    ['0.000000001', 1n],
    ['1 234,5', 1_234_500_000_000n],
    ['1\u00a0234.5', 1_234_500_000_000n],
    ['1\u2009234.5', 1_234_500_000_000n],
    ['1\u202f000', 1_000_000_000_000n],
    ['  42  ', 42_000_000_000n],
    ['+3', 3_000_000_000n],
    ['007.10', 7_100_000_000n],
    ['1.0000000000000', 1_000_000_000n], // trailing zeros beyond 9 digits are exact, not an error
  ])('reads %j', (raw, nano) => {
    expect(parseAmountInput(raw)).toEqual({ ok: true, nano });
  });

  it.each([
    ['', 'empty'],
    ['   ', 'empty'],
    ['\u00a0', 'empty'],
    ['abc', 'not-a-number'],
    ['1e3', 'not-a-number'],
    ['1,234.5', 'ambiguous-separator'],
    ['1.234,5', 'not-a-number'],
    ['1.2.3', 'not-a-number'],
    ['.', 'not-a-number'],
    ['-', 'not-a-number'],
    ['0x10', 'not-a-number'],
    ['Infinity', 'not-a-number'],
    ['-1', 'negative'],
    ['\u22121', 'negative'],
    ['-0.0000000001', 'negative'],
    ['0', 'zero'],
    ['0,000', 'zero'],
    ['-0', 'zero'],
    ['0.0000000001', 'too-many-decimals'],
    ['1.1234567891', 'too-many-decimals'],
  ])('rejects %j as %s', (raw, error) => {
    expect(parseAmountInput(raw)).toEqual({ ok: false, error });
  });

  // Regression (issue 12 item 7): "1,000" read as 1 TON, a thousandfold surprise for anyone who groups with commas.
  it.each(['1,000', '12,345', '999,999', '1,000,000', '1,000.5', '-1,000', '01,000', ' 1,000 '])('refuses %j: the comma could separate thousands', (raw) => {
    expect(parseAmountInput(raw)).toEqual({ ok: false, error: 'ambiguous-separator' });
  });

  it.each([
    ['1,5', 1_500_000_000n],
    ['1,00', 1_000_000_000n],
    ['1,0000', 1_000_000_000n], // four digits: no thousands group, so a decimal comma
    ['0,500', 500_000_000n], // nobody groups a zero whole part
    [',500', 500_000_000n],
    ['1234,567', 1_234_567_000_000n], // a grouping comma would sit after the 1
    ['1 000,500', 1_000_500_000_000n], // spaces group, the comma is the decimal mark
  ])('reads the comma in %j as the decimal mark', (raw, nano) => {
    expect(parseAmountInput(raw)).toEqual({ ok: true, nano });
  });

  it('honours custom decimals', () => {
    expect(parseAmountInput('1.23', { decimals: 2 })).toEqual({ ok: true, nano: 123n });
    expect(parseAmountInput('1.234', { decimals: 2 })).toEqual({ ok: false, error: 'too-many-decimals' });
    expect(parseAmountInput('7', { decimals: 0 })).toEqual({ ok: true, nano: 7n });
    expect(parseAmountInput('7.5', { decimals: 0 })).toEqual({ ok: false, error: 'too-many-decimals' });
  });

  it('rejects amounts above the Coins range or a given max', () => {
    const maxText = nanoToDecimal(MAX_COINS);
    expect(parseAmountInput(maxText)).toEqual({ ok: true, nano: MAX_COINS });
    expect(parseAmountInput(nanoToDecimal(MAX_COINS + 1n))).toEqual({ ok: false, error: 'too-large' });
    expect(parseAmountInput('10', { max: 10_000_000_000n })).toEqual({ ok: true, nano: 10_000_000_000n });
    expect(parseAmountInput('10.000000001', { max: 10_000_000_000n })).toEqual({ ok: false, error: 'too-large' });
  });
});

describe('formatAmount', () => {
  it('prints exact values with trimmed zeros by default', () => {
    expect(formatAmount(1_500_000_000n)).toBe('1.5');
    expect(formatAmount(1n)).toBe('0.000000001');
    expect(formatAmount(0n)).toBe('0');
    expect(formatAmount(-2_250_000_000n)).toBe('-2.25');
    expect(formatAmount(12_000_000_000n)).toBe('12');
  });

  it('cuts (never rounds up) to maxFractionDigits', () => {
    expect(formatAmount(1_999_999_999n, { maxFractionDigits: 2 })).toBe('1.99');
    expect(formatAmount(1_000_000_001n, { maxFractionDigits: 4 })).toBe('1');
    expect(formatAmount(-1n, { maxFractionDigits: 2 })).toBe('0');
  });

  it('keeps padding when trim is false', () => {
    expect(formatAmount(1_500_000_000n, { maxFractionDigits: 3, trim: false })).toBe('1.500');
    expect(formatAmount(0n, { maxFractionDigits: 2, trim: false })).toBe('0.00');
  });

  it('groups thousands and supports other decimals', () => {
    expect(formatAmount(1_234_567_000_000_000n, { groupSeparator: ',' })).toBe('1,234,567');
    expect(formatAmount(123_456n, { decimals: 2, groupSeparator: '\u202f' })).toBe('1\u202f234.56');
    expect(formatAmount(5n, { decimals: 0 })).toBe('5');
  });

  it('round-trips through parseAmountInput', () => {
    for (const nano of [1n, 10n, 999_999_999n, 1_000_000_000n, 123_456_789_012_345n, MAX_COINS]) {
      expect(parseAmountInput(formatAmount(nano))).toEqual({ ok: true, nano });
    }
  });
});

describe('decimal <-> nano', () => {
  it('converts trusted strings both ways', () => {
    expect(decimalToNano('1.05')).toBe(1_050_000_000n);
    expect(decimalToNano('-0.5')).toBe(-500_000_000n);
    expect(decimalToNano('0')).toBe(0n);
    expect(nanoToDecimal(1_050_000_000n)).toBe('1.05');
    expect(() => decimalToNano('1.0000000001')).toThrow(/fraction digits/);
    expect(() => decimalToNano('')).toThrow();
  });
});
