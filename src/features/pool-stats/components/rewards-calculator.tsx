import { useId, useState } from 'react';
import { formatSummary } from '../../../components/format/amounts';
import { amountInputErrorMessage, parseTypedAmount } from '../../../components/tx/amount-messages';
import { projectStake } from '../utils/calculator';
import { formatPercent } from '../utils/pool-metrics';
import { useT } from '../../../i18n/messages';
import { calculatorMessages } from '../messages';

const PERIODS = [1, 3, 6, 12, 24, 36] as const;

export interface CalculatorApy {
  label: string;
  apy: number | null;
  /** Why there is no figure, when there is none. */
  note?: string;
}

/** "If I stake X for N months", at each APY the pool shows, with both exits' costs. */
export function RewardsCalculator({ apys, instantFeeShare, native }: { apys: CalculatorApy[]; instantFeeShare: number; native: string }) {
  const t = useT(calculatorMessages);
  const [input, setInput] = useState('1000');
  const [months, setMonths] = useState<number>(12);
  const id = useId();
  const parsed = parseTypedAmount(input);
  const amount = parsed.ok ? parsed.nano : null;
  const show = (nano: bigint) => `${formatSummary(nano)} ${native}`;
  return (
    <details className="mt-4 rounded-xl border border-slate-200 p-3 dark:border-slate-800" data-testid="rewards-calculator">
      <summary className="cursor-pointer font-medium">{t('title')}</summary>
      <div className="mt-3 flex flex-wrap items-end gap-3 text-sm">
        <label className="grid gap-1" htmlFor={`${id}-amount`}>
          {t('stakeLabel', { native })}
          <input
            id={`${id}-amount`}
            data-testid="calculator-amount"
            inputMode="decimal"
            value={input}
            onChange={(event) => setInput(event.target.value)}
            className="min-h-11 w-40 rounded-lg border border-slate-300 bg-white px-3 dark:border-slate-700 dark:bg-slate-950"
          />
        </label>
        <label className="grid gap-1" htmlFor={`${id}-months`}>
          {t('forLabel')}
          <select
            id={`${id}-months`}
            data-testid="calculator-months"
            value={months}
            onChange={(event) => setMonths(Number(event.target.value))}
            className="min-h-11 rounded-lg border border-slate-300 bg-white px-2 dark:border-slate-700 dark:bg-slate-950"
          >
            {PERIODS.map((period) => (
              <option key={period} value={period}>
                {t('months', { count: period })}
              </option>
            ))}
          </select>
        </label>
      </div>
      {!parsed.ok ? (
        <p role="alert" className="mt-2 text-sm text-red-700 dark:text-red-300">
          {amountInputErrorMessage(parsed.error, 'stake', native)}
        </p>
      ) : (
        <div className="mt-3">
          {/* fixed columns that wrap inside themselves: the table fits a 360 px phone without sideways scrolling */}
          <table className="w-full table-fixed text-right text-xs tabular-nums [overflow-wrap:anywhere] sm:text-sm" data-testid="calculator-table">
            <thead className="text-xs text-slate-500 dark:text-slate-400">
              <tr>
                <th scope="col" className="text-left font-medium">{t('atThe')}</th>
                <th scope="col" className="font-medium">{t('worthThen')}</th>
                <th scope="col" className="font-medium">{t('rewards')}</th>
                <th scope="col" className="font-medium">{t('roundEndExit')}</th>
                <th scope="col" className="font-medium">{t('instantExit')}</th>
              </tr>
            </thead>
            <tbody>
              {apys.map((row) => {
                const projection = amount !== null && row.apy !== null ? projectStake(amount, months, row.apy, instantFeeShare) : null;
                return (
                  <tr key={row.label} data-testid="calculator-row" data-apy={row.apy ?? ''} data-value={projection?.value.toString() ?? ''}>
                    <th scope="row" className="py-1 text-left font-normal">
                      {row.label} {formatPercent(row.apy)}
                    </th>
                    {projection ? (
                      <>
                        <td>{show(projection.value)}</td>
                        <td>+{show(projection.rewards)}</td>
                        <td>{show(projection.netRoundEnd)}</td>
                        <td title={projection.instantFee > 0n ? t('includesFee', { fee: show(projection.instantFee) }) : undefined}>{show(projection.netInstant)}</td>
                      </>
                    ) : (
                      <td colSpan={4} className="text-slate-500 dark:text-slate-400">
                        {row.note ?? t('noApy')}
                      </td>
                    )}
                  </tr>
                );
              })}
            </tbody>
          </table>
          <p className="mt-2 text-xs text-slate-500 dark:text-slate-400">
            {instantFeeShare > 0 ? t('disclaimer', { fee: formatPercent(instantFeeShare / 2 ** 24) }) : t('disclaimerNoFee')}
          </p>
        </div>
      )}
    </details>
  );
}
