// Tracking against real transactions: a V4 wallet in @ton/sandbox signs and executes the externals, and a
// thin stand-in for TonClient serves the sandbox's own transactions (newest first, as toncenter does).
import { Address, beginCell, Cell, external, type Message, storeMessage, toNano, type Transaction } from '@ton/core';
import { keyPairFromSeed } from '@ton/crypto';
import { Blockchain, type SandboxContract } from '@ton/sandbox';
import { internal, WalletContractV4 } from '@ton/ton';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  checkTransaction,
  normalizedHashFromBoc,
  normalizedMessageHash,
  normalizeExternalMessage,
  trackTransaction,
  type TrackStatus,
  waitForTransaction,
} from './tracking';

const keys = keyPairFromSeed(Buffer.alloc(32, 7));

interface Setup {
  chain: Blockchain;
  wallet: SandboxContract<WalletContractV4>;
  transactions: Transaction[];
  client: {
    getTransactions: (address: Address, opts: { limit: number }) => Promise<Transaction[]>;
    tryLocateResultTx: (source: Address, destination: Address, createdLt: string) => Promise<Transaction>;
  };
}

async function setup(): Promise<Setup> {
  const chain = await Blockchain.create();
  const wallet = chain.openContract(WalletContractV4.create({ workchain: 0, publicKey: keys.publicKey }));
  const treasury = await chain.treasury('funder');
  const transactions: Transaction[] = [];
  const funding = await treasury.send({ to: wallet.address, value: toNano('100'), bounce: false });
  transactions.push(...funding.transactions);
  const client = {
    // TonClient semantics: newest first; with lt + hash, the page starts just below that transaction
    async getTransactions(address: Address, opts: { limit: number; lt?: string }) {
      return transactions
        .filter((tx) => tx.address === BigInt('0x' + address.hash.toString('hex')))
        .filter((tx) => opts.lt === undefined || tx.lt < BigInt(opts.lt))
        .reverse()
        .slice(0, opts.limit);
    },
    async tryLocateResultTx(_source: Address, destination: Address, createdLt: string) {
      const found = transactions.find(
        (tx) =>
          tx.address === BigInt('0x' + destination.hash.toString('hex')) &&
          tx.inMessage?.info.type === 'internal' &&
          tx.inMessage.info.createdLt.toString() === createdLt,
      );
      if (!found) throw new Error('not found');
      return found;
    },
  };
  return { chain, wallet, transactions, client };
}

/** What a TON Connect wallet returns: the signed external message (with init while seqno is 0). */
async function signTransfer(s: Setup, to: Address, value: bigint, bounce: boolean): Promise<{ boc: string; message: Message }> {
  const seqno = await s.wallet.getSeqno();
  const body = s.wallet.createTransfer({ seqno, secretKey: keys.secretKey, messages: [internal({ to, value, bounce })] });
  const message = external({ to: s.wallet.address, init: seqno === 0 ? s.wallet.init : undefined, body });
  return { boc: beginCell().store(storeMessage(message)).endCell().toBoc().toString('base64'), message };
}

async function execute(s: Setup, boc: string) {
  const result = await s.chain.sendMessage(Cell.fromBase64(boc));
  s.transactions.push(...result.transactions);
}

describe('TEP-467 normalized hash', () => {
  it('ignores src, import_fee, init and inline-vs-ref body, but not the body itself', () => {
    const dest = Address.parse('0:' + 'ab'.repeat(32));
    const body = beginCell().storeUint(0xdeadbeef, 32).endCell();
    const plain: Message = { info: { type: 'external-in', src: null, dest, importFee: 0n }, body };
    const decorated: Message = {
      info: { type: 'external-in', src: null, dest, importFee: 12345n },
      init: { code: beginCell().storeUint(1, 8).endCell(), data: beginCell().endCell() },
      body,
    };
    expect(normalizedMessageHash(decorated)).toBe(normalizedMessageHash(plain));
    // the plain message stores the body inline; normalization moves it to a ref, so the hash differs from the raw one
    expect(normalizedMessageHash(plain)).not.toBe(beginCell().store(storeMessage(plain)).endCell().hash().toString('hex'));
    const normalized = normalizeExternalMessage(decorated).beginParse();
    expect(normalized.remainingRefs).toBe(1);
    const other: Message = { ...plain, body: beginCell().storeUint(0xdeadbeee, 32).endCell() };
    expect(normalizedMessageHash(other)).not.toBe(normalizedMessageHash(plain));
  });

  it('rejects internal messages', () => {
    const message = { info: { type: 'internal' }, body: Cell.EMPTY } as unknown as Message;
    expect(() => normalizedMessageHash(message)).toThrow('external-in');
  });
});

