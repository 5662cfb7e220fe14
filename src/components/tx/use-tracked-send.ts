// React glue for runTrackedTransaction: one in-flight transaction per flow (double clicks and retries never send
// twice), wrong-chain wallets blocked before the wallet is asked, state in the pending store, and every balance
// re-read when the transaction settles.
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Address, type Transaction } from '@ton/core';
import { useTonConnectUI, useTonWallet } from '@tonconnect/ui-react';
import { useRef } from 'react';
import { invalidateAfterTransaction } from '../../queries/pool';
import { loadTonRpc } from '../../queries/rpc';
import { usePendingTransactions, type TxKind } from '../../stores/pending-transactions';
import type { FailingContract } from '../../ton/exit-codes';
import type { NetworkConfig } from '../../ton/networks';
import type { TonConnectRequest } from '../../ton/tx';
import { describeSendFailure, WrongNetworkError } from './send-errors';
import { runTrackedTransaction, type EffectCheck } from './tracked-transaction';

export type EffectChecker = (walletTransaction: Transaction) => Promise<EffectCheck>;

export interface SendPlan {
  amount: bigint;
  request: TonConnectRequest;
  target: FailingContract;
  /** Reads the state before sending and returns how to recognise the effect afterwards. */
  prepare: () => Promise<EffectChecker>;
}

type SendInput = { plan: SendPlan } | { resume: true };

export function useTrackedSend(network: NetworkConfig, kind: TxKind) {
  const [tonConnectUI] = useTonConnectUI();
  const wallet = useTonWallet();
  const queryClient = useQueryClient();
  const tx = usePendingTransactions((state) => state.transactions[kind]);
  const last = useRef<{ id: string; plan: SendPlan; checkEffect: EffectChecker } | null>(null);

  const mutation = useMutation({
    mutationFn: async (input: SendInput) => {
      const store = usePendingTransactions.getState();
      if (!wallet) return;
      const walletAddress = Address.parse(wallet.account.address);

      let id: string;
      let plan: SendPlan;
      let checkEffect: EffectChecker | undefined;
      let normalizedHash: string | undefined;
      if ('resume' in input) {
        const current = store.transactions[kind];
        if (!last.current || !current?.normalizedHash || current.id !== last.current.id) return;
        ({ id, plan, checkEffect } = last.current);
        normalizedHash = current.normalizedHash;
        store.update(kind, id, { phase: 'sent', message: undefined, retry: undefined });
      } else {
        id = crypto.randomUUID();
        plan = input.plan;
        if (!store.begin({ id, kind, amount: plan.amount.toString(), validUntil: plan.request.validUntil })) return;
      }

      try {
        // Checked here too (the panels disable the button): TON Connect would only say so after a round trip.
        if (wallet.account.chain !== network.chain) throw new WrongNetworkError(wallet.account.chain);
        checkEffect ??= await plan.prepare();
        last.current = { id, plan, checkEffect };
        const rpc = await loadTonRpc(network);
        await runTrackedTransaction({
          client: rpc.client,
          walletAddress,
          normalizedHash,
          send: async () => {
            // Our own status view replaces the UI's modals and toasts.
            const response = await tonConnectUI.sendTransaction(plan.request, { modals: [], notifications: [] });
            return response.boc;
          },
          validUntil: plan.request.validUntil,
          target: plan.target,
          checkEffect,
          onUpdate: (update) => usePendingTransactions.getState().update(kind, id, update),
        });
      } catch (error) {
        const sent = Boolean(usePendingTransactions.getState().transactions[kind]?.normalizedHash);
        usePendingTransactions.getState().update(kind, id, describeSendFailure(error, { network, sent }));
      } finally {
        await invalidateAfterTransaction(queryClient, network);
      }
    },
  });

  return {
    tx,
    /** Sends a new transaction; ignored while one of this kind is in flight. */
    send: (plan: SendPlan) => mutation.mutate({ plan }),
    /** After a failure once the message was sent: looks for it again, never re-signs. */
    resume: () => mutation.mutate({ resume: true }),
    dismiss: () => usePendingTransactions.getState().dismiss(kind),
  };
}
