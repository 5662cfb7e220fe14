import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { ExportButton } from '../../../components/export/export-button';
import { ROUNDS_HEADER, roundRows } from '../utils/export-rows';
import { formatAggregate, formatRate } from '../../../components/format/amounts';
import { formatDateTime } from '../../../components/time/clock';
import { readErrorText } from '../../../components/tx/read-error';
import { lazy, Suspense, useMemo, useState } from 'react';
import { network } from '../../../config/network';
import { Button } from '../../../components/ui/button';
import { Card } from '../../../components/ui/card';
import { Skeleton } from '../../../components/ui/skeleton';
import { ptonMetadataQuery } from '../../../queries/pool';
import { roundsInRange, type HistoryRange, type RoundPoint } from '../../../ton/history';
import { loadOlderRounds } from '../../../queries/round-history';
import { usePoolRounds } from '../../../queries/use-pool-rounds';
import { chartRows, unannualisedCount } from '../utils/chart-rows';

const RoundCharts = lazy(() => import('./round-charts'));

const RANGES: { value: HistoryRange; label: string }[] = [
  { value: '30d', label: '30 d' },
  { value: '90d', label: '90 d' },
  { value: 'all', label: 'All' },
];

const ton = formatAggregate;

/** "0.0186 %", a round's small growth to 3 significant digits ("0.0000186 %"); never exponent notation. */
function percentText(fraction: number | null): string {
  if (fraction === null) return '—';
  if (!Number.isFinite(fraction)) return '∞';
  const percent = fraction * 100;
  const text =
    percent === 0 || Math.abs(percent) >= 0.01
      ? percent.toLocaleString('en-US', { minimumFractionDigits: 4, maximumFractionDigits: 4 })
      : percent.toLocaleString('en-US', { maximumSignificantDigits: 3 });
  return `${text.replace('-', '−')} %`;
}

