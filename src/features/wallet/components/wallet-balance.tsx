import { useQuery } from '../../../queries/use-query';
import type { NetworkConfig } from '../../../ton/networks';
import { Button } from '../../../components/ui/button';
import { Skeleton } from '../../../components/ui/skeleton';
import { StaleMark } from '../../../components/ui/stale-mark';
import { readErrorText } from '../../../components/tx/read-error';
import { tonBalanceQuery } from '../../../queries/account-state';
import { formatExact, formatSummary } from '../../../components/format/amounts';
import { useT } from '../../../i18n/messages';
import { walletMessages } from '../messages';

export function WalletBalance({ network, address }: { network: NetworkConfig; address: string }) {
  const t = useT(walletMessages);
  const balance = useQuery(tonBalanceQuery(network, address));

  if (balance.isPending) return <Skeleton className="h-8 w-40" label={t('loadingBalance')} />;
  if (balance.data === undefined) {
    return (
      <div role="alert" className="flex flex-wrap items-center gap-3 text-sm text-red-700 dark:text-red-300">
        <span>{t('balanceFailed', { reason: readErrorText(balance.error) })}</span>
        <Button
          variant="secondary"
          size="sm"
          onClick={() => void balance.refetch()}
          disabled={balance.isFetching}
        >
          {t('retry')}
        </Button>
      </div>
    );
  }
  const exact = `${formatExact(balance.data)} ${network.nativeTicker}`;
  return (
    <p
      data-testid="wallet-balance"
      data-nano={balance.data.toString()}
      title={exact}
      className="text-2xl font-semibold tabular-nums"
    >
      {formatSummary(balance.data)}{' '}
      <span className="text-base font-medium text-slate-500 dark:text-slate-400">{network.nativeTicker}</span>
      {(balance.isError || balance.failureCount > 0) && <StaleMark updatedAt={balance.dataUpdatedAt} testId="wallet-balance-stale" />}
    </p>
  );
}
