import { useEffect, useRef } from 'react';
import type { TrackedTx } from '../../stores/pending-transactions';

/**
 * Runs `onConfirmed` once per transaction when it is confirmed on chain, then brings its status into view (on a phone
 * the result would otherwise sit below the fold): the forms use it to reset after a success.
 */
export function useAfterConfirmed(tx: TrackedTx | undefined | null, onConfirmed: () => void) {
  const handled = useRef<string | null>(null);
  const id = tx?.id;
  const confirmed = tx?.phase === 'confirmed';
  const kind = tx?.kind;
  useEffect(() => {
    if (!confirmed || !id || handled.current === id) return;
    handled.current = id;
    onConfirmed();
    document.querySelector(`[data-testid="tx-status-${kind}"]`)?.scrollIntoView({ block: 'nearest' });
    // a new onConfirmed each render re-runs this, but `handled` lets each transaction through once
  }, [confirmed, id, kind, onConfirmed]);
}
