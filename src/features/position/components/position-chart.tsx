// recharts only here (React.lazy): kept out of the initial bundle.
import { Area, AreaChart, CartesianGrid, Legend, Line, LineChart, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { formatDateTime } from '../../../components/time/clock';
import { useT } from '../../../i18n/messages';
import { positionMessages } from '../messages';
import { formatNumber } from '../../../i18n/numbers';

export interface PositionChartRow {
  time: number;
  /** TON, for drawing only. */
  value: number;
  /** Rewards earned up to then (cumulativeRewards), TON, for drawing only. */
  rewards: number;
}

const VALUE_COLOR = '#6366f1';
const REWARDS_COLOR = '#059669';
const shown = (value: number, digits: number) => formatNumber(value, { maximumFractionDigits: digits });

/**
 * Value and rewards on two charts, each with its own axis: a withdrawal lowers the value but never the rewards, so it
 * cannot read as a loss. Each chart is one keyboard stop named by what it shows; the numbers are in a table below.
 */
export default function PositionChart({ rows, nativeTicker }: { rows: PositionChartRow[]; nativeTicker: string }) {
  const t = useT(positionMessages);
  const native = nativeTicker;
  const first = rows[0];
  const last = rows[rows.length - 1];
  const axisLabel = (text: string) => ({ value: text, angle: -90, position: 'insideLeft' as const, style: { fontSize: 11, textAnchor: 'middle' as const } });
  const xAxis = <XAxis dataKey="time" type="number" domain={['dataMin', 'dataMax']} tickFormatter={formatDateTime} tick={{ fontSize: 11 }} label={{ value: t('roundEnd'), position: 'insideBottom', offset: -2, style: { fontSize: 11 } }} height={36} />;
  return (
    <div data-testid="chart-position" data-points={rows.length}>
      <div className="grid gap-4 md:grid-cols-2">
        <figure
          tabIndex={0}
          data-testid="chart-position-value"
          aria-label={t('valueLabel', { native, from: shown(first.value, 4), to: shown(last.value, 4), count: rows.length })}
          className="rounded-lg"
        >
          <figcaption className="mb-2 text-sm font-medium">{t('valueCaption', { native })}</figcaption>
          <div className="h-44" aria-hidden="true">
            <ResponsiveContainer width="100%" height="100%">
              <AreaChart accessibilityLayer={false} data={rows} margin={{ top: 4, right: 8, bottom: 8, left: 12 }}>
                <CartesianGrid strokeDasharray="3 3" opacity={0.3} />
                {xAxis}
                <YAxis domain={['auto', 'auto']} tick={{ fontSize: 11 }} width={72} tickFormatter={(v: number) => shown(v, 4)} label={axisLabel(t('valueAxis', { native }))} />
                <Tooltip labelFormatter={(time) => formatDateTime(Number(time))} formatter={(value) => [`${shown(Number(value), 6)} ${native}`, t('value')]} />
                <Legend verticalAlign="top" height={20} wrapperStyle={{ fontSize: 12 }} />
                <Area name={t('valueSeries', { native })} dataKey="value" stroke={VALUE_COLOR} fill={VALUE_COLOR} fillOpacity={0.15} isAnimationActive={false} />
              </AreaChart>
            </ResponsiveContainer>
          </div>
        </figure>
        <figure
          tabIndex={0}
          data-testid="chart-position-rewards"
          aria-label={t('rewardsLabel', { native, total: shown(last.rewards, 6) })}
          className="rounded-lg"
        >
          <figcaption className="mb-2 text-sm font-medium">{t('rewardsCaption', { native })}</figcaption>
          <div className="h-44" aria-hidden="true">
            <ResponsiveContainer width="100%" height="100%">
              <LineChart accessibilityLayer={false} data={rows} margin={{ top: 4, right: 8, bottom: 8, left: 12 }}>
                <CartesianGrid strokeDasharray="3 3" opacity={0.3} />
                {xAxis}
                <YAxis domain={[0, 'auto']} tick={{ fontSize: 11 }} width={72} tickFormatter={(v: number) => shown(v, 4)} label={axisLabel(t('rewardsAxis', { native }))} />
                <Tooltip labelFormatter={(time) => formatDateTime(Number(time))} formatter={(value) => [`${shown(Number(value), 6)} ${native}`, t('rewardsShort')]} />
                <Legend verticalAlign="top" height={20} wrapperStyle={{ fontSize: 12 }} />
                <Line name={t('rewardsSeries', { native })} dataKey="rewards" stroke={REWARDS_COLOR} dot={false} isAnimationActive={false} />
              </LineChart>
            </ResponsiveContainer>
          </div>
        </figure>
      </div>
      <details className="mt-2 text-sm">
        <summary className="cursor-pointer text-slate-600 dark:text-slate-400">{t('showNumbers')}</summary>
        <table className="mt-2 w-full text-left tabular-nums" data-testid="chart-position-table">
          <thead>
            <tr className="text-slate-500 dark:text-slate-400">
              <th scope="col">{t('roundEnd')}</th>
              <th scope="col">{t('valueAxis', { native })}</th>
              <th scope="col">{t('rewardsAxis', { native })}</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((row) => (
              <tr key={row.time}>
                <td>{formatDateTime(row.time)}</td>
                <td>{shown(row.value, 4)}</td>
                <td>{shown(row.rewards, 6)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </details>
    </div>
  );
}
