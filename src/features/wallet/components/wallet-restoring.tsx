import { Card } from '../../../components/ui/card';
import { useT } from '../../../i18n/messages';
import { walletRestoringMessages } from '../restoring-messages';

const bar = 'block animate-pulse bg-slate-200 dark:bg-slate-800';

/**
 * The wallet panel until TON Connect has restored (or not) the last session; also the static first paint's. Sized
 * like what will most likely replace it (see session-hint.ts): the connected card, or the "connect a wallet" card.
 */
export function WalletRestoring({ expectConnected }: { expectConnected: boolean }) {
  const t = useT(walletRestoringMessages);
  return (
    <Card title={t('title')}>
      <div role="status" aria-label={t('restoring')}>
        {expectConnected ? (
          <span className={`${bar} h-46 w-full rounded-xl max-md:h-[337px]`} />
        ) : (
          <>
            <span className={`${bar} h-6 w-72 max-w-full rounded-md max-sm:h-12`} />
            <span className={`${bar} mt-4 h-10 w-36 rounded-lg`} />
          </>
        )}
      </div>
    </Card>
  );
}
