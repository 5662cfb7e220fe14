// recharts only here (React.lazy): kept out of the initial bundle.
import { Area, AreaChart, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';

export interface PositionChartRow {
  time: number;
  /** TON, for drawing only. */
  value: number;
}

const dateOf = (time: number) => new Date(time * 1000).toLocaleString(undefined, { month: 'short', day: 'numeric', hour: '2-digit', minute: '2-digit' });

export default function PositionChart({ rows, nativeTicker }: { rows: PositionChartRow[]; nativeTicker: string }) {
  return (
    <figure data-testid="chart-position" data-points={rows.length}>
      <figcaption className="mb-2 text-sm font-medium">Position value ({nativeTicker}) at each round end</figcaption>
      <div className="h-40" aria-hidden="true">
        <ResponsiveContainer width="100%" height="100%">
          <AreaChart accessibilityLayer={false} data={rows} margin={{ top: 4, right: 8, bottom: 4, left: 8 }}>
            <XAxis dataKey="time" type="number" domain={['dataMin', 'dataMax']} tickFormatter={dateOf} tick={{ fontSize: 11 }} />
            <YAxis domain={['auto', 'auto']} tick={{ fontSize: 11 }} width={64} tickFormatter={(v: number) => v.toLocaleString(undefined, { maximumFractionDigits: 4 })} />
            <Tooltip labelFormatter={(time) => dateOf(Number(time))} formatter={(value) => [`${Number(value).toLocaleString(undefined, { maximumFractionDigits: 6 })} ${nativeTicker}`, 'Value']} />
            <Area dataKey="value" stroke="#6366f1" fill="#6366f1" fillOpacity={0.15} isAnimationActive={false} />
          </AreaChart>
        </ResponsiveContainer>
      </div>
    </figure>
  );
}
