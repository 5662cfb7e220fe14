// The sentence for each way an amount field's text can fail to parse (src/ton/units.ts), shared by every form, and
// the one way typed amounts are read: in the reader's language, so "1 234,5" reads in Russian.
import { parseAmountInput, type AmountInputError, type AmountInputResult, type ParseAmountOptions } from '../../ton/units';
import { currentLocale } from '../../i18n/locale';
import { defineMessages, tNow } from '../../i18n/messages';
import { formatExact } from '../format/amounts';

export const amountMessages = defineMessages(
  {
    'empty.stake': 'Enter an amount to stake.',
    'empty.unstake': 'Enter an amount to unstake.',
    zero: 'Enter an amount greater than zero.',
    negative: 'The amount cannot be negative.',
    'not-a-number': 'Enter a number, like 10 or 2.5.',
    'ambiguous-separator':
      'Is the comma a decimal mark or a thousands separator? Write decimals with a dot (2.5) and thousands without a comma (1000 or 1 000).',
    'too-many-decimals': '{ticker} has at most 9 decimal places.',
    'too-large': 'That amount is too large.',
  },
  {
    'empty.stake': 'Введите сумму для стейкинга.',
    'empty.unstake': 'Введите сумму для вывода.',
    zero: 'Введите сумму больше нуля.',
    negative: 'Сумма не может быть отрицательной.',
    'not-a-number': 'Введите число, например 10 или 2,5.',
    'ambiguous-separator': 'Неясно, что означает запятая. Дробную часть отделяйте запятой (2,5), а тысячи — пробелом (1 000).',
    'too-many-decimals': 'У {ticker} не больше 9 знаков после запятой.',
    'too-large': 'Слишком большая сумма.',
  },
);

/** What the user typed, read in the language of the page: Russian writes decimals with a comma ("1 234,5"). */
export function parseTypedAmount(raw: string, options: Omit<ParseAmountOptions, 'decimalComma'> = {}): AmountInputResult {
  return parseAmountInput(raw, { ...options, decimalComma: currentLocale() === 'ru' });
}

/** `action` is what the field is for; `ticker` is the asset the field is in. */
export function amountInputErrorMessage(error: AmountInputError, action: 'stake' | 'unstake', ticker: string): string {
  const t = tNow(amountMessages);
  return error === 'empty' ? t(`empty.${action}`) : t(error, { ticker });
}

/**
 * What the field's text was read as, echoed under it ("= 1,000.5 TON") so a misread separator shows before sending;
 * null while the text does not parse (the error says why).
 */
export function amountEcho(value: string, ticker: string): string | null {
  const parsed = parseTypedAmount(value);
  return parsed.ok ? `= ${formatExact(parsed.nano)} ${ticker}` : null;
}
