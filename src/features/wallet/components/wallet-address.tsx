import { CopyButton } from '../../../components/ui/copy-button';
import { shortenAddress } from '../utils/shorten-address';
import { useT } from '../../../i18n/messages';
import { walletMessages } from '../messages';

/** A user-friendly address, shortened, with the full form in the title and a copy button. */
export function WalletAddress({ friendlyAddress }: { friendlyAddress: string }) {
  const t = useT(walletMessages);
  return (
    <div className="flex items-center gap-2">
      <code
        data-testid="wallet-address"
        data-address={friendlyAddress}
        title={friendlyAddress}
        className="font-mono text-base"
      >
        {shortenAddress(friendlyAddress, 6)}
      </code>
      <CopyButton value={friendlyAddress} label={t('copyAddress')} />
    </div>
  );
}
