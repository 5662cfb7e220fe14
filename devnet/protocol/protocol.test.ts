// The whole protocol on a running devnet, seen only through what an app has: @ton/ton's TonClient and the
// spec's message layouts. Short rounds (8 s) and a short history keep it under a minute.
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createHash } from 'node:crypto';
import { Address, beginCell, internal, SendMode, toNano, type Cell } from '@ton/core';
import { TonClient, WalletContractV4 } from '@ton/ton';
import { keyPairFromSeed } from '@ton/crypto';
import { BURN_ATTACHED_VALUE, DEPOSIT_FEE } from '../../contracts/wrappers/fees';
import { burnBody, depositBody, type WithdrawMode } from '../../contracts/wrappers/messages';
import { Op } from '../../contracts/wrappers/opcodes';
import { DEVNET_MUTATION_HEADERS } from '../access';
import { memoryLogger } from '../logger';
import { startDevnet, type RunningDevnet } from '../server';
import { ProtocolEngine, type ProtocolState } from './engine';
import { createProtocolExtension, nextPhaseAt, PROTOCOL_EXTENSION_NAME } from './index';
import { DEFAULT_INSTANT_WITHDRAWAL_FEE } from './settings';

const ROUND_SECONDS = 8;
const stateDir = mkdtempSync(join(tmpdir(), 'lst-protocol-test-'));
const logger = memoryLogger();
let devnet: RunningDevnet;
let client: TonClient;
let pool: Address;
let minter: Address;

const keyPair = keyPairFromSeed(createHash('sha256').update('protocol-test-staker').digest());
const wallet = WalletContractV4.create({ workchain: 0, publicKey: keyPair.publicKey });

/** Nested tuple entries come back from TonClient as raw values, not TupleItems. */
function rawInt(item: unknown): bigint {
  if (typeof item === 'bigint') return item;
  if (item && typeof item === 'object' && 'value' in item) return (item as { value: bigint }).value;
  throw new Error(`not an integer: ${String(item)}`);
}

interface PoolView {
  /** By the getter's entry count (lst-interface.md §11.1). */
  version: 'v1' | 'v2';
  totalBalance: bigint;
  supply: bigint;
  /** v2: share of 2^24 kept from instant withdrawals (0 on v1). */
  instantWithdrawalFee: bigint;
  currentRoundId: number;
  jettonMinter: Address;
  withdrawalPayout: Address | null;
  requestedForWithdrawal: bigint;
}

async function readPool(address: Address = pool): Promise<PoolView> {
  const { stack } = await client.runMethod(address, 'get_pool_full_data');
  const version = stack.remaining === 34 ? 'v2' : stack.remaining === 30 ? 'v1' : undefined;
  if (!version) throw new Error(`get_pool_full_data of ${address} has ${stack.remaining} entries`);
  const v2 = version === 'v2';
  stack.skip(2);
  const totalBalance = stack.readBigNumber();
  stack.skip(3); // interest_rate, optimistic, deposits_open
  const instantWithdrawalFee = v2 ? stack.readBigNumber() : 0n; // v2 only, after deposits_open
  stack.skip(2); // saved validator set hash, previous round
  const current = stack.readTuple();
  current.pop(); // borrowers
  const currentRoundId = Number(rawInt(current.pop()));
  stack.skip(v2 ? 6 : 3); // v2: accrued_governance_fee, disbalance_tolerance, credit_start_prior_elections_end
  const jettonMinter = stack.readAddress();
  const supply = stack.readBigNumber();
  stack.skip(2);
  const withdrawalPayout = stack.readAddressOpt();
  const requestedForWithdrawal = stack.readBigNumber();
  return { version, totalBalance, supply, instantWithdrawalFee, currentRoundId, jettonMinter, withdrawalPayout, requestedForWithdrawal };
}

async function jettonWalletOf(owner: Address, jettonMinter: Address = minter): Promise<Address> {
  const { stack } = await client.runMethod(jettonMinter, 'get_wallet_address', [
    { type: 'slice', cell: beginCell().storeAddress(owner).endCell() },
  ]);
  return stack.readAddress();
}

