import type { Page } from '@playwright/test';
import { test, expect } from './fixtures';
import { openConnectedStaking, quietSecondsLeft } from './support/staking-flows';

/** The tab goes to the background (or comes back), as far as the page can tell. */
async function setTabHidden(page: Page, hidden: boolean) {
  await page.evaluate((value) => {
    Object.defineProperty(document, 'visibilityState', { configurable: true, get: () => (value ? 'hidden' : 'visible') });
    Object.defineProperty(document, 'hidden', { configurable: true, get: () => value });
    document.dispatchEvent(new Event('visibilitychange'));
  }, hidden);
}

test.describe('notifications', () => {
  test.describe.configure({ timeout: 240_000 });
  test('in the background, a confirmed stake and a paid bill show toasts and count in the title until the tab is seen', async ({ app, devnet, page, request }) => {
    const { staking } = await openConnectedStaking({ app, devnet, page, request });
    const baseTitle = await page.title();
    expect(baseTitle).not.toMatch(/^\(\d+\)/);

    // a stake confirmed while the tab is in the foreground: its status says so, no toast or count
    await staking.stake('6');
    await expect(staking.stakeStatus).toHaveAttribute('data-phase', 'confirmed', { timeout: 90_000 });
    await expect(page.getByTestId('notice')).toHaveCount(0);

    // a withdrawal bill, then the tab goes to the background until the round pays it: started early in a round, so
    // the bill cannot be paid before the tab is hidden
    await expect.poll(async () => (await quietSecondsLeft(devnet)) ?? 0, { timeout: 60_000 }).toBeGreaterThanOrEqual(12);
    await staking.showUnstake();
    await staking.unstakeAmount.fill('2');
    await staking.unstakeMode('round-end').click();
    await staking.unstake();
    await expect(staking.unstakeStatus).toHaveAttribute('data-phase', 'confirmed', { timeout: 90_000 });
    await expect(page.locator('[data-testid="bill"][data-kind="withdrawal"]')).toHaveCount(1, { timeout: 30_000 });
    await setTabHidden(page, true);
    await staking.showStake();
    await staking.stake('3');
    await expect(staking.stakeStatus).toHaveAttribute('data-phase', 'confirmed', { timeout: 90_000 });
    await expect(page.getByTestId('notice').filter({ hasText: 'Confirmed' })).toContainText('Staked 3');
    await expect(page.getByTestId('notice').filter({ hasText: 'Paid' })).toContainText(/withdrawal bill #\d+ paid [\d.,]+ TON/, { timeout: 150_000 });
    // two unseen notices; the title names the latest (the stake and the round end may finish in either order)
    await expect(page).toHaveTitle(new RegExp(`^\\(2\\) (Paid|Confirmed) · ${baseTitle.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}$`));

    // back in the foreground: the count goes, the toasts stay until dismissed
    await setTabHidden(page, false);
    await expect(page).toHaveTitle(baseTitle);
    const paid = page.getByTestId('notice').filter({ hasText: 'Paid' });
    await paid.getByRole('button', { name: 'Dismiss: Paid' }).click();
    await expect(paid).toHaveCount(0);
  });
});
