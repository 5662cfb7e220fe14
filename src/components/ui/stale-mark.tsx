import { useT } from '../../i18n/messages';
import { formatTimeOfDay } from '../time/clock';
import { uiMessages } from './messages';

/** Beside a figure whose latest refresh failed: it is what was last read, at that time. */
export function StaleMark({ updatedAt, testId = 'stale-mark' }: { updatedAt: number; testId?: string }) {
  const t = useT(uiMessages);
  const time = formatTimeOfDay(updatedAt);
  return (
    <span
      data-testid={testId}
      title={t('staleTitle', { time })}
      className="ml-2 inline-flex items-center rounded-full bg-amber-100 px-2 py-0.5 align-middle text-xs font-medium text-amber-900 dark:bg-amber-900 dark:text-amber-100"
    >
      {t('stale', { time })}
    </span>
  );
}