function RoundsTable({ points, native }: { points: RoundPoint[]; native: string }) {
  const newestFirst = [...points].reverse();
  return (
    <div className="max-h-96 overflow-auto rounded-xl border border-slate-200 dark:border-slate-800">
      <table className="w-full text-right text-sm tabular-nums" data-testid="rounds-table">
        <caption className="sr-only">Completed rounds, newest first</caption>
        <thead className="sticky top-0 bg-slate-100 text-xs uppercase text-slate-600 dark:bg-slate-800 dark:text-slate-300">
          <tr>
            <th scope="col" className="px-3 py-2 text-left">Round</th>
            <th scope="col" className="px-3 py-2 text-left">Ended</th>
            <th scope="col" className="px-3 py-2">Borrowed, {native}</th>
            <th scope="col" className="px-3 py-2">Returned, {native}</th>
            <th scope="col" className="px-3 py-2">Profit, {native}</th>
            <th scope="col" className="px-3 py-2">Rate after</th>
            <th scope="col" className="px-3 py-2">Change</th>
            <th scope="col" className="px-3 py-2">APY</th>
          </tr>
        </thead>
        <tbody>
          {newestFirst.map((point) => {
            const loss = point.profit < 0n;
            return (
              <tr key={point.roundId} data-round={point.roundId} data-rate={point.rate.toString()} data-profit={point.profit.toString()} className="border-t border-slate-100 dark:border-slate-800">
                <th scope="row" className="px-3 py-1.5 text-left font-medium">
                  #{point.roundId}
                </th>
                <td className="px-3 py-1.5 text-left">{formatDateTime(point.endTime)}</td>
                <td className="px-3 py-1.5">{ton(point.borrowed)}</td>
                <td className="px-3 py-1.5">{ton(point.returned)}</td>
                <td className={`px-3 py-1.5 ${loss ? 'font-semibold text-red-700 dark:text-red-400' : ''}`}>
                  {loss ? `−${ton(-point.profit)} (loss)` : ton(point.profit)}
                </td>
                <td className="px-3 py-1.5">{formatRate(point.rate)}</td>
                <td className={`px-3 py-1.5 ${point.growth !== null && point.growth < 0 ? 'text-red-700 dark:text-red-400' : ''}`}>{percentText(point.growth)}</td>
                <td className="px-3 py-1.5">{percentText(point.apy)}</td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}

export function RoundsPanel() {
  const { poolAddress, pool, history, points } = usePoolRounds(network);
  const metadata = useQuery(ptonMetadataQuery(network, pool.data?.jettonMinter.toRawString()));
  const queryClient = useQueryClient();
  const [range, setRange] = useState<HistoryRange>('all');
  const [view, setView] = useState<'chart' | 'table'>('chart');
  const older = useMutation({ mutationFn: () => loadOlderRounds(queryClient, network, poolAddress ?? '') });

  // Ranges are measured back from the newest round (about a day old at most on a live pool), which keeps render pure.
  const newestEnd = points[points.length - 1]?.endTime ?? 0;
  const shown = useMemo(() => roundsInRange(points, range, newestEnd), [points, range, newestEnd]);
  const rows = useMemo(() => chartRows(shown), [shown]);
  const native = network.nativeTicker;
  const jetton = metadata.data?.symbol ?? network.poolJettonTicker;
  const skipped = unannualisedCount(rows);

  const controls = (
    <div className="flex flex-wrap gap-2">
      <div role="group" aria-label="Range" className="flex gap-1">
        {RANGES.map((option) => (
          <Button key={option.value} size="sm" variant={range === option.value ? 'primary' : 'ghost'} aria-pressed={range === option.value} onClick={() => setRange(option.value)}>
            {option.label}
          </Button>
        ))}
      </div>
      <ExportButton testId="export-rounds" fileName="round-history.csv" header={ROUNDS_HEADER} rows={() => roundRows(shown)} />
      <div role="group" aria-label="View" className="flex gap-1">
        <Button size="sm" variant={view === 'chart' ? 'primary' : 'ghost'} aria-pressed={view === 'chart'} onClick={() => setView('chart')}>
          Charts
        </Button>
        <Button size="sm" variant={view === 'table' ? 'primary' : 'ghost'} aria-pressed={view === 'table'} onClick={() => setView('table')}>
          Table
        </Button>
      </div>
    </div>
  );

  let body;
  if (history.error) {
    body = (
      <p role="alert" className="text-red-700 dark:text-red-300">
        Could not read the round history: {readErrorText(history.error)}
      </p>
    );
  } else if (!history.data) {
    body = <Skeleton className="h-64 w-full" label="Loading round history" />;
  } else if (shown.length === 0) {
    body = <p className="text-slate-600 dark:text-slate-400">No completed rounds in this range yet.</p>;
  } else if (view === 'chart') {
    body = (
      <Suspense fallback={<Skeleton className="h-64 w-full" label="Loading charts" />}>
        <RoundCharts rows={rows} nativeTicker={native} jettonTicker={jetton} />
        {skipped > 0 && (
          <p className="mt-2 text-xs text-slate-500 dark:text-slate-400">
            {skipped} round{skipped === 1 ? ' is' : 's are'} too short to annualise (the devnet compresses time); their rate change is shown.
          </p>
        )}
      </Suspense>
    );
  } else {
    body = <RoundsTable points={shown} native={native} />;
  }

  return (
    <Card title="Round history" actions={controls}>
      {body}
      <div className="mt-3 flex flex-wrap items-center justify-between gap-2 text-xs text-slate-500 dark:text-slate-400">
        <span data-testid="rounds-count">
          {points.length} rounds read from the pool's logs{history.isFetching ? ' · updating…' : ''}
        </span>
        {history.data?.olderFrom && range === 'all' && (
          <Button size="sm" variant="ghost" disabled={older.isPending} onClick={() => older.mutate()}>
            {older.isPending ? 'Loading…' : 'Load older rounds'}
          </Button>
        )}
        {older.error && <span role="alert">Could not load older rounds: {readErrorText(older.error)}</span>}
      </div>
    </Card>
  );
}
