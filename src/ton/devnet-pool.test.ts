// The pool readers and math on answers recorded from the real contracts on the devnet
// (scripts/capture-fixtures.ts): a rejected deposit → 25 TON deposit → round-end withdrawal of half the pTON
// (a bill) → instant fill-or-kill withdrawal of the rest. Two recordings: "devnet-pool" (a freshly deployed pool)
// and "devnet-pool-live" (`npm run devnet`: 30 rounds of history, live loans). Each is skipped until captured.
import { Address, Cell } from '@ton/core';
import { TonClient } from '@ton/ton';
import { describe, expect, it } from 'vitest';
import { PoolError } from '../../contracts/wrappers/errors';
import { DEPOSIT_FEE } from '../../contracts/wrappers/fees';
import { hasFixture, loadFixture, replayFetch } from './__fixtures__/fixture';
import { billExpectedPayout, checkPoolBill, readBillAddress } from './bills';
import { createTonRpcWith } from './client';
import { fetchDevnetConfig, resolvePoolAddress } from './devnet-config';
import { jettonWalletAddress, readJettonData, readJettonWallet, resolveJettonMetadata } from './jetton';
import { networkPreset } from './networks';
import {
  currentRate,
  expectedPtonForDeposit,
  expectedTonForWithdraw,
  expectedTonForWithdrawalBill,
  predictWithdrawRoute,
  projectedRate,
  projectTotalBalance,
  readPoolFullData,
  roundLoans,
} from './pool';
import { trackTransaction, waitForTransaction, normalizedHashFromBoc } from './tracking';
import { buildDepositRequest } from './tx';

