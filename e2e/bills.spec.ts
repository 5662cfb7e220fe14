import { Address } from '@ton/core';
import { test, expect } from './fixtures';
import { openConnectedStaking } from './support/staking-flows';

const TON = 1_000_000_000n;

test.describe('bills', () => {
  // Each flow waits for real transactions on a shared 2-core machine: allow for a loaded box.
  test.describe.configure({ timeout: 240_000 });
  test('a first visit reads the wallet’s own history only once its bills or position are scrolled to', async ({ app, devnet, page, request }) => {
    const ownHistoryReads: string[] = [];
    await openConnectedStaking({ app, devnet, page, request }, async () => {
      const wallet = Address.parse((await devnet.account()).address);
      page.on('request', (sent) => {
        if (sent.method() !== 'POST' || !sent.url().endsWith('/jsonRPC')) return;
        const body = sent.postDataJSON() as { method?: string; params?: { address?: string } };
        if (body.method === 'getTransactions' && body.params?.address && Address.parse(body.params.address).equals(wallet)) ownHistoryReads.push(sent.url());
      });
    });
    // The first screen (stake form, wallet, pool figures) is complete, and nothing asked for the wallet's history.
    await expect(page.getByTestId('stat-rate')).toBeVisible({ timeout: 30_000 });
    await expect(page.getByTestId('stake-ton-balance')).toHaveAttribute('data-nano', /^\d+$/);
    await page.waitForTimeout(2_000);
    expect(ownHistoryReads).toEqual([]);
    await expect(page.getByTestId('bills-empty')).toHaveCount(0);
    // Scrolled to: read once, and the panels show it.
    await page.getByRole('region', { name: 'Bills', exact: true }).scrollIntoViewIfNeeded();
    await expect(page.getByTestId('bills-empty')).toBeVisible({ timeout: 30_000 });
    await expect(page.getByTestId('position-bills')).toHaveAttribute('data-value', '0');
    expect(ownHistoryReads).toHaveLength(1);
  });

  test('unstake at round end → a withdrawal bill is listed → it is paid after the round and moves to history', async ({ app, devnet, page, request }) => {
    const { chain, staking, account, ptonWallet } = await openConnectedStaking({ app, devnet, page, request });
    // below the first screen: read when scrolled to
    await page.getByRole('region', { name: 'Bills', exact: true }).scrollIntoViewIfNeeded();
    await expect(page.getByTestId('bills-empty')).toBeVisible({ timeout: 30_000 });

    await staking.stake('8');
    await expect(staking.stakeStatus).toHaveAttribute('data-phase', 'confirmed', { timeout: 90_000 });
    const held = await chain.jettonBalance(ptonWallet);

    const burn = 3n * TON;
    await staking.showUnstake();
    await staking.unstakeAmount.fill('3');
    await staking.unstakeMode('round-end').click();
    // The round-end mode tells when it pays.
    await expect(staking.unstakeMode('round-end')).toContainText(/paid at (about|the round switch)/);
    await staking.unstake();
    await expect(staking.unstakeStatus).toHaveAttribute('data-phase', 'confirmed', { timeout: 90_000 });
    await expect(staking.unstakeStatusMessage).toContainText('withdrawal bill');
    expect(await chain.jettonBalance(ptonWallet)).toBe(held - burn);

    const bill = page.locator('[data-testid="bill"][data-kind="withdrawal"]');
    await expect(bill.first()).toHaveAttribute('data-amount', burn.toString(), { timeout: 30_000 });
    const billAddress = (await bill.first().getAttribute('data-address'))!;
    const tonBeforePayout = await chain.tonBalance(account.address);
    // One clock: the round tile and the bill's ETA show the same wait, sampled in one frame, a few seconds apart.
    for (let sample = 0; sample < 3; sample += 1) {
      const { tile, eta, status } = await page.evaluate(() => {
        const listed = document.querySelector('[data-testid="bill"][data-kind="withdrawal"]');
        return {
          tile: document.querySelector('[data-testid="stat-next-round"]')?.textContent ?? '',
          eta: listed?.textContent ?? '',
          status: listed?.getAttribute('data-status') ?? 'gone',
        };
      });
      // once the round has switched the bill is being paid and shows no ETA
      if (status !== 'pending') break;
      if (tile === 'Due now') expect(eta).toContain('due now');
      else expect(eta).toContain(`(in ${tile})`);
      await page.waitForTimeout(1_100);
    }

    // Paid at the next rotation: the bill NFT burns itself and the TON arrives.
    const paid = page.locator('[data-testid="paid-bill"][data-kind="withdrawal"]');
    await expect(paid.first()).toHaveAttribute('data-amount', burn.toString(), { timeout: 150_000 });
    await expect(page.locator(`[data-testid="bill"][data-address="${billAddress}"]`)).toHaveCount(0);
    // destroyed at payout
    const item = await chain.call<{ state: string }>('getAddressInformation', { address: billAddress });
    expect(item.state).not.toBe('active');
    expect(await chain.tonBalance(account.address)).toBeGreaterThan(tonBeforePayout + (burn * 9n) / 10n);
    // The history shows the payout that arrived and both transactions, and is kept across a reload.
    const payout = BigInt((await paid.first().getAttribute('data-payout'))!);
    expect(payout).toBeGreaterThan((burn * 9n) / 10n);
    await expect(paid.first().getByTestId('bill-created-tx')).toHaveAttribute('data-tx', /^[0-9a-f]{64}$/);
    const payoutTx = (await paid.first().getByTestId('bill-payout-tx').getAttribute('data-tx'))!;
    expect(payoutTx).toMatch(/^[0-9a-f]{64}$/);
    await page.reload();
    await expect(page.locator(`[data-testid="paid-bill"][data-address="${billAddress}"]`).getByTestId('bill-payout-tx')).toHaveAttribute('data-tx', payoutTx, { timeout: 30_000 });
  });
});
