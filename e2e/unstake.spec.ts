import { test, expect } from './fixtures';
import { openConnectedStaking, untilAppMatchesChain } from './support/staking-flows';

const TON = 1_000_000_000n;
/** Gas the wallet, the pTON wallet, the minter and the pool burn on the way (measured well below this). */
const UNSTAKE_GAS_BOUND = 200_000_000n;

test.describe('unstake', () => {
  // Each flow waits for real transactions on a shared 2-core machine: allow for a loaded box.
  test.describe.configure({ timeout: 240_000 });
  test('instant unstake pays TON back at the current rate, net of the pool\'s instant withdrawal fee', async ({ app, devnet, page, request }) => {
    const { chain, staking, account, protocol, ptonWallet } = await openConnectedStaking({ app, devnet, page, request });

    await staking.stake('20');
    await expect(staking.stakeStatus).toHaveAttribute('data-phase', 'confirmed', { timeout: 90_000 });
    const ptonBefore = await chain.jettonBalance(ptonWallet);
    await expect(staking.ptonBalance).toHaveAttribute('data-nano', ptonBefore.toString());

    const burn = 5n * TON;
    await staking.showUnstake();
    await staking.unstakeAmount.fill('5');
    // the two instant modes are told apart by what happens when the pool is short of liquidity
    await expect(staking.unstakeMode('instant').getByTestId('unstake-mode-instant-shortfall')).toContainText('a bill instead');
    await expect(staking.unstakeMode('fill-or-kill').getByTestId('unstake-mode-fill-or-kill-shortfall')).toContainText('comes back');
    // the three modes sit side by side (one row) on a desktop-width screen, each with what it yields
    const tops = await Promise.all((['instant', 'round-end', 'fill-or-kill'] as const).map(async (mode) => (await staking.unstakeMode(mode).boundingBox())?.y));
    expect(tops[0]).toBeDefined();
    expect(new Set(tops).size).toBe(1);
    await expect(staking.unstakeMode('round-end').getByTestId('unstake-mode-round-end-yield')).toContainText(/≈ [\d,.]+ /, { timeout: 30_000 });
    await staking.unstakeMode('instant').click();
    // fees in plain numbers: the attached value and the expected network fees of this route
    await expect(page.getByTestId('unstake-cost')).toHaveText(/^1\.05 TON attached .*network fees ≈ 0\.02 TON\.$/);
    await staking.unstakeMode('instant').click();
    // The pool's approximate_amount, floor(jettons · total_balance / supply), minus the v2 instant withdrawal fee
    // floor(value · fee / 2^24) (0 on a v1 pool), on the pool's current numbers.
    let before = await chain.poolProjection(protocol.pool);
    const expectedTon = await untilAppMatchesChain(
      devnet,
      () => staking.unstakeMode('instant').getAttribute('data-expected-ton', { timeout: 1_000 }).catch(() => null),
      async () => {
        before = await chain.poolProjection(protocol.pool);
        const value = (burn * before.totalBalance) / before.supply;
        return value - (value * before.instantWithdrawalFee) / 2n ** 24n;
      },
    );
    // the devnet's main pool is v2 with a non-zero instant withdrawal fee (DEVNET_INSTANT_WITHDRAWAL_FEE)
    expect(before.instantWithdrawalFee).toBeGreaterThan(0n);
    await expect(staking.page.getByTestId('unstake-mode-instant-fee')).toContainText(/^Fee [\d.]+ %: −/);
    await expect(staking.page.getByTestId('unstake-fee-note')).toContainText('instant withdrawal fee');
    const tonBefore = await chain.tonBalance(account.address);
    await staking.unstake();
    await expect(staking.unstakeStatus).toHaveAttribute('data-phase', 'confirmed', { timeout: 90_000 });
    await expect(staking.unstakeStatusMessage).toContainText('you received');

    expect(await chain.jettonBalance(ptonWallet)).toBe(ptonBefore - burn);
    // The pool's books: the burn's value left total_balance, the fee stayed behind as accrued governance fee, so
    // exactly the previewed TON went to the staker.
    const after = await chain.poolProjection(protocol.pool);
    expect(before.totalBalance - after.totalBalance - (after.accruedGovernanceFee - before.accruedGovernanceFee)).toBe(expectedTon);
    const tonAfter = await chain.tonBalance(account.address);
    // TON back: the payout minus only gas (the 1.05 TON attached comes back with it).
    expect(tonAfter - tonBefore).toBeGreaterThan(expectedTon - UNSTAKE_GAS_BOUND);
    expect(tonAfter - tonBefore).toBeLessThan(expectedTon);
    await expect(staking.ptonBalance).toHaveAttribute('data-nano', (ptonBefore - burn).toString());
    await expect(staking.tonBalance).toHaveAttribute('data-nano', tonAfter.toString());
  });

  test('Max fills the whole pTON balance; fill-or-kill with liquidity pays now', async ({ app, devnet, page, request }) => {
    const { chain, staking, ptonWallet } = await openConnectedStaking({ app, devnet, page, request });

    await staking.stake('6');
    await expect(staking.stakeStatus).toHaveAttribute('data-phase', 'confirmed', { timeout: 90_000 });
    const held = await chain.jettonBalance(ptonWallet);
    await expect(staking.ptonBalance).toHaveAttribute('data-nano', held.toString());

    await staking.showUnstake();
    await page.getByTestId('unstake-amount').locator('..').getByRole('button', { name: 'Max' }).click();
    await staking.unstakeMode('fill-or-kill').click();
    await expect(staking.unstakeButton).toBeEnabled();
    await staking.unstake();
    await expect(staking.unstakeStatus).toHaveAttribute('data-phase', 'confirmed', { timeout: 90_000 });
    expect(await chain.jettonBalance(ptonWallet)).toBe(0n);
    await expect(staking.ptonBalance).toHaveAttribute('data-nano', '0');
  });
});
