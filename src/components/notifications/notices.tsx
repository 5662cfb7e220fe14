import { useEffect, useRef } from 'react';
import { usePendingTransactions, type TrackedTx } from '../../stores/pending-transactions';
import { titleWith, useNotifications } from '../../stores/notifications';
import { Button } from '../ui/button';
import { tNow, useT } from '../../i18n/messages';
import { noticeMessages } from './messages';

const isHidden = () => document.visibilityState === 'hidden';

/**
 * Toasts for what finished on its own, and the title count while the tab is in the background. Tracked transactions
 * are watched here; bill payouts are reported by the bills panel (notifyBillPaid).
 */
export function Notices() {
  const t = useT(noticeMessages);
  const notices = useNotifications((state) => state.notices);
  const unseen = useNotifications((state) => state.unseen);
  const headline = useNotifications((state) => state.lastHeadline);
  const dismiss = useNotifications((state) => state.dismiss);
  const baseTitle = useRef(document.title);

  useEffect(() => {
    document.title = titleWith(baseTitle.current, unseen, headline);
  }, [unseen, headline]);

  useEffect(() => {
    const onVisible = () => {
      if (!isHidden()) useNotifications.getState().seen();
    };
    document.addEventListener('visibilitychange', onVisible);
    return () => document.removeEventListener('visibilitychange', onVisible);
  }, []);

  // A tracked transaction that confirms while the tab is hidden: a toast and the title count.
  useEffect(() => {
    let previous = usePendingTransactions.getState().transactions;
    return usePendingTransactions.subscribe((state) => {
      for (const tx of Object.values(state.transactions) as TrackedTx[]) {
        const before = previous[tx.kind];
        if (tx.phase === 'confirmed' && before?.id === tx.id && before.phase !== 'confirmed' && isHidden()) {
          const say = tNow(noticeMessages);
          useNotifications.getState().notify(say('confirmed'), tx.message ?? say('confirmedText'), true);
        }
      }
      previous = state.transactions;
    });
  }, []);

  if (notices.length === 0) return null;
  return (
    <div role="status" aria-live="polite" data-testid="notices" className="fixed right-4 bottom-4 z-40 grid max-w-sm gap-2">
      {notices.map((notice) => (
        <div
          key={notice.id}
          data-testid="notice"
          className="flex items-start gap-3 rounded-xl border border-emerald-300 bg-emerald-50 p-3 text-sm text-emerald-900 shadow-lg dark:border-emerald-700 dark:bg-emerald-950 dark:text-emerald-100"
        >
          <span className="flex-1">
            <strong className="block">{notice.headline}</strong>
            {notice.text}
          </span>
          <Button variant="secondary" size="sm" onClick={() => dismiss(notice.id)} aria-label={t('dismiss', { headline: notice.headline })}>
            ✕
          </Button>
        </div>
      ))}
    </div>
  );
}

/** Called by the bills panel for a bill it saw pending and now sees paid. */
export function notifyBillPaid(text: string): void {
  useNotifications.getState().notify(tNow(noticeMessages)('paid'), text, isHidden());
}
