// Invariant fuzz: seeded random deposits, withdrawals in every mode, pTON transfers, donations, loans (fake
// controllers that repay with a random profit or a loss), deposit-settings changes, bank runs, halting rotations and
// the governor's rescue, on the real minter/wallet/payout contracts. Each seed starts from fresh pools, so the
// supply-0 / total_balance-0 states of a new pool (and donations into them) are part of every run.
//
// The model is the spec (shared/protocol/lst-interface.md), computed on its own: it never reads the pool's storage
// to predict a result. Chain facts the spec's formulas take as input (the pool's TON balance, the storage fee of the
// transaction) come from the account and the transaction. After every operation the pool's storage must equal the
// model; after every round the users' pTON and the bills' payouts must equal it too.
import { Address, Cell, toNano } from '@ton/core';
import { BlockchainTransaction, internal, SandboxContract, SendMessageResult, TreasuryContract } from '@ton/sandbox';
import { describe, expect, it } from 'vitest';
import { BURN_ATTACHED_VALUE, DEPOSIT_FEE } from '../wrappers/fees';
import { burnBody, depositBody, touchBody } from '../wrappers/messages';
import { Op } from '../wrappers/opcodes';
import { donateBody, PoolStorageData, POOL_MIN_STORAGE, POOL_SHARE_BASIS, setDepositSettingsBody, unhaltBody } from '../wrappers/Pool';
import { PayoutCollection } from '../wrappers/PayoutCollection';
import { jettonTransferBody } from '../wrappers/PoolJettonWallet';
import { findTx } from './helpers/expect-tx';
import { FakeController, PoolEnv } from './helpers/pool-env';

const SEED = Number(process.env.POOL_FUZZ_SEED ?? 20261125);
const POOLS = Number(process.env.POOL_FUZZ_POOLS ?? 3);
const OPERATIONS_PER_POOL = Number(process.env.POOL_FUZZ_OPERATIONS ?? 180);
const USERS = 12;
const CONTROLLERS = 3;
const ROUND_EVERY = 30; // → 6 round ends per pool
const INTEREST_RATE = 1 << 14; // 1/1024 per round
const GOVERNANCE_FEE = Number(POOL_SHARE_BASIS / 20n); // 5 %
const MIN_LOAN = toNano('1');
const POOL_MAX_LOAN = toNano('1000000');
const REQUEST_MAX_LOAN = toNano('100000');
const TON = toNano('1');
const INSTANT_FEE_QUARTER_PERCENT = 41943n; // 0.25 % of 2^24

// spec constants (§2–§5)
const FINALIZE_ROUND_FEE = TON;
const SERVICE_NOTIFICATION = toNano('0.02');
const WITHDRAWAL_PAYOUT_EXTRA = toNano('0.1');
const MIN_TONS_FOR_STORAGE = toNano('10');
const LENDABLE_NUMERATOR = 256n + 30n;
const LENDABLE_DENOMINATOR = 512n;

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

class DivisionByZero extends Error {}

/** floor(a·b/c) toward −∞, like TVM's MULDIV. */
function mulDivFloor(a: bigint, b: bigint, c: bigint): bigint {
  if (c === 0n) throw new DivisionByZero();
  const n = a * b;
  const q = n / c;
  return (n % c !== 0n && (n < 0n) !== (c < 0n)) ? q - 1n : q;
}

/** muldiv_extra (spec §2.2): a unchanged when b == c, else floor(a·b/c). */
function mulDivExtra(a: bigint, b: bigint, c: bigint): bigint {
  return b === c ? a : mulDivFloor(a, b, c);
}

const max = (a: bigint, b: bigint) => (a > b ? a : b);
const min = (a: bigint, b: bigint) => (a < b ? a : b);

interface ModelLoan {
  borrowed: bigint;
  interest: bigint;
}

interface ModelRound {
  roundId: number;
  loans: Map<bigint, ModelLoan>;
  borrowed: bigint;
  expected: bigint;
  returned: bigint;
  profit: bigint;
}

const emptyRound = (roundId: number): ModelRound => ({ roundId, loans: new Map(), borrowed: 0n, expected: 0n, returned: 0n, profit: 0n });

type User = SandboxContract<TreasuryContract>;

interface Bill {
  owner: User;
  amount: bigint;
}

/** The pool as the spec describes it, with what each user holds. */
interface Model {
  totalBalance: bigint;
  supply: bigint;
  /** v2 (spec §11.3): share of 2^24 kept from instant withdrawals, and what was kept since the last payout. */
  instantWithdrawalFee: bigint;
  accruedGovernanceFee: bigint;
  requestedForDeposit: bigint;
  requestedForWithdrawal: bigint;
  optimistic: boolean;
  depositsOpen: boolean;
  halted: boolean;
  current: ModelRound;
  prev: ModelRound;
  pton: Map<User, bigint>;
  withdrawalBills: Bill[];
  depositBills: Bill[];
}

