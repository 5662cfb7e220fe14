import { useQuery } from '@tanstack/react-query';
import { useTonWallet } from '@tonconnect/ui-react';
import { lazy, Suspense, useMemo } from 'react';
import { network } from '../../../config/network';
import { Card } from '../../../components/ui/card';
import { Skeleton } from '../../../components/ui/skeleton';
import { billsQuery, ptonBalanceQuery, ptonMetadataQuery, ptonWalletFor, tonBalanceQuery } from '../../../queries/pool';
import type { ListedBill } from '../../../ton/bills';
import { currentRate, RATE_BASIS } from '../../../ton/pool';
import { formatAmount } from '../../../ton/units';
import { usePoolRounds } from '../../../queries/use-pool-rounds';
import { accountFlowsQuery } from '../api/account-flows-query';
import { PositionConnectPrompt } from './position-connect-prompt';
import { positionValueSeries, rewardsEarned } from '../utils/flows';

const PositionChart = lazy(() => import('./position-chart'));

const amount = (nano: bigint, digits = 4) => formatAmount(nano, { maxFractionDigits: digits, groupSeparator: ',' });

/** TON a bill stands for: a deposit bill holds TON; a withdrawal bill pays the expected TON at round end. */
function billValue(bill: ListedBill): bigint {
  return bill.kind === 'deposit' ? bill.amount : bill.expectedPayout;
}

export function PositionPanel() {
  const wallet = useTonWallet();
  const owner = wallet?.account.address;
  const { poolAddress, pool, points } = usePoolRounds(network);
  const metadata = useQuery(ptonMetadataQuery(network, pool.data?.jettonMinter.toRawString()));
  const ptonWallet = ptonWalletFor(pool.data, owner);
  const balance = useQuery(ptonBalanceQuery(network, ptonWallet));
  const bills = useQuery(billsQuery(network, poolAddress, pool.data, owner));
  // Shares the wallet panel's cache entry: no extra request.
  const tonBalance = useQuery(tonBalanceQuery(network, owner));
  // The wallet's transactions are read only for a position that exists, and again only when it or the wallet changes:
  // every transaction of the wallet moves its TON balance (fees), so the flows under one version are final (and
  // kept across reloads), including refunds that land after the pTON or the bill.
  const hasPosition = balance.data !== undefined && bills.data !== undefined && (balance.data > 0n || bills.data.length > 0);
  const version = hasPosition && tonBalance.data !== undefined ? `${balance.data}:${bills.data?.length}:${tonBalance.data}` : undefined;
  const flows = useQuery(accountFlowsQuery(network, owner, poolAddress, ptonWallet, version));

  const native = network.nativeTicker;
  const jetton = metadata.data?.symbol ?? network.poolJettonTicker;
  const rate = pool.data ? currentRate(pool.data) : undefined;
  const pton = balance.data;
  const ptonValue = pton !== undefined && rate !== undefined ? (pton * rate) / RATE_BASIS : undefined;
  const billsValue = bills.data?.reduce((sum, bill) => sum + billValue(bill), 0n);
  const totalValue = ptonValue !== undefined && billsValue !== undefined ? ptonValue + billsValue : undefined;

  // "Now" is when the pool rate was read, which keeps render pure.
  const rateReadAt = Math.floor(pool.dataUpdatedAt / 1000);
  const series = useMemo(() => {
    if (!flows.data || rate === undefined || pton === undefined) return [];
    return positionValueSeries(flows.data.ptonChanges, points, { time: rateReadAt, rate, pton });
  }, [flows.data, points, rate, pton, rateReadAt]);
  const chartRows = useMemo(() => series.map((point) => ({ time: point.time, value: Number(point.value) / 1e9 })), [series]);

  if (!wallet) {
    return <PositionConnectPrompt jettonTicker={jetton} />;
  }
  const error = pool.error ?? balance.error ?? bills.error ?? tonBalance.error ?? flows.error;
  if (error) {
    return (
      <Card title="My position">
        <p role="alert" className="text-red-700 dark:text-red-300">
          Could not read your position: {error.message}
        </p>
      </Card>
    );
  }

  const rewards = flows.data && totalValue !== undefined && flows.data.deposits > 0 ? rewardsEarned(flows.data, totalValue) : undefined;

  return (
    <Card title="My position">
      <dl className="grid grid-cols-2 gap-3 md:grid-cols-4">
        <div>
          <dt className="text-xs uppercase tracking-wide text-slate-500 dark:text-slate-400">Balance</dt>
          <dd className="text-lg font-semibold tabular-nums" data-testid="position-pton" data-value={pton?.toString()}>
            {pton === undefined ? <Skeleton /> : `${amount(pton)} ${jetton}`}
          </dd>
        </div>
        <div>
          <dt className="text-xs uppercase tracking-wide text-slate-500 dark:text-slate-400">Worth now</dt>
          <dd className="text-lg font-semibold tabular-nums" data-testid="position-value" data-value={totalValue?.toString()}>
            {totalValue === undefined ? <Skeleton /> : `${amount(totalValue)} ${native}`}
          </dd>
        </div>
        <div>
          <dt className="text-xs uppercase tracking-wide text-slate-500 dark:text-slate-400">Rewards since first deposit</dt>
          <dd
            className={`text-lg font-semibold tabular-nums ${rewards !== undefined && rewards < 0n ? 'text-red-700 dark:text-red-400' : ''}`}
            data-testid="position-rewards"
            data-value={rewards?.toString()}
          >
            {hasPosition && flows.isPending ? <Skeleton /> : rewards === undefined ? '—' : `${rewards < 0n ? '−' : '+'}${amount(rewards < 0n ? -rewards : rewards)} ${native}`}
          </dd>
          {flows.data && !flows.data.complete && <dd className="text-xs text-slate-500">From your latest transactions only</dd>}
        </div>
        <div>
          <dt className="text-xs uppercase tracking-wide text-slate-500 dark:text-slate-400">Pending bills</dt>
          <dd className="text-lg font-semibold tabular-nums" data-testid="position-bills" data-value={bills.data?.length}>
            {bills.data === undefined ? <Skeleton /> : bills.data.length}
          </dd>
        </div>
      </dl>
      {bills.data && bills.data.length > 0 && (
        <ul className="mt-3 space-y-1 text-sm" aria-label="Pending bills">
          {bills.data.map((bill) => (
            <li key={bill.address.toRawString()}>
              {bill.kind === 'deposit'
                ? `Deposit bill #${bill.index}: ${amount(bill.amount)} ${native} → about ${amount(bill.expectedPayout)} ${jetton} at round end`
                : `Withdrawal bill #${bill.index}: ${amount(bill.amount)} ${jetton} → about ${amount(bill.expectedPayout)} ${native} at round end`}
            </li>
          ))}
        </ul>
      )}
      <p className="mt-3 text-xs text-slate-500 dark:text-slate-400">
        Rewards = value now − ({native} you sent to the pool − {native} it sent back), from your wallet's transactions; fees count against them. {jetton} sent to or received from other wallets is not tracked.
      </p>
      {chartRows.length > 1 && (
        <div className="mt-4">
          <Suspense fallback={<Skeleton className="h-40 w-full" label="Loading chart" />}>
            <PositionChart rows={chartRows} nativeTicker={native} />
          </Suspense>
        </div>
      )}
    </Card>
  );
}