async function jettonBalance(jettonWallet: Address): Promise<bigint> {
  if (!(await client.isContractDeployed(jettonWallet))) return 0n;
  const { stack } = await client.runMethod(jettonWallet, 'get_wallet_data');
  return stack.readBigNumber();
}

/** Signs and sends one message from the test wallet; resolves once the seqno moved (the devnet is synchronous). */
async function send(to: Address, value: bigint, body: Cell): Promise<void> {
  const opened = client.open(wallet);
  const seqno = await opened.getSeqno();
  await opened.sendTransfer({
    seqno,
    secretKey: keyPair.secretKey,
    sendMode: SendMode.PAY_GAS_SEPARATELY,
    messages: [internal({ to, value, body, bounce: true })],
  });
  await waitFor(async () => (await opened.getSeqno()) > seqno, 5_000);
}

async function waitFor(condition: () => Promise<boolean>, timeoutMs: number, pollMs = 250): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    if (await condition()) return;
    if (Date.now() > deadline) throw new Error(`condition not met within ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, pollMs));
  }
}

/** Ops of the internal messages the test wallet received, newest first. */
async function incomingOps(limit = 30): Promise<{ op: number; value: bigint; source: string }[]> {
  const transactions = await client.getTransactions(wallet.address, { limit });
  return transactions.flatMap((transaction) => {
    const message = transaction.inMessage;
    if (!message || message.info.type !== 'internal') return [];
    const body = message.body.beginParse();
    return [{ op: body.remainingBits >= 32 ? body.loadUint(32) : 0, value: message.info.value.coins, source: message.info.src.toString() }];
  });
}

async function waitForRotation(): Promise<void> {
  const round = (await readPool()).currentRoundId;
  await waitFor(async () => (await readPool()).currentRoundId > round, (ROUND_SECONDS + 6) * 1000, 100);
}

const rate = (view: PoolView) => Number(view.totalBalance) / Number(view.supply);

async function start(reset: boolean) {
  devnet = await startDevnet({
    port: 0,
    stateDir,
    reset,
    logger,
    saveDebounceMs: 100,
    extensions: [createProtocolExtension({ roundSeconds: ROUND_SECONDS, historyRounds: 2, stakers: 1, controllers: 2, seed: 'protocol-test' })],
  });
  client = new TonClient({ endpoint: `${devnet.url}/jsonRPC` });
}

async function devnetConfig(): Promise<Record<string, unknown>> {
  return (await (await fetch(`${devnet.url}/devnet/config`)).json()) as Record<string, unknown>;
}

beforeAll(async () => {
  await start(true);
  const config = await devnetConfig();
  pool = Address.parse(config.pool as string);
  minter = Address.parse(config.jettonMinter as string);
  const funded = await fetch(`${devnet.url}/devnet/faucet`, {
    method: 'POST',
    headers: { ...DEVNET_MUTATION_HEADERS },
    body: JSON.stringify({ address: wallet.address.toString(), amount: toNano('5000').toString() }),
  });
  expect(funded.status).toBe(200);
});

afterAll(async () => {
  await devnet?.close();
  rmSync(stateDir, { recursive: true, force: true });
});

describe('protocol on the devnet', () => {
  it('publishes the deployment in /devnet/config and has a history of rotated rounds', async () => {
    const config = (await (await fetch(`${devnet.url}/devnet/config`)).json()) as Record<string, unknown>;
    expect(config).toMatchObject({ roundSeconds: ROUND_SECONDS });
    expect((config.controllers as unknown[]).length).toBe(2);
    expect(Object.keys(config.roles as object).sort()).toEqual(['approver', 'governor', 'halter', 'interestManager']);
    expect(config.nextRoundAt as number).toBeGreaterThan(Math.floor(Date.now() / 1000) - ROUND_SECONDS);
    const view = await readPool();
    // Genesis rotation + one per history epoch (2) + the live one.
    expect(view.currentRoundId).toBeGreaterThanOrEqual(4);
    expect(config.currentRound).toBe(view.currentRoundId);
    // The pool's rate is above 1: the history's loans paid interest.
    expect(rate(view)).toBeGreaterThan(1);
    const { stack } = await client.runMethod(minter, 'get_jetton_data');
    stack.skip(3);
    const content = stack.readCell();
    expect(content.beginParse().loadUint(8)).toBe(0); // on-chain TEP-64 metadata
  });

  it('lists the main pool and a v1 side pool with its own jetton under pools; the bots turn the side pool\'s rounds too', async () => {
    const config = await devnetConfig();
    const pools = config.pools as { address: string; version: string; label: string }[];
    expect(pools).toHaveLength(2);
    // `pool` stays the main one, listed first in the same form
    expect(pools[0]).toMatchObject({ address: config.pool, label: 'Devnet pool' });
    expect(pools[1].label).not.toBe(pools[0].label);
    const main = await readPool();
    const side = Address.parse(pools[1].address);
    const sideView = await readPool(side);
    // versions as the getters tell them
    expect(pools[0].version).toBe(main.version);
    expect(pools[1].version).toBe(sideView.version);
    expect(sideView.version).toBe('v1');
    // the main pool is v2, its instant withdrawal fee the default DEVNET_INSTANT_WITHDRAWAL_FEE (0.25 % of 2^24)
    expect(main.version).toBe('v2');
    expect(main.instantWithdrawalFee).toBe(BigInt(DEFAULT_INSTANT_WITHDRAWAL_FEE));
    // its own minter, administered by the side pool
    expect(sideView.jettonMinter.equals(main.jettonMinter)).toBe(false);
    expect(main.jettonMinter.equals(Address.parse(config.jettonMinter as string))).toBe(true);
    const { stack } = await client.runMethod(sideView.jettonMinter, 'get_jetton_data');
    stack.skip(2);
    expect(stack.readAddress().equals(side)).toBe(true);
    // a deposit mints the side pool's jetton, not the main one's
    const mainWallet = await jettonWalletOf(wallet.address);
    const sideWallet = await jettonWalletOf(wallet.address, sideView.jettonMinter);
    const mainBefore = await jettonBalance(mainWallet);
    await send(side, toNano('100') + DEPOSIT_FEE, depositBody(9n));
    expect(await jettonBalance(sideWallet)).toBeGreaterThan(toNano('99'));
    expect(await jettonBalance(mainWallet)).toBe(mainBefore);
    // a round-end bill of the side pool: no loans, yet its rounds turn with the main pool's and the bill is paid
    const sideMinted = await jettonBalance(sideWallet);
    const roundEnd: WithdrawMode = { waitTillRoundEnd: true, fillOrKill: false };
    await send(sideWallet, BURN_ATTACHED_VALUE, burnBody({ amount: toNano('10'), responseAddress: wallet.address, mode: roundEnd, queryId: 10n }));
    expect(await jettonBalance(sideWallet)).toBe(sideMinted - toNano('10'));
    const billed = await readPool(side);
    expect(billed.requestedForWithdrawal).toBe(toNano('10'));
    const paidBefore = (await incomingOps(50)).filter((message) => message.op === Op.distributedAsset).length;
    await waitFor(async () => (await readPool(side)).currentRoundId > billed.currentRoundId, (ROUND_SECONDS + 6) * 1000, 200);
    await waitFor(async () => (await incomingOps(50)).filter((message) => message.op === Op.distributedAsset).length > paidBefore, 5_000);
    expect((await readPool(side)).requestedForWithdrawal).toBe(0n);
  });

  it('deposits TON and receives pTON, withdraws instantly and receives TON, then a round-end bill is paid at a higher rate', async () => {
    const jettonWallet = await jettonWalletOf(wallet.address);
    // Start right after a rotation, so the round-end request below is still pending when we look at it.
    await waitForRotation();
    const deposit = toNano('1000');
    const before = await readPool();
    await send(pool, deposit + DEPOSIT_FEE, depositBody(1n));
    const minted = await jettonBalance(jettonWallet);
    // Minted at the projected rate (≥ 1 TON per pTON): a bit less pTON than TON.
    expect(minted).toBeGreaterThan((deposit * 95n) / 100n);
    expect(minted).toBeLessThanOrEqual(deposit);
    expect(rate(before)).toBeGreaterThan(1);

    // Instant withdrawal of half: TON comes back now, with op withdrawal#0a77535c.
    const half = minted / 2n;
    const poolNow = await readPool();
    // spec §3.3, §11.3: the value at the current rate, less the v2 instant withdrawal fee the main pool charges
    const valueAtRate = (half * poolNow.totalBalance) / poolNow.supply;
    const instantFee = (valueAtRate * poolNow.instantWithdrawalFee) >> 24n;
    expect(poolNow.version).toBe('v2');
    expect(instantFee).toBeGreaterThan(0n);
    const tonBefore = await client.getBalance(wallet.address);
    const instant: WithdrawMode = { waitTillRoundEnd: false, fillOrKill: true };
    await send(jettonWallet, BURN_ATTACHED_VALUE, burnBody({ amount: half, responseAddress: wallet.address, mode: instant, queryId: 2n }));
    expect(await jettonBalance(jettonWallet)).toBe(minted - half);
    const withdrawal = (await incomingOps()).find((message) => message.op === Op.withdrawal);
    expect(withdrawal).toBeDefined();
    // it carries the net value plus what is left of the TON attached to the burn
    expect(withdrawal!.value).toBeGreaterThan(valueAtRate - instantFee);
    expect(withdrawal!.value).toBeLessThan(valueAtRate - instantFee + BURN_ATTACHED_VALUE);
    // Net of the burn's fees, the wallet gained the value of the pTON at the current rate less the instant fee.
    const tonAfter = await client.getBalance(wallet.address);
    expect(tonAfter - tonBefore).toBeLessThanOrEqual(valueAtRate - instantFee);
    expect(tonAfter - tonBefore).toBeGreaterThan(valueAtRate - instantFee - toNano('0.1'));

    // Round-end withdrawal of the rest: a bill now, TON at the next rotation.
    const rest = minted - half;
    const roundEnd: WithdrawMode = { waitTillRoundEnd: true, fillOrKill: false };
    await send(jettonWallet, BURN_ATTACHED_VALUE, burnBody({ amount: rest, responseAddress: wallet.address, mode: roundEnd, queryId: 3n }));
    expect(await jettonBalance(jettonWallet)).toBe(0n);
    const billed = await readPool();
    expect(billed.withdrawalPayout).not.toBeNull();
    expect(billed.requestedForWithdrawal).toBeGreaterThanOrEqual(rest);
    expect((await incomingOps()).some((message) => message.op === Op.ownershipAssigned)).toBe(true);

    // Wait for the next rotation (one round, plus tick slack) and the bill's payout.
    await waitFor(async () => (await readPool()).currentRoundId > billed.currentRoundId, (ROUND_SECONDS + 6) * 1000);
    await waitFor(async () => (await incomingOps()).some((message) => message.op === Op.distributedAsset), 5_000);
    const paid = (await incomingOps()).find((message) => message.op === Op.distributedAsset)!;
    // Paid at the round-end rate, which includes the finished round's interest: more TON than pTON burned.
    expect(paid.value).toBeGreaterThan(rest);
    const after = await readPool();
    expect(rate(after)).toBeGreaterThan(rate(billed));
  });

  it('keeps balances and a pending bill across a restart, and catches up the round missed while stopped', async () => {
    const jettonWallet = await jettonWalletOf(wallet.address);
    // Act right after a rotation so deposit and bill land in the same round.
    await waitForRotation();
    await send(pool, toNano('500') + DEPOSIT_FEE, depositBody(4n));
    const minted = await jettonBalance(jettonWallet);
    const roundEnd: WithdrawMode = { waitTillRoundEnd: true, fillOrKill: false };
    await send(jettonWallet, BURN_ATTACHED_VALUE, burnBody({ amount: minted, responseAddress: wallet.address, mode: roundEnd, queryId: 5n }));
    const billed = await readPool();
    expect(billed.withdrawalPayout).not.toBeNull();
    const seqno = await client.open(wallet).getSeqno();
    const paidBefore = (await incomingOps(50)).filter((message) => message.op === Op.distributedAsset).length;
    const { nextRoundAt } = await devnetConfig();
    await devnet.close();

    // Stay down past the next round switch.
    const downForMs = ((nextRoundAt as number) + 1) * 1000 - Date.now();
    await new Promise((resolve) => setTimeout(resolve, Math.max(0, downForMs)));
    await start(false);

    // Before any live tick: the missed switch was replayed during start-up, paying the bill.
    const after = await readPool();
    expect(after.currentRoundId).toBeGreaterThan(billed.currentRoundId);
    expect(await client.open(wallet).getSeqno()).toBe(seqno);
    const paid = (await incomingOps(50)).filter((message) => message.op === Op.distributedAsset);
    expect(paid.length).toBe(paidBefore + 1);
    expect(paid[0].value).toBeGreaterThan(minted);
    expect((await devnetConfig()).currentRound).toBeGreaterThanOrEqual(after.currentRoundId);
  });

  it('collapses the rounds skipped by a clock jump into one round that starts at once', async () => {
    const before = await readPool();
    const advanced = await fetch(`${devnet.url}/devnet/time/advance`, {
      method: 'POST',
      headers: { ...DEVNET_MUTATION_HEADERS },
      body: JSON.stringify({ seconds: ROUND_SECONDS * 5 }),
    });
    expect(advanced.status).toBe(200);
    await waitFor(async () => (await readPool()).currentRoundId > before.currentRoundId, 5_000, 100);
    // One switch, not five: the bots cannot replay the past once the chain moved on.
    expect((await readPool()).currentRoundId).toBe(before.currentRoundId + 1);
    const config = await devnetConfig();
    expect(config.nextRoundAt as number).toBeGreaterThan(config.now as number);
    expect(config.nextRoundAt as number).toBeLessThanOrEqual((config.now as number) + ROUND_SECONDS);
  });

  it('logs no failed bot operation', () => {
    const failures = logger.lines.filter((line) => line.includes('lst-protocol') && /^(warn|error)/.test(line));
    // The bots did run live rounds: one info line per switch.
    expect(logger.lines.some((line) => /lst-protocol.*epoch \d+: pool round \d+, rate 1\.\d+/.test(line))).toBe(true);
    expect(failures).toEqual([]);
  });

  it('after an infrastructure error keeps the failed phase due, saves no skipped schedule, and retries it', async () => {
    const savedState = () => devnet.chain.getExtensionState<ProtocolState>(PROTOCOL_EXTENSION_NAME)!;
    const before = await readPool();
    const failing = vi.spyOn(devnet.chain, 'exclusive').mockRejectedValue(new Error('emulator unavailable'));
    try {
      const failedLines = () => logger.lines.filter((line) => line.includes('bot phase failed'));
      await waitFor(async () => failedLines().length >= 1, (ROUND_SECONDS + 6) * 1000, 100);
      await new Promise((resolve) => setTimeout(resolve, 1500)); // a second attempt, still failing
      // The phase that failed is still due in the saved schedule: nothing jumped past it.
      const saved = savedState();
      expect(nextPhaseAt(new ProtocolEngine(saved, logger))).toBeLessThanOrEqual(devnet.chain.now());
      expect((await readPool()).currentRoundId).toBe(before.currentRoundId);
      expect(failedLines().at(-1)).toMatch(/retrying in \d+ s, schedule kept/);
    } finally {
      failing.mockRestore();
    }
    // Once the chain answers again, the retried phases run: the next switch rotates the pool.
    await waitFor(async () => (await readPool()).currentRoundId > before.currentRoundId, (ROUND_SECONDS * 2 + 6) * 1000, 200);
    expect(logger.lines.some((line) => line.includes('bot phases running again'))).toBe(true);
  });
});
