import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { NetworkConfig } from '../../../ton/networks';
import { Button } from '../../../components/ui/button';
import { requestTestCoins } from '../api/faucet';
import { tonBalanceQuery } from '../../../queries/account-state';
import { formatSummary } from '../../../components/format/amounts';
import { readErrorText } from '../../../components/tx/read-error';
import { useT } from '../../../i18n/messages';
import { walletMessages } from '../messages';

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
  const t = useT(walletMessages);
  const queryClient = useQueryClient();
  const faucet = useMutation({
    mutationFn: () => requestTestCoins(devnetUrl, address, FAUCET_AMOUNT_NANO),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: tonBalanceQuery(network, address).queryKey }),
  });
  const amountText = t('faucetAmount', { amount: formatSummary(FAUCET_AMOUNT_NANO), native: network.nativeTicker });
  return (
    <div className="flex flex-wrap items-center gap-3">
      <Button variant="secondary" size="sm" onClick={() => faucet.mutate()} disabled={faucet.isPending}>
        {faucet.isPending ? t('faucetSending') : t('faucetGet', { amount: amountText })}
      </Button>
      {/* feedback that outlives the click: what happened, and where to look */}
      <span role="status" data-testid="faucet-status" className="text-sm text-slate-600 dark:text-slate-400">
        {faucet.isPending ? t('faucetAsking', { amount: amountText }) : faucet.isSuccess ? t('faucetSent', { amount: amountText }) : ''}
      </span>
      {faucet.isError && (
        <span role="alert" className="text-sm text-red-700 dark:text-red-300">
          {t('faucetFailed', { reason: readErrorText(faucet.error) })}
        </span>
      )}
    </div>
  );
}
