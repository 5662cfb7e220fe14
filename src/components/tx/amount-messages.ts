// The sentence for each way an amount field's text can fail to parse (src/ton/units.ts), shared by every form.
import { formatAmount, parseAmountInput, type AmountInputError } from '../../ton/units';

/** `action` completes "Enter an amount to …"; `ticker` is the asset the field is in. */
export function amountInputErrorMessage(error: AmountInputError, action: string, ticker: string): string {
  switch (error) {
    case 'empty':
      return `Enter an amount to ${action}.`;
    case 'zero':
      return 'Enter an amount greater than zero.';
    case 'negative':
      return 'The amount cannot be negative.';
    case 'not-a-number':
      return 'Enter a number, like 10 or 2.5.';
    case 'ambiguous-separator':
      return 'Is the comma a decimal mark or a thousands separator? Write decimals with a dot (2.5) and thousands without a comma (1000 or 1 000).';
    case 'too-many-decimals':
      return `${ticker} has at most 9 decimal places.`;
    case 'too-large':
      return 'That amount is too large.';
  }
}

/**
 * What the field's text was read as, echoed under it ("= 1,000.5 TON") so a misread separator shows before sending;
 * null while the text does not parse (the error says why).
 */
export function amountEcho(value: string, ticker: string): string | null {
  const parsed = parseAmountInput(value);
  return parsed.ok ? `= ${formatAmount(parsed.nano, { groupSeparator: ',' })} ${ticker}` : null;
}
