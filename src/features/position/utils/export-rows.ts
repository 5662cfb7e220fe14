// The rows of "Export CSV" for a staker: every flow with the pool seen in the owner's own history, and each bill's
// creation and payout, with the pool's rate at the time (the latest round end before it).
import { Op } from '../../../../contracts/wrappers/opcodes';
import type { CsvCell } from '../../../components/export/csv';
import type { BillRecord } from '../../../queries/bills';
import type { OwnerContext, OwnerEvent } from '../../../ton/owner-history';
import { formatAmount } from '../../../ton/units';

export const FLOWS_HEADER = ['date_utc', 'type', 'ton', 'pton', 'rate_ton_per_pton', 'tx_hash'];

const decimal = (nano: bigint | null) => (nano === null ? '' : formatAmount(nano));

/** The rate in force at `time`: the latest round end at or before it, else the current rate. */
function rateAt(points: readonly { endTime: number; rate: bigint }[], time: number, current: bigint): bigint {
  let rate: bigint | null = null;
  for (const point of points) if (point.endTime <= time) rate = point.rate;
  return rate ?? current;
}

function describe(event: OwnerEvent, pool: string, ptonWallet: string): { type: string; ton: bigint | null; pton: bigint | null } | null {
  if (event.dir === 'out') {
    if (event.peer === pool && event.op === Op.deposit) return { type: 'deposit (TON sent incl. fee)', ton: -event.value, pton: null };
    if (event.peer === ptonWallet && event.op === Op.jettonBurn) return { type: 'withdrawal request (pTON burned)', ton: -event.value, pton: -(event.jettonAmount ?? 0n) };
    if (event.peer === ptonWallet && event.op === Op.jettonTransfer) return { type: 'pTON sent', ton: -event.value, pton: -(event.jettonAmount ?? 0n) };
    return null;
  }
  if (event.peer === ptonWallet && event.op === Op.jettonTransferNotification) return { type: 'pTON received', ton: event.value, pton: event.jettonAmount ?? 0n };
  if (event.op === Op.distributedAsset) return { type: 'bill payout', ton: event.value, pton: null };
  if (event.peer === pool || event.peer === ptonWallet) return { type: 'TON from the pool (payout or refund)', ton: event.value, pton: null };
  return null;
}

/** Ascending by time; amounts are signed from the wallet's side (− sent, + received), in TON and pTON. */
export function flowRows(
  events: readonly OwnerEvent[],
  bills: readonly BillRecord[],
  context: OwnerContext,
  points: readonly { endTime: number; rate: bigint }[],
  currentRate: bigint,
): CsvCell[][] {
  const pool = context.pool.toRawString();
  const ptonWallet = context.ptonWallet.toRawString();
  const rows: { time: number; lt: bigint; cells: CsvCell[] }[] = [];
  const add = (time: number, lt: bigint, type: string, ton: bigint | null, pton: bigint | null, tx: string) =>
    rows.push({ time, lt, cells: [new Date(time * 1000).toISOString(), type, decimal(ton), decimal(pton), formatAmount(rateAt(points, time, currentRate)), tx] });
  for (const event of events) {
    const flow = describe(event, pool, ptonWallet);
    if (flow) add(event.time, event.lt, flow.type, flow.ton, flow.pton, event.tx);
  }
  for (const bill of bills) {
    const amount = bill.kind === 'deposit' ? [bill.amount, null] : [null, bill.amount];
    add(bill.created.time, bill.created.lt, `${bill.kind} bill #${bill.index} created`, amount[0], amount[1], bill.created.tx);
    if (bill.payout) {
      const paid = bill.kind === 'deposit' ? [null, bill.payout.amount] : [bill.payout.amount, null];
      add(bill.payout.time, bill.payout.lt, `${bill.kind} bill #${bill.index} paid`, paid[0], paid[1], bill.payout.tx);
    }
  }
  return rows.sort((a, b) => (a.lt < b.lt ? -1 : a.lt > b.lt ? 1 : 0)).map((row) => row.cells);
}
