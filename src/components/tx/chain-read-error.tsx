import { Button } from '../ui/button';
import { PoolNotConfiguredError } from '../../queries/protocol';
import { GetMethodError, RpcError } from '../../ton/client';
import { UnsupportedPoolError } from '../../ton/pool';
import { isUnreachable, readErrorText } from './read-error';
import { useT } from '../../i18n/messages';
import { readErrorMessages } from './messages';

/** A failed chain read in plain words, with Retry (the scheduler already backed off before giving up). */
export function ChainReadError({ error, onRetry, retrying }: { error: Error; onRetry: () => void; retrying: boolean }) {
  const t = useT(readErrorMessages);
  const message =
    error instanceof PoolNotConfiguredError
      ? readErrorText(error)
      : error instanceof UnsupportedPoolError
        ? t('unsupportedPool', { entries: error.entries })
        : error instanceof GetMethodError
          ? t('notAPool')
      : error instanceof RpcError && error.kind === 'rate-limited'
        ? t('busyRetryLater')
        : isUnreachable(error)
          ? t('unreachable')
          : t('poolUnreadable');
  return (
    <div role="alert" className="flex flex-wrap items-center gap-3 text-sm text-red-700 dark:text-red-300">
      <span data-testid="chain-read-error">{message}</span>
      <Button variant="secondary" size="sm" onClick={onRetry} disabled={retrying}>
        {t('retry')}
      </Button>
    </div>
  );
}
