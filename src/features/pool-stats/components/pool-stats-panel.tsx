import { useQuery } from '@tanstack/react-query';
import { RewardsCalculator } from './rewards-calculator';
import { thirtyDayApy } from '../utils/calculator';
import { formatAggregate, formatRate } from '../../../components/format/amounts';
import { useTonWallet } from '@tonconnect/ui-react';
import { useState, type ReactNode } from 'react';
import { network } from '../../../config/network';
import { Badge } from '../../../components/ui/badge';
import { Card } from '../../../components/ui/card';
import { StaleMark } from '../../../components/ui/stale-mark';
import { isUnreachable, readErrorText } from '../../../components/tx/read-error';
import { Skeleton } from '../../../components/ui/skeleton';
import { ptonMetadataQuery } from '../../../queries/pool';
import { poolInspectionQuery } from '../../../queries/pool-inspection';
import { expectedPayoutAt } from '../../../queries/protocol';
import { recentApyEstimate, typicalRoundSeconds } from '../../../ton/history';
import { currentRate, sharePercent, totalValueLocked, UnsupportedPoolError, type PoolVersion } from '../../../ton/pool';
import { usePoolRounds } from '../../../queries/use-pool-rounds';
import { meaningfulApy } from '../../../../contracts/wrappers/apy';
import { formatDuration, roundDueExplanation, useNowSeconds } from '../../../components/time/clock';
import { apyDisplay, formatPercent, formatSmallPercent, MAINNET_ROUND_SECONDS, nextRoundEnd, projectedYield } from '../utils/pool-metrics';
import { PoolFacts, PoolPicker } from './pool-picker';

function Stat({
  label,
  testId,
  value,
  hint,
  exact,
  title,
  wide = false,
}: {
  label: string;
  testId: string;
  value: ReactNode;
  hint?: ReactNode;
  exact?: string;
  /** Tooltip of the value, e.g. why it reads "—". */
  title?: string;
  /** A long value (the rate, the TVL): a whole row on a phone, so it never wraps into three lines. */
  wide?: boolean;
}) {
  return (
    <div className={`rounded-xl bg-slate-50 p-3 dark:bg-slate-800/50 ${wide ? 'max-md:col-span-2' : ''}`}>
      <dt className="text-xs uppercase tracking-wide text-slate-500 dark:text-slate-400">{label}</dt>
      <dd className="mt-1 text-lg font-semibold tabular-nums" data-testid={testId} data-value={exact} title={title}>
        {value}
      </dd>
      {hint && <dd className="text-xs text-slate-500 dark:text-slate-400">{hint}</dd>}
    </div>
  );
}

type VersionChange = { from: PoolVersion; to: PoolVersion };

/** A change of version between two reads of the same pool: an upgrade while the page is open (kept until the pool changes). */
function useVersionChange(address: string | undefined, version: PoolVersion | undefined): VersionChange | null {
  const [seen, setSeen] = useState<{ address?: string; version?: PoolVersion; change: VersionChange | null }>({ address, version, change: null });
  if (address !== seen.address) setSeen({ address, version, change: null });
  else if (version && version !== seen.version) setSeen({ address, version, change: seen.version ? { from: seen.version, to: version } : null });
  return address === seen.address ? seen.change : null;
}

/** What the app can still show of a pool whose getter layout it does not know: account, code hash, jetton. */
function UnsupportedPool({ address, error }: { address: string; error: UnsupportedPoolError }) {
  const owner = useTonWallet()?.account.address;
  const inspection = useQuery(poolInspectionQuery(network, address, owner));
  return (
    <div data-testid="pool-unsupported" className="grid gap-3">
      <p role="alert" className="rounded-xl bg-amber-100 p-3 text-amber-900 dark:bg-amber-900/40 dark:text-amber-100">
        This pool runs a version of the staking protocol this app does not support (its get_pool_full_data has {error.entries} entries). It is shown
        read-only: staking and unstaking are disabled.
      </p>
      {inspection.data ? (
        <PoolFacts inspection={inspection.data} network={network} testId="pool-unsupported-facts" />
      ) : inspection.isError ? (
        <p className="text-sm text-red-700 dark:text-red-300">Could not read the pool account: {readErrorText(inspection.error)}</p>
      ) : (
        <Skeleton className="h-16 w-full" label="Loading the pool account" />
      )}
    </div>
  );
}

