// Invariant fuzz: seeded random deposits, withdrawals in every mode, pTON transfers, donations, loans (fake
// controllers that repay with a random profit) and round ends, on the real minter/wallet/payout contracts.
// A model tracks every user's pTON and bills. After every operation: each step's effect matches the spec formulas,
// pool supply == minter supply + queued withdrawal jettons, and the pool's TON covers what it owes while its fee
// float moves only by known fee sources (no TON created or lost). After every round: the chain's pTON balances and
// bill books equal the model, and bills were paid in full at the round-end rate.
import { Address, Cell, toNano } from '@ton/core';
import { internal, SandboxContract, SendMessageResult, TreasuryContract } from '@ton/sandbox';
import { describe, expect, it } from 'vitest';
import { BURN_ATTACHED_VALUE, DEPOSIT_FEE } from '../wrappers/fees';
import { burnBody, depositBody } from '../wrappers/messages';
import { Op } from '../wrappers/opcodes';
import { donateBody, parseBorrowers, PoolFullData, POOL_MIN_STORAGE, POOL_SHARE_BASIS, setDepositSettingsBody } from '../wrappers/Pool';
import { PayoutCollection } from '../wrappers/PayoutCollection';
import { jettonTransferBody } from '../wrappers/PoolJettonWallet';
import { findTx } from './helpers/expect-tx';
import { FakeController, PoolEnv, poolLogs } from './helpers/pool-env';

const SEED = Number(process.env.POOL_FUZZ_SEED ?? 20261125);
const OPERATIONS = Number(process.env.POOL_FUZZ_OPERATIONS ?? 540);
const USERS = 20;
const ROUND_EVERY = 60; // → 9 round ends
const INTEREST_RATE = 1 << 14; // 1/1024 per round
const TON = toNano('1');

/** mulberry32: small, seedable, good enough to pick operations. */
function prng(seed: number) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function mulDivExtra(a: bigint, b: bigint, c: bigint): bigint {
  return b === c ? a : (a * b) / c;
}

