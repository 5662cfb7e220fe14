// One stake, ready to send: the TON Connect deposit request and how to tell on-chain that it worked
// (the pTON balance grew; on a pessimistic pool, a new deposit bill appeared).
import { Address } from '@ton/core';
import type { EffectChecker, SendPlan } from '../../../components/tx/use-tracked-send';
import { loadTonRpc } from '../../../queries/rpc';
import { listBills } from '../../../ton/bills';
import { readJettonWallet } from '../../../ton/jetton';
import type { NetworkConfig } from '../../../ton/networks';
import { readPoolFullData } from '../../../ton/pool';
import { buildDepositRequest } from '../../../ton/tx';
import { formatAmount } from '../../../ton/units';

export interface StakePlanParams {
  network: NetworkConfig;
  pool: string;
  owner: string;
  ptonWallet: string;
  amount: bigint;
  optimistic: boolean;
  tickers: { native: string; jetton: string };
}

const shown = (nano: bigint) => formatAmount(nano, { groupSeparator: ',' });

export function stakePlan(params: StakePlanParams): SendPlan {
  const { network, amount, tickers } = params;
  const owner = Address.parse(params.owner);
  const pool = Address.parse(params.pool);
  return {
    amount,
    request: buildDepositRequest({ network, pool, amount, from: owner }),
    target: 'pool',
    async prepare(): Promise<EffectChecker> {
      const rpc = await loadTonRpc(network);
      const jettonWallet = Address.parse(params.ptonWallet);
      if (params.optimistic) {
        const before = (await readJettonWallet(rpc, jettonWallet)).balance;
        return async () => {
          const after = (await readJettonWallet(rpc, jettonWallet)).balance;
          if (after <= before) return { status: 'pending' };
          return { status: 'confirmed', message: `Staked ${shown(amount)} ${tickers.native}: you received ${shown(after - before)} ${tickers.jetton}.` };
        };
      }
      const depositBills = async () => (await listBills(rpc, await readPoolFullData(rpc, pool), owner)).filter((bill) => bill.kind === 'deposit').length;
      const before = await depositBills();
      return async () =>
        (await depositBills()) > before
          ? { status: 'confirmed', message: `Staked ${shown(amount)} ${tickers.native}: your deposit bill converts to ${tickers.jetton} at round end.` }
          : { status: 'pending' };
    },
  };
}