export function PoolStatsPanel() {
  const { protocol, selection, pool, history, points } = usePoolRounds(network);
  const metadata = useQuery(ptonMetadataQuery(network, pool.data?.jettonMinter.toRawString()));
  const now = useNowSeconds();
  const native = network.nativeTicker;
  const jetton = metadata.data?.symbol ?? network.poolJettonTicker;
  const upgrade = useVersionChange(selection.address, pool.isError ? undefined : pool.data?.version);

  const error = protocol.error ?? pool.error;
  if (error instanceof UnsupportedPoolError && selection.address) {
    return (
      <Card title="Pool">
        <PoolPicker network={network} selection={selection} version="unsupported" />
        <UnsupportedPool address={selection.address} error={error} />
      </Card>
    );
  }
  // A failed refresh of a pool already read keeps its figures on screen, marked stale (the page-wide notice says why).
  const stale = pool.data !== undefined && (pool.isError || pool.failureCount > 0);
  if (error && !(pool.data && isUnreachable(error))) {
    return (
      <Card title="Pool">
        {selection.address && <PoolPicker network={network} selection={selection} />}
        <p role="alert" className="text-red-700 dark:text-red-300">
          Could not read the pool: {readErrorText(error)}
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
  const projectedApy = apyDisplay(meaningfulApy(projected.apy));
  const currentApy = apyDisplay(recentApyEstimate(points), points.length);
  const thirtyDay = thirtyDayApy(points, now);
  const lastRound = points[points.length - 1];
  const roundEnd = nextRoundEnd({
    // on the browser's clock, like every bill's ETA (the devnet's clock may differ)
    nextRoundAt: expectedPayoutAt(protocol.data),
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
          {stale && <StaleMark updatedAt={pool.dataUpdatedAt} testId="pool-stale" />}
          <Badge tone={data.depositsOpen ? 'success' : 'warning'}>{data.depositsOpen ? 'Deposits open' : 'Deposits closed'}</Badge>
          <Badge tone="info" title={data.optimistic ? 'Deposits mint pTON at once; withdrawals pay at once when liquid' : 'Deposits and withdrawals settle at round end, through bills'}>
            {data.optimistic ? 'Optimistic' : 'Pessimistic'}
          </Badge>
          {(data.instantWithdrawalFee ?? 0) > 0 && (
            <Badge tone="neutral" title="Kept from instant withdrawals; withdrawals at round end pay no such fee">
              Instant withdrawal fee {sharePercent(data.instantWithdrawalFee ?? 0)} %
            </Badge>
          )}
        </div>
      }
    >
      <PoolPicker network={network} selection={selection} version={data.version} />
      {upgrade && (
        <p role="status" data-testid="pool-upgraded" className="mb-4 rounded-xl bg-brand-100 p-3 text-brand-700 dark:bg-brand-700/30 dark:text-brand-100">
          The pool was upgraded from {upgrade.from} to {upgrade.to} while this page was open: every quote now follows {upgrade.to}.
        </p>
      )}
      {data.halted && (
        <p role="alert" data-testid="pool-halted" className="mb-4 rounded-xl bg-red-100 p-3 font-semibold text-red-900 dark:bg-red-900/40 dark:text-red-100">
          The pool is halted by governance: deposits and withdrawals are refused until it is unhalted.
        </p>
      )}
      <dl className="grid grid-cols-2 gap-3 md:grid-cols-3">
        <Stat
          label="Current rate"
          testId="stat-rate"
          wide
          hint={`What 1 ${jetton} is worth now; instant withdrawals pay at this rate`}
          exact={rate.toString()}
          // all 9 digits: a round's growth is a few parts in 10^7 on mainnet and on the devnet alike
          value={`1 ${jetton} = ${formatRate(rate)} ${native}`}
        />
        <Stat
          label="TVL"
          testId="stat-tvl"
          wide
          exact={tvl.toString()}
          value={`${formatAggregate(tvl)} ${native}`}
          hint={pendingDeposits > 0n ? `+ ${formatAggregate(pendingDeposits)} ${native} pending deposits` : undefined}
        />
        <Stat label="Round" testId="stat-round" exact={String(data.currentRound.roundId)} value={`#${data.currentRound.roundId}`} />
        <Stat
          label="Current APY"
          testId="stat-apy-current"
          value={history.isPending ? <Skeleton label="Loading round history" /> : currentApy.text}
          title={history.isPending ? undefined : (currentApy.explanation ?? undefined)}
          hint={!history.isPending && currentApy.explanation ? currentApy.explanation : 'From the rate growth of the last 10 rounds'}
        />
        <Stat
          label="Projected APY"
          testId="stat-apy-projected"
          value={projectedApy.text}
          title={projectedApy.explanation ?? undefined}
          hint={`${projectedApy.explanation ? `${projectedApy.explanation}. ` : ''}Interest ${formatSmallPercent(data.interestRate / 2 ** 24)} per round on ${Math.round(projected.lentShare * 100)} % lent, governance fee ${formatPercent(data.governanceFee / 2 ** 24, 1)}`}
        />
        <Stat
          label="Round ends in"
          testId="stat-next-round"
          exact={roundEnd ? String(roundEnd.at) : undefined}
          value={roundEnd ? (roundEnd.at > now ? formatDuration(roundEnd.at - now) : 'Due now') : '—'}
          hint={
            roundEnd && roundEnd.at <= now
              ? `Due now: ${roundDueExplanation()}`
              : roundEnd?.source === 'estimate'
                ? 'Estimated from recent round lengths'
                : roundEnd
                  ? 'Devnet schedule'
                  : 'Unknown until two rounds are seen'
          }
        />
      </dl>
      <RewardsCalculator
        native={native}
        instantFeeShare={data.instantWithdrawalFee ?? 0}
        apys={[
          { label: 'Current APY', apy: recentApyEstimate(points).apy, note: currentApy.explanation ?? undefined },
          { label: '30-day APY', apy: thirtyDay.apy, note: thirtyDay.apy === null ? 'Not enough rounds in the last 30 days' : undefined },
          { label: 'Projected APY', apy: meaningfulApy(projected.apy).apy, note: projectedApy.explanation ?? undefined },
        ]}
      />
    </Card>
  );
}
