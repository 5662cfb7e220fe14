import type { TrackedTx } from '../../stores/pending-transactions';
import type { NetworkConfig } from '../../ton/networks';
import { Button } from '../ui/button';
import { declinedMessage } from './send-errors';
import { useT, type Translator } from '../../i18n/messages';
import { txStatusMessages } from './messages';

const STEPS = ['waiting-wallet', 'sent', 'confirmed'] as const;

const TONE: Record<TrackedTx['phase'], string> = {
  'waiting-wallet': 'border-brand-200 bg-brand-50 text-brand-900 dark:border-brand-800 dark:bg-brand-950 dark:text-brand-100',
  sent: 'border-brand-200 bg-brand-50 text-brand-900 dark:border-brand-800 dark:bg-brand-950 dark:text-brand-100',
  confirmed: 'border-emerald-300 bg-emerald-50 text-emerald-900 dark:border-emerald-800 dark:bg-emerald-950 dark:text-emerald-100',
  rejected: 'border-amber-300 bg-amber-50 text-amber-900 dark:border-amber-800 dark:bg-amber-950 dark:text-amber-100',
  failed: 'border-red-300 bg-red-50 text-red-900 dark:border-red-800 dark:bg-red-950 dark:text-red-100',
  expired: 'border-amber-300 bg-amber-50 text-amber-900 dark:border-amber-800 dark:bg-amber-950 dark:text-amber-100',
};

function headline(tx: TrackedTx, t: Translator<keyof typeof txStatusMessages.en>): string {
  switch (tx.phase) {
    case 'waiting-wallet':
    case 'sent':
      return t(`headline.${tx.phase}`);
    case 'rejected':
      return declinedMessage();
    default:
      return tx.message ?? t(`headline.${tx.phase}`);
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
  const t = useT(txStatusMessages);
  const pending = tx.phase === 'waiting-wallet' || tx.phase === 'sent';
  const reached = STEPS.findIndex((step) => step === tx.phase);
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
            <li key={step} className={index <= reached ? undefined : 'font-normal'}>
              {index < reached || tx.phase === 'confirmed' ? '✓ ' : index === reached ? '● ' : '○ '}
              {t(`step.${step}`)}
            </li>
          ))}
        </ol>
      )}
      <p data-testid={`tx-message-${tx.kind}`} className="[overflow-wrap:anywhere]">
        {headline(tx, t)}
      </p>
      <div className="mt-2 flex flex-wrap items-center gap-3">
        {explorerLink && (
          <a href={explorerLink} target="_blank" rel="noreferrer" className="underline">
            {t('explorer')}
          </a>
        )}
        {retry && (
          <Button size="sm" variant="secondary" onClick={retry}>
            {t('retry')}
          </Button>
        )}
        {!pending && (
          <Button size="sm" variant="ghost" onClick={onDismiss}>
            {t('dismiss')}
          </Button>
        )}
      </div>
    </div>
  );
}