/** Projected (total_balance, supply), spec §2.3. */
function projected(m: Model): [bigint, bigint] {
  const expectedProfit = m.prev.expected - m.prev.borrowed - FINALIZE_ROUND_FEE;
  const fee = max(mulDivFloor(BigInt(GOVERNANCE_FEE), expectedProfit, POOL_SHARE_BASIS), 0n);
  return [max(m.totalBalance + expectedProfit - fee, 0n), m.supply];
}

/** The first transaction of this result on `pool`, with the chain facts the model needs. */
function poolTx(result: SendMessageResult, pool: Address): { tx: BlockchainTransaction; success: boolean; exitCode: number; storageFee: bigint } {
  const tx = result.transactions.find((t) => {
    const dest = t.inMessage?.info.dest;
    return dest instanceof Address && dest.equals(pool);
  });
  if (!tx) throw new Error('no pool transaction');
  const d = tx.description;
  if (d.type !== 'generic') throw new Error('unexpected transaction type');
  const storageFee = d.storagePhase?.storageFeesCollected ?? 0n;
  if (d.computePhase.type !== 'vm') return { tx, success: false, exitCode: -1, storageFee };
  const success = d.computePhase.success && !d.aborted;
  return { tx, success, exitCode: d.computePhase.exitCode, storageFee };
}

