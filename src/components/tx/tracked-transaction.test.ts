import { Address } from '@ton/core';
import { TonClient } from '@ton/ton';
import { TonConnectError, UnknownError, UserRejectsError, WalletWrongNetworkError } from '@tonconnect/ui-react';
import { describe, expect, it, vi } from 'vitest';
import { hasFixture, loadFixture, replayFetch } from '../../ton/__fixtures__/fixture';
import { createTonRpcWith } from '../../ton/client';
import { networkPreset } from '../../ton/networks';
import { registerTonConnectErrors, walletErrorMayHaveSent, WalletTimeoutError } from './send-errors';
import { runTrackedTransaction, type TrackedUpdate } from './tracked-transaction';

// What app/ton-connect-runtime.tsx does once TON Connect's chunk has loaded.
registerTonConnectErrors({ TonConnectError, UserRejectsError, WalletWrongNetworkError });

const someWallet = Address.parse('0:' + '44'.repeat(32));

describe('runTrackedTransaction without a chain', () => {
  it('a declined request stops at the wallet: nothing is looked up on-chain', async () => {
    const getTransactions = vi.fn();
    const updates: TrackedUpdate[] = [];
    await expect(
      runTrackedTransaction({
        client: { getTransactions, tryLocateResultTx: vi.fn() },
        walletAddress: someWallet,
        send: () => Promise.reject(new UserRejectsError()),
        validUntil: Math.floor(Date.now() / 1000) + 300,
        target: 'pool',
        checkEffect: vi.fn(),
        onUpdate: (update) => updates.push(update),
      }),
    ).rejects.toBeInstanceOf(UserRejectsError);
    expect(updates.map((update) => update.phase)).toEqual(['waiting-wallet']);
    expect(getTransactions).not.toHaveBeenCalled();
  });

  it('a wallet that never answers times out once validUntil has passed', async () => {
    vi.useFakeTimers();
    try {
      const run = runTrackedTransaction({
        client: { getTransactions: vi.fn(), tryLocateResultTx: vi.fn() },
        walletAddress: someWallet,
        send: () => new Promise<string>(() => {}),
        validUntil: Math.floor(Date.now() / 1000) + 60,
        target: 'pool',
        checkEffect: vi.fn(),
        onUpdate: () => {},
      });
      const settled = expect(run).rejects.toBeInstanceOf(WalletTimeoutError);
      await vi.advanceTimersByTimeAsync(66_000);
      await settled;
    } finally {
      vi.useRealTimers();
    }
  });
});

