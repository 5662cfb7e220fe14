import { QueryClient, skipToken } from '@tanstack/react-query';
import { Address, beginCell, type Cell, type Message, type Transaction } from '@ton/core';
import { describe, expect, it } from 'vitest';
import { depositBody } from '../../../../contracts/wrappers/messages';
import { Op } from '../../../../contracts/wrappers/opcodes';
import type { PersistStorage } from '../../../queries/persisted';
import type { TransactionPageFetcher } from '../../../ton/history';
import { networkPreset } from '../../../ton/networks';
import { accountFlowsQuery, accountFlowsStorageKey } from './account-flows-query';

const TON = 1_000_000_000n;
const network = networkPreset('devnet');
const owner = '0:' + 'aa'.repeat(32);
const pool = '0:' + 'bb'.repeat(32);
const ptonWallet = '0:' + 'cc'.repeat(32);

function memoryStorage(): PersistStorage & { data: Map<string, string> } {
  const data = new Map<string, string>();
  return { data, getItem: (k) => data.get(k) ?? null, setItem: (k, v) => void data.set(k, v), removeItem: (k) => void data.delete(k) };
}

function internal(src: string, dest: string, coins: bigint, body: Cell): Message {
  return {
    info: { type: 'internal', ihrDisabled: true, bounce: true, bounced: false, src: Address.parse(src), dest: Address.parse(dest), value: { coins }, ihrFee: 0n, forwardFee: 0n, createdLt: 0n, createdAt: 0 },
    body,
  };
}

const notification = (amount: bigint) => beginCell().storeUint(Op.jettonTransferNotification, 32).storeUint(0, 64).storeCoins(amount).storeAddress(null).storeBit(false).endCell();

/** The owner's wallet: a deposit of 11 TON and 10 pTON minted for it (newest first, as toncenter pages). */
function fakeWallet() {
  const transactions = [
    { lt: 20n, now: 1_001, inMessage: internal(ptonWallet, owner, TON / 10n, notification(10n * TON)), outMessages: new Map() },
    { lt: 10n, now: 1_000, inMessage: undefined, outMessages: new Map([[0, internal(owner, pool, 11n * TON, depositBody(1n))]]) },
  ].map((tx) => ({ ...tx, hash: () => Buffer.alloc(32) })) as unknown as Transaction[];
  let requests = 0;
  const fetchPage: TransactionPageFetcher = async () => {
    requests += 1;
    return transactions;
  };
  return { pageReader: async () => fetchPage, requests: () => requests };
}

const query = (version: string | undefined, deps: Parameters<typeof accountFlowsQuery>[5]) => accountFlowsQuery(network, owner, pool, ptonWallet, version, deps);

describe('accountFlowsQuery', () => {
  it('is idle without a position version', () => {
    expect(query(undefined, { storage: null }).queryFn).toBe(skipToken);
  });

  it('a reload with an unchanged position reads nothing: the flows, bigints included, come from storage', async () => {
    const storage = memoryStorage();
    const first = fakeWallet();
    const flows = await new QueryClient().fetchQuery(query('v1', { pageReader: first.pageReader, storage }));
    expect(first.requests()).toBe(1);
    expect(flows).toMatchObject({ tonSent: 11n * TON, tonReceived: TON / 10n, deposits: 1, complete: true, ptonChanges: [{ time: 1_001, lt: 20n, delta: 10n * TON }] });

    const reload = fakeWallet();
    expect(await new QueryClient().fetchQuery(query('v1', { pageReader: reload.pageReader, storage }))).toEqual(flows);
    expect(reload.requests()).toBe(0);
  });

  it('a changed position reads again and replaces the stored entry (one per owner and pool)', async () => {
    const storage = memoryStorage();
    await new QueryClient().fetchQuery(query('v1', { pageReader: fakeWallet().pageReader, storage }));
    const changed = fakeWallet();
    await new QueryClient().fetchQuery(query('v2', { pageReader: changed.pageReader, storage }));
    expect(changed.requests()).toBe(1);
    expect([...storage.data.keys()]).toEqual([accountFlowsStorageKey(network, owner, pool)]);
    expect(storage.data.get(accountFlowsStorageKey(network, owner, pool))).toContain('"tag":"v2"');
  });

  it('ignores a stored entry of the wrong shape', async () => {
    const storage = memoryStorage();
    storage.setItem(accountFlowsStorageKey(network, owner, pool), JSON.stringify({ tag: 'v1', savedAt: 1, data: { tonSent: '5' } }));
    const wallet = fakeWallet();
    await new QueryClient().fetchQuery(query('v1', { pageReader: wallet.pageReader, storage }));
    expect(wallet.requests()).toBe(1);
  });
});
