// recharts lives only in this module, loaded with React.lazy: it is not part of the initial bundle.
import { Bar, CartesianGrid, Cell, ComposedChart, Line, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import type { RoundChartRow } from '../utils/chart-rows';
import { formatDateTime } from '../../../components/time/clock';
import { useT } from '../../../i18n/messages';
import { formatNumber } from '../../../i18n/numbers';
import { roundsMessages } from '../messages';

const GAIN = '#10b981';
const LOSS = '#dc2626';

const dateOf = formatDateTime;
const percent = (value: unknown) => (typeof value === 'number' ? `${formatNumber(value, { maximumSignificantDigits: 3 })} %` : '—');
const axisPercent = (value: number) => `${formatNumber(value, { maximumSignificantDigits: 2 })}%`;

export default function RoundCharts({ rows, nativeTicker, jettonTicker }: { rows: RoundChartRow[]; nativeTicker: string; jettonTicker: string }) {
  const t = useT(roundsMessages);
  return (
    <div className="grid gap-6 lg:grid-cols-2">
      <figure data-testid="chart-apy" data-points={rows.length} data-newest-round={rows[rows.length - 1]?.roundId}>
        <figcaption className="mb-2 text-sm font-medium">{t('yieldCaption')}</figcaption>
        <div className="h-64" aria-hidden="true">
          <ResponsiveContainer width="100%" height="100%">
            <ComposedChart accessibilityLayer={false} data={rows} margin={{ top: 8, right: 8, bottom: 8, left: 8 }}>
              <CartesianGrid strokeDasharray="3 3" opacity={0.3} />
              <XAxis dataKey="roundId" tick={{ fontSize: 11 }} />
              <YAxis yAxisId="growth" tick={{ fontSize: 11 }} tickFormatter={axisPercent} width={56} />
              <YAxis yAxisId="apy" orientation="right" tick={{ fontSize: 11 }} tickFormatter={axisPercent} width={64} />
              <Tooltip
                labelFormatter={(roundId) => t('roundNumber', { id: String(roundId) })}
                formatter={(value, name) => [percent(value), name === 'growthPercent' ? t('rateChange') : t('apy')]}
              />
              <Bar yAxisId="growth" dataKey="growthPercent" isAnimationActive={false}>
                {rows.map((row) => (
                  <Cell key={row.roundId} fill={row.loss ? LOSS : GAIN} />
                ))}
              </Bar>
              <Line yAxisId="apy" dataKey="apyPercent" stroke="#6366f1" dot={false} connectNulls={false} isAnimationActive={false} />
            </ComposedChart>
          </ResponsiveContainer>
        </div>
      </figure>
      <figure data-testid="chart-tvl" data-points={rows.length}>
        <figcaption className="mb-2 text-sm font-medium">
          {t('tvlCaption', { native: nativeTicker, jetton: jettonTicker })}
        </figcaption>
        <div className="h-64" aria-hidden="true">
          <ResponsiveContainer width="100%" height="100%">
            <ComposedChart accessibilityLayer={false} data={rows} margin={{ top: 8, right: 8, bottom: 8, left: 8 }}>
              <CartesianGrid strokeDasharray="3 3" opacity={0.3} />
              <XAxis dataKey="endTime" type="number" domain={['dataMin', 'dataMax']} tickFormatter={dateOf} tick={{ fontSize: 11 }} />
              <YAxis yAxisId="tvl" tick={{ fontSize: 11 }} tickFormatter={(v: number) => formatNumber(v, { notation: 'compact' })} width={56} />
              <YAxis yAxisId="rate" orientation="right" domain={['auto', 'auto']} tick={{ fontSize: 11 }} tickFormatter={(v: number) => formatNumber(v, { minimumFractionDigits: 4, maximumFractionDigits: 4 })} width={64} />
              <Tooltip
                labelFormatter={(time) => dateOf(Number(time))}
                formatter={(value, name) => [typeof value === 'number' ? formatNumber(value, { maximumFractionDigits: 6 }) : '—', name === 'tvl' ? t('tvl', { native: nativeTicker }) : t('rate')]}
              />
              <Line yAxisId="tvl" dataKey="tvl" stroke="#0ea5e9" dot={false} isAnimationActive={false} />
              <Line yAxisId="rate" dataKey="rate" stroke="#f59e0b" dot={false} isAnimationActive={false} />
            </ComposedChart>
          </ResponsiveContainer>
        </div>
      </figure>
    </div>
  );
}
