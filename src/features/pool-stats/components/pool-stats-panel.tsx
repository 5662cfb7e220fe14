import { useQuery } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { network } from '../../../config/network';
import { Badge } from '../../../components/ui/badge';
import { Card } from '../../../components/ui/card';
import { Skeleton } from '../../../components/ui/skeleton';
import { ptonMetadataQuery } from '../../../queries/pool';
import { recentApy, typicalRoundSeconds } from '../../../ton/history';
import { currentRate, totalValueLocked } from '../../../ton/pool';
import { formatAmount } from '../../../ton/units';
import { usePoolRounds } from '../../../queries/use-pool-rounds';
import { formatDuration, formatPercent, MAINNET_ROUND_SECONDS, nextRoundEnd, projectedYield } from '../utils/pool-metrics';
import { useNowSeconds } from './use-now';

function Stat({ label, testId, value, hint, exact }: { label: string; testId: string; value: ReactNode; hint?: ReactNode; exact?: string }) {
  return (
    <div className="rounded-xl bg-slate-50 p-3 dark:bg-slate-800/50">
      <dt className="text-xs uppercase tracking-wide text-slate-500 dark:text-slate-400">{label}</dt>
      <dd className="mt-1 text-lg font-semibold tabular-nums" data-testid={testId} data-value={exact}>
        {value}
      </dd>
      {hint && <dd className="text-xs text-slate-500 dark:text-slate-400">{hint}</dd>}
    </div>
  );
}

export function PoolStatsPanel() {
  const { protocol, pool, history, points } = usePoolRounds(network);
  const metadata = useQuery(ptonMetadataQuery(network, pool.data?.jettonMinter.toRawString()));
  const now = useNowSeconds();
  const native = network.nativeTicker;
  const jetton = metadata.data?.symbol ?? network.poolJettonTicker;

  const error = protocol.error ?? pool.error;
  if (error) {
    return (
      <Card title="Pool">
        <p role="alert" className="text-red-700 dark:text-red-300">
          Could not read the pool: {error.message}
        </p>
      </Card>
    );
  }
  if (!pool.data) {
    return (
      <Card title="Pool">
        {/* As tall as the six stat tiles at desktop width, so nothing below moves when they arrive. */}
        <Skeleton className="h-45 w-full" label="Loading pool data" />
      </Card>
    );
  }

  const data = pool.data;
  const rate = currentRate(data);
  const roundSeconds = protocol.data?.roundSeconds ?? typicalRoundSeconds(history.data?.rounds ?? []) ?? MAINNET_ROUND_SECONDS;
  const projected = projectedYield(data, roundSeconds);
  const lastRound = points[points.length - 1];
  const roundEnd = nextRoundEnd({
    nextRoundAt: protocol.data?.nextRoundAt ?? null,
    lastRoundEnd: lastRound?.endTime ?? null,
    typicalRoundSeconds: typicalRoundSeconds(history.data?.rounds ?? []),
    nowS: now,
  });
  const tvl = totalValueLocked(data);
  const pendingDeposits = data.requestedForDeposit;

  return (
    <Card
      title="Pool"
      actions={
        <div className="flex flex-wrap gap-2" data-testid="pool-flags">
          <Badge tone={data.depositsOpen ? 'success' : 'warning'}>{data.depositsOpen ? 'Deposits open' : 'Deposits closed'}</Badge>
          <Badge tone="info" title={data.optimistic ? 'Deposits mint pTON at once; withdrawals pay at once when liquid' : 'Deposits and withdrawals settle at round end, through bills'}>
            {data.optimistic ? 'Optimistic' : 'Pessimistic'}
          </Badge>
        </div>
      }
    >
      {data.halted && (
        <p role="alert" data-testid="pool-halted" className="mb-4 rounded-xl bg-red-100 p-3 font-semibold text-red-900 dark:bg-red-900/40 dark:text-red-100">
          The pool is halted by governance: deposits and withdrawals are refused until it is unhalted.
        </p>
      )}
      <dl className="grid grid-cols-2 gap-3 md:grid-cols-3">
        <Stat
          label="Exchange rate"
          testId="stat-rate"
          exact={rate.toString()}
          value={`1 ${jetton} = ${formatAmount(rate, { maxFractionDigits: 6 })} ${native}`}
        />
        <Stat
          label="TVL"
          testId="stat-tvl"
          exact={tvl.toString()}
          value={`${formatAmount(tvl, { maxFractionDigits: 2, groupSeparator: ',' })} ${native}`}
          hint={pendingDeposits > 0n ? `+ ${formatAmount(pendingDeposits, { maxFractionDigits: 2, groupSeparator: ',' })} ${native} pending deposits` : undefined}
        />
        <Stat label="Round" testId="stat-round" exact={String(data.currentRound.roundId)} value={`#${data.currentRound.roundId}`} />
        <Stat
          label="Current APY"
          testId="stat-apy-current"
          value={history.isPending ? <Skeleton label="Loading round history" /> : formatPercent(recentApy(points))}
          hint="From the rate growth of the last 10 rounds"
        />
        <Stat
          label="Projected APY"
          testId="stat-apy-projected"
          value={formatPercent(projected.apy)}
          hint={`Interest ${formatPercent(data.interestRate / 2 ** 24, 4)} per round on ${Math.round(projected.lentShare * 100)} % lent, governance fee ${formatPercent(data.governanceFee / 2 ** 24, 1)}`}
        />
        <Stat
          label="Round ends in"
          testId="stat-next-round"
          exact={roundEnd ? String(roundEnd.at) : undefined}
          value={roundEnd ? (roundEnd.at > now ? formatDuration(roundEnd.at - now) : 'Due now') : '—'}
          hint={roundEnd?.source === 'estimate' ? 'Estimated from recent round lengths' : roundEnd ? 'Devnet schedule' : 'Unknown until two rounds are seen'}
        />
      </dl>
    </Card>
  );
}