for (const scenario of ['devnet-pool', 'devnet-pool-live']) describe.skipIf(!hasFixture(scenario))(scenario, () => {
  const fixture = loadFixture(scenario);
  const pool = Address.parse(fixture.values.pool);
  const devWallet = Address.parse(fixture.values.devWallet);
  const recordedJettonWallet = Address.parse(fixture.values.jettonWallet);
  const depositAmount = BigInt(fixture.values.depositAmount);
  const burnAmount = BigInt(fixture.values.burnAmount);
  const instantBurnAmount = BigInt(fixture.values.instantBurnAmount);
  const network = { ...networkPreset('devnet', fixture.devnetUrl), maxRps: 1000 };
  const rpcFor = (step: string) => createTonRpcWith(TonClient, network, { fetch: replayFetch(fixture, [step]), maxRetries: 0 });

  async function state(step: string) {
    const rpc = rpcFor(step);
    const data = await readPoolFullData(rpc, pool);
    const wallet = await readJettonWallet(rpc, recordedJettonWallet);
    return { rpc, data, wallet };
  }

  it('parses all 30 entries of get_pool_full_data (and _raw) from the real pool', async () => {
    const rpc = rpcFor('before');
    const data = await readPoolFullData(rpc, pool);
    const raw = await readPoolFullData(rpc, pool, { raw: true });
    expect(data).toMatchObject({ state: 0, halted: false, optimistic: true, depositsOpen: true, depositPayout: null, withdrawalPayout: null });
    expect(data.currentRound.roundId).toBe(data.prevRound.roundId + 1);
    expect(data.totalBalance).toBeGreaterThan(0n);
    // each round's borrowers dict adds up to its totals (an empty dict is a TVM null inside the tuple)
    for (const round of [data.prevRound, data.currentRound]) {
      const loans = roundLoans(round);
      expect(round.borrowers === null).toBe(loans.length === 0);
      expect(loans.reduce((sum, loan) => sum + loan.borrowed, 0n)).toBe(round.borrowed);
      expect(loans.reduce((sum, loan) => sum + loan.borrowed + loan.interest, 0n)).toBe(round.expected);
      for (const loan of loans) expect(loan.controller.workChain).toBe(-1);
    }
    expect(raw.totalBalance).toBe(data.totalBalance);
    // the wallet code the pool hands out is the library cell (exotic), as in production
    expect(data.poolJettonWalletCode.isExotic).toBe(true);
    // the getter's projection is §2.3 applied to the previous round
    expect(data.projectedTotalBalance).toBe(projectTotalBalance(data));
    expect(data.projectedSupply).toBe(data.supply);
  });

  it('computes the pTON wallet locally from the pool data, equal to the minter answer', async () => {
    const rpc = rpcFor('before');
    const data = await readPoolFullData(rpc, pool);
    const local = jettonWalletAddress({ owner: devWallet, minter: data.jettonMinter, walletCode: data.poolJettonWalletCode });
    expect(local.equals(recordedJettonWallet)).toBe(true);
    const minter = await readJettonData(rpc, data.jettonMinter);
    expect(minter.admin?.equals(pool)).toBe(true);
    expect(minter.walletCode.hash().equals(data.poolJettonWalletCode.hash())).toBe(true);
    expect(await resolveJettonMetadata(minter.content, { fallbackSymbol: 'fallback' })).toMatchObject({ symbol: 'pTON', decimals: 9 });
    // nobody sent pTON to the dev wallet yet
    expect(await readJettonWallet(rpc, recordedJettonWallet)).toMatchObject({ exists: false, balance: 0n });
  });

  it('predicts the optimistic deposit exactly: minted pTON, total_balance and supply', async () => {
    const before = (await state('before')).data;
    const after = await state('after-deposit');
    const quote = expectedPtonForDeposit(before, depositAmount);
    expect(quote.ok).toBe(true);
    if (!quote.ok) return;
    expect(quote.kind).toBe('jettons');
    expect(after.wallet.balance).toBe(quote.pton);
    expect(after.wallet.owner?.equals(devWallet)).toBe(true);
    expect(after.data.totalBalance).toBe(before.totalBalance + depositAmount);
    expect(after.data.supply).toBe(before.supply + quote.pton);
    // minted at the projected rate: above the current one when the finishing round earns more than the 1 TON
    // finalize fee (live pool), below it on an idle pool
    const sign = (value: bigint) => (value > 0n ? 1 : value < 0n ? -1 : 0);
    expect(sign(projectedRate(before) - currentRate(before))).toBe(sign(before.projectedTotalBalance - before.totalBalance));
  });

  it('the deposit the wallet sent is byte-for-byte the request builder output, and tracks to confirmed', async () => {
    const rpc = rpcFor('deposit');
    const boc = fixture.values['deposit.boc'];
    const tx = await waitForTransaction(rpc.client, devWallet, normalizedHashFromBoc(boc), { timeoutMs: 0 });
    const [out] = [...tx!.outMessages.values()];
    if (out.info.type !== 'internal') throw new Error('expected an internal message');
    expect(out.info.dest.equals(pool)).toBe(true);
    expect(out.info.value.coins).toBe(depositAmount + DEPOSIT_FEE);
    expect(out.info.bounce).toBe(true);
    // Every request draws a random query_id (tx.ts newQueryId): build with the one this recording carries.
    const queryId = out.body.beginParse().skip(32).loadUintBig(64);
    const request = buildDepositRequest({ network, pool, amount: depositAmount, from: devWallet, now: 0, queryId });
    expect(out.body.equals(Cell.fromBase64(request.messages[0].payload!))).toBe(true);

    const final = await trackTransaction({
      client: rpcFor('deposit').client,
      walletAddress: devWallet,
      send: async () => ({ boc }),
      timeoutMs: 0,
      pollMs: 1,
      target: 'pool',
      effect: async () => (await readJettonWallet(rpc, recordedJettonWallet)).balance > 0n,
    });
    expect(final.status).toBe('confirmed');
  });

  it('reports a deposit the pool rejected (0.5 TON < 1 TON fee) as failed, with the reason', async () => {
    const final = await trackTransaction({
      client: rpcFor('failed-deposit').client,
      walletAddress: devWallet,
      send: async () => ({ boc: fixture.values['failed-deposit.boc'] }),
      timeoutMs: 0,
      pollMs: 1,
      target: 'pool',
    });
    expect(final).toMatchObject({ status: 'failed', exitCode: PoolError.depositAmountTooLow, reason: expect.stringMatching(/1 TON deposit fee/) });
  });

  it('finds the pool through GET /devnet/config', async () => {
    const served = fixture.values.devnetConfig;
    const fetchConfig = (async () => new Response(served, { status: 200 })) as typeof fetch;
    expect((await resolvePoolAddress(networkPreset('devnet', fixture.devnetUrl), fetchConfig))?.equals(pool)).toBe(true);
    expect((await fetchDevnetConfig(fixture.devnetUrl, fetchConfig)).devWallet?.equals(devWallet)).toBe(true);
    // a configured address wins and needs no request
    const configured = { ...networkPreset('mainnet'), poolAddress: pool.toString() };
    expect((await resolvePoolAddress(configured, () => Promise.reject(new Error('no request expected'))))?.equals(pool)).toBe(true);
    expect(await resolvePoolAddress(networkPreset('mainnet'))).toBeNull();
  });

  it('a wait-till-round-end burn becomes a withdrawal bill that checkPoolBill recognises as one of the pool\'s', async () => {
    const afterDeposit = await state('after-deposit');
    const poolBalance = await afterDeposit.rpc.client.getBalance(pool);
    expect(predictWithdrawRoute(afterDeposit.data, poolBalance, burnAmount, { waitTillRoundEnd: true, fillOrKill: false })).toBe('bill');

    const after = await state('after-withdraw');
    expect(after.wallet.balance).toBe(afterDeposit.wallet.balance - burnAmount);
    expect(after.data.requestedForWithdrawal).toBe(burnAmount);
    expect(after.data.totalBalance).toBe(afterDeposit.data.totalBalance); // nothing paid yet
    expect(after.data.withdrawalPayout).not.toBeNull();

    const item = await readBillAddress(after.rpc, after.data.withdrawalPayout!, 0n);
    const check = await checkPoolBill(after.rpc, after.data, item);
    if (check.status !== 'bill') throw new Error(`expected a bill, got ${check.status}`);
    const { bill } = check;
    expect(bill).toMatchObject({ kind: 'withdrawal', index: 0n, amount: burnAmount });
    expect(bill.owner.equals(devWallet)).toBe(true);
    expect(bill.address.equals(item)).toBe(true);
    expect(bill.collection.equals(after.data.withdrawalPayout!)).toBe(true);
    expect(billExpectedPayout(after.data, bill)).toBe(expectedTonForWithdrawalBill(after.data, burnAmount));
    // the same live item, checked against a pool whose collections are others (another pool, or the simulated
    // rotation's empty ones): not one of that pool's bills
    const elsewhere = await checkPoolBill(rpcFor('after-withdraw'), { depositPayout: null, withdrawalPayout: null }, item);
    expect(elsewhere.status).toBe('foreign');
    expect(elsewhere.status === 'foreign' && elsewhere.collection?.equals(bill.collection)).toBe(true);
  });

  it('an instant fill-or-kill burn pays floor(pton · total_balance / supply) at once', async () => {
    const before = await state('after-withdraw');
    const poolBalance = await before.rpc.client.getBalance(pool);
    expect(instantBurnAmount).toBe(before.wallet.balance);
    expect(predictWithdrawRoute(before.data, poolBalance, instantBurnAmount, { waitTillRoundEnd: false, fillOrKill: true })).toBe('instant');

    const after = await state('after-instant');
    expect(after.wallet.balance).toBe(0n);
    expect(after.data.supply).toBe(before.data.supply - instantBurnAmount);
    expect(after.data.totalBalance).toBe(before.data.totalBalance - expectedTonForWithdraw(before.data, instantBurnAmount));
  });
});