describe('pool invariant fuzz', () => {
  it(`keeps every pTON and TON accounted for (seed ${SEED})`, { timeout: 600_000 }, async () => {
    const started = Date.now();
    const random = prng(SEED);
    const pick = <T>(items: T[]): T => items[Math.floor(random() * items.length)];
    const amount = (minTon: number, maxTon: number) => toNano((minTon + random() * (maxTon - minTon)).toFixed(3));

    const env = await PoolEnv.create({ interestRate: INTEREST_RATE, governanceFee: Number(POOL_SHARE_BASIS / 20n) });
    const users: SandboxContract<TreasuryContract>[] = [];
    for (let i = 0; i < USERS; i++) users.push(await env.user(`fuzz-user-${i}`));
    const controllers: FakeController[] = [];
    for (let i = 0; i < 3; i++) controllers.push(await env.installedFakeController(new Address(-1, Buffer.alloc(32, 0x40 + i)), i));
    const controllerByHash = new Map(controllers.map((c) => [BigInt('0x' + c.address.hash.toString('hex')), c]));

    // the model
    const pton = new Map(users.map((u) => [u, 0n]));
    let withdrawalBills: { owner: SandboxContract<TreasuryContract>; amount: bigint }[] = [];
    let depositBills: { owner: SandboxContract<TreasuryContract>; amount: bigint }[] = [];

    const counts: Record<string, number> = {};
    const count = (what: string) => (counts[what] = (counts[what] ?? 0) + 1);
    let roundsEnded = 0;
    let loanRequests = 0;
    /** TON sent to the pool that it keeps as fee float: touches and governance messages. */
    let keptByPool = 0n;

    const outstandingLoans = (d: PoolFullData) => {
      let sum = 0n;
      for (const round of [d.currentRound, d.prevRound]) for (const entry of parseBorrowers(round.borrowers).values()) sum += entry.borrowed;
      return sum;
    };
    /** TON the pool holds beyond what it owes stakers and pending deposits: must never dip below storage. */
    const feeFloat = async (d: PoolFullData) => (await env.balanceOf(env.pool.address)) + outstandingLoans(d) - d.totalBalance - d.requestedForDeposit;
    let current = await env.storage();
    const initialFloat = await feeFloat(current);

    /** Re-reads the pool and checks the per-operation invariants; returns the fresh data. */
    async function refresh(context: string): Promise<PoolFullData> {
      const d = await env.storage();
      const minterSupply = await env.minterSupply();
      expect(d.supply, `${context}: pool supply = minter supply + queued withdrawals`).toBe(minterSupply + d.requestedForWithdrawal);
      expect(d.halted, `${context}: pool halted`).toBe(false);
      const float = await feeFloat(d);
      expect(float, `${context}: pool keeps its storage reserve on top of what it owes`).toBeGreaterThan(POOL_MIN_STORAGE - TON / 2n);
      // the float only grows by finalize fees, the ~1 TON each loan request leaves behind and kept message values
      expect(float, `${context}: no TON appears from nowhere`).toBeLessThan(initialFloat + BigInt(roundsEnded + loanRequests) * TON + keptByPool + TON / 2n);
      current = d;
      return d;
    }

    async function checkRoundInvariants(context: string) {
      let modelTotal = 0n;
      for (const user of users) {
        expect(await env.jettonBalance(user.address), `${context}: pTON of ${users.indexOf(user)}`).toBe(pton.get(user));
        modelTotal += pton.get(user)!;
      }
      const minterSupply = await env.minterSupply();
      // payout collections keep at most rounding dust of the pTON they distributed
      expect(minterSupply - modelTotal, `${context}: pTON outside user wallets`).toBeGreaterThanOrEqual(0n);
      expect(minterSupply - modelTotal, `${context}: pTON outside user wallets`).toBeLessThan(BigInt(USERS * 10));
      // no rotation pending: the simulating getter agrees with storage
      const simulated = await env.pool.getPoolFullData();
      expect(simulated.totalBalance).toBe(current.totalBalance);
      expect(simulated.currentRound.roundId).toBe(current.currentRound.roundId);
    }

    async function checkBillBooks(context: string) {
      const sum = (bills: { amount: bigint }[]) => bills.reduce((a, b) => a + b.amount, 0n);
      expect(sum(withdrawalBills), `${context}: withdrawal bills = requested_for_withdrawal`).toBe(current.requestedForWithdrawal);
      expect(sum(depositBills), `${context}: deposit bills = requested_for_deposit`).toBe(current.requestedForDeposit);
      for (const [collection, bills] of [
        [current.withdrawalPayout, withdrawalBills],
        [current.depositPayout, depositBills],
      ] as const) {
        if (!collection) continue;
        const issued = await env.blockchain.openContract(PayoutCollection.createFromAddress(collection)).getIssuedBills();
        expect(issued.issuedBills, `${context}: collection issued bills`).toBe(sum(bills));
        expect(issued.billsCount, `${context}: collection bill count`).toBe(BigInt(bills.length));
      }
    }

    /**
     * Users send straight as internal messages (skipping the treasury's own transaction to keep the run fast):
     * the chain does not debit them for it, so what they paid is `value − what came back`.
     */
    async function sendAs(user: SandboxContract<TreasuryContract>, to: Address, value: bigint, body: Cell) {
      const before = await env.balanceOf(user.address);
      const result = await env.blockchain.sendMessage(internal({ from: user.address, to, value, body, bounce: true }));
      return { result, spent: value - ((await env.balanceOf(user.address)) - before) };
    }

    async function deposit(user: SandboxContract<TreasuryContract>) {
      const before = current;
      const value = amount(1, 400);
      const { spent } = await sendAs(user, env.pool.address, value + DEPOSIT_FEE, depositBody());
      expect(spent - value, 'deposit cost').toBeGreaterThan(0n);
      // a bill also keeps 0.09 TON (returned at payout) and may pay the 0.1 TON collection deploy
      expect(spent - value, 'deposit cost').toBeLessThan(before.optimistic ? toNano('0.1') : toNano('0.3'));
      const after = await refresh('deposit');
      if (before.optimistic) {
        count('deposit.optimistic');
        const minted = mulDivExtra(value, before.projectedSupply, before.projectedTotalBalance);
        expect(after.supply - before.supply, 'pTON minted at the projected rate').toBe(minted);
        expect(after.totalBalance - before.totalBalance).toBe(value);
        pton.set(user, pton.get(user)! + minted);
      } else {
        count('deposit.bill');
        expect(after.requestedForDeposit - before.requestedForDeposit).toBe(value);
        depositBills.push({ owner: user, amount: value });
      }
    }

    async function withdraw(user: SandboxContract<TreasuryContract>) {
      const balance = pton.get(user)!;
      if (balance === 0n) return deposit(user);
      const before = current;
      const burn = random() < 0.2 ? balance : (balance * BigInt(Math.floor(random() * 1000) + 1)) / 1000n;
      const mode = { waitTillRoundEnd: random() < 0.3, fillOrKill: random() < 0.3 };
      const burnMessage = burnBody({ amount: burn, responseAddress: user.address, mode });
      const { result, spent } = await sendAs(user, env.walletOf(user.address).address, BURN_ATTACHED_VALUE, burnMessage);
      const received = -spent;
      const after = await refresh('withdraw');
      if (findTx(result.transactions, { from: env.pool.address, to: user.address, op: Op.withdrawal })) {
        count('withdraw.immediate');
        expect(before.optimistic && !mode.waitTillRoundEnd, 'immediate only when allowed').toBe(true);
        const approx = (burn * before.totalBalance) / before.supply;
        expect(received, 'immediate payout').toBeLessThanOrEqual(approx);
        expect(received, 'immediate payout').toBeGreaterThan(approx - toNano('0.15'));
        expect(before.totalBalance - after.totalBalance).toBe(approx);
        expect(before.supply - after.supply).toBe(burn);
        pton.set(user, balance - burn);
      } else if (after.requestedForWithdrawal > before.requestedForWithdrawal) {
        count('withdraw.bill');
        expect(mode.fillOrKill, 'no bill for fill_or_kill').toBe(false);
        expect(after.requestedForWithdrawal - before.requestedForWithdrawal).toBe(burn);
        pton.set(user, balance - burn);
        withdrawalBills.push({ owner: user, amount: burn });
      } else {
        count('withdraw.reverted');
        expect(findTx(result.transactions, { from: env.pool.address, to: env.minter.address, op: Op.mint }), 're-mint').toBeDefined();
        expect(after.totalBalance).toBe(before.totalBalance);
        expect(received, 'a reverted withdrawal costs only fees').toBeGreaterThan(-toNano('0.2'));
      }
    }

    async function transfer(from: SandboxContract<TreasuryContract>, to: SandboxContract<TreasuryContract>) {
      const balance = pton.get(from)!;
      if (balance === 0n || from === to) return;
      count('transfer');
      const sent = (balance * BigInt(Math.floor(random() * 1000) + 1)) / 1000n;
      const body = jettonTransferBody({ jettonAmount: sent, to: to.address, responseAddress: from.address });
      await sendAs(from, env.walletOf(from.address).address, toNano('0.2'), body);
      pton.set(from, balance - sent);
      pton.set(to, pton.get(to)! + sent);
      await refresh('transfer');
    }

    async function borrow(controller: FakeController) {
      const before = current;
      const quote = await env.pool.getCalculateLoanAmount(TON, toNano('100000'), INTEREST_RATE);
      const result = await env.requestLoan(controller, { minLoan: TON, maxLoan: toNano('100000'), maxInterest: INTEREST_RATE });
      if (quote < 0n) {
        count('loan.refused');
        expect(findTx(result.transactions, { from: env.pool.address, op: Op.credit })).toBeUndefined();
        await refresh('loan refused');
        return;
      }
      count('loan');
      loanRequests += 1;
      const after = await refresh('loan');
      const loan = after.currentRound.borrowed - before.currentRound.borrowed;
      expect(loan + (loan * BigInt(INTEREST_RATE)) / POOL_SHARE_BASIS, 'loan matches calculate_loan_amount').toBe(quote);
    }

    async function donate(user: SandboxContract<TreasuryContract>) {
      count('donate');
      const before = current;
      const gift = amount(1, 5);
      const { spent } = await sendAs(user, env.pool.address, gift + DEPOSIT_FEE, donateBody());
      const after = await refresh('donate');
      expect(after.totalBalance - before.totalBalance, 'donation joins total_balance').toBe(gift);
      expect(spent - gift, 'donation fee mostly refunded').toBeLessThan(toNano('0.1'));
    }

    async function endRound() {
      const before = current;
      const owners = [...new Set([...withdrawalBills, ...depositBills].map((b) => b.owner))];
      const tonBefore = new Map<SandboxContract<TreasuryContract>, bigint>();
      for (const owner of owners) tonBefore.set(owner, await env.balanceOf(owner.address));

      env.advanceValidatorSet();
      const results: SendMessageResult[] = [];
      const borrowers = parseBorrowers(before.prevRound.borrowers);
      for (const [hash, entry] of borrowers) {
        const profit = (entry.borrowed * BigInt(Math.floor(random() * 200))) / 10_000n; // 0–2 %
        results.push(await env.repayLoan(controllerByHash.get(hash)!, entry.borrowed + entry.interest + profit));
        count('repayment');
      }
      if (borrowers.size === 0) {
        results.push(await env.touch());
        keptByPool += toNano('0.1');
      }
      roundsEnded += 1;
      const after = await refresh('round end');
      expect(after.currentRound.roundId, 'rotated').toBe(before.currentRound.roundId + 1);
      const completion = results.flatMap(poolLogs).find((l) => l.topic === 'roundCompletion');
      if (completion?.topic !== 'roundCompletion') throw new Error('round completion not logged');

      // withdrawal bills get requested · total_balance / supply at the post-profit rate, plus their 0.09 TON back
      let tonPaid = 0n;
      for (const owner of owners) tonPaid += (await env.balanceOf(owner.address)) - tonBefore.get(owner)!;
      const tonOwed = before.requestedForWithdrawal === 0n ? 0n : (before.requestedForWithdrawal * completion.totalBalance) / completion.supply;
      const bills = BigInt(withdrawalBills.length + depositBills.length);
      expect(tonPaid, 'withdrawal bills paid').toBeGreaterThanOrEqual(tonOwed);
      expect(tonPaid, 'withdrawal bills paid').toBeLessThan(tonOwed + toNano('0.1') * (bills + 1n));
      // deposit bills get requested · supply / total_balance in pTON (after the withdrawal payout), split pro rata
      const ptonMinted = after.supply - (before.supply - before.requestedForWithdrawal);
      let ptonPaid = 0n;
      const depositOwners = [...new Set(depositBills.map((b) => b.owner))];
      for (const owner of depositOwners) {
        const onChain = await env.jettonBalanceRaw(owner.address);
        ptonPaid += onChain - pton.get(owner)!;
        pton.set(owner, onChain);
      }
      for (const bill of depositBills) {
        const share = (bill.amount * ptonMinted) / before.requestedForDeposit;
        expect(share, 'each deposit bill paid its share').toBeGreaterThan(0n);
      }
      expect(ptonPaid, 'deposit bills paid in pTON').toBeLessThanOrEqual(ptonMinted);
      expect(ptonPaid, 'deposit bills paid in pTON').toBeGreaterThanOrEqual(ptonMinted - BigInt(depositBills.length));
      expect(after.requestedForDeposit).toBe(0n);
      expect(after.requestedForWithdrawal).toBe(0n);
      withdrawalBills = [];
      depositBills = [];

      if (random() < 0.35) {
        const optimistic = !after.optimistic;
        await env.pool.sendAdmin(env.governor.getSender(), setDepositSettingsBody(optimistic, true));
        keptByPool += toNano('0.1');
        count(optimistic ? 'mode.optimistic' : 'mode.pessimistic');
        await refresh('mode switch');
      }
    }

    for (let i = 0; i < OPERATIONS; i++) {
      if (i % ROUND_EVERY === ROUND_EVERY - 1) {
        await checkBillBooks(`before round end ${roundsEnded + 1}`);
        await endRound();
        await checkRoundInvariants(`after round ${roundsEnded}`);
        continue;
      }
      const r = random();
      if (r < 0.35) {
        await deposit(pick(users));
      } else if (r < 0.7) {
        await withdraw(pick(users));
      } else if (r < 0.85) {
        await transfer(pick(users), pick(users));
      } else if (r < 0.94) {
        await borrow(pick(controllers));
      } else if (r < 0.96) {
        await donate(pick(users));
      } else {
        count('touch');
        await env.touch();
        keptByPool += toNano('0.1');
        await refresh('touch');
      }
    }

    console.log(`fuzz seed ${SEED}: ${OPERATIONS} operations, ${roundsEnded} rounds in ${Date.now() - started} ms`, counts);
    expect(roundsEnded).toBeGreaterThanOrEqual(5);
    for (const kind of ['deposit.optimistic', 'deposit.bill', 'withdraw.immediate', 'withdraw.bill', 'withdraw.reverted', 'transfer', 'donate', 'loan', 'repayment']) {
      expect(counts[kind] ?? 0, `exercised ${kind}`).toBeGreaterThan(0);
    }
  });
});
