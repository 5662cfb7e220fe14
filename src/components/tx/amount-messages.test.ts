import { describe, expect, it } from 'vitest';
import { amountEcho, amountInputErrorMessage } from './amount-messages';

describe('amountEcho', () => {
  it('shows what the text was read as, in the given ticker', () => {
    expect(amountEcho('1,5', 'TON')).toBe('= 1.5 TON');
    expect(amountEcho(' 1 000,5 ', 'TON')).toBe('= 1,000.5 TON');
    expect(amountEcho('1000', 'pTON')).toBe('= 1,000 pTON');
  });

  it('echoes nothing for text that does not parse, so "1,000" is never shown as 1', () => {
    expect(amountEcho('1,000', 'TON')).toBeNull();
    expect(amountEcho('', 'TON')).toBeNull();
    expect(amountEcho('abc', 'TON')).toBeNull();
  });
});

describe('amountInputErrorMessage', () => {
  it('explains an ambiguous comma instead of guessing', () => {
    expect(amountInputErrorMessage('ambiguous-separator', 'stake', 'TON')).toMatch(/decimal mark or a thousands separator/);
  });
});
