import {
  toUserFriendlyAddress,
  useIsConnectionRestored,
  useTonConnectModal,
  useTonConnectUI,
  useTonWallet,
} from '@tonconnect/ui-react';
import { IS_DEVNET, network } from '../../../config/network';
import { Badge } from '../../../components/ui/badge';
import { Button } from '../../../components/ui/button';
import { Card } from '../../../components/ui/card';
import { FaucetButton } from './faucet-button';
import { WalletAddress } from './wallet-address';
import { WalletBalance } from './wallet-balance';
import { WalletRestoring } from './wallet-restoring';

/** `expectConnected`: the first paint's guess (session-hint.ts), sizing the placeholder while the session restores. */
export function WalletPanel({ expectConnected }: { expectConnected: boolean }) {
  const wallet = useTonWallet();
  const connectionRestored = useIsConnectionRestored();
  const modal = useTonConnectModal();
  const [tonConnectUI] = useTonConnectUI();

  if (!connectionRestored) {
    return <WalletRestoring expectConnected={expectConnected} />;
  }

  if (!wallet) {
    return (
      <Card title="Wallet">
        <p className="text-slate-600 dark:text-slate-400">Connect a wallet to see your balance and stake.</p>
        <Button className="mt-4" onClick={() => modal.open()}>
          Connect wallet
        </Button>
      </Card>
    );
  }

  const rawAddress = wallet.account.address;
  const friendlyAddress = toUserFriendlyAddress(rawAddress, network.testOnly);
  const wrongChain = wallet.account.chain !== network.chain;

  return (
    <Card
      title="Wallet"
      actions={
        <Button variant="ghost" size="sm" onClick={() => void tonConnectUI.disconnect()}>
          Disconnect
        </Button>
      }
    >
      <dl className="grid gap-4 sm:grid-cols-[auto_1fr] sm:items-center sm:gap-x-6">
        <dt className="text-sm text-slate-500 dark:text-slate-400">Address</dt>
        <dd>
          <WalletAddress friendlyAddress={friendlyAddress} />
        </dd>
        <dt className="text-sm text-slate-500 dark:text-slate-400">Balance</dt>
        <dd>
          <WalletBalance network={network} address={rawAddress} />
        </dd>
        <dt className="text-sm text-slate-500 dark:text-slate-400">Network</dt>
        <dd className="flex flex-wrap items-center gap-2">
          <span data-testid="wallet-network">{network.label}</span>
          {wrongChain && (
            <Badge tone="warning" title={`Wallet chain ${wallet.account.chain}, app chain ${network.chain}`}>
              Wallet is on another network
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
