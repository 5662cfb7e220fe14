import { useQuery } from '../../../queries/use-query';
import { ExportButton } from '../../../components/export/export-button';
import { FLOWS_HEADER, flowRows } from '../utils/export-rows';
import { useWatchAddress } from '../../../stores/watch-address';
import { formatSummary } from '../../../components/format/amounts';
import { readErrorText } from '../../../components/tx/read-error';
import { useWallet } from '../../../stores/wallet-connection';
import { Address } from '@ton/core';
import { lazy, Suspense, useMemo } from 'react';
import { network } from '../../../config/network';
import { Card } from '../../../components/ui/card';
import { Skeleton } from '../../../components/ui/skeleton';
import { useNearViewport } from '../../../components/ui/use-near-viewport';
import type { BillRecord } from '../../../queries/bills';
import { ptonBalanceQuery } from '../../../queries/pool';
import { usePoolJettonTicker } from '../../../queries/use-jetton-ticker';
import { useOwnerBills } from '../../../queries/use-owner-bills';
import { billExpectedPayout } from '../../../ton/bills';
import { currentRate, RATE_BASIS, type PoolFullData } from '../../../ton/pool';
import { usePoolRounds } from '../../../queries/use-pool-rounds';
import { PositionConnectPrompt } from './position-connect-prompt';
import { accountFlows, cumulativeRewards, positionResult, positionValueSeries } from '../utils/flows';
import { useT } from '../../../i18n/messages';
import { positionMessages } from '../messages';

const PositionChart = lazy(() => import('./position-chart'));

const amount = formatSummary;

/** TON a bill stands for: a deposit bill holds TON; a withdrawal bill pays the expected TON at round end. */
function billValue(pool: PoolFullData, bill: BillRecord): bigint {
  return bill.kind === 'deposit' ? bill.amount : billExpectedPayout(pool, bill);
}

