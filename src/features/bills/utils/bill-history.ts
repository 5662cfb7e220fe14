import type { BillBook, BillRecord } from '../../../queries/bills';

/** Bills not paid yet (pending, or their round ended and the payout is on its way), newest first. */
export function openBills(book: BillBook): BillRecord[] {
  return book.bills.filter((bill) => !bill.payout).sort((a, b) => (a.created.lt > b.created.lt ? -1 : a.created.lt < b.created.lt ? 1 : 0));
}

/** Paid bills, most recently paid first. */
export function paidBills(book: BillBook): BillRecord[] {
  return book.bills.filter((bill) => bill.payout).sort((a, b) => (a.payout!.lt > b.payout!.lt ? -1 : a.payout!.lt < b.payout!.lt ? 1 : 0));
}
