// Testnet/mainnet: the SDK refuses a wallet on another chain at connect time (setConnectionNetwork). The TON Connect
// modal only closes, so this says why, in words, until the user connects a wallet on the right network.
import { useEffect, useState } from 'react';
import { tNow, useT } from '../i18n/messages';
import { appMessages } from './messages';
import { useTonConnectUI, WalletWrongNetworkError } from '@tonconnect/ui-react';
import type { ChainId, NetworkConfig } from '../ton/networks';

const CHAINS: readonly string[] = ['-239', '-3'] satisfies ChainId[];

export function chainName(chain: unknown): string {
  const t = tNow(appMessages);
  return typeof chain === 'string' && CHAINS.includes(chain) ? t(`chain.${chain as ChainId}`) : t('chain.other');
}

/** The message for a refused wallet: which network it is on, which one the app needs, what to do. */
export function wrongNetworkMessage(walletChain: unknown, network: Pick<NetworkConfig, 'label'>): string {
  return tNow(appMessages)('wrongNetwork', { walletChain: chainName(walletChain), network: network.label });
}

export function WrongNetworkNotice({ network }: { network: Pick<NetworkConfig, 'label'> }) {
  const t = useT(appMessages);
  const [tonConnectUI] = useTonConnectUI();
  const [refusedChain, setRefusedChain] = useState<unknown>(null);

  useEffect(
    () =>
      tonConnectUI.onStatusChange(
        (wallet) => {
          if (wallet) setRefusedChain(null);
        },
        (error) => {
          if (!(error instanceof WalletWrongNetworkError)) return;
          const cause = (error as Error & { cause?: { actualChainId?: unknown } }).cause;
          setRefusedChain(cause?.actualChainId ?? 'unknown');
        },
      ),
    [tonConnectUI],
  );

  if (refusedChain === null) return null;
  return (
    <div
      role="alert"
      data-testid="wrong-network-notice"
      className="flex flex-wrap items-center justify-center gap-3 bg-amber-100 px-4 py-3 text-center text-sm text-amber-900 dark:bg-amber-900/40 dark:text-amber-100"
    >
      <span>{wrongNetworkMessage(refusedChain, network)}</span>
      <button type="button" className="underline" onClick={() => setRefusedChain(null)}>
        {t('dismiss')}
      </button>
    </div>
  );
}
