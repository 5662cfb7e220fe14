import { useMutation, useQueryClient } from '@tanstack/react-query';
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
import { usePoolJettonTicker } from '../../../queries/use-jetton-ticker';
import { roundsInRange, type HistoryRange, type RoundPoint } from '../../../ton/history';
import { loadOlderRounds } from '../../../queries/round-history';
import { usePoolRounds } from '../../../queries/use-pool-rounds';
import { chartRows, unannualisedCount } from '../utils/chart-rows';
import { useT } from '../../../i18n/messages';
import { formatNumber } from '../../../i18n/numbers';
import { roundsMessages } from '../messages';

const RoundCharts = lazy(() => import('./round-charts'));

const RANGES = [
  { value: '30d', label: 'range30' },
  { value: '90d', label: 'range90' },
  { value: 'all', label: 'rangeAll' },
] as const satisfies readonly { value: HistoryRange; label: keyof typeof roundsMessages.en }[];

const ton = formatAggregate;

/** "0.0186 %", a round's small growth to 3 significant digits ("0.0000186 %"); never exponent notation. */
function percentText(fraction: number | null): string {
  if (fraction === null) return '—';
  if (!Number.isFinite(fraction)) return '∞';
  const percent = fraction * 100;
  const text =
    percent === 0 || Math.abs(percent) >= 0.01
      ? formatNumber(percent, { minimumFractionDigits: 4, maximumFractionDigits: 4 })
      : formatNumber(percent, { maximumSignificantDigits: 3 });
  return `${text.replace('-', '−')} %`;
}

function RoundsTable({ points, native }: { points: RoundPoint[]; native: string }) {
  const t = useT(roundsMessages);
  const newestFirst = [...points].reverse();
  return (
    <div className="max-h-96 overflow-auto rounded-xl border border-slate-200 dark:border-slate-800">
      <table className="w-full text-right text-sm tabular-nums" data-testid="rounds-table">
        <caption className="sr-only">{t('caption')}</caption>
        <thead className="sticky top-0 bg-slate-100 text-xs uppercase text-slate-600 dark:bg-slate-800 dark:text-slate-300">
          <tr>
            <th scope="col" className="px-3 py-2 text-left">{t('round')}</th>
            <th scope="col" className="px-3 py-2 text-left">{t('ended')}</th>
            <th scope="col" className="px-3 py-2">{t('borrowed', { native })}</th>
            <th scope="col" className="px-3 py-2">{t('returned', { native })}</th>
            <th scope="col" className="px-3 py-2">{t('profit', { native })}</th>
            <th scope="col" className="px-3 py-2">{t('rateAfter')}</th>
            <th scope="col" className="px-3 py-2">{t('change')}</th>
            <th scope="col" className="px-3 py-2">{t('apy')}</th>
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
                  {loss ? t('loss', { amount: ton(-point.profit) }) : ton(point.profit)}
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
  const t = useT(roundsMessages);
  const { poolAddress, selection, pool, history, points } = usePoolRounds(network);
  const jetton = usePoolJettonTicker(network, selection.preset, pool.data?.jettonMinter.toRawString());
  const queryClient = useQueryClient();
  const [range, setRange] = useState<HistoryRange>('all');
  const [view, setView] = useState<'chart' | 'table'>('chart');
  const older = useMutation({ mutationFn: () => loadOlderRounds(queryClient, network, poolAddress ?? '') });

  // Ranges are measured back from the newest round (about a day old at most on a live pool), which keeps render pure.
  const newestEnd = points[points.length - 1]?.endTime ?? 0;
  const shown = useMemo(() => roundsInRange(points, range, newestEnd), [points, range, newestEnd]);
  const rows = useMemo(() => chartRows(shown), [shown]);
  const native = network.nativeTicker;
  const skipped = unannualisedCount(rows);

  const controls = (
    <div className="flex flex-wrap gap-2">
      <div role="group" aria-label={t('range')} className="flex gap-1">
        {RANGES.map((option) => (
          <Button key={option.value} size="sm" variant={range === option.value ? 'primary' : 'ghost'} aria-pressed={range === option.value} onClick={() => setRange(option.value)}>
            {t(option.label)}
          </Button>
        ))}
      </div>
      <ExportButton testId="export-rounds" fileName="round-history.csv" header={ROUNDS_HEADER} rows={() => roundRows(shown)} />
      <div role="group" aria-label={t('view')} className="flex gap-1">
        <Button size="sm" variant={view === 'chart' ? 'primary' : 'ghost'} aria-pressed={view === 'chart'} onClick={() => setView('chart')}>
          {t('charts')}
        </Button>
        <Button size="sm" variant={view === 'table' ? 'primary' : 'ghost'} aria-pressed={view === 'table'} onClick={() => setView('table')}>
          {t('table')}
        </Button>
      </div>
    </div>
  );

  let body;
  if (history.error) {
    body = (
      <p role="alert" className="text-red-700 dark:text-red-300">
        {t('failed', { reason: readErrorText(history.error) })}
      </p>
    );
  } else if (!history.data) {
    body = <Skeleton className="h-64 w-full" label={t('loading')} />;
  } else if (shown.length === 0) {
    body = <p className="text-slate-600 dark:text-slate-400">{t('empty')}</p>;
  } else if (view === 'chart') {
    body = (
      <Suspense fallback={<Skeleton className="h-64 w-full" label={t('loadingCharts')} />}>
        <RoundCharts rows={rows} nativeTicker={native} jettonTicker={jetton} />
        {skipped > 0 && (
          <p className="mt-2 text-xs text-slate-500 dark:text-slate-400">
            {t('tooShort', { count: skipped })}
          </p>
        )}
      </Suspense>
    );
  } else {
    body = <RoundsTable points={shown} native={native} />;
  }

  return (
    <Card title={t('title')} actions={controls}>
      {body}
      {/* One row as tall as its button, whether or not a longer history offers one: the placeholder keeps its size. */}
      <div className="mt-3 flex min-h-7 items-center justify-between gap-2 text-xs text-slate-500 max-sm:min-h-11 dark:text-slate-400">
        <span data-testid="rounds-count" className="min-w-0 truncate">
          {t('count', { count: points.length })}
          {history.isFetching ? t('updating') : ''}
        </span>
        {history.data?.olderFrom && range === 'all' && (
          <Button size="sm" variant="ghost" className="shrink-0" disabled={older.isPending} onClick={() => older.mutate()}>
            {t(older.isPending ? 'loadingOlder' : 'loadOlder')}
          </Button>
        )}
      </div>
      {older.error && (
        <p role="alert" className="mt-1 text-xs text-red-700 dark:text-red-300">
          {t('olderFailed', { reason: readErrorText(older.error) })}
        </p>
      )}
    </Card>
  );
}