export function PositionPanel() {
  const t = useT(positionMessages);
  const wallet = useWallet();
  const watched = useWatchAddress((state) => state.watched);
  const owner = watched ?? wallet?.account.address;
  const { poolAddress, selection, pool, points } = usePoolRounds(network);
  const jetton = usePoolJettonTicker(network, selection.preset, pool.data?.jettonMinter.toRawString());
  // Balance, own history and bills: one shared read each (the bills panel reads the same entries).
  // its data (the owner's history) is read once the panel is on screen: a first visit's first screen goes without
  const [panel, nearViewport] = useNearViewport<HTMLElement>('0px');
  const { account, ptonWallet, history, book } = useOwnerBills(network, owner, poolAddress, pool.data, { nearViewport });
  const balance = useQuery(ptonBalanceQuery(network, ptonWallet));
  const openBills = useMemo(() => book.data?.bills.filter((bill) => !bill.payout), [book.data]);
  // Flows come from the owner's history, read once for the bills as well: no request of their own.
  const flows = useMemo(
    () => (history.data && poolAddress && ptonWallet ? accountFlows(history.data, { pool: Address.parse(poolAddress), ptonWallet: Address.parse(ptonWallet) }) : undefined),
    [history.data, poolAddress, ptonWallet],
  );

  const native = network.nativeTicker;
  const rate = pool.data ? currentRate(pool.data) : undefined;
  const pton = balance.data;
  const ptonValue = pton !== undefined && rate !== undefined ? (pton * rate) / RATE_BASIS : undefined;
  const billsValue = pool.data && openBills ? openBills.reduce((sum, bill) => sum + billValue(pool.data, bill), 0n) : undefined;
  const totalValue = ptonValue !== undefined && billsValue !== undefined ? ptonValue + billsValue : undefined;

  // "Now" is when the pool rate was read, which keeps render pure.
  const rateReadAt = Math.floor(pool.dataUpdatedAt / 1000);
  const series = useMemo(() => {
    if (!flows || rate === undefined || pton === undefined) return [];
    return positionValueSeries(flows.ptonChanges, points, { time: rateReadAt, rate, pton });
  }, [flows, points, rate, pton, rateReadAt]);
  const chartRows = useMemo(() => {
    const rewards = cumulativeRewards(series);
    return series.map((point, i) => ({ time: point.time, value: Number(point.value) / 1e9, rewards: Number(rewards[i]) / 1e9 }));
  }, [series]);

  if (!owner) {
    return <PositionConnectPrompt jettonTicker={jetton} />;
  }
  const error = pool.error ?? balance.error ?? book.error ?? account.error ?? history.error;
  if (error) {
    return (
      <Card title={t('title')}>
        <p role="alert" className="text-red-700 dark:text-red-300">
          {t('failed', { reason: readErrorText(error) })}
        </p>
      </Card>
    );
  }

  const result = flows && totalValue !== undefined && flows.deposits > 0 ? positionResult(flows, totalValue, series) : undefined;
  const signed = (nano: bigint) => `${nano < 0n ? '−' : '+'}${amount(nano < 0n ? -nano : nano)} ${native}`;
  const hasPosition = (pton !== undefined && pton > 0n) || (openBills !== undefined && openBills.length > 0);

  return (
    <Card title={t('title')} ref={panel}>
      <dl className="grid grid-cols-2 gap-3 md:grid-cols-5">
        <div>
          <dt className="text-xs uppercase tracking-wide text-slate-500 dark:text-slate-400">{t('balance')}</dt>
          <dd className="text-lg font-semibold tabular-nums" data-testid="position-pton" data-value={pton?.toString()}>
            {pton === undefined ? <Skeleton /> : `${amount(pton)} ${jetton}`}
          </dd>
        </div>
        <div>
          <dt className="text-xs uppercase tracking-wide text-slate-500 dark:text-slate-400">{t('worthNow')}</dt>
          <dd className="text-lg font-semibold tabular-nums" data-testid="position-value" data-value={totalValue?.toString()}>
            {totalValue === undefined ? <Skeleton /> : `${amount(totalValue)} ${native}`}
          </dd>
        </div>
        <div>
          <dt className="text-xs uppercase tracking-wide text-slate-500 dark:text-slate-400">{t('rewards')}</dt>
          <dd
            className="text-lg font-semibold tabular-nums"
            data-testid="position-rewards"
            data-value={result?.rewards.toString()}
            title={t('rewardsTitle', { jetton })}
          >
            {hasPosition && !flows ? <Skeleton /> : result === undefined ? '—' : signed(result.rewards)}
          </dd>
          {flows && !flows.complete && <dd className="text-xs text-slate-500 dark:text-slate-400">{t('latestOnly')}</dd>}
        </div>
        <div>
          <dt className="text-xs uppercase tracking-wide text-slate-500 dark:text-slate-400">{t('costs')}</dt>
          <dd className="text-lg font-semibold tabular-nums" data-testid="position-costs" data-value={result?.costs.toString()}>
            {hasPosition && !flows ? <Skeleton /> : result === undefined ? '—' : `${amount(result.costs < 0n ? 0n : result.costs)} ${native}`}
          </dd>
          {result && (
            <dd className="text-xs text-slate-500 dark:text-slate-400" data-testid="position-net" data-value={result.netReturn.toString()}>
              {t('net', { amount: signed(result.netReturn) })}
            </dd>
          )}
        </div>
        <div>
          <dt className="text-xs uppercase tracking-wide text-slate-500 dark:text-slate-400">{t('pendingBills')}</dt>
          <dd className="text-lg font-semibold tabular-nums" data-testid="position-bills" data-value={openBills?.length}>
            {openBills === undefined ? <Skeleton /> : openBills.length}
          </dd>
        </div>
      </dl>
      {pool.data && openBills && openBills.length > 0 && (
        <ul className="mt-3 space-y-1 text-sm" aria-label={t('pendingBills')}>
          {openBills.map((bill) => (
            <li key={bill.address}>
              {bill.kind === 'deposit'
                ? t('depositBill', { index: bill.index, amount: amount(bill.amount), native, expected: amount(billExpectedPayout(pool.data!, bill)), jetton })
                : t('withdrawalBill', { index: bill.index, amount: amount(bill.amount), jetton, expected: amount(billExpectedPayout(pool.data!, bill)), native })}
            </li>
          ))}
        </ul>
      )}
      <p className="mt-3 text-xs text-slate-500 dark:text-slate-400">
        {t('explanation', { jetton, native })}
      </p>
      {history.data && book.data && poolAddress && ptonWallet && rate !== undefined && (
        <div className="mt-3">
          <ExportButton
            testId="export-flows"
            fileName="staking-flows.csv"
            header={FLOWS_HEADER}
            rows={() => flowRows(history.data!.events, book.data!.bills, { pool: Address.parse(poolAddress), ptonWallet: Address.parse(ptonWallet) }, points, rate)}
          />
        </div>
      )}
      {chartRows.length > 1 && (
        <div className="mt-4">
          <Suspense fallback={<Skeleton className="h-40 w-full" label={t('loadingChart')} />}>
            <PositionChart rows={chartRows} nativeTicker={native} />
          </Suspense>
        </div>
      )}
    </Card>
  );
}
