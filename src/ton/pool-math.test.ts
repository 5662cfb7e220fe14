// Derived pool math against the rules of lst-interface.md §2.2–2.4, §3.3 and §6.2 (numbers chosen to hit each
// rule, not taken from the implementation). Parsing of real pool data is in devnet-pool.test.ts.
import { describe, expect, it } from 'vitest';
import {
  apyFromRates,
  currentRate,
  expectedPtonForDeposit,
  expectedTonForWithdraw,
  instantLiquidity,
  muldivExtra,
  predictWithdrawRoute,
  projectedRate,
  projectedRoundGrowth,
  projectTotalBalance,
  quoteInstantWithdrawal,
  RATE_BASIS,
  sharePercent,
  totalValueLocked,
} from './pool';

const TON = 1_000_000_000n;
const open = { halted: false, depositsOpen: true, optimistic: true };

describe('muldivExtra (pool.func muldiv_extra)', () => {
  it('returns a unchanged when b == c, floors otherwise, and reports division by zero', () => {
    expect(muldivExtra(5n, 0n, 0n)).toBe(5n);
    expect(muldivExtra(5n, 7n, 7n)).toBe(5n);
    expect(muldivExtra(10n, 3n, 4n)).toBe(7n);
    expect(muldivExtra(10n, 3n, 0n)).toBeNull();
  });
});

describe('rates', () => {
  it('is 1 on an empty pool and balance/supply otherwise', () => {
    expect(currentRate({ totalBalance: 0n, supply: 0n })).toBe(RATE_BASIS);
    expect(currentRate({ totalBalance: 150n * TON, supply: 100n * TON })).toBe(1_500_000_000n);
    expect(projectedRate({ projectedTotalBalance: 101n * TON, projectedSupply: 100n * TON })).toBe(1_010_000_000n);
  });
});

describe('expectedPtonForDeposit', () => {
  it('mints 1:1 into an empty pool', () => {
    expect(expectedPtonForDeposit({ ...open, projectedTotalBalance: 0n, projectedSupply: 0n }, 10n * TON)).toEqual({ ok: true, kind: 'jettons', pton: 10n * TON });
  });

  it('uses the projected rate and floors', () => {
    const pool = { ...open, projectedTotalBalance: 300n * TON, projectedSupply: 200n * TON };
    expect(expectedPtonForDeposit(pool, 3n * TON)).toEqual({ ok: true, kind: 'jettons', pton: 2n * TON });
    expect(expectedPtonForDeposit({ ...pool, projectedTotalBalance: 3n, projectedSupply: 2n }, 1n)).toEqual({ ok: false, reason: 'zero-output' });
  });

  it('reports the two broken-pool cases of §2.4', () => {
    // donation into an empty pool: supply 0, balance > 0 → minted 0 (0xf202)
    expect(expectedPtonForDeposit({ ...open, projectedTotalBalance: 5n * TON, projectedSupply: 0n }, TON)).toEqual({ ok: false, reason: 'zero-output' });
    // balance 0 with supply > 0 → division by zero (exit 4)
    expect(expectedPtonForDeposit({ ...open, projectedTotalBalance: 0n, projectedSupply: 5n * TON }, TON)).toEqual({ ok: false, reason: 'empty-pool-balance' });
  });

  it('issues a bill on a pessimistic pool and refuses on halted or closed pools', () => {
    const pool = { ...open, projectedTotalBalance: 100n * TON, projectedSupply: 100n * TON };
    expect(expectedPtonForDeposit({ ...pool, optimistic: false }, TON)).toEqual({ ok: true, kind: 'bill', pton: TON });
    expect(expectedPtonForDeposit({ ...pool, halted: true }, TON)).toEqual({ ok: false, reason: 'halted' });
    expect(expectedPtonForDeposit({ ...pool, depositsOpen: false }, TON)).toEqual({ ok: false, reason: 'deposits-closed' });
  });
});

describe('withdrawals', () => {
  const pool = { halted: false, optimistic: true, state: 0, totalBalance: 120n * TON, supply: 100n * TON };

  it('pays floor(pton · total_balance / supply) at the current rate', () => {
    expect(expectedTonForWithdraw(pool, 10n * TON)).toBe(12n * TON);
    expect(expectedTonForWithdraw({ totalBalance: 2n, supply: 3n }, 1n)).toBe(0n);
    expect(expectedTonForWithdraw({ totalBalance: 0n, supply: 0n }, TON)).toBe(0n);
  });

  it('keeps 10 TON for storage out of instant liquidity', () => {
    expect(instantLiquidity(15n * TON)).toBe(5n * TON);
    expect(instantLiquidity(9n * TON)).toBe(0n);
  });

  it('follows the flag table of §3.3', () => {
    const liquid = 100n * TON; // 90 TON available > 12 TON owed
    const dry = 20n * TON; // 10 TON available < 12 TON owed
    const burn = 10n * TON;
    const mode = (waitTillRoundEnd: boolean, fillOrKill: boolean) => ({ waitTillRoundEnd, fillOrKill });
    expect(predictWithdrawRoute(pool, liquid, burn, mode(false, false))).toBe('instant');
    expect(predictWithdrawRoute(pool, dry, burn, mode(false, false))).toBe('bill');
    expect(predictWithdrawRoute(pool, liquid, burn, mode(false, true))).toBe('instant');
    expect(predictWithdrawRoute(pool, dry, burn, mode(false, true))).toBe('returned');
    expect(predictWithdrawRoute(pool, liquid, burn, mode(true, false))).toBe('bill');
    expect(predictWithdrawRoute(pool, liquid, burn, mode(true, true))).toBe('returned');
    expect(predictWithdrawRoute({ ...pool, optimistic: false }, liquid, burn, mode(false, false))).toBe('bill');
    expect(predictWithdrawRoute({ ...pool, optimistic: false }, liquid, burn, mode(false, true))).toBe('returned');
    expect(predictWithdrawRoute({ ...pool, halted: true }, liquid, burn, mode(false, false))).toBe('returned');
  });
});

