// The sentence for each way an amount field's text can fail to parse (src/ton/units.ts), shared by every form.
import type { AmountInputError } from '../../ton/units';

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
    case 'too-many-decimals':
      return `${ticker} has at most 9 decimal places.`;
    case 'too-large':
      return 'That amount is too large.';
  }
}
