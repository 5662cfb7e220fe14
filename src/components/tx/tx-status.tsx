import type { TrackedTx } from '../../stores/pending-transactions';
import type { NetworkConfig } from '../../ton/networks';
import { Button } from '../ui/button';
import { DECLINED_MESSAGE } from './send-errors';

const STEPS = [
  { phase: 'waiting-wallet', label: 'Confirm in wallet' },
  { phase: 'sent', label: 'Sent' },
  { phase: 'confirmed', label: 'Confirmed' },
] as const;

const TONE: Record<TrackedTx['phase'], string> = {
  'waiting-wallet': 'border-brand-200 bg-brand-50 text-brand-900 dark:border-brand-800 dark:bg-brand-950 dark:text-brand-100',
  sent: 'border-brand-200 bg-brand-50 text-brand-900 dark:border-brand-800 dark:bg-brand-950 dark:text-brand-100',
  confirmed: 'border-emerald-300 bg-emerald-50 text-emerald-900 dark:border-emerald-800 dark:bg-emerald-950 dark:text-emerald-100',
  rejected: 'border-amber-300 bg-amber-50 text-amber-900 dark:border-amber-800 dark:bg-amber-950 dark:text-amber-100',
  failed: 'border-red-300 bg-red-50 text-red-900 dark:border-red-800 dark:bg-red-950 dark:text-red-100',
  expired: 'border-amber-300 bg-amber-50 text-amber-900 dark:border-amber-800 dark:bg-amber-950 dark:text-amber-100',
};

function headline(tx: TrackedTx): string {
  switch (tx.phase) {
    case 'waiting-wallet':
      return 'Confirm the transaction in your wallet…';
    case 'sent':
      return 'Sent. Waiting for the network to confirm…';
    case 'confirmed':
      return tx.message ?? 'Confirmed.';
    case 'rejected':
      return DECLINED_MESSAGE;
    case 'failed':
      return tx.message ?? 'The transaction failed.';
    case 'expired':
      return tx.message ?? 'The request expired. Nothing was sent.';
  }
}

export interface TxStatusProps {
  tx: TrackedTx;
  network: NetworkConfig;
  /** Sends again (for failures before anything was sent). */
  onResend?: () => void;
  /** Looks for the already-sent message again. */
  onResume?: () => void;
  onDismiss: () => void;
}

/** Where a transaction stands, in words, with an explorer link and the one recovery action that is safe. */
export function TxStatus({ tx, network, onResend, onResume, onDismiss }: TxStatusProps) {
  const pending = tx.phase === 'waiting-wallet' || tx.phase === 'sent';
  const reached = STEPS.findIndex((step) => step.phase === tx.phase);
  const explorerLink = network.explorerUrl && tx.transactionHash ? `${network.explorerUrl}/transaction/${tx.transactionHash}` : null;
  const retry = tx.retry === 'resume' ? onResume : tx.retry === 'resend' ? onResend : undefined;
  return (
    <div
      data-testid={`tx-status-${tx.kind}`}
      data-phase={tx.phase}
      role={pending ? 'status' : 'alert'}
      aria-live="polite"
      className={`mt-4 rounded-xl border p-3 text-sm ${TONE[tx.phase]}`}
    >
      {(pending || tx.phase === 'confirmed') && (
        <ol className="mb-2 flex flex-wrap gap-x-4 gap-y-1 text-xs font-medium">
          {STEPS.map((step, index) => (
            // Steps not reached yet differ by weight and marker (○), not by a faded colour axe finds too pale.
            <li key={step.phase} className={index <= reached ? undefined : 'font-normal'}>
              {index < reached || tx.phase === 'confirmed' ? '✓ ' : index === reached ? '● ' : '○ '}
              {step.label}
            </li>
          ))}
        </ol>
      )}
      <p data-testid={`tx-message-${tx.kind}`} className="[overflow-wrap:anywhere]">
        {headline(tx)}
      </p>
      <div className="mt-2 flex flex-wrap items-center gap-3">
        {explorerLink && (
          <a href={explorerLink} target="_blank" rel="noreferrer" className="underline">
            View in explorer
          </a>
        )}
        {retry && (
          <Button size="sm" variant="secondary" onClick={retry}>
            Retry
          </Button>
        )}
        {!pending && (
          <Button size="sm" variant="ghost" onClick={onDismiss}>
            Dismiss
          </Button>
        )}
      </div>
    </div>
  );
}
