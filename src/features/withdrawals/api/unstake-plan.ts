// One unstake, ready to send: the burn request to the user's pTON wallet, and how to tell what the pool did
// with it (paid TON now, issued a bill, or returned the pTON) from the messages the wallet receives next.
import { Address, type Transaction } from '@ton/core';
import type { EffectChecker, SendPlan } from '../../../components/tx/use-tracked-send';
import { loadTonRpc } from '../../../queries/rpc';
import type { NetworkConfig } from '../../../ton/networks';
import { sharePercent } from '../../../ton/pool';
import { buildWithdrawRequest } from '../../../ton/tx';
import { formatAmount } from '../../../ton/units';
import { classifyUnstakeOutcome } from '../utils/unstake-outcome';
import { UNSTAKE_MODES, type UnstakeModeId } from '../utils/unstake-validation';

export interface UnstakePlanParams {
  network: NetworkConfig;
  pool: string;
  owner: string;
  ptonWallet: string;
  amount: bigint;
  mode: UnstakeModeId;
  /** TON the bill should pay, for the confirmation text. */
  expectedBillTon: bigint;
  /** The pool's v2 instant withdrawal fee (share of 2^24) when the burn is expected to be paid now; 0: none. */
  instantFeeShare?: number;
  tickers: { native: string; jetton: string };
}

const shown = (nano: bigint) => formatAmount(nano, { groupSeparator: ',' });

export function unstakePlan(params: UnstakePlanParams): SendPlan {
  const { network, amount, tickers } = params;
  const owner = Address.parse(params.owner);
  const pool = Address.parse(params.pool);
  const jettonWallet = Address.parse(params.ptonWallet);
  return {
    amount,
    request: buildWithdrawRequest({ network, jettonWallet, amount, owner, mode: UNSTAKE_MODES[params.mode] }),
    target: 'jetton-wallet',
    async prepare(): Promise<EffectChecker> {
      const rpc = await loadTonRpc(network);
      return async (burn: Transaction) => {
        const recent = await rpc.client.getTransactions(owner, { limit: 20, archival: true });
        const outcome = classifyUnstakeOutcome(recent, { afterLt: burn.lt, pool, jettonWallet });
        if (!outcome) return { status: 'pending' };
        switch (outcome.kind) {
          case 'instant':
            return {
              status: 'confirmed',
              message: `Unstaked ${shown(amount)} ${tickers.jetton}: you received ${shown(outcome.received)} ${tickers.native}${
                params.instantFeeShare ? `, net of the ${sharePercent(params.instantFeeShare)} % instant withdrawal fee` : ''
              }.`,
            };
          case 'bill':
            return {
              status: 'confirmed',
              message: `Unstake requested: your withdrawal bill for ${shown(amount)} ${tickers.jetton} pays about ${shown(params.expectedBillTon)} ${tickers.native} at round end.`,
            };
          case 'returned':
            return {
              status: 'failed',
              message:
                params.mode === 'fill-or-kill'
                  ? `The pool could not pay instantly, so your ${shown(amount)} ${tickers.jetton} were returned (fill-or-kill). Only gas was spent.`
                  : `The pool refused the withdrawal and returned your ${shown(amount)} ${tickers.jetton}. Only gas was spent.`,
            };
        }
      };
    },
  };
}