describe('tracking on sandbox transactions', () => {
  let s: Setup;
  beforeAll(async () => {
    s = await setup();
  }, 30_000); // sandbox start-up; slow on a busy machine

  it('finds the wallet transaction of a signed BOC (first transfer carries init)', async () => {
    const target = (await s.chain.treasury('target')).address;
    const { boc } = await signTransfer(s, target, toNano('1'), true);
    const hash = normalizedHashFromBoc(boc);
    expect(await waitForTransaction(s.client, s.wallet.address, hash, { timeoutMs: 0 })).toBeNull();
    await execute(s, boc);
    const tx = await waitForTransaction(s.client, s.wallet.address, hash, { timeoutMs: 0 });
    expect(tx).not.toBeNull();
    expect(checkTransaction(tx!)).toEqual({ ok: true });
    expect(tx!.outMessagesCount).toBe(1);
  });

  it('pages back through a busy wallet while the message could still be there', async () => {
    const target = (await s.chain.treasury('target')).address;
    const { boc } = await signTransfer(s, target, toNano('1'), true);
    await execute(s, boc);
    // three more transactions land on the wallet after ours
    const funder = await s.chain.treasury('busy');
    for (let i = 0; i < 3; i++) s.transactions.push(...(await funder.send({ to: s.wallet.address, value: toNano('1'), bounce: false })).transactions);
    const hash = normalizedHashFromBoc(boc);
    const validUntil = Math.floor(Date.now() / 1000) + 60;
    expect(await waitForTransaction(s.client, s.wallet.address, hash, { timeoutMs: 0, pageSize: 2 })).toBeNull(); // no validUntil: first page only
    expect(await waitForTransaction(s.client, s.wallet.address, hash, { timeoutMs: 0, pageSize: 2, validUntil })).not.toBeNull();
  });

  it('reports confirmed only once the effect shows, with every status in order', async () => {
    const target = (await s.chain.treasury('target')).address;
    const before = (await s.chain.getContract(target)).balance;
    const statuses: TrackStatus['status'][] = [];
    const final = await trackTransaction({
      client: s.client,
      walletAddress: s.wallet.address,
      pollMs: 1,
      timeoutMs: 1_000,
      send: async () => {
        const signed = await signTransfer(s, target, toNano('2'), true);
        await execute(s, signed.boc);
        return { boc: signed.boc };
      },
      effect: async () => (await s.chain.getContract(target)).balance > before,
      onStatus: (status) => statuses.push(status.status),
    });
    expect(statuses).toEqual(['waiting-wallet', 'sent', 'confirmed']);
    expect(final.status).toBe('confirmed');
  });

  it('fails with a reason when the destination transaction does not run', async () => {
    const nobody = Address.parse('0:' + '5e'.repeat(32)); // never deployed: a bounceable message skips compute
    const final = await trackTransaction({
      client: s.client,
      walletAddress: s.wallet.address,
      pollMs: 1,
      timeoutMs: 1_000,
      send: async () => {
        const signed = await signTransfer(s, nobody, toNano('1'), true);
        await execute(s, signed.boc);
        return { boc: signed.boc };
      },
    });
    expect(final.status).toBe('failed');
    expect(final.status === 'failed' && final.reason).toMatch(/did not run/);
  });

  it('fails when the effect never shows up', async () => {
    const target = (await s.chain.treasury('target')).address;
    const final = await trackTransaction({
      client: s.client,
      walletAddress: s.wallet.address,
      pollMs: 1,
      timeoutMs: 1_000,
      effectTimeoutMs: 5,
      send: async () => {
        const signed = await signTransfer(s, target, toNano('1'), true);
        await execute(s, signed.boc);
        return { boc: signed.boc };
      },
      effect: async () => false,
    });
    expect(final).toMatchObject({ status: 'failed', reason: expect.stringMatching(/effect/) });
  });

  it('expires when validUntil passes and the message never landed', async () => {
    const target = (await s.chain.treasury('target')).address;
    const statuses: string[] = [];
    const final = await trackTransaction({
      client: s.client,
      walletAddress: s.wallet.address,
      pollMs: 1,
      validUntil: Math.floor(Date.now() / 1000) - 60,
      send: async () => ({ boc: (await signTransfer(s, target, toNano('1'), true)).boc }), // signed, never broadcast
      onStatus: (status) => statuses.push(status.status),
    });
    expect(final.status).toBe('expired');
    expect(statuses).toEqual(['waiting-wallet', 'sent', 'expired']);
  });

  it('passes a wallet rejection through untouched', async () => {
    const rejection = new Error('User rejects');
    await expect(
      trackTransaction({ client: s.client, walletAddress: s.wallet.address, send: () => Promise.reject(rejection) }),
    ).rejects.toBe(rejection);
  });
});
