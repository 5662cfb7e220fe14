import { describe, expect, it } from 'vitest';
import { checkUnstake, quoteModes, unstakeBlockMessage, type UnstakeInputs } from './unstake-validation';

const TON = 1_000_000_000n;
// Now: 1 100 TON for 1 000 pTON (1.1). Projected after the round: 1 150 TON (1.15).
const pool: UnstakeInputs['pool'] = {
  halted: false,
  optimistic: true,
  state: 0,
  totalBalance: 1_100n * TON,
  supply: 1_000n * TON,
  projectedTotalBalance: 1_150n * TON,
  projectedSupply: 1_000n * TON,
};
const base: UnstakeInputs = { input: '10', ptonBalance: 50n * TON, tonBalance: 5n * TON, pool, poolBalance: 500n * TON, mode: 'instant' };
const tickers = { native: 'TON', jetton: 'pTON' };

describe('quoteModes', () => {
  it('quotes instant at the current rate and the bill at the projected rate', () => {
    const quotes = quoteModes(pool, 500n * TON, 10n * TON);
    expect(quotes.instant).toMatchObject({ block: null, expectedTon: 11n * TON, value: 11n * TON, fee: 0n, feeShare: 0, route: 'instant' });
    expect(quotes['round-end']).toMatchObject({ block: null, expectedTon: 11_500_000_000n, fee: 0n, route: 'bill' });
    expect(quotes['fill-or-kill']).toMatchObject({ block: null, expectedTon: 11n * TON, route: 'instant' });
  });

  it('disables instant when the pool lacks liquidity, and predicts fill-or-kill comes back', () => {
    // 20 TON balance − 10 TON storage floor = 10 TON < 11 TON owed
    const quotes = quoteModes(pool, 20n * TON, 10n * TON);
    expect(quotes.instant?.block).toEqual({ reason: 'no-liquidity', available: 10n * TON, receivable: 10n * TON });
    expect(quotes['fill-or-kill']?.route).toBe('returned');
    expect(quotes['round-end'].block).toBeNull();
  });

  it('disables instant on a pessimistic pool', () => {
    expect(quoteModes({ ...pool, optimistic: false }, 500n * TON, TON).instant?.block).toEqual({ reason: 'pessimistic-pool' });
  });

  it('quotes only the round-end bill while the liquidity is unknown', () => {
    const quotes = quoteModes(pool, undefined, 10n * TON);
    expect(quotes.instant).toBeNull();
    expect(quotes['fill-or-kill']).toBeNull();
    // Same bill quote as with any liquidity: waiting for round end never pays from the pool's balance.
    expect(quotes['round-end']).toEqual(quoteModes(pool, 20n * TON, 10n * TON)['round-end']);
    expect(quotes['round-end']).toMatchObject({ block: null, route: 'bill', expectedTon: 11_500_000_000n });
  });
});

// A v2 pool charging 0.5 % (83886 / 2^24) on instant withdrawals: the measured burn of 40 pTON.
describe('quoteModes on a v2 pool with an instant withdrawal fee', () => {
  const feeShare = 83_886;
  const burnt = 40n * TON;
  // A pool whose rate makes 40 pTON worth 40.000798403 TON (the measured value): supply 1 000 pTON, and the total
  // balance that floor(40 · total_balance / 1 000) gives, i.e. 25 × the value.
  const measuredValue = 40_000_798_403n;
  const v2: UnstakeInputs['pool'] = {
    ...pool,
    totalBalance: measuredValue * 25n,
    supply: 1_000n * TON,
    projectedTotalBalance: measuredValue * 25n,
    projectedSupply: 1_000n * TON,
    instantWithdrawalFee: feeShare,
  };

  it('instant and fill-or-kill subtract the fee: value 40.000798403, fee 0.200003801, net 39.800794602 (measured)', () => {
    const quotes = quoteModes(v2, 500n * TON, burnt);
    for (const mode of ['instant', 'fill-or-kill'] as const) {
      expect(quotes[mode]).toMatchObject({ route: 'instant', value: 40_000_798_403n, fee: 200_003_801n, expectedTon: 39_800_794_602n, feeShare });
    }
  });

  it('the round-end bill pays no instant fee, and says which fee it avoids', () => {
    const roundEnd = quoteModes(v2, 500n * TON, burnt)['round-end'];
    expect(roundEnd).toMatchObject({ route: 'bill', fee: 0n, feeShare, expectedTon: roundEnd.value });
    expect(roundEnd.expectedTon).toBe(measuredValue); // projected rate = current rate here: the fee is the whole difference
  });

  it('the liquidity limit is on the value before the fee; what can be received is net of it', () => {
    // 50 TON − 10 TON storage floor = 40 TON < 40.0008 TON: not instantly payable
    const quotes = quoteModes(v2, 50n * TON, burnt);
    expect(quotes.instant?.block).toEqual({ reason: 'no-liquidity', available: 40n * TON, receivable: 40n * TON - (40n * TON * 83_886n) / (1n << 24n) });
    expect(!checkUnstake({ ...base, pool: v2, ptonBalance: burnt, input: '40', poolBalance: 50n * TON }).ok).toBe(true);
  });

  it('a fee of 0 quotes like v1', () => {
    const quotes = quoteModes({ ...v2, instantWithdrawalFee: 0 }, 500n * TON, burnt);
    expect(quotes.instant).toMatchObject({ fee: 0n, expectedTon: measuredValue });
  });

  it('the halter closing optimistic mode blocks both instant routes at once', () => {
    const check = checkUnstake({ ...base, pool: { ...v2, optimistic: false }, ptonBalance: burnt, input: '40', poolBalance: 500n * TON });
    expect(!check.ok && check.block).toEqual({ reason: 'pessimistic-pool' });
    expect(check.quotes?.['fill-or-kill']?.route).toBe('returned');
    expect(!check.ok && unstakeBlockMessage(check.block, tickers)).toMatch(/Instant withdrawals are switched off/);
  });
});

