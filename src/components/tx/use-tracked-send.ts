// React glue for runTrackedTransaction: one in-flight transaction per flow (double clicks and retries never send
// twice), wrong-chain wallets blocked before the wallet is asked, state in the pending store (persisted), every
// balance re-read when the transaction settles, and a transaction still in flight after a reload resumed.
import { tNow } from '../../i18n/messages';
import { trackingMessages } from './messages';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Address, Cell, type Transaction } from '@ton/core';
import { useEffect } from 'react';
import { invalidateAfterTransaction } from '../../queries/pool';
import { loadTonRpc } from '../../queries/rpc';
import { isInFlight, usePendingTransactions, type TxKind } from '../../stores/pending-transactions';
import { loadTonConnectUI, useWallet } from '../../stores/wallet-connection';
import type { FailingContract } from '../../ton/exit-codes';
import type { NetworkConfig } from '../../ton/networks';
import { requestQueryId } from '../../ton/outcomes';
import type { TonConnectRequest } from '../../ton/tx';
import { describeSendFailure, walletErrorMayHaveSent, WrongNetworkError } from './send-errors';
import { runTrackedTransaction, type EffectCheck } from './tracked-transaction';

export type EffectChecker = (walletTransaction: Transaction) => Promise<EffectCheck>;

/** JSON-safe parameters of a plan, persisted with the transaction. */
export type SavedPlan = Record<string, unknown>;

export interface SendPlan {
  amount: bigint;
  request: TonConnectRequest;
  target: FailingContract;
  /** What `restore` needs to rebuild this plan after a reload (the request itself is kept beside it). */
  saved: SavedPlan;
  /** Polled once the wallet transaction is found: has the answer carrying the request's query_id arrived? */
  checkEffect: EffectChecker;
}

/** Rebuilds a persisted plan around the request that was sent; null when the saved parameters are unusable. */
export type PlanRestorer = (saved: SavedPlan, request: TonConnectRequest) => SendPlan | null;

type SendInput = { plan: SendPlan } | { resume: true; claimed?: string };

/** Ids of the transactions this page is following now: one follower each, whatever the effects and retries do. */
const following = new Set<string>();

function sentBodyHash(request: TonConnectRequest): string | undefined {
  const payload = request.messages[0]?.payload;
  return payload ? Cell.fromBase64(payload).hash().toString('hex') : undefined;
}

export function useTrackedSend(network: NetworkConfig, kind: TxKind, restore: PlanRestorer) {
  const wallet = useWallet();
  const queryClient = useQueryClient();
  const tx = usePendingTransactions((state) => state.transactions[kind]);

  const mutation = useMutation({
    mutationFn: async (input: SendInput) => {
      const store = usePendingTransactions.getState();
      let id: string;
      let plan: SendPlan;
      let walletAddress: Address;
      let normalizedHash: string | undefined;
      let bodyHash: string | undefined;
      if ('resume' in input) {
        const current = store.transactions[kind];
        if (!current?.plan || !current.request?.from || current.network !== network.name) return;
        if (input.claimed !== current.id) {
          if (following.has(current.id)) return;
          following.add(current.id);
        }
        id = current.id;
        const restored = restore(current.plan, current.request);
        if (!restored) {
          following.delete(id);
          store.update(kind, id, { phase: 'failed', message: tNow(trackingMessages)('cannotFollow'), retry: undefined });
          return;
        }
        plan = restored;
        walletAddress = Address.parse(current.request.from);
        normalizedHash = current.normalizedHash;
        // Lost while the wallet was asked: look for the message it would have sent.
        if (!normalizedHash) bodyHash = sentBodyHash(current.request);
        if (normalizedHash) store.update(kind, id, { phase: 'sent', message: undefined, retry: undefined });
      } else {
        if (!wallet) return;
        id = crypto.randomUUID();
        plan = input.plan;
        walletAddress = Address.parse(wallet.account.address);
        const payload = plan.request.messages[0]?.payload;
        following.add(id);
        const begun = store.begin({
          id,
          kind,
          amount: plan.amount.toString(),
          validUntil: plan.request.validUntil,
          network: network.name,
          request: { ...plan.request, from: plan.request.from ?? walletAddress.toRawString() },
          queryId: payload ? requestQueryId(payload).toString() : undefined,
          plan: plan.saved,
        });
        if (!begun) {
          following.delete(id);
          return;
        }
      }

      try {
        // Checked here too (the panels disable the button): TON Connect would only say so after a round trip.
        if (!('resume' in input) && wallet && wallet.account.chain !== network.chain) throw new WrongNetworkError(wallet.account.chain);
        const rpc = await loadTonRpc(network);
        await runTrackedTransaction({
          client: rpc.client,
          walletAddress,
          normalizedHash,
          // Resuming: the body to look for. Sending: the body to look for if the wallet answers with an error.
          sentBodyHash: 'resume' in input ? bodyHash : sentBodyHash(plan.request),
          mayHaveSent: walletErrorMayHaveSent,
          send:
            'resume' in input
              ? undefined
              : async () => {
                  // Our own status view replaces the UI's modals and toasts.
                  // Loaded already: there is a wallet to send from.
                  const ui = await loadTonConnectUI();
                  const response = await ui.sendTransaction(plan.request, { modals: [], notifications: [] });
                  return response.boc;
                },
          validUntil: plan.request.validUntil,
          target: plan.target,
          checkEffect: plan.checkEffect,
          onUpdate: (update) => usePendingTransactions.getState().update(kind, id, update),
        });
      } catch (error) {
        const sent = Boolean(usePendingTransactions.getState().transactions[kind]?.normalizedHash);
        usePendingTransactions.getState().update(kind, id, describeSendFailure(error, { network, sent }));
      } finally {
        following.delete(id);
        await invalidateAfterTransaction(queryClient, network);
      }
    },
  });

  // A transaction still in flight when this page loaded (reload, reopened tab): follow it again.
  const { mutate } = mutation;
  const orphan = tx && isInFlight(tx) && tx.network === network.name && tx.plan && !following.has(tx.id) ? tx.id : null;
  useEffect(() => {
    if (!orphan || following.has(orphan)) return;
    following.add(orphan);
    mutate({ resume: true, claimed: orphan });
  }, [orphan, mutate]);

  return {
    tx,
    /** Sends a new transaction; ignored while one of this kind is in flight. */
    send: (plan: SendPlan) => mutation.mutate({ plan }),
    /** After a failure once the message was sent: looks for it again, never re-signs. */
    resume: () => mutation.mutate({ resume: true }),
    dismiss: () => usePendingTransactions.getState().dismiss(kind),
  };
}
