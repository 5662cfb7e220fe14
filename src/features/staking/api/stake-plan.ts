// One stake, ready to send: the TON Connect deposit request (with a random query_id) and how to tell on-chain what
// came of it: our own mint notification (pTON minted now) or our own deposit bill of the pool (pessimistic pool),
// both matched by that query_id (src/ton/outcomes.ts). Its parameters are saved so a reload can resume it.
import { Address } from '@ton/core';
import type { SavedPlan, SendPlan } from '../../../components/tx/use-tracked-send';
import { loadTonRpc } from '../../../queries/rpc';
import type { NetworkConfig } from '../../../ton/networks';
import { findStakeOutcome, poolBillVerifier, requestQueryId, transactionsAfter } from '../../../ton/outcomes';
import { readPoolFullData } from '../../../ton/pool';
import { buildDepositRequest, type TonConnectRequest } from '../../../ton/tx';
import { formatExact } from '../../../components/format/amounts';
import { tNow } from '../../../i18n/messages';
import { stakingMessages } from '../messages';

export interface StakePlanParams {
  network: NetworkConfig;
  pool: string;
  owner: string;
  ptonWallet: string;
  amount: bigint;
  tickers: { native: string; jetton: string };
}

const shown = formatExact;

/** `sent`: the request already given to the wallet (resuming after a reload); a new one is built otherwise. */
export function stakePlan(params: StakePlanParams, sent?: TonConnectRequest): SendPlan {
  const { network, amount, tickers } = params;
  const owner = Address.parse(params.owner);
  const pool = Address.parse(params.pool);
  const jettonWallet = Address.parse(params.ptonWallet);
  const request = sent ?? buildDepositRequest({ network, pool, amount, from: owner });
  const queryId = requestQueryId(request.messages[0].payload!);
  const saved: SavedPlan = { pool: params.pool, owner: params.owner, ptonWallet: params.ptonWallet, amount: amount.toString(), tickers };
  return {
    amount,
    request,
    target: 'pool',
    saved,
    async checkEffect(walletTransaction) {
      const rpc = await loadTonRpc(network);
      const afterLt = walletTransaction.lt;
      const outcome = await findStakeOutcome(await transactionsAfter(rpc.client, owner, afterLt), {
        queryId,
        owner,
        pool,
        jettonWallet,
        afterLt,
        verifyBill: poolBillVerifier(rpc, () => readPoolFullData(rpc, pool, { raw: true }), { owner, pool, queryId }),
      });
      if (!outcome) return { status: 'pending' };
      return outcome.kind === 'minted'
        ? { status: 'confirmed', message: tNow(stakingMessages)('resultJettons', { amount: shown(amount), native: tickers.native, jettons: shown(outcome.jettons), jetton: tickers.jetton }) }
        : { status: 'confirmed', message: tNow(stakingMessages)('resultBill', { amount: shown(amount), native: tickers.native, jetton: tickers.jetton }) };
    },
  };
}

const isText = (value: unknown): value is string => typeof value === 'string' && value !== '';

/** stakePlan again from what was saved with the transaction; null when the saved shape is not one we wrote. */
export function restoreStakePlan(network: NetworkConfig, saved: SavedPlan, request: TonConnectRequest): SendPlan | null {
  const tickers = saved.tickers as Record<string, unknown> | undefined;
  if (!isText(saved.pool) || !isText(saved.owner) || !isText(saved.ptonWallet) || !isText(saved.amount) || !/^\d+$/.test(saved.amount)) return null;
  if (!tickers || !isText(tickers.native) || !isText(tickers.jetton) || !request.messages[0]?.payload) return null;
  try {
    return stakePlan({ network, pool: saved.pool, owner: saved.owner, ptonWallet: saved.ptonWallet, amount: BigInt(saved.amount), tickers: { native: tickers.native, jetton: tickers.jetton } }, request);
  } catch {
    return null;
  }
}