describe('v2 instant withdrawal fee (§11.3)', () => {
  // The measurement: 0.5 % (83886 / 2^24), 40 pTON burnt instantly, worth 40.000798403 TON at the current
  // rate. A pool with that rate: 2 000 pTON supply and 50 × the value as total balance (floor keeps it exact).
  const pool = { totalBalance: 40_000_798_403n * 50n, supply: 2_000n * TON, instantWithdrawalFee: 83_886 };

  it('keeps floor(value · fee / 2^24) and pays the rest: fee 0.200003801, net 39.800794602 (measured)', () => {
    expect(quoteInstantWithdrawal(pool, 40n * TON)).toEqual({ value: 40_000_798_403n, fee: 200_003_801n, net: 39_800_794_602n, feeShare: 83_886 });
  });

  it('charges nothing on v1 (no fee field) or with a fee of 0', () => {
    const { instantWithdrawalFee: _fee, ...v1 } = pool;
    expect(quoteInstantWithdrawal(v1, 40n * TON)).toMatchObject({ fee: 0n, net: 40_000_798_403n, feeShare: 0 });
    expect(quoteInstantWithdrawal({ ...pool, instantWithdrawalFee: 0 }, 40n * TON)).toMatchObject({ fee: 0n, net: 40_000_798_403n });
  });

  it('shows the share as a short percentage', () => {
    expect(sharePercent(83_886)).toBe('0.5');
    expect(sharePercent(41_943)).toBe('0.25');
    expect(sharePercent(0)).toBe('0');
    expect(sharePercent(1 << 24)).toBe('100');
  });
});

describe('pool metrics', () => {
  it('TVL is total_balance, optionally with pending deposit bills', () => {
    const pool = { totalBalance: 1000n * TON, requestedForDeposit: 50n * TON };
    expect(totalValueLocked(pool)).toBe(1000n * TON);
    expect(totalValueLocked(pool, { includePending: true })).toBe(1050n * TON);
  });

  it('projects the finishing round per §2.3: profit − 1 TON finalize fee − governance share', () => {
    const governanceFee = 2516582; // 15 % of 2^24, the reference deploy value
    const prevRound = { borrowers: null, roundId: 3, activeBorrowers: 0, borrowed: 900n * TON, expected: 1000n * TON, returned: 0n, profit: 0n };
    const expectedProfit = 99n * TON;
    const fee = (BigInt(governanceFee) * expectedProfit) >> 24n;
    expect(fee).toBe(14_849_997_639n); // ≈ 15 % of 99 TON (2516582 / 2^24 is a hair under 0.15)
    expect(projectTotalBalance({ totalBalance: 5000n * TON, prevRound, governanceFee })).toBe(5000n * TON + expectedProfit - fee);
    // an idle round only costs the finalize fee; a loss never drives the balance below zero
    const idle = { ...prevRound, borrowed: 0n, expected: 0n };
    expect(projectTotalBalance({ totalBalance: 5000n * TON, prevRound: idle, governanceFee })).toBe(4999n * TON);
    expect(projectTotalBalance({ totalBalance: TON / 2n, prevRound: idle, governanceFee })).toBe(0n);
  });

  it('per-round growth and APY', () => {
    expect(projectedRoundGrowth({ totalBalance: 1000n * TON, projectedTotalBalance: 1001n * TON })).toBeCloseTo(0.001, 12);
    expect(projectedRoundGrowth({ totalBalance: 0n, projectedTotalBalance: TON })).toBe(0);
    const year = 365 * 24 * 3600;
    expect(apyFromRates({ rate: RATE_BASIS, time: 0 }, { rate: 2n * RATE_BASIS, time: year })).toBeCloseTo(1, 9);
    expect(apyFromRates({ rate: RATE_BASIS, time: 0 }, { rate: 1_100_000_000n, time: year / 2 })).toBeCloseTo(0.21, 9);
    expect(apyFromRates({ rate: RATE_BASIS, time: 10 }, { rate: RATE_BASIS, time: 10 })).toBeNull();
  });
});