describe('pool invariant fuzz', () => {
  it(`keeps every pTON and TON accounted for, as the spec computes it (seed ${SEED})`, { timeout: 600_000 }, async () => {
    const started = Date.now();
    const random = prng(SEED);
    const chance = (p: number) => random() < p;
    const pick = <T>(items: T[]): T => items[Math.floor(random() * items.length)];
    const amount = (minTon: number, maxTon: number) => toNano((minTon + random() * (maxTon - minTon)).toFixed(3));
    const counts: Record<string, number> = {};
    const count = (what: string) => (counts[what] = (counts[what] ?? 0) + 1);
    let roundsEnded = 0;

    for (let poolIndex = 0; poolIndex < POOLS; poolIndex++) {
      // pool 0 starts optimistic, the others pessimistic: the supply-0 launch is exercised in both modes.
      // Pool 1 is the v1 build; the v2 pools charge an instant withdrawal fee that changes with the settings.
      const startOptimistic = poolIndex % 2 === 0;
      const poolVersion = poolIndex === 1 ? 'v1' : 'v2';
      const feeChoices = poolVersion === 'v2' ? [0n, INSTANT_FEE_QUARTER_PERCENT, 2n * INSTANT_FEE_QUARTER_PERCENT] : [0n];
      const startFee = feeChoices[feeChoices.length - 1 - (poolIndex % feeChoices.length)];
      const env = await PoolEnv.create({
        poolVersion,
        instantWithdrawalFee: Number(startFee),
        interestRate: INTEREST_RATE,
        governanceFee: GOVERNANCE_FEE,
        optimistic: startOptimistic,
        minLoan: MIN_LOAN,
        maxLoan: POOL_MAX_LOAN,
      });
      const pool = env.pool.address;
      const users: User[] = [];
      for (let i = 0; i < USERS; i++) users.push(await env.user(`fuzz-${poolIndex}-user-${i}`));
      const donor = await env.user(`fuzz-${poolIndex}-donor`);
      const controllers: FakeController[] = [];
      for (let i = 0; i < CONTROLLERS; i++) controllers.push(await env.installedFakeController(new Address(-1, Buffer.alloc(32, 0x40 + i)), i));
      const controllerByHash = new Map(controllers.map((c) => [BigInt('0x' + c.address.hash.toString('hex')), c]));

      // A fresh pool: its deploy touch rotated the empty round 0 into round 1 (spec §5.1), nothing else happened.
      const m: Model = {
        totalBalance: 0n,
        supply: 0n,
        instantWithdrawalFee: startFee,
        accruedGovernanceFee: 0n,
        requestedForDeposit: 0n,
        requestedForWithdrawal: 0n,
        optimistic: startOptimistic,
        depositsOpen: true,
        halted: false,
        current: emptyRound(1),
        prev: emptyRound(0),
        pton: new Map(users.map((u) => [u, 0n])),
        withdrawalBills: [],
        depositBills: [],
      };
      /** TON sent to the pool that it keeps as fee float: touches, governance messages, rescue top-ups. */
      let keptByPool = 0n;
      let loanRequests = 0;
      let poolRounds = 0;

      const outstandingLoans = () => {
        let sum = 0n;
        for (const round of [m.current, m.prev]) for (const loan of round.loans.values()) sum += loan.borrowed;
        return sum;
      };
      /**
       * TON the pool holds beyond what it owes stakers, pending deposits and the treasury (repaid profit not yet
       * booked included).
       */
      const feeFloat = async () =>
        (await env.balanceOf(pool)) +
        outstandingLoans() -
        m.totalBalance -
        m.requestedForDeposit -
        m.accruedGovernanceFee -
        m.prev.profit -
        m.current.profit;
      const initialFloat = await feeFloat();

      /** Storage must equal the model; plus the conservation invariants. */
      async function check(context: string): Promise<PoolStorageData> {
        const d = await env.storage();
        const at = `pool ${poolIndex} ${context}`;
        expect(
          {
            totalBalance: d.totalBalance,
            supply: d.supply,
            instantWithdrawalFee: BigInt(d.instantWithdrawalFee ?? 0),
            accruedGovernanceFee: d.accruedGovernanceFee ?? 0n,
            requestedForDeposit: d.requestedForDeposit,
            requestedForWithdrawal: d.requestedForWithdrawal,
            optimistic: d.optimistic,
            depositsOpen: d.depositsOpen,
            halted: d.halted,
            currentRound: [d.currentRound.roundId, d.currentRound.borrowed, d.currentRound.expected, d.currentRound.returned, d.currentRound.profit],
            prevRound: [d.prevRound.roundId, d.prevRound.borrowed, d.prevRound.expected, d.prevRound.returned, d.prevRound.profit],
          },
          `${at}: pool storage = spec model`,
        ).toEqual({
          totalBalance: m.totalBalance,
          supply: m.supply,
          instantWithdrawalFee: m.instantWithdrawalFee,
          accruedGovernanceFee: m.accruedGovernanceFee,
          requestedForDeposit: m.requestedForDeposit,
          requestedForWithdrawal: m.requestedForWithdrawal,
          optimistic: m.optimistic,
          depositsOpen: m.depositsOpen,
          halted: m.halted,
          currentRound: [m.current.roundId, m.current.borrowed, m.current.expected, m.current.returned, m.current.profit],
          prevRound: [m.prev.roundId, m.prev.borrowed, m.prev.expected, m.prev.returned, m.prev.profit],
        });
        expect(m.supply, `${at}: pool supply = minter supply + queued withdrawals`).toBe((await env.minterSupply()) + m.requestedForWithdrawal);
        const float = await feeFloat();
        expect(float, `${at}: pool keeps its storage reserve on top of what it owes`).toBeGreaterThan(POOL_MIN_STORAGE - TON / 2n);
        // the float grows only by finalize fees, the ~1 TON each loan request leaves behind and kept message values
        expect(float, `${at}: no TON appears from nowhere`).toBeLessThan(initialFloat + BigInt(poolRounds + loanRequests) * TON + keptByPool + TON / 2n);
        return d;
      }

      async function checkHoldings(context: string) {
        let modelTotal = 0n;
        for (const user of users) {
          expect(await env.jettonBalanceRaw(user.address), `pool ${poolIndex} ${context}: pTON of user ${users.indexOf(user)}`).toBe(m.pton.get(user));
          modelTotal += m.pton.get(user)!;
        }
        // what is not in user wallets is queued withdrawal jettons (already burned) or payout rounding dust
        const dust = (await env.minterSupply()) - modelTotal;
        expect(dust, `pool ${poolIndex} ${context}: pTON outside user wallets`).toBeGreaterThanOrEqual(0n);
        expect(dust, `pool ${poolIndex} ${context}: pTON outside user wallets`).toBeLessThan(BigInt(USERS * 10 * (poolRounds + 1)));
      }

      async function checkBillBooks(context: string, storage: PoolStorageData) {
        const sum = (bills: Bill[]) => bills.reduce((a, b) => a + b.amount, 0n);
        expect(sum(m.withdrawalBills)).toBe(m.requestedForWithdrawal);
        expect(sum(m.depositBills)).toBe(m.requestedForDeposit);
        for (const [collection, bills] of [
          [storage.withdrawalPayout, m.withdrawalBills],
          [storage.depositPayout, m.depositBills],
        ] as const) {
          expect(collection === null, `pool ${poolIndex} ${context}: a collection exists iff bills do`).toBe(bills.length === 0);
          if (!collection) continue;
          const issued = await env.blockchain.openContract(PayoutCollection.createFromAddress(collection)).getIssuedBills();
          expect(issued.issuedBills, `pool ${poolIndex} ${context}: collection issued bills`).toBe(sum(bills));
          expect(issued.billsCount, `pool ${poolIndex} ${context}: collection bill count`).toBe(BigInt(bills.length));
        }
      }

      /**
       * Sends straight as an internal message (skipping the treasury's own transaction to keep the run fast): the
       * chain does not debit the sender for it, so what they paid is `value − what came back`.
       */
      async function sendAs(user: User, to: Address, value: bigint, body: Cell) {
        const before = await env.balanceOf(user.address);
        const poolBalance = await env.balanceOf(pool);
        const result = await env.blockchain.sendMessage(internal({ from: user.address, to, value, body, bounce: true }));
        return { result, spent: value - ((await env.balanceOf(user.address)) - before), poolBalance };
      }

      async function expectBounced(what: string, result: SendMessageResult, spent: bigint) {
        const tx = poolTx(result, pool);
        expect(tx.success, `pool ${poolIndex} ${what}: bounced`).toBe(false);
        expect(spent, `pool ${poolIndex} ${what}: a bounce costs only fees`).toBeLessThan(toNano('0.1'));
        count(`${what}.bounced`);
        await check(`${what} bounced`);
      }

      /** Spec §2.2: applies a deposit of `value` to the model, or returns why the pool refuses it (a bounce). */
      function applyDeposit(user: User, value: bigint): string | null {
        if (m.halted) return 'deposit.halted';
        if (!m.depositsOpen) return 'deposit.closed';
        if (!m.optimistic) {
          count(m.supply === 0n ? 'deposit.bill.supply-0' : 'deposit.bill');
          m.requestedForDeposit += value;
          m.depositBills.push({ owner: user, amount: value });
          return null;
        }
        const [projectedBalance, projectedSupply] = projected(m);
        let minted: bigint;
        try {
          minted = mulDivExtra(value, projectedSupply, projectedBalance);
        } catch (e) {
          if (!(e instanceof DivisionByZero)) throw e;
          return 'deposit.zero-balance'; // spec §2.4: total_balance 0, supply > 0
        }
        if (minted === 0n) return 'deposit.zero-output'; // §2.4: supply 0 after a donation
        count(m.supply === 0n ? 'deposit.optimistic.supply-0' : 'deposit.optimistic');
        m.supply += minted;
        m.totalBalance += value;
        m.pton.set(user, m.pton.get(user)! + minted);
        return null;
      }

      async function deposit(user: User) {
        const value = amount(1, 400);
        const pessimistic = !m.optimistic;
        const { result, spent } = await sendAs(user, pool, value + DEPOSIT_FEE, depositBody());
        const refused = applyDeposit(user, value);
        if (refused) return expectBounced(refused, result, spent);
        expect(poolTx(result, pool).success).toBe(true);
        // a bill also keeps 0.09 TON (returned at payout) and may pay the 0.1 TON collection deploy
        expect(spent - value, 'deposit cost').toBeLessThan(pessimistic ? toNano('0.3') : toNano('0.1'));
        await check('deposit');
      }

      /** Spec §3.3: the pool's decision, from the model and the pool's TON balance before the message. */
      function withdrawalOutcome(burn: bigint, mode: { waitTillRoundEnd: boolean; fillOrKill: boolean }, balance: bigint) {
        if (m.halted) return { kind: 'reverted' as const };
        const approx = mulDivFloor(burn, m.totalBalance, m.supply);
        const available = balance - MIN_TONS_FOR_STORAGE;
        const fundable = (availableAfter: bigint, totalBalance: bigint, supply: bigint, requested: bigint) => {
          const [pb, ps] = projected({ ...m, totalBalance, supply });
          return max(availableAfter + m.prev.borrowed - FINALIZE_ROUND_FEE, 0n) >= mulDivExtra(requested, pb, ps);
        };
        if (m.optimistic && !mode.waitTillRoundEnd && available > approx) {
          if (approx === 0n) return { kind: 'reverted' as const };
          if (!fundable(available - approx, m.totalBalance - approx, m.supply - burn, m.requestedForWithdrawal)) return { kind: 'reverted' as const };
          const fee = m.instantWithdrawalFee > 0n ? mulDivFloor(approx, m.instantWithdrawalFee, POOL_SHARE_BASIS) : 0n;
          return { kind: 'immediate' as const, approx, fee };
        }
        if (mode.fillOrKill || burn === 0n) return { kind: 'reverted' as const };
        if (!fundable(available, m.totalBalance, m.supply, m.requestedForWithdrawal + burn)) return { kind: 'reverted' as const };
        return { kind: 'bill' as const };
      }

      async function withdraw(user: User, burn: bigint, mode: { waitTillRoundEnd: boolean; fillOrKill: boolean }) {
        const holding = m.pton.get(user)!;
        if (burn === 0n) return;
        const burnMessage = burnBody({ amount: burn, responseAddress: user.address, mode });
        const { result, spent, poolBalance } = await sendAs(user, env.walletOf(user.address).address, BURN_ATTACHED_VALUE, burnMessage);
        const tx = poolTx(result, pool);
        expect(tx.success, 'the pool never fails a withdraw: it re-mints instead').toBe(true);
        const outcome = withdrawalOutcome(burn, mode, poolBalance - tx.storageFee);
        const received = -spent;
        const paid = findTx(result.transactions, { from: pool, to: user.address, op: Op.withdrawal });
        if (outcome.kind === 'immediate') {
          count('withdraw.immediate');
          expect(paid, 'immediate payout sent').toBeDefined();
          const net = outcome.approx - outcome.fee;
          if (outcome.fee > 0n) count('withdraw.immediate.fee');
          expect(received, 'immediate payout, net of the v2 instant fee').toBeLessThanOrEqual(net);
          expect(received, 'immediate payout, net of the v2 instant fee').toBeGreaterThan(net - toNano('0.15'));
          m.accruedGovernanceFee += outcome.fee;
          m.totalBalance -= outcome.approx;
          m.supply -= burn;
          m.pton.set(user, holding - burn);
        } else if (outcome.kind === 'bill') {
          count('withdraw.bill');
          expect(paid).toBeUndefined();
          m.requestedForWithdrawal += burn;
          m.pton.set(user, holding - burn);
          m.withdrawalBills.push({ owner: user, amount: burn });
        } else {
          count(m.halted ? 'withdraw.reverted.halted' : 'withdraw.reverted');
          expect(paid).toBeUndefined();
          expect(findTx(result.transactions, { from: pool, to: env.minter.address, op: Op.mint }), 're-mint').toBeDefined();
          expect(received, 'a reverted withdrawal costs only fees').toBeGreaterThan(-toNano('0.2'));
        }
        await check(`withdraw ${outcome.kind}`);
      }

      async function randomWithdraw(user: User) {
        const holding = m.pton.get(user)!;
        if (holding === 0n) return deposit(user);
        const burn = chance(0.2) ? holding : (holding * BigInt(Math.floor(random() * 1000) + 1)) / 1000n;
        return withdraw(user, burn, { waitTillRoundEnd: chance(0.3), fillOrKill: chance(0.3) });
      }

      /** Several holders queue everything they hold for the round end: the solvency guard starts to bind. */
      async function bankRun() {
        count('bank-run');
        for (const user of users) if (m.pton.get(user)! > 0n && chance(0.6)) await withdraw(user, m.pton.get(user)!, { waitTillRoundEnd: true, fillOrKill: false });
      }

      async function transfer(from: User, to: User) {
        const holding = m.pton.get(from)!;
        if (holding === 0n || from === to) return;
        count('transfer');
        const sent = (holding * BigInt(Math.floor(random() * 1000) + 1)) / 1000n;
        const body = jettonTransferBody({ jettonAmount: sent, to: to.address, responseAddress: from.address });
        await sendAs(from, env.walletOf(from.address).address, toNano('0.2'), body);
        m.pton.set(from, holding - sent);
        m.pton.set(to, m.pton.get(to)! + sent);
        await check('transfer');
      }

      async function borrow(controller: FakeController) {
        const poolBalance = await env.balanceOf(pool);
        const result = await env.requestLoan(controller, { minLoan: MIN_LOAN, maxLoan: REQUEST_MAX_LOAN, maxInterest: INTEREST_RATE });
        const tx = poolTx(result, pool);
        // spec §7.1: creditable funds, the lendable share of total_balance, the bounds
        let loan = -1n;
        if (!m.halted) {
          try {
            const balance = poolBalance - tx.storageFee;
            const creditable = balance - mulDivExtra(m.requestedForWithdrawal, m.totalBalance, m.supply) - MIN_TONS_FOR_STORAGE;
            const cap = mulDivFloor(LENDABLE_NUMERATOR, m.totalBalance, LENDABLE_DENOMINATOR) - m.current.borrowed;
            loan = min(min(creditable, cap), REQUEST_MAX_LOAN);
          } catch (e) {
            if (!(e instanceof DivisionByZero)) throw e; // spec §10.4: supply 0 with total_balance > 0 blocks lending
            count('loan.supply-0');
          }
        }
        if (loan < MIN_LOAN) {
          count('loan.refused');
          expect(tx.success, 'loan refused').toBe(false);
          expect(findTx(result.transactions, { from: pool, op: Op.credit })).toBeUndefined();
          await check('loan refused');
          return;
        }
        count('loan');
        loanRequests += 1;
        expect(tx.success, 'loan granted').toBe(true);
        const credit = findTx(result.transactions, { from: pool, to: controller.address, op: Op.credit });
        const credited = credit?.inMessage?.info.type === 'internal' ? credit.inMessage.info.value.coins : -1n;
        // mode 0: the masterchain forwarding fee comes out of the credit's value; the loan booked is `loan` itself
        expect(credited, 'credit of the loan').toBeLessThanOrEqual(loan);
        expect(credited, 'credit of the loan').toBeGreaterThan(loan - toNano('0.05'));
        const interest = mulDivFloor(loan, BigInt(INTEREST_RATE), POOL_SHARE_BASIS);
        const hash = BigInt('0x' + controller.address.hash.toString('hex'));
        const existing = m.current.loans.get(hash) ?? { borrowed: 0n, interest: 0n };
        m.current.loans.set(hash, { borrowed: existing.borrowed + loan, interest: existing.interest + interest });
        m.current.borrowed += loan;
        m.current.expected += loan + interest;
        await check('loan');
      }

      async function donate(from: User) {
        const gift = amount(1, 5);
        const { result, spent } = await sendAs(from, pool, gift + DEPOSIT_FEE, donateBody());
        if (m.halted) return expectBounced('donate.halted', result, spent);
        count(m.supply === 0n ? 'donate.supply-0' : 'donate');
        expect(poolTx(result, pool).success).toBe(true);
        expect(spent - gift, 'donation fee mostly refunded').toBeLessThan(toNano('0.1'));
        m.totalBalance += gift;
        await check('donate');
      }

      async function touch() {
        const { result, spent } = await sendAs(donor, pool, toNano('0.1'), touchBody());
        if (m.halted) return expectBounced('touch.halted', result, spent);
        count('touch');
        expect(poolTx(result, pool).success).toBe(true);
        keptByPool += toNano('0.1');
        await check('touch');
      }

      async function changeDepositSettings() {
        const optimistic = chance(0.5);
        const depositsOpen = chance(0.85);
        const fee = pick(feeChoices);
        await env.pool.sendAdmin(env.governor.getSender(), setDepositSettingsBody(optimistic, depositsOpen, 0n, Number(fee)));
        keptByPool += toNano('0.1');
        m.optimistic = optimistic;
        m.depositsOpen = depositsOpen;
        m.instantWithdrawalFee = fee;
        count(`settings.${optimistic ? 'optimistic' : 'pessimistic'}${depositsOpen ? '' : '.closed'}`);
        await check('set_deposit_settings');
      }

      /** The governor's way out of a halt: top the pool up (plain transfer, fee float) and unhalt. */
      async function rescue() {
        count('rescue');
        const owed = m.supply === 0n ? 0n : mulDivFloor(m.requestedForWithdrawal, m.totalBalance, m.supply);
        const topUp = owed + toNano('20');
        await env.blockchain.sendMessage(internal({ from: env.governor.address, to: pool, value: topUp, body: Cell.EMPTY }));
        await env.pool.sendAdmin(env.governor.getSender(), unhaltBody());
        keptByPool += topUp + toNano('0.1');
        m.halted = false;
        await check('rescue');
      }

      /**
       * Round end, spec §5.1–5.2 and §4.3: finalize `prev`, pay withdrawal bills (or halt when the pool cannot),
       * convert deposit bills (1:1 when supply is 0), rotate. `funds` is the pool's balance that may pay the queued
       * withdrawals: after the storage fee, without the incoming value unless that is a loan repayment.
       */
      function rotate(funds: bigint) {
        let profit = m.prev.profit - FINALIZE_ROUND_FEE;
        const fee = max(mulDivFloor(BigInt(GOVERNANCE_FEE), profit, POOL_SHARE_BASIS), 0n);
        profit -= fee;
        profit = max(profit, -m.totalBalance);
        m.totalBalance += profit;
        // sent during the rotation before the withdrawal payout: the governance fee with the accrued instant fees
        // (v2; only when worth a message) and the stats
        const feeToSend = fee + m.accruedGovernanceFee;
        const feeSent = feeToSend > SERVICE_NOTIFICATION;
        if (feeSent) {
          if (m.accruedGovernanceFee > 0n) count('rotation.instant-fees-paid');
          m.accruedGovernanceFee = 0n;
        }
        const sent = (feeSent ? feeToSend : 0n) + SERVICE_NOTIFICATION;
        const completion = { totalBalance: m.totalBalance, supply: m.supply };
        let withdrawalTon: bigint | null = null;
        let haltMargin: bigint | null = null;
        if (m.requestedForWithdrawal > 0n) {
          const ton = mulDivFloor(m.requestedForWithdrawal, m.totalBalance, m.supply);
          haltMargin = funds - sent - (ton + WITHDRAWAL_PAYOUT_EXTRA + MIN_TONS_FOR_STORAGE);
          if (haltMargin < 0n) {
            m.halted = true;
          } else {
            withdrawalTon = ton;
            m.totalBalance -= ton;
            m.supply -= m.requestedForWithdrawal;
            m.requestedForWithdrawal = 0n;
          }
        }
        let depositJettons: bigint | null = null;
        if (m.requestedForDeposit > 0n) {
          // the case of issue 12: a donation made total_balance > 0 while no pTON exists
          if (m.supply === 0n && m.totalBalance > 0n) count('rotation.deposit-bills.supply-0.balance-positive');
          if (m.supply > 0n && m.totalBalance === 0n) throw new Error('the fuzz drove the pool to total_balance 0 with supply > 0 (stuck, spec §10.3)');
          depositJettons = m.supply === 0n ? m.requestedForDeposit : mulDivFloor(m.requestedForDeposit, m.supply, m.totalBalance);
          m.supply += depositJettons;
          m.totalBalance += m.requestedForDeposit;
          m.requestedForDeposit = 0n;
        }
        m.prev = m.current;
        m.current = emptyRound(m.prev.roundId + 1);
        return { completion, withdrawalTon, depositJettons, haltMargin };
      }

      /** The model, deep enough to undo a transaction that bounced (users and bills are shared objects). */
      function snapshot(): () => void {
        const rounds = structuredClone({ current: m.current, prev: m.prev });
        const scalars = { ...m };
        const pton = new Map(m.pton);
        const withdrawalBills = [...m.withdrawalBills];
        const depositBills = [...m.depositBills];
        return () => Object.assign(m, scalars, rounds, { pton, withdrawalBills, depositBills });
      }

      async function endRound() {
        if (m.halted) await rescue(); // a halted pool refuses repayments and touches alike
        // a stress round: everyone queues everything for the round end, then the previous cohort loses most of its
        // loans, so the rotation may not be able to pay the queued withdrawals and halts the pool (spec §4.4)
        const stress = m.prev.loans.size > 0 && chance(0.6);
        if (stress) {
          count('bank-run.stress');
          for (const user of users) if (m.pton.get(user)! > 0n) await withdraw(user, m.pton.get(user)!, { waitTillRoundEnd: true, fillOrKill: false });
        }
        const lossRound = stress || chance(0.2);
        const withdrawalBills = [...m.withdrawalBills];
        const depositBills = [...m.depositBills];
        const requestedForDeposit = m.requestedForDeposit;
        const owners = [...new Set(withdrawalBills.map((b) => b.owner))];
        const tonBefore = new Map<User, bigint>();
        for (const owner of owners) tonBefore.set(owner, await env.balanceOf(owner.address));

        // the previous cohort repays either after the validator set changed (its last repayment rotates) or before
        // (the next message to the pool rotates)
        const repayFirst = m.prev.loans.size === 0 || chance(stress ? 0.7 : 0.5);
        if (!repayFirst) env.advanceValidatorSet();
        let rotation: ReturnType<typeof rotate> | null = null;
        const loans = [...m.prev.loans.entries()];
        for (const [i, [hash, loan]] of loans.entries()) {
          // a good round returns 0–2 % on top of interest; a bad one loses 10–90 % of the loan (50–95 % under stress)
          const keptPercent = stress ? 5 + Math.floor(random() * 46) : 10 + Math.floor(random() * 81);
          const repaid = lossRound
            ? (loan.borrowed * BigInt(keptPercent)) / 100n
            : loan.borrowed + loan.interest + (loan.borrowed * BigInt(Math.floor(random() * 200))) / 10_000n;
          const poolBalance = await env.balanceOf(pool);
          const result = await env.repayLoan(controllerByHash.get(hash)!, repaid);
          const tx = poolTx(result, pool);
          expect(tx.success, 'repayment accepted').toBe(true);
          count(lossRound ? 'repayment.loss' : 'repayment');
          m.prev.loans.delete(hash);
          m.prev.profit += repaid - loan.borrowed;
          m.prev.returned += repaid;
          // after a set change, the last repayment of the previous cohort rotates in the same transaction (§5.1)
          if (!repayFirst && i === loans.length - 1) {
            rotation = rotate(poolBalance - tx.storageFee + repaid); // the repayment is the pool's own money
            if (m.halted) count('rotation.halted.by-repayment');
          } else await check('repayment');
        }
        if (repayFirst) env.advanceValidatorSet();
        for (let attempt = 0; rotation === null; attempt++) {
          // The next message rotates: a touch, or a deposit by someone who holds no bill of this round. A rotation
          // that would halt the pool throws in that same transaction (update_round, then the not-halted check:
          // spec §5.1, reference recv_internal), so the message bounces and nothing changes; the governor then tops
          // the pool up and the next message rotates.
          expect(attempt, 'a rescued pool rotates').toBeLessThan(3);
          const undo = snapshot();
          const poolBalance = await env.balanceOf(pool);
          const depositor = users.find((u) => !owners.includes(u) && !depositBills.some((b) => b.owner === u));
          const byDeposit = depositor !== undefined && attempt === 0 && chance(0.5);
          const value = amount(1, 100);
          const sent = byDeposit ? value + DEPOSIT_FEE : toNano('0.1');
          const { result, spent } = await sendAs(byDeposit ? depositor : donor, pool, sent, byDeposit ? depositBody() : touchBody());
          const tx = poolTx(result, pool);
          // a rotation counts the pool's funds without the incoming value (the reference's update_round(balance − msg_value))
          const predicted = rotate(poolBalance - tx.storageFee);
          const refused = m.halted ? 'rotation.halting' : byDeposit ? applyDeposit(depositor, value) : null;
          if (refused) {
            undo();
            await expectBounced(`${refused}.${byDeposit ? 'deposit' : 'touch'}`, result, spent);
            if (refused === 'rotation.halting') await rescue();
            continue;
          }
          expect(tx.success, 'rotating message').toBe(true);
          count(byDeposit ? 'rotation.by-deposit' : 'rotation.by-touch');
          if (!byDeposit) keptByPool += toNano('0.1');
          rotation = predicted;
        }
        const r = rotation as ReturnType<typeof rotate>;
        roundsEnded += 1;
        poolRounds += 1;
        if (r.haltMargin !== null && r.haltMargin > -toNano('0.05') && r.haltMargin < toNano('0.05')) count('rotation.near-halt');
        if (m.halted) count('rotation.halted');
        expect(m.halted && r.withdrawalTon !== null, 'a halting rotation pays no withdrawal').toBe(false);
        await check('round end');

        // withdrawal bills: requested · total_balance / supply at the post-profit rate, plus the 0.09 TON reserve
        if (r.withdrawalTon !== null) {
          let tonPaid = 0n;
          for (const owner of owners) tonPaid += (await env.balanceOf(owner.address)) - tonBefore.get(owner)!;
          expect(tonPaid, 'withdrawal bills paid').toBeGreaterThanOrEqual(r.withdrawalTon);
          expect(tonPaid, 'withdrawal bills paid').toBeLessThan(r.withdrawalTon + toNano('0.1') * BigInt(withdrawalBills.length + depositBills.length + 1)); // + reserves and deposit-payout excesses
          m.withdrawalBills = m.withdrawalBills.slice(withdrawalBills.length);
        }
        // (halted: the withdrawal bills stay pending, unpaid, until a later rotation can fund them, spec §4.4)
        // deposit bills: each gets floor(amount · volume / issued) pTON (spec §4.3), paid from the last minted bill
        // down, volume and issued shrinking together as each is paid
        if (r.depositJettons !== null) {
          let volume = r.depositJettons;
          let issued = requestedForDeposit;
          for (const bill of [...depositBills].reverse()) {
            const share = mulDivFloor(bill.amount, volume, issued);
            m.pton.set(bill.owner, m.pton.get(bill.owner)! + share);
            volume -= share;
            issued -= bill.amount;
          }
          m.depositBills = m.depositBills.slice(depositBills.length); // a rotating deposit's bill is next round's
        }
        await checkHoldings(`after round ${poolRounds}`);
        const storage = await check('after payouts');
        await checkBillBooks('after payouts', storage);
      }

      await check('fresh pool');
      for (let i = 0; i < OPERATIONS_PER_POOL; i++) {
        if (i % ROUND_EVERY === ROUND_EVERY - 1) {
          await checkBillBooks(`before round end ${poolRounds + 1}`, await env.storage());
          await endRound();
          continue;
        }
        if (m.halted && chance(0.4)) {
          await rescue();
          continue;
        }
        const r = random();
        if (m.supply === 0n && r < 0.15) await donate(pick(users)); // an empty pool attracts donations
        else if (r < 0.32) await deposit(pick(users));
        else if (r < 0.6) await randomWithdraw(pick(users));
        else if (r < 0.72) await transfer(pick(users), pick(users));
        else if (r < 0.84) await borrow(pick(controllers));
        else if (r < 0.87) await donate(donor);
        else if (r < 0.92) await changeDepositSettings();
        else if (r < 0.95) await bankRun();
        else await touch();
      }
      await checkHoldings('end');
    }

    console.log(
      `fuzz seed ${SEED}: ${POOLS} pools × ${OPERATIONS_PER_POOL} operations, ${USERS} users and ${CONTROLLERS} controllers each, ${roundsEnded} rounds in ${Date.now() - started} ms`,
      counts,
    );
    expect(roundsEnded).toBeGreaterThanOrEqual(POOLS * 5);
    for (const kind of ['deposit.optimistic', 'deposit.bill', 'deposit.bill.supply-0', 'rotation.deposit-bills.supply-0.balance-positive', 'withdraw.immediate', 'withdraw.immediate.fee', 'rotation.instant-fees-paid', 'withdraw.bill', 'withdraw.reverted', 'transfer', 'donate', 'donate.supply-0', 'loan', 'repayment', 'repayment.loss', 'bank-run']) {
      expect(counts[kind] ?? 0, `exercised ${kind}`).toBeGreaterThan(0);
    }
  });
});
