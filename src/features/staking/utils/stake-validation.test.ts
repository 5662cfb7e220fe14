import { describe, expect, it } from 'vitest';
import { checkStake, stakeBlockMessage, type StakeInputs } from './stake-validation';

const TON = 1_000_000_000n;
// 1 200 TON backing 1 000 pTON: 1 pTON = 1.2 TON at the projected rate.
const pool: StakeInputs['pool'] = { halted: false, depositsOpen: true, optimistic: true, projectedTotalBalance: 1_200n * TON, projectedSupply: 1_000n * TON };
const tickers = { native: 'TON', jetton: 'pTON' };

function reasonFor(input: string, overrides: Partial<StakeInputs> = {}) {
  const result = checkStake({ input, balance: 100n * TON, pool, ...overrides });
  return result.ok ? 'ok' : result.block.reason;
}

describe('checkStake', () => {
  it('previews the pTON minted at the projected rate, the fee on top and the total leaving the wallet', () => {
    const result = checkStake({ input: '12', balance: 100n * TON, pool });
    expect(result).toEqual({
      ok: true,
      // 12 TON / 1.2 = 10 pTON
      preview: { amount: 12n * TON, pton: 10n * TON, kind: 'jettons', rate: 1_200_000_000n, fee: TON, total: 13n * TON, keepsExitReserve: true },
    });
  });

  it('warns (but allows) a stake that would leave less than a later unstake needs', () => {
    // 20 TON: Max keeps 1 + 0.1 (this stake) + 1.1 (a later unstake) = 17.8 TON
    const atMax = checkStake({ input: '17.8', balance: 20n * TON, pool });
    expect(atMax.ok && atMax.preview.keepsExitReserve).toBe(true);
    const over = checkStake({ input: '17.800000001', balance: 20n * TON, pool });
    expect(over.ok).toBe(true);
    expect(over.ok && over.preview.keepsExitReserve).toBe(false);
  });

  it('rounds the minted pTON down, as the pool does', () => {
    const result = checkStake({ input: '1.000000001', balance: 100n * TON, pool });
    // 1 000 000 001 · 1000 / 1200 = 833 333 334.1… → 833 333 334
    expect(result.ok && result.preview.pton).toBe(833_333_334n);
  });

  it('accepts pasted amounts with spaces and a comma decimal mark', () => {
    const result = checkStake({ input: ' 1 000,5 ', balance: 2_000n * TON, pool });
    expect(result.ok && result.preview.amount).toBe(1_000_500_000_000n);
  });

  it.each([
    ['', 'empty'],
    ['0', 'zero'],
    ['0.000', 'zero'],
    ['-5', 'negative'],
    ['abc', 'not-a-number'],
    ['1e3', 'not-a-number'],
    ['1.0000000001', 'too-many-decimals'],
    ['0.5', 'below-minimum'],
    ['99', 'exceeds-balance'],
  ])('blocks %j with %s', (input, reason) => {
    expect(reasonFor(input)).toBe(reason);
  });

  it('allows exactly the balance minus the deposit fee and gas reserve, and not one nano more', () => {
    // 100 TON − 1 TON fee − 0.1 TON reserve
    expect(reasonFor('98.9')).toBe('ok');
    expect(reasonFor('98.900000001')).toBe('exceeds-balance');
  });

  it('puts pool-wide blocks before amount errors', () => {
    expect(reasonFor('', { pool: { ...pool, halted: true } })).toBe('halted');
    expect(reasonFor('5', { pool: { ...pool, depositsOpen: false } })).toBe('deposits-closed');
  });

  it('says a pessimistic pool gives a bill', () => {
    const result = checkStake({ input: '12', balance: 100n * TON, pool: { ...pool, optimistic: false } });
    expect(result.ok && result.preview.kind).toBe('bill');
  });

  it('explains every block in words, with the limits', () => {
    const result = checkStake({ input: '99', balance: 100n * TON, pool });
    expect(!result.ok && stakeBlockMessage(result.block, tickers)).toBe('Not enough TON: you can stake at most 98.9 TON after fees.');
    const low = checkStake({ input: '0.5', balance: 100n * TON, pool });
    expect(!low.ok && stakeBlockMessage(low.block, tickers)).toBe('The minimum stake is 1 TON.');
    const broke = checkStake({ input: '2', balance: TON, pool });
    expect(!broke.ok && stakeBlockMessage(broke.block, tickers)).toMatch(/Not enough TON to stake/);
  });
});
