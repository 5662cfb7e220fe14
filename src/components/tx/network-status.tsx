import { notifyManager, useQueryClient } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { Button } from '../ui/button';
import { networkUnreachable } from './read-error';
import { useT } from '../../i18n/messages';
import { readErrorMessages } from './messages';

/**
 * One notice for the whole page while chain reads cannot reach the network: the polls keep retrying on their own,
 * Retry asks again now. Panels keep showing what they last read, marked stale.
 */
export function NetworkStatus() {
  const t = useT(readErrorMessages);
  const queryClient = useQueryClient();
  const cache = queryClient.getQueryCache();
  const [down, setDown] = useState(false);
  useEffect(() => {
    const update = () => setDown(networkUnreachable(cache.getAll().map((query) => query.state)));
    update();
    // The cache also announces a query created while another component renders (its useQuery): updating this one's
    // state right then is a setState during that render. Scheduled like React Query's own observer notifications.
    return cache.subscribe(() => notifyManager.schedule(update));
  }, [cache]);
  const [retrying, setRetrying] = useState(false);
  if (!down) return null;
  const retry = async () => {
    setRetrying(true);
    await queryClient
      .refetchQueries({ predicate: (query) => query.state.status === 'error' || query.state.fetchFailureCount > 0 })
      .finally(() => setRetrying(false));
  };
  return (
    <div
      role="status"
      data-testid="network-status"
      className="mb-6 flex flex-wrap items-center justify-between gap-3 rounded-xl border border-amber-300 bg-amber-50 px-4 py-3 text-sm text-amber-900 dark:border-amber-700 dark:bg-amber-950 dark:text-amber-100"
    >
      <span>
        {t('unreachable')} {t('mayBeStale')}
      </span>
      <Button variant="secondary" size="sm" onClick={() => void retry()} disabled={retrying}>
        {t(retrying ? 'retrying' : 'retry')}
      </Button>
    </div>
  );
}
