import { useId } from 'react';
import { Button } from '../ui/button';
import { amountEcho } from './amount-messages';
import { useT } from '../../i18n/messages';
import { txStatusMessages } from './messages';

export interface AmountFieldProps {
  label: string;
  value: string;
  onChange: (value: string) => void;
  ticker: string;
  onMax?: () => void;
  /** Why the amount cannot be sent, shown under the field. */
  error?: string | null;
  hint?: string;
  disabled?: boolean;
  testId: string;
}

/** Free-text decimal input (so pasted "1 000,5" survives); parsing and validation happen outside. */
export function AmountField({ label, value, onChange, ticker, onMax, error, hint, disabled, testId }: AmountFieldProps) {
  const t = useT(txStatusMessages);
  const id = useId();
  const messageId = `${id}-message`;
  const echoId = `${id}-echo`;
  const echo = amountEcho(value, ticker);
  return (
    <div>
      <label htmlFor={id} className="mb-1 block text-sm font-medium text-slate-700 dark:text-slate-300">
        {label}
      </label>
      <div className="flex items-center gap-2 rounded-xl border border-slate-300 bg-white px-3 py-2 focus-within:border-brand-500 dark:border-slate-700 dark:bg-slate-950">
        <input
          id={id}
          data-testid={testId}
          type="text"
          inputMode="decimal"
          autoComplete="off"
          spellCheck={false}
          placeholder="0"
          value={value}
          disabled={disabled}
          aria-invalid={Boolean(error)}
          aria-describedby={`${echoId} ${messageId}`}
          onChange={(event) => onChange(event.target.value)}
          className="w-0 min-w-0 flex-1 bg-transparent text-xl tabular-nums outline-none"
        />
        <span className="text-sm font-medium text-slate-500 dark:text-slate-400">{ticker}</span>
        {onMax && (
          <Button size="sm" variant="secondary" onClick={onMax} disabled={disabled}>
            {t('max')}
          </Button>
        )}
      </div>
      <p id={echoId} data-testid={`${testId}-echo`} className="mt-1 min-h-5 text-sm tabular-nums text-slate-600 dark:text-slate-400 [overflow-wrap:anywhere]">
        {echo ?? ''}
      </p>
      <p id={messageId} data-testid={`${testId}-message`} className={`min-h-5 text-sm ${error ? 'text-red-700 dark:text-red-300' : 'text-slate-500 dark:text-slate-400'}`}>
        {error ?? hint ?? ''}
      </p>
    </div>
  );
}
