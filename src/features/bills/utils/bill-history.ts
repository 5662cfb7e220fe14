import type { KnownBill } from '../../../stores/pending-transactions';

/** The owner's paid bills on this network, newest first. */
export function billHistory(bills: Record<string, KnownBill>, network: string, owner: string): KnownBill[] {
  return Object.values(bills)
    .filter((bill) => bill.network === network && bill.owner === owner && bill.paidAt !== undefined)
    .sort((a, b) => (b.paidAt ?? 0) - (a.paidAt ?? 0));
}
