import { useQuery } from '@tanstack/react-query';
import type { NetworkConfig } from '../../../ton/networks';
import { Button } from '../../../components/ui/button';
import { Skeleton } from '../../../components/ui/skeleton';
import { tonBalanceQuery } from '../api/balance-query';
import { formatNano } from '../utils/format-nano';

const SHOWN_FRACTION_DIGITS = 4;

export function WalletBalance({ network, address }: { network: NetworkConfig; address: string }) {
  const balance = useQuery(tonBalanceQuery(network, address));

  if (balance.isPending) return <Skeleton className="h-8 w-40" label="Loading balance" />;
  if (balance.isError) {
    return (
      <div role="alert" className="flex flex-wrap items-center gap-3 text-sm text-red-700 dark:text-red-300">
        <span>Could not load the balance: {balance.error.message}</span>
        <Button variant="secondary" size="sm" onClick={() => void balance.refetch()} disabled={balance.isFetching}>
          Retry
        </Button>
      </div>
    );
  }
  const exact = `${formatNano(balance.data)} ${network.nativeTicker}`;
  return (
    <p data-testid="wallet-balance" data-nano={balance.data.toString()} title={exact} className="text-2xl font-semibold tabular-nums">
      {formatNano(balance.data, { maxFractionDigits: SHOWN_FRACTION_DIGITS })}{' '}
      <span className="text-base font-medium text-slate-500 dark:text-slate-400">{network.nativeTicker}</span>
    </p>
  );
}
