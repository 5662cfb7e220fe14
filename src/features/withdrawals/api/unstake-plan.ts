// One unstake, ready to send: the burn request to the user's pTON wallet (with a random query_id), and how to tell
// what the pool did with it: paid TON now (its withdrawal), issued a bill (ownership_assigned from an item of the
// pool's payout collection) or returned the pTON (a re-mint), each matched by that query_id (src/ton/outcomes.ts).
// Its parameters are saved so a reload can resume it.
import { Address } from '@ton/core';
import type { SavedPlan, SendPlan } from '../../../components/tx/use-tracked-send';
import { loadTonRpc } from '../../../queries/rpc';
import type { NetworkConfig } from '../../../ton/networks';
import { attachedValue, findUnstakeOutcome, poolBillVerifier, requestQueryId, transactionsAfter } from '../../../ton/outcomes';
import { readPoolFullData, sharePercent } from '../../../ton/pool';
import { buildWithdrawRequest, type TonConnectRequest } from '../../../ton/tx';
import { formatExact } from '../../../components/format/amounts';
import { tNow } from '../../../i18n/messages';
import { localiseDecimal } from '../../../i18n/numbers';
import { withdrawalMessages } from '../messages';
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

const shown = formatExact;

/** `sent`: the request already given to the wallet (resuming after a reload); a new one is built otherwise. */
export function unstakePlan(params: UnstakePlanParams, sent?: TonConnectRequest): SendPlan {
  const { network, amount, tickers } = params;
  const owner = Address.parse(params.owner);
  const pool = Address.parse(params.pool);
  const jettonWallet = Address.parse(params.ptonWallet);
  const request = sent ?? buildWithdrawRequest({ network, jettonWallet, amount, owner, mode: UNSTAKE_MODES[params.mode] });
  const queryId = requestQueryId(request.messages[0].payload!);
  const saved: SavedPlan = {
    pool: params.pool,
    owner: params.owner,
    ptonWallet: params.ptonWallet,
    amount: amount.toString(),
    mode: params.mode,
    expectedBillTon: params.expectedBillTon.toString(),
    instantFeeShare: params.instantFeeShare ?? 0,
    tickers,
  };
  return {
    amount,
    request,
    target: 'jetton-wallet',
    saved,
    async checkEffect(burn) {
      const rpc = await loadTonRpc(network);
      const outcome = await findUnstakeOutcome(await transactionsAfter(rpc.client, owner, burn.lt), {
        queryId,
        owner,
        pool,
        jettonWallet,
        afterLt: burn.lt,
        attached: attachedValue(burn),
        verifyBill: poolBillVerifier(rpc, () => readPoolFullData(rpc, pool, { raw: true }), { owner, pool, queryId }),
      });
      if (!outcome) return { status: 'pending' };
      const t = tNow(withdrawalMessages);
      const { native, jetton } = tickers;
      switch (outcome.kind) {
        case 'instant':
          return {
            status: 'confirmed',
            message: t(params.instantFeeShare ? 'resultInstantFee' : 'resultInstant', {
              amount: shown(amount),
              jetton,
              received: shown(outcome.received),
              native,
              sent: shown(outcome.arrived - outcome.received),
              percent: localiseDecimal(sharePercent(params.instantFeeShare ?? 0)),
            }),
          };
        case 'bill':
          return {
            status: 'confirmed',
            message: t('resultBill', { amount: shown(amount), jetton, expected: shown(params.expectedBillTon), native }),
          };
        case 'returned':
          return {
            status: 'failed',
            message: t(params.mode === 'fill-or-kill' ? 'resultReturnedFillOrKill' : 'resultReturned', { jettons: shown(outcome.jettons), jetton }),
          };
      }
    },
  };
}

const isText = (value: unknown): value is string => typeof value === 'string' && value !== '';
const isNano = (value: unknown): value is string => isText(value) && /^\d+$/.test(value);

/** unstakePlan again from what was saved with the transaction; null when the saved shape is not one we wrote. */
export function restoreUnstakePlan(network: NetworkConfig, saved: SavedPlan, request: TonConnectRequest): SendPlan | null {
  const tickers = saved.tickers as Record<string, unknown> | undefined;
  const mode = saved.mode;
  if (!isText(saved.pool) || !isText(saved.owner) || !isText(saved.ptonWallet) || !isNano(saved.amount) || !isNano(saved.expectedBillTon)) return null;
  if (typeof mode !== 'string' || !(mode in UNSTAKE_MODES) || !tickers || !isText(tickers.native) || !isText(tickers.jetton) || !request.messages[0]?.payload) return null;
  try {
    return unstakePlan(
      {
        network,
        pool: saved.pool,
        owner: saved.owner,
        ptonWallet: saved.ptonWallet,
        amount: BigInt(saved.amount),
        mode: mode as UnstakeModeId,
        expectedBillTon: BigInt(saved.expectedBillTon),
        instantFeeShare: typeof saved.instantFeeShare === 'number' ? saved.instantFeeShare : 0,
        tickers: { native: tickers.native, jetton: tickers.jetton },
      },
      request,
    );
  } catch {
    return null;
  }
}
