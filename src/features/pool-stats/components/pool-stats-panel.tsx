import { useQuery } from '../../../queries/use-query';
import { RewardsCalculator } from './rewards-calculator';
import { thirtyDayApy } from '../utils/calculator';
import { formatAggregate, formatRate } from '../../../components/format/amounts';
import { useWallet } from '../../../stores/wallet-connection';
import { useState, type ReactNode } from 'react';
import { network } from '../../../config/network';
import { Badge } from '../../../components/ui/badge';
import { Card } from '../../../components/ui/card';
import { StaleMark } from '../../../components/ui/stale-mark';
import { isUnreachable, readErrorText } from '../../../components/tx/read-error';
import { Skeleton } from '../../../components/ui/skeleton';
import { usePoolJettonTicker } from '../../../queries/use-jetton-ticker';
import { poolInspectionQuery } from '../../../queries/pool-inspection';
import { expectedPayoutAt } from '../../../queries/protocol';
import { recentApyEstimate, typicalRoundSeconds } from '../../../ton/history';
import { currentRate, sharePercent, totalValueLocked, UnsupportedPoolError, type PoolVersion } from '../../../ton/pool';
import { usePoolRounds } from '../../../queries/use-pool-rounds';
import { meaningfulApy } from '../../../../contracts/wrappers/apy';
import { formatDuration, roundDueExplanation, useNowSeconds } from '../../../components/time/clock';
import { apyDisplay, formatPercent, formatSmallPercent, MAINNET_ROUND_SECONDS, nextRoundEnd, projectedYield } from '../utils/pool-metrics';
import { PoolFacts, PoolPicker } from './pool-picker';
import { useT } from '../../../i18n/messages';
import { localiseDecimal } from '../../../i18n/numbers';
import { poolStatsMessages } from '../messages';

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
  const t = useT(poolStatsMessages);
  const owner = useWallet()?.account.address;
  const inspection = useQuery(poolInspectionQuery(network, address, owner));
  return (
    <div data-testid="pool-unsupported" className="grid gap-3">
      <p role="alert" className="rounded-xl bg-amber-100 p-3 text-amber-900 dark:bg-amber-900/40 dark:text-amber-100">
        {t('unsupported', { entries: error.entries })}
      </p>
      {inspection.data ? (
        <PoolFacts inspection={inspection.data} network={network} testId="pool-unsupported-facts" />
      ) : inspection.isError ? (
        <p className="text-sm text-red-700 dark:text-red-300">{t('accountFailed', { reason: readErrorText(inspection.error) })}</p>
      ) : (
        <Skeleton className="h-16 w-full" label={t('loadingAccount')} />
      )}
    </div>
  );
}

