// Client state of the staking flows: the transaction each flow is sending or tracking. Chain data itself (bills and
// their history included: queries/bills.ts) stays in the query cache; amounts are kept as decimal nano strings.
import { create } from 'zustand';
import { createJSONStorage, persist, type StateStorage } from 'zustand/middleware';
import type { TonConnectRequest } from '../ton/tx';

export type TxKind = 'stake' | 'unstake';
export type TxPhase = 'waiting-wallet' | 'sent' | 'confirmed' | 'rejected' | 'failed' | 'expired';

export interface TrackedTx {
  id: string;
  kind: TxKind;
  phase: TxPhase;
  /** nano, decimal string: TON for a stake, pTON for an unstake. */
  amount: string;
  createdAt: number;
  /** Unix seconds of the request's validUntil. */
  validUntil: number;
  /** TEP-467 normalized hash of the signed external message, once the wallet returned it. */
  normalizedHash?: string;
  /** Hash (hex) of the wallet transaction that processed it, for explorer links. */
  transactionHash?: string;
  /** Why it failed / what happened, in plain words. */
  message?: string;
  /** How to recover from a failure: resume tracking the same message, or ask the wallet again. */
  retry?: 'resume' | 'resend';
  /** Network name the request was made on; a reload resumes it only there. */
  network?: string;
  /** The request as given to the wallet: its bodies find the wallet transaction when the wallet's answer was lost. */
  request?: TonConnectRequest;
  /** Decimal string of the request's random 64-bit query_id, which the outcome is matched by. */
  queryId?: string;
  /** JSON-safe parameters the flow rebuilds its outcome check from after a reload. */
  plan?: Record<string, unknown>;
}

interface PendingState {
  transactions: Partial<Record<TxKind, TrackedTx>>;
  /** Starts a transaction for `kind` unless one is still in flight; returns whether it started. */
  begin(tx: Omit<TrackedTx, 'phase' | 'createdAt'> & { createdAt?: number }): boolean;
  update(kind: TxKind, id: string, patch: Partial<Omit<TrackedTx, 'id' | 'kind'>>): void;
  dismiss(kind: TxKind): void;
}

export function isInFlight(tx: TrackedTx | undefined): boolean {
  return tx?.phase === 'waiting-wallet' || tx?.phase === 'sent';
}

const noStorage: StateStorage = { getItem: () => null, setItem: () => undefined, removeItem: () => undefined };

export function createPendingStore(storage: StateStorage = typeof localStorage === 'undefined' ? noStorage : localStorage) {
  return create<PendingState>()(
    persist(
      (set, get) => ({
        transactions: {},
        begin(tx) {
          const current = get().transactions[tx.kind];
          // One restored from another network's session is never resumed here (use-tracked-send): it must not block.
          if (isInFlight(current) && (current?.network === undefined || current.network === tx.network)) return false;
          set((state) => ({ transactions: { ...state.transactions, [tx.kind]: { ...tx, phase: 'waiting-wallet', createdAt: tx.createdAt ?? Date.now() } } }));
          return true;
        },
        update(kind, id, patch) {
          set((state) => {
            const current = state.transactions[kind];
            // A dismissed or replaced transaction's late updates are dropped.
            if (!current || current.id !== id) return state;
            return { transactions: { ...state.transactions, [kind]: { ...current, ...patch } } };
          });
        },
        dismiss(kind) {
          set((state) => {
            if (isInFlight(state.transactions[kind])) return state;
            const transactions = { ...state.transactions };
            delete transactions[kind];
            return { transactions };
          });
        },
      }),
      {
        name: 'lst-pending-transactions',
        storage: createJSONStorage(() => storage),
        // Transactions persist with their request, normalized hash and query_id, so a reload or a reopened tab
        // resumes tracking one in flight (use-tracked-send) instead of losing it. Version 1 also kept a bill history,
        // which the chain now tells (queries/bills.ts): it is dropped.
        partialize: (state) => ({ transactions: state.transactions }),
        version: 2,
        migrate: (persisted) => ({ transactions: (persisted as { transactions?: PendingState['transactions'] } | null)?.transactions ?? {} }),
      },
    ),
  );
}

export const usePendingTransactions = createPendingStore();
