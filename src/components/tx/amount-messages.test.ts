import { afterEach, describe, expect, it } from 'vitest';
import { useLocaleStore } from '../../i18n/locale';
import { amountEcho, amountInputErrorMessage, parseTypedAmount } from './amount-messages';

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

describe('in Russian', () => {
  afterEach(() => useLocaleStore.getState().setChoice('en'));

  it('reads "1 234,5" and a comma with three digits as decimals, and echoes the Russian way', () => {
    useLocaleStore.getState().setChoice('ru');
    expect(parseTypedAmount('1 234,5')).toEqual({ ok: true, nano: 1_234_500_000_000n });
    expect(parseTypedAmount('1,234')).toEqual({ ok: true, nano: 1_234_000_000n });
    expect(parseTypedAmount('2.5')).toEqual({ ok: true, nano: 2_500_000_000n });
    expect(parseTypedAmount('1.234,5')).toEqual({ ok: false, error: 'not-a-number' });
    expect(amountEcho('1 234,5', 'TON')).toBe('= 1\u00a0234,5 TON');
    expect(amountInputErrorMessage('empty', 'unstake', 'pTON')).toBe('Введите сумму для вывода.');
    expect(amountInputErrorMessage('too-many-decimals', 'stake', 'GRAM')).toBe('У GRAM не больше 9 знаков после запятой.');
  });

  it('in English the same "1,234" stays ambiguous', () => {
    useLocaleStore.getState().setChoice('en');
    expect(parseTypedAmount('1,234')).toEqual({ ok: false, error: 'ambiguous-separator' });
    expect(amountInputErrorMessage('empty', 'stake', 'TON')).toBe('Enter an amount to stake.');
  });
});