export function PoolStatsPanel() {
  const t = useT(poolStatsMessages);
  const { protocol, selection, pool, history, points } = usePoolRounds(network);
  const jetton = usePoolJettonTicker(network, selection.preset, pool.data?.jettonMinter.toRawString());
  const now = useNowSeconds();
  const native = network.nativeTicker;
  const upgrade = useVersionChange(selection.address, pool.isError ? undefined : pool.data?.version);

  const error = protocol.error ?? pool.error;
  if (error instanceof UnsupportedPoolError && selection.address) {
    return (
      <Card title={t('title')}>
        <PoolPicker network={network} selection={selection} version="unsupported" />
        <UnsupportedPool address={selection.address} error={error} />
      </Card>
    );
  }
  // A failed refresh of a pool already read keeps its figures on screen, marked stale (the page-wide notice says why).
  const stale = pool.data !== undefined && (pool.isError || pool.failureCount > 0);
  if (error && !(pool.data && isUnreachable(error))) {
    return (
      <Card title={t('title')}>
        {selection.address && <PoolPicker network={network} selection={selection} />}
        <p role="alert" className="text-red-700 dark:text-red-300">
          {t('failed', { reason: readErrorText(error) })}
        </p>
      </Card>
    );
  }
  if (!pool.data) {
    return (
      <Card title={t('title')}>
        {/* As tall as the loaded panel (picker, tiles, calculator) at desktop width and on a phone: nothing below moves. */}
        <Skeleton className="h-[351px] w-full max-md:h-[654px]" label={t('loading')} />
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
      title={t('title')}
      actions={
        <div className="flex flex-wrap gap-2" data-testid="pool-flags">
          {stale && <StaleMark updatedAt={pool.dataUpdatedAt} testId="pool-stale" />}
          <Badge tone={data.depositsOpen ? 'success' : 'warning'}>{t(data.depositsOpen ? 'depositsOpen' : 'depositsClosed')}</Badge>
          <Badge tone="info" title={data.optimistic ? t('optimisticTitle', { jetton }) : t('pessimisticTitle')}>
            {t(data.optimistic ? 'optimistic' : 'pessimistic')}
          </Badge>
          {(data.instantWithdrawalFee ?? 0) > 0 && (
            <Badge tone="neutral" title={t('instantFeeTitle')}>
              {t('instantFee', { percent: localiseDecimal(sharePercent(data.instantWithdrawalFee ?? 0)) })}
            </Badge>
          )}
        </div>
      }
    >
      <PoolPicker network={network} selection={selection} version={data.version} />
      {upgrade && (
        <p role="status" data-testid="pool-upgraded" className="mb-4 rounded-xl bg-brand-100 p-3 text-brand-700 dark:bg-brand-700/30 dark:text-brand-100">
          {t('upgraded', { from: upgrade.from, to: upgrade.to })}
        </p>
      )}
      {data.halted && (
        <p role="alert" data-testid="pool-halted" className="mb-4 rounded-xl bg-red-100 p-3 font-semibold text-red-900 dark:bg-red-900/40 dark:text-red-100">
          {t('halted')}
        </p>
      )}
      <dl className="grid grid-cols-2 gap-3 md:grid-cols-3">
        <Stat
          label={t('currentRate')}
          testId="stat-rate"
          wide
          hint={t('currentRateHint', { jetton })}
          exact={rate.toString()}
          // all 9 digits: a round's growth is a few parts in 10^7 on mainnet and on the devnet alike
          value={`1 ${jetton} = ${formatRate(rate)} ${native}`}
        />
        <Stat
          label={t('tvl')}
          testId="stat-tvl"
          wide
          exact={tvl.toString()}
          value={`${formatAggregate(tvl)} ${native}`}
          hint={pendingDeposits > 0n ? t('pendingDeposits', { amount: formatAggregate(pendingDeposits), native }) : undefined}
        />
        <Stat label={t('round')} testId="stat-round" exact={String(data.currentRound.roundId)} value={`#${data.currentRound.roundId}`} />
        <Stat
          label={t('currentApy')}
          testId="stat-apy-current"
          value={history.isPending ? <Skeleton label={t('loadingHistory')} /> : currentApy.text}
          title={history.isPending ? undefined : (currentApy.explanation ?? undefined)}
          hint={!history.isPending && currentApy.explanation ? currentApy.explanation : t('currentApyHint')}
        />
        <Stat
          label={t('projectedApy')}
          testId="stat-apy-projected"
          value={projectedApy.text}
          title={projectedApy.explanation ?? undefined}
          hint={`${projectedApy.explanation ? `${projectedApy.explanation}. ` : ''}${t('projectedApyHint', { interest: formatSmallPercent(data.interestRate / 2 ** 24), lent: Math.round(projected.lentShare * 100), fee: formatPercent(data.governanceFee / 2 ** 24, 1) })}`}
        />
        <Stat
          label={t('roundEndsIn')}
          testId="stat-next-round"
          exact={roundEnd ? String(roundEnd.at) : undefined}
          value={roundEnd ? (roundEnd.at > now ? formatDuration(roundEnd.at - now) : t('dueNow')) : '—'}
          hint={
            roundEnd && roundEnd.at <= now
              ? t('dueNowHint', { explanation: roundDueExplanation() })
              : roundEnd?.source === 'estimate'
                ? t('estimated')
                : roundEnd
                  ? t('devnetSchedule')
                  : t('unknownEnd')
          }
        />
      </dl>
      <RewardsCalculator
        native={native}
        instantFeeShare={data.instantWithdrawalFee ?? 0}
        apys={[
          { label: t('currentApy'), apy: recentApyEstimate(points).apy, note: currentApy.explanation ?? undefined },
          { label: t('thirtyDayApy'), apy: thirtyDay.apy, note: thirtyDay.apy === null ? t('thirtyDayMissing') : undefined },
          { label: t('projectedApy'), apy: meaningfulApy(projected.apy).apy, note: projectedApy.explanation ?? undefined },
        ]}
      />
    </Card>
  );
}