describe('checkUnstake', () => {
  const reason = (overrides: Partial<UnstakeInputs>) => {
    const result = checkUnstake({ ...base, ...overrides });
    return result.ok ? 'ok' : result.block.reason;
  };

  it('accepts up to the full pTON balance', () => {
    expect(reason({ input: '50' })).toBe('ok');
    expect(reason({ input: '50.000000001' })).toBe('exceeds-balance');
  });

  it.each([
    ['', 'empty'],
    ['0', 'zero'],
    ['-1', 'negative'],
    ['ten', 'not-a-number'],
    ['0.0000000001', 'too-many-decimals'],
  ])('blocks %j with %s', (input, expected) => {
    expect(reason({ input })).toBe(expected);
  });

  it('needs the burn fee in TON', () => {
    expect(reason({ tonBalance: 1_099_999_999n })).toBe('fee-unavailable');
    expect(reason({ tonBalance: 1_100_000_000n })).toBe('ok');
  });

  it('blocks instant without liquidity but lets the round-end mode through', () => {
    expect(reason({ poolBalance: 20n * TON })).toBe('no-liquidity');
    expect(reason({ poolBalance: 20n * TON, mode: 'round-end' })).toBe('ok');
  });

  it('waits for the liquidity before an instant or fill-or-kill unstake, but not for round end', () => {
    expect(reason({ poolBalance: undefined })).toBe('liquidity-unknown');
    expect(reason({ poolBalance: undefined, mode: 'fill-or-kill' })).toBe('liquidity-unknown');
    const roundEnd = checkUnstake({ ...base, poolBalance: undefined, mode: 'round-end' });
    expect(roundEnd.ok && roundEnd.chosen).toMatchObject({ mode: 'round-end', route: 'bill', expectedTon: 11_500_000_000n });
  });

  it('reports amount and fee problems before asking for the liquidity', () => {
    expect(reason({ poolBalance: undefined, input: '' })).toBe('empty');
    expect(reason({ poolBalance: undefined, input: '51' })).toBe('exceeds-balance');
    expect(reason({ poolBalance: undefined, tonBalance: 0n })).toBe('fee-unavailable');
  });

  it('refuses a dust unstake that would pay no more than its network fees, per route', () => {
    // 0.015 pTON at 1.1 pays 0.0165 TON now: below the ≈0.02 TON an instant unstake costs
    const instant = checkUnstake({ ...base, input: '0.015' });
    expect(instant).toMatchObject({ ok: false, block: { reason: 'dust', cost: 20_000_000n, expected: 16_500_000n } });
    // 0.02 pTON pays 0.022 TON now: allowed instantly, but as a bill (≈0.03 TON of fees, 0.023 TON at round end) refused
    expect(checkUnstake({ ...base, input: '0.02' }).ok).toBe(true);
    expect(checkUnstake({ ...base, input: '0.02', mode: 'round-end' })).toMatchObject({ ok: false, block: { reason: 'dust', cost: 30_000_000n } });
    expect(unstakeBlockMessage({ reason: 'dust', cost: 20_000_000n, expected: 16_500_000n }, tickers)).toBe(
      'That amount would pay about 0.0165 TON, no more than the ≈0.02 TON of network fees it costs. Unstake more.',
    );
  });

  it('blocks everything on a halted pool', () => {
    expect(reason({ pool: { ...pool, halted: true }, mode: 'round-end' })).toBe('halted');
  });

  it('explains blocks in words', () => {
    const result = checkUnstake({ ...base, poolBalance: 20n * TON });
    expect(!result.ok && unstakeBlockMessage(result.block, tickers)).toBe(
      'The pool cannot pay that much instantly right now (about 10 TON available). Choose "At round end".',
    );
    const fee = checkUnstake({ ...base, tonBalance: 0n });
    expect(!fee.ok && unstakeBlockMessage(fee.block, tickers)).toBe('Unstaking needs 1.1 TON in your wallet for fees (most of it comes back).');
  });
});
