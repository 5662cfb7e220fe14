import { Address, beginCell, type Transaction } from '@ton/core';
import { TonClient } from '@ton/ton';
import { describe, expect, it } from 'vitest';
import { Op } from '../../../../contracts/wrappers/opcodes';
import { hasFixture, loadFixture, replayFetch } from '../../../ton/__fixtures__/fixture';
import { createTonRpcWith } from '../../../ton/client';
import { networkPreset } from '../../../ton/networks';
import { normalizedHashFromBoc, waitForTransaction } from '../../../ton/tracking';
import { classifyUnstakeOutcome } from './unstake-outcome';

const pool = Address.parse('0:' + '11'.repeat(32));
const jettonWallet = Address.parse('0:' + '22'.repeat(32));
const stranger = Address.parse('0:' + '33'.repeat(32));

/** Just the fields the classifier reads. */
function incoming(lt: bigint, src: Address, op: number, coins = 1n): Transaction {
  return {
    lt,
    inMessage: { info: { type: 'internal', src, value: { coins } }, body: beginCell().storeUint(op, 32).storeUint(0, 64).endCell() },
  } as unknown as Transaction;
}

describe('classifyUnstakeOutcome', () => {
  const context = { afterLt: 100n, pool, jettonWallet };

  it('reads the pool withdrawal as TON paid now, with the amount received', () => {
    expect(classifyUnstakeOutcome([incoming(101n, pool, Op.withdrawal, 7n)], context)).toEqual({ kind: 'instant', received: 7n });
  });

  it('reads a re-mint notification from the own pTON wallet as returned, and ownership_assigned as a bill', () => {
    expect(classifyUnstakeOutcome([incoming(105n, jettonWallet, Op.jettonTransferNotification)], context)).toEqual({ kind: 'returned' });
    expect(classifyUnstakeOutcome([incoming(105n, stranger, Op.ownershipAssigned)], context)).toEqual({ kind: 'bill' });
  });

  it('ignores what came before the burn and look-alikes from other senders', () => {
    expect(classifyUnstakeOutcome([incoming(99n, pool, Op.withdrawal), incoming(101n, stranger, Op.withdrawal)], context)).toBeNull();
    expect(classifyUnstakeOutcome([incoming(102n, stranger, Op.jettonTransferNotification)], context)).toBeNull();
  });

  it('takes the earliest decisive message', () => {
    const txs = [incoming(110n, jettonWallet, Op.jettonTransferNotification), incoming(103n, pool, Op.withdrawal, 5n)];
    expect(classifyUnstakeOutcome(txs, context)).toEqual({ kind: 'instant', received: 5n });
  });
});

// Real transactions recorded from the devnet pool (src/ton/__fixtures__/devnet-pool.json).
describe.skipIf(!hasFixture('devnet-pool'))('classifyUnstakeOutcome on recorded devnet burns', () => {
  const fixture = hasFixture('devnet-pool') ? loadFixture('devnet-pool') : null;

  async function outcomeOf(step: string, bocKey: string) {
    const values = fixture!.values;
    const network = { ...networkPreset('devnet', fixture!.devnetUrl), maxRps: 1000 };
    const rpc = createTonRpcWith(TonClient, network, { fetch: replayFetch(fixture!, [step]), maxRetries: 0 });
    const wallet = Address.parse(values.devWallet);
    const burn = await waitForTransaction(rpc.client, wallet, normalizedHashFromBoc(values[bocKey]), { timeoutMs: 0 });
    const recent = await rpc.client.getTransactions(wallet, { limit: 10, archival: true });
    return classifyUnstakeOutcome(recent, { afterLt: burn!.lt, pool: Address.parse(values.pool), jettonWallet: Address.parse(values.jettonWallet) });
  }

  it('a wait-till-round-end burn came back as a bill', async () => {
    expect(await outcomeOf('withdraw', 'withdraw.boc')).toEqual({ kind: 'bill' });
  });

  it('an instant burn was paid in TON', async () => {
    expect(await outcomeOf('instant-withdraw', 'instant-withdraw.boc')).toMatchObject({ kind: 'instant' });
  });
});
