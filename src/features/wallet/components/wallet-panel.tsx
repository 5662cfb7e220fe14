import { useConnectionRestored, useWallet, useWalletConnection } from '../../../stores/wallet-connection';
import { IS_DEVNET, network } from '../../../config/network';
import { Badge } from '../../../components/ui/badge';
import { Button } from '../../../components/ui/button';
import { Card } from '../../../components/ui/card';
import { FaucetButton } from './faucet-button';
import { WalletAddress } from './wallet-address';
import { WalletBalance } from './wallet-balance';
import { WalletRestoring } from './wallet-restoring';
import { connectIntent } from './wallet-button';
import { useT } from '../../../i18n/messages';
import { walletMessages } from '../messages';

/** `expectConnected`: the first paint's guess (session-hint.ts), sizing the placeholder while the session restores. */
export function WalletPanel({ expectConnected }: { expectConnected: boolean }) {
  const t = useT(walletMessages);
  const wallet = useWallet();
  const connectionRestored = useConnectionRestored();
  const tonConnectUI = useWalletConnection((state) => state.ui);
  const friendlyAddress = useWalletConnection((state) => state.friendlyAddress);

  if (!connectionRestored) {
    return <WalletRestoring expectConnected={expectConnected} />;
  }

  if (!wallet) {
    return (
      <Card title={t('title')}>
        <p className="text-slate-600 dark:text-slate-400">{t('connectPrompt')}</p>
        <Button className="mt-4" {...connectIntent}>
          {t('connect')}
        </Button>
      </Card>
    );
  }

  const rawAddress = wallet.account.address;
  const wrongChain = wallet.account.chain !== network.chain;

  return (
    <Card
      title={t('title')}
      actions={
        <Button variant="ghost" size="sm" onClick={() => void tonConnectUI?.disconnect()}>
          {t('disconnect')}
        </Button>
      }
    >
      <dl className="grid gap-4 sm:grid-cols-[auto_1fr] sm:items-center sm:gap-x-6">
        <dt className="text-sm text-slate-500 dark:text-slate-400">{t('address')}</dt>
        <dd>
          <WalletAddress friendlyAddress={friendlyAddress ?? rawAddress} />
        </dd>
        <dt className="text-sm text-slate-500 dark:text-slate-400">{t('balance')}</dt>
        <dd>
          <WalletBalance network={network} address={rawAddress} />
        </dd>
        <dt className="text-sm text-slate-500 dark:text-slate-400">{t('network')}</dt>
        <dd className="flex flex-wrap items-center gap-2">
          <span data-testid="wallet-network">{network.label}</span>
          {wrongChain && (
            <Badge tone="warning" title={t('chainsTitle', { wallet: wallet.account.chain, app: network.chain })}>
              {t('otherNetwork')}
            </Badge>
          )}
        </dd>
      </dl>
      {IS_DEVNET && network.devnetUrl && (
        <div className="mt-5 border-t border-slate-200 pt-4 dark:border-slate-800">
          <FaucetButton network={network} devnetUrl={network.devnetUrl} address={rawAddress} />
        </div>
      )}
    </Card>
  );
}
