// src/ton readers and tracking on answers recorded from the devnet (scripts/capture-fixtures.ts, scenario "wallet").
import { Address, loadMessage, Cell } from '@ton/core';
import { TonClient } from '@ton/ton';
import { describe, expect, it } from 'vitest';
import { loadFixture, replayFetch } from './__fixtures__/fixture';
import { createTonRpcWith } from './client';
import { readJettonWallet } from './jetton';
import { networkPreset } from './networks';
import { StackReader } from './stack';
import { normalizedHashFromBoc, normalizedMessageHash, trackTransaction, waitForTransaction } from './tracking';

const fixture = loadFixture('devnet-wallet');
const devWallet = Address.parse(fixture.values.devWallet);
const treasury = Address.parse(fixture.values.treasury);
const boc = fixture.values['transfer.boc'];

function rpcFor(steps: string[]) {
  return createTonRpcWith(TonClient, { ...networkPreset('devnet', fixture.devnetUrl), maxRps: 1000 }, { fetch: replayFetch(fixture, steps), maxRetries: 0 });
}

describe('devnet wallet fixture', () => {
  it('treats a jetton wallet nobody deployed as a zero balance', async () => {
    const rpc = rpcFor(['undeployed-jetton-wallet']);
    expect(await readJettonWallet(rpc, Address.parse(fixture.values.undeployed))).toEqual({ exists: false, balance: 0n, owner: null, minter: null });
  });

  it('finds the dev wallet transaction that consumed the signed external, by normalized hash', async () => {
    const rpc = rpcFor(['transfer']);
    const hash = normalizedHashFromBoc(boc);
    const tx = await waitForTransaction(rpc.client, devWallet, hash, { timeoutMs: 0 });
    expect(tx).not.toBeNull();
    // The wallet signed an external WITH init (its first transfer); the chain's copy matches after normalization.
    const signed = loadMessage(Cell.fromBase64(boc).beginParse());
    expect(normalizedMessageHash(tx!.inMessage!)).toBe(normalizedMessageHash(signed));
    const out = [...tx!.outMessages.values()];
    expect(out).toHaveLength(1);
    const info = out[0].info;
    expect(info.type).toBe('internal');
    if (info.type !== 'internal') return;
    expect(info.dest.equals(treasury)).toBe(true);
    expect(info.value.coins).toBe(BigInt(fixture.values.transferAmount));
  });

  it('tracks the transfer to confirmed, checking the destination tx and the balance effect', async () => {
    const rpc = rpcFor(['transfer']);
    const before = await rpc.client.getBalance(treasury);
    const statuses: string[] = [];
    const final = await trackTransaction({
      client: rpc.client,
      walletAddress: devWallet,
      send: async () => ({ boc }),
      pollMs: 1,
      timeoutMs: 0,
      effect: async () => (await rpc.client.getBalance(treasury)) > before,
      onStatus: (status) => statuses.push(status.status),
    });
    expect(statuses).toEqual(['waiting-wallet', 'sent', 'confirmed']);
    expect(final.status).toBe('confirmed');
  });

  it('pages transactions with lt + hash like toncenter', async () => {
    const rpc = rpcFor(['pages']);
    const [newest] = await rpc.client.getTransactions(devWallet, { limit: 1 });
    const older = await rpc.client.getTransactions(devWallet, { limit: 1, lt: newest.lt.toString(), hash: newest.hash().toString('base64') });
    expect(older).toHaveLength(1);
    expect(older[0].lt).toBeLessThan(newest.lt);
    expect(newest.prevTransactionLt).toBe(older[0].lt);
  });

  it('reads a get-method stack through the raw runGetMethod', async () => {
    const rpc = rpcFor(['seqno']);
    const result = await rpc.runGetMethod(devWallet, 'seqno');
    expect(result.exitCode).toBe(0);
    expect(new StackReader(result.stack).readNumber()).toBe(1); // one transfer sent since deploy
  });
});
