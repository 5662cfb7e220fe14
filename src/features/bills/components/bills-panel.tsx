import { useQuery } from '@tanstack/react-query';
import { useEffect } from 'react';
import { ChainReadError } from '../../../components/tx/chain-read-error';
import { payoutTimeText } from '../../../components/tx/payout-time';
import { Card } from '../../../components/ui/card';
import { Skeleton } from '../../../components/ui/skeleton';
import { billsQuery } from '../../../queries/pool';
import { expectedPayoutAt } from '../../../queries/protocol';
import { useStakingContext } from '../../../queries/use-staking-context';
import { usePendingTransactions } from '../../../stores/pending-transactions';
import type { NetworkConfig } from '../../../ton/networks';
import { formatAmount } from '../../../ton/units';
import { billHistory } from '../utils/bill-history';

const shown = (nano: bigint) => formatAmount(nano, { groupSeparator: ',', maxFractionDigits: 4 });

export function BillsPanel({ network }: { network: NetworkConfig }) {
  const context = useStakingContext(network);
  const { owner, pool, tickers } = context;
  const bills = useQuery(billsQuery(network, context.poolAddress, pool.data, owner));
  const known = usePendingTransactions((state) => state.bills);
  const syncBills = usePendingTransactions((state) => state.syncBills);

  // Each fresh list is compared with the bills seen before: the ones gone were paid at the round switch.
  useEffect(() => {
    if (!owner || !bills.data) return;
    syncBills(
      network.name,
      owner,
      bills.data.map((bill) => ({ address: bill.address.toRawString(), kind: bill.kind, amount: bill.amount, expectedPayout: bill.expectedPayout })),
    );
  }, [bills.data, bills.dataUpdatedAt, owner, network.name, syncBills]);

  if (!owner) return null;
  const history = billHistory(known, network.name, owner);
  const unit = (kind: 'deposit' | 'withdrawal') => (kind === 'deposit' ? tickers.native : tickers.jetton);
  const payoutUnit = (kind: 'deposit' | 'withdrawal') => (kind === 'deposit' ? tickers.jetton : tickers.native);
  const payoutText = payoutTimeText(expectedPayoutAt(context.protocol.data));

  return (
    <Card title="Bills" className="min-w-0">
      <p className="mb-3 text-sm text-slate-600 dark:text-slate-400">
        A bill is issued when a deposit or withdrawal waits for the round end. It is paid automatically.
      </p>
      {bills.isError ? (
        <ChainReadError error={bills.error} onRetry={() => void bills.refetch()} retrying={bills.isFetching} />
      ) : !bills.data ? (
        <Skeleton className="h-12 w-full" label="Loading your bills" />
      ) : bills.data.length === 0 ? (
        <p data-testid="bills-empty" className="text-sm text-slate-500">
          No pending bills.
        </p>
      ) : (
        <ul data-testid="bills-pending" className="grid gap-2">
          {bills.data.map((bill) => (
            <li
              key={bill.address.toRawString()}
              data-testid="bill"
              data-kind={bill.kind}
              data-amount={bill.amount.toString()}
              data-address={bill.address.toRawString()}
              className="rounded-xl border border-slate-200 p-3 text-sm dark:border-slate-800"
            >
              <div className="flex flex-wrap justify-between gap-2">
                <span className="font-medium">
                  {bill.kind === 'deposit' ? 'Deposit' : 'Withdrawal'} · {shown(bill.amount)} {unit(bill.kind)}
                </span>
                <span className="text-slate-500">Round {pool.data?.currentRound.roundId ?? '…'} · pending</span>
              </div>
              <div className="text-slate-600 dark:text-slate-400">
                ≈ {shown(bill.expectedPayout)} {payoutUnit(bill.kind)}, paid {payoutText}
              </div>
            </li>
          ))}
        </ul>
      )}
      {history.length > 0 && (
        <>
          <h3 className="mt-5 mb-2 text-sm font-semibold">Paid</h3>
          <ul data-testid="bills-history" className="grid gap-2">
            {history.map((bill) => (
              <li key={bill.address} data-testid="paid-bill" data-kind={bill.kind} data-amount={bill.amount} className="rounded-xl bg-slate-100 p-3 text-sm dark:bg-slate-800">
                {bill.kind === 'deposit' ? 'Deposit' : 'Withdrawal'} · {shown(BigInt(bill.amount))} {unit(bill.kind)} → ≈ {shown(BigInt(bill.expectedPayout))}{' '}
                {payoutUnit(bill.kind)} · paid {new Date(bill.paidAt!).toLocaleString()}
              </li>
            ))}
          </ul>
        </>
      )}
    </Card>
  );
}
