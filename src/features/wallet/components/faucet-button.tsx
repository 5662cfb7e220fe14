import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { NetworkConfig } from '../../../ton/networks';
import { Button } from '../../../components/ui/button';
import { requestTestCoins } from '../api/faucet';
import { tonBalanceQuery } from '../../../queries/account-state';
import { formatAmount } from '../../../ton/units';

const FAUCET_AMOUNT_NANO = 100n * 10n ** 9n;

/** Devnet only: tops the connected wallet up, then re-reads its balance. */
export function FaucetButton({
  network,
  devnetUrl,
  address,
}: {
  network: NetworkConfig;
  devnetUrl: string;
  address: string;
}) {
  const queryClient = useQueryClient();
  const faucet = useMutation({
    mutationFn: () => requestTestCoins(devnetUrl, address, FAUCET_AMOUNT_NANO),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: tonBalanceQuery(network, address).queryKey }),
  });
  return (
    <div className="flex flex-wrap items-center gap-3">
      <Button variant="secondary" size="sm" onClick={() => faucet.mutate()} disabled={faucet.isPending}>
        {faucet.isPending
          ? 'Sending…'
          : `Get ${formatAmount(FAUCET_AMOUNT_NANO)} test ${network.nativeTicker}`}
      </Button>
      {faucet.isError && (
        <span role="alert" className="text-sm text-red-700 dark:text-red-300">
          {faucet.error.message}
        </span>
      )}
    </div>
  );
}