// Real wallet transactions recorded from the devnet pool (src/ton/__fixtures__/devnet-pool.json).
describe.skipIf(!hasFixture('devnet-pool'))('runTrackedTransaction on recorded devnet deposits', () => {
  const fixture = hasFixture('devnet-pool') ? loadFixture('devnet-pool') : null;
  const clientFor = (step: string) => {
    const network = { ...networkPreset('devnet', fixture!.devnetUrl), maxRps: 1000 };
    return createTonRpcWith(TonClient, network, { fetch: replayFetch(fixture!, [step]), maxRetries: 0 }).client;
  };
  const wallet = () => Address.parse(fixture!.values.devWallet);

  it('goes waiting-wallet → sent → confirmed once the effect shows, and names the wallet transaction', async () => {
    const updates: TrackedUpdate[] = [];
    let checks = 0;
    const final = await runTrackedTransaction({
      client: clientFor('deposit'),
      walletAddress: wallet(),
      send: async () => fixture!.values['deposit.boc'],
      validUntil: Math.floor(Date.now() / 1000) + 300,
      target: 'pool',
      // the effect needs two polls to show up
      checkEffect: async () => (++checks < 2 ? { status: 'pending' } : { status: 'confirmed', message: 'Staked.' }),
      onUpdate: (update) => updates.push(update),
      pollMs: 1,
    });
    expect(updates.map((update) => update.phase)).toEqual(['waiting-wallet', 'sent', 'sent', 'confirmed']);
    expect(final).toMatchObject({ phase: 'confirmed', message: 'Staked.' });
    expect(final.transactionHash).toMatch(/^[0-9a-f]{64}$/);
    expect(final.normalizedHash).toBe(updates[1].normalizedHash);
  });

  it('a deposit the pool bounced fails with the pool reason, and the effect is never awaited', async () => {
    const checkEffect = vi.fn();
    const final = await runTrackedTransaction({
      client: clientFor('failed-deposit'),
      walletAddress: wallet(),
      send: async () => fixture!.values['failed-deposit.boc'],
      validUntil: Math.floor(Date.now() / 1000) + 300,
      target: 'pool',
      checkEffect,
      onUpdate: () => {},
      pollMs: 1,
    });
    expect(final).toMatchObject({ phase: 'failed', retry: 'resend', message: expect.stringMatching(/1 TON deposit fee/) });
    expect(checkEffect).not.toHaveBeenCalled();
  });

  it('resuming by hash does not ask the wallet again', async () => {
    const { normalizedHashFromBoc } = await import('../../ton/tracking');
    const final = await runTrackedTransaction({
      client: clientFor('deposit'),
      walletAddress: wallet(),
      normalizedHash: normalizedHashFromBoc(fixture!.values['deposit.boc']),
      validUntil: Math.floor(Date.now() / 1000) + 300,
      target: 'pool',
      checkEffect: async () => ({ status: 'confirmed', message: 'ok' }),
      onUpdate: () => {},
      pollMs: 1,
    });
    expect(final.phase).toBe('confirmed');
  });

  // Regression (issue 12 item 6): a reload while the wallet was asked lost the request for good.
  it('a request whose wallet answer was lost is found by the body it sent, and gets its normalized hash back', async () => {
    const { normalizedHashFromBoc, waitForTransaction } = await import('../../ton/tracking');
    const normalizedHash = normalizedHashFromBoc(fixture!.values['deposit.boc']);
    const walletTx = (await waitForTransaction(clientFor('deposit'), wallet(), normalizedHash, { timeoutMs: 0 }))!;
    const [deposit] = [...walletTx.outMessages.values()];
    const final = await runTrackedTransaction({
      client: clientFor('deposit'),
      walletAddress: wallet(),
      sentBodyHash: deposit.body.hash().toString('hex'),
      validUntil: Math.floor(Date.now() / 1000) + 300,
      target: 'pool',
      checkEffect: async () => ({ status: 'confirmed', message: 'ok' }),
      onUpdate: () => {},
      pollMs: 1,
    });
    expect(final).toMatchObject({ phase: 'confirmed', normalizedHash, transactionHash: walletTx.hash().toString('hex') });
  });

  /** The recorded deposit's body hash, read back from the wallet transaction the fixture holds. */
  async function depositBodyHash(): Promise<string> {
    const { normalizedHashFromBoc, waitForTransaction } = await import('../../ton/tracking');
    const walletTx = (await waitForTransaction(clientFor('deposit'), wallet(), normalizedHashFromBoc(fixture!.values['deposit.boc']), { timeoutMs: 0 }))!;
    const [deposit] = [...walletTx.outMessages.values()];
    return deposit.body.hash().toString('hex');
  }

  // Issue 14: a wallet that reports a failure after broadcasting made the app say "nothing was sent".
  it('a wallet that says "failed" although its transaction landed: found on chain by its body, then confirmed', async () => {
    const { normalizedHashFromBoc } = await import('../../ton/tracking');
    const updates: TrackedUpdate[] = [];
    const final = await runTrackedTransaction({
      client: clientFor('deposit'),
      walletAddress: wallet(),
      send: () => Promise.reject(new UnknownError('The wallet lost its connection while sending')),
      sentBodyHash: await depositBodyHash(),
      mayHaveSent: walletErrorMayHaveSent,
      validUntil: Math.floor(Date.now() / 1000) + 300,
      target: 'pool',
      checkEffect: async () => ({ status: 'confirmed', message: 'Staked.' }),
      onUpdate: (update) => updates.push(update),
      pollMs: 1,
    });
    expect(final).toMatchObject({ phase: 'confirmed', message: 'Staked.', normalizedHash: normalizedHashFromBoc(fixture!.values['deposit.boc']) });
    expect(updates[1]).toMatchObject({ phase: 'sent', message: expect.stringMatching(/reported an error/) });
  });

  it('a wallet error whose body is not on chain stays that error; a user rejection is never looked up', async () => {
    const walletError = new UnknownError('failed');
    await expect(
      runTrackedTransaction({
        client: clientFor('deposit'),
        walletAddress: wallet(),
        send: () => Promise.reject(walletError),
        sentBodyHash: 'ab'.repeat(32),
        mayHaveSent: walletErrorMayHaveSent,
        walletErrorCheckMs: 0,
        validUntil: Math.floor(Date.now() / 1000) + 300,
        target: 'pool',
        checkEffect: vi.fn(),
        onUpdate: () => {},
        pollMs: 1,
      }),
    ).rejects.toBe(walletError);
    const getTransactions = vi.fn();
    await expect(
      runTrackedTransaction({
        client: { getTransactions, tryLocateResultTx: vi.fn() },
        walletAddress: wallet(),
        send: () => Promise.reject(new UserRejectsError()),
        sentBodyHash: await depositBodyHash(),
        mayHaveSent: walletErrorMayHaveSent,
        validUntil: Math.floor(Date.now() / 1000) + 300,
        target: 'pool',
        checkEffect: vi.fn(),
        onUpdate: () => {},
      }),
    ).rejects.toBeInstanceOf(UserRejectsError);
    expect(getTransactions).not.toHaveBeenCalled();
  });
});

describe('runTrackedTransaction resuming a lost wallet answer', () => {
  it('expires with "nothing was sent" when no wallet transaction sent that body before validUntil', async () => {
    const getTransactions = vi.fn(async () => []);
    const final = await runTrackedTransaction({
      client: { getTransactions, tryLocateResultTx: vi.fn() },
      walletAddress: someWallet,
      sentBodyHash: '00'.repeat(32),
      validUntil: Math.floor(Date.now() / 1000) - 60,
      target: 'pool',
      checkEffect: vi.fn(),
      onUpdate: () => {},
      pollMs: 1,
    });
    expect(final).toMatchObject({ phase: 'expired', retry: 'resend', message: expect.stringMatching(/Nothing was sent/) });
    expect(getTransactions).toHaveBeenCalled();
  });
});
