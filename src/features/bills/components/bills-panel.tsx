import { ChainReadError } from '../../../components/tx/chain-read-error';
import { useEffect, useRef } from 'react';
import { notifyBillPaid } from '../../../components/notifications/notices';
import { formatSummary } from '../../../components/format/amounts';
import { formatDateTime, useNowSeconds } from '../../../components/time/clock';
import { payoutTimeText } from '../../../components/tx/payout-time';
import { Card } from '../../../components/ui/card';
import { Skeleton } from '../../../components/ui/skeleton';
import { useNearViewport } from '../../../components/ui/use-near-viewport';
import { billStatus, type BillRecord, type TxRef } from '../../../queries/bills';
import { expectedPayoutAt } from '../../../queries/protocol';
import { useOwnerBills } from '../../../queries/use-owner-bills';
import { useStakingContext } from '../../../queries/use-staking-context';
import { billExpectedPayout } from '../../../ton/bills';
import type { NetworkConfig } from '../../../ton/networks';
import { openBills, paidBills } from '../utils/bill-history';
import { tNow, useT } from '../../../i18n/messages';
import { billsMessages } from '../messages';

const shown = formatSummary;
// the charts' date format (one rule for dates across the app)
const when = formatDateTime;

/** The owner's transaction: an explorer link where the network has an explorer, the short hash otherwise. */
function TxLink({ network, tx, label, testId }: { network: NetworkConfig; tx: TxRef; label: string; testId: string }) {
  const t = useT(billsMessages);
  const short = `${tx.tx.slice(0, 8)}…`;
  if (!network.explorerUrl) {
    return (
      <span data-testid={testId} data-tx={tx.tx} title={tx.tx}>
        {label} {when(tx.time)} · {t.rich('tx', { hash: <code>{short}</code> })}
      </span>
    );
  }
  return (
    <span data-testid={testId} data-tx={tx.tx}>
      {label} {when(tx.time)} ·{' '}
      <a href={`${network.explorerUrl}/transaction/${tx.tx}`} target="_blank" rel="noreferrer" className="underline">
        {t('tx', { hash: short })}
      </a>
    </span>
  );
}

/** A toast (and the title count when the tab is hidden) for each bill seen pending here and now paid. */
function useNotifyPaidBills(bills: BillRecord[] | undefined, tickers: { native: string; jetton: string }) {
  const open = useRef<Set<string> | null>(null);
  useEffect(() => {
    if (!bills) return;
    const wasOpen = open.current;
    if (wasOpen) {
      for (const bill of bills) {
        if (bill.payout && wasOpen.has(bill.address)) {
          const unit = bill.kind === 'deposit' ? tickers.jetton : tickers.native;
          notifyBillPaid(tNow(billsMessages)(`notice.${bill.kind}`, { index: bill.index, amount: formatSummary(bill.payout.amount), unit }));
        }
      }
    }
    open.current = new Set(bills.filter((bill) => !bill.payout).map((bill) => bill.address));
  }, [bills, tickers.jetton, tickers.native]);
}

export function BillsPanel({ network }: { network: NetworkConfig }) {
  const t = useT(billsMessages);
  const context = useStakingContext(network);
  const now = useNowSeconds();
  const { owner, pool, tickers } = context;
  // its data (the owner's history) is read once the panel is on screen: a first visit's first screen goes without
  const [panel, nearViewport] = useNearViewport<HTMLElement>('0px');
  const { book } = useOwnerBills(network, owner, context.poolAddress, pool.data, { nearViewport });
  useNotifyPaidBills(book.data?.bills, tickers);

  if (!owner) return null;
  const unit = (bill: BillRecord) => (bill.kind === 'deposit' ? tickers.native : tickers.jetton);
  const payoutUnit = (bill: BillRecord) => (bill.kind === 'deposit' ? tickers.jetton : tickers.native);
  const payoutText = payoutTimeText(expectedPayoutAt(context.protocol.data), now);
  const pending = book.data ? openBills(book.data) : undefined;
  const history = book.data ? paidBills(book.data) : [];
  const kindText = (bill: BillRecord) => t(bill.kind);

  return (
    <Card title={t('title')} className="min-w-0" ref={panel}>
      <p className="mb-3 text-sm text-slate-600 dark:text-slate-400">
        {t('explanation')}
      </p>
      {book.isError ? (
        <ChainReadError error={book.error} onRetry={() => void book.refetch()} retrying={book.isFetching} />
      ) : !pending ? (
        <Skeleton className="h-12 w-full" label={t('loading')} />
      ) : pending.length === 0 ? (
        <p data-testid="bills-empty" className="text-sm text-slate-500 dark:text-slate-400">
          {t('empty')}
        </p>
      ) : (
        <ul data-testid="bills-pending" className="grid gap-2">
          {pending.map((bill) => {
            const status = billStatus(bill, pool.data);
            return (
              <li
                key={bill.address}
                data-testid="bill"
                data-kind={bill.kind}
                data-amount={bill.amount.toString()}
                data-address={bill.address}
                data-status={status}
                className="rounded-xl border border-slate-200 p-3 text-sm dark:border-slate-800"
              >
                <div className="flex flex-wrap justify-between gap-2">
                  <span className="font-medium">
                    {kindText(bill)} · {shown(bill.amount)} {unit(bill)}
                  </span>
                  <span className="text-slate-500 dark:text-slate-400" data-testid="bill-status">
                    {status === 'pending' ? t('pending', { index: bill.index }) : t('roundEnded')}
                  </span>
                </div>
                <div className="text-slate-600 dark:text-slate-400">
                  {pool.data ? `≈ ${shown(billExpectedPayout(pool.data, bill))} ${payoutUnit(bill)}` : '…'}, {status === 'pending' ? t('paidWhen', { when: payoutText }) : t('onItsWay')}
                </div>
                <div className="text-xs text-slate-500 dark:text-slate-400">
                  <TxLink network={network} tx={bill.created} label={t('issued')} testId="bill-created-tx" />
                </div>
              </li>
            );
          })}
        </ul>
      )}
      {history.length > 0 && (
        <>
          <h3 className="mt-5 mb-2 text-sm font-semibold">{t('paidHeading')}</h3>
          <ul data-testid="bills-history" className="grid gap-2">
            {history.map((bill) => (
              <li
                key={bill.address}
                data-testid="paid-bill"
                data-kind={bill.kind}
                data-amount={bill.amount.toString()}
                data-address={bill.address}
                data-payout={bill.payout!.amount.toString()}
                className="rounded-xl bg-slate-100 p-3 text-sm dark:bg-slate-800"
              >
                <div>
                  {kindText(bill)} · {shown(bill.amount)} {unit(bill)} → {shown(bill.payout!.amount)} {payoutUnit(bill)}
                </div>
                <div className="grid text-xs text-slate-500 dark:text-slate-400">
                  <TxLink network={network} tx={bill.created} label={t('issued')} testId="bill-created-tx" />
                  <TxLink network={network} tx={bill.payout!} label={t('paid')} testId="bill-payout-tx" />
                </div>
              </li>
            ))}
          </ul>
        </>
      )}
    </Card>
  );
}
