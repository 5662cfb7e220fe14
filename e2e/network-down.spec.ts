import { test, expect } from './fixtures';
import { openConnectedStaking } from './support/staking-flows';

test.describe('when the RPC is down', () => {
  test.describe.configure({ timeout: 180_000 });
  test('says it cannot reach the network with a Retry, keeps the last figures marked stale, and recovers', async ({ app, devnet, page, request }) => {
    await openConnectedStaking({ app, devnet, page, request });
    const balance = app.walletBalance;
    await expect(balance).toHaveAttribute('data-nano', /^\d+$/);
    const lastBalance = await balance.getAttribute('data-nano');
    await expect(page.getByTestId('stat-rate')).toBeVisible();

    // Every JSON-RPC call now fails as if the network were gone.
    let down = true;
    await page.route('**/jsonRPC**', (route) => (down ? route.abort('internetdisconnected') : route.fallback()));
    // the polls hit the outage: one notice for the page, with a Retry
    const notice = page.getByTestId('network-status');
    await expect(notice).toContainText("Can't reach the network, retrying…", { timeout: 90_000 });
    await expect(notice.getByRole('button', { name: 'Retry' })).toBeVisible();
    // the balance keeps its last value, marked stale, and no raw fetch error is on the page
    await expect(page.getByTestId('wallet-balance-stale')).toBeVisible({ timeout: 60_000 });
    await expect(balance).toHaveAttribute('data-nano', lastBalance!);
    await expect(page.getByText(/Failed to fetch|NetworkError|TypeError/)).toHaveCount(0);

    // back online: Retry reads again, and the notice and the stale marks go
    down = false;
    await notice.getByRole('button', { name: 'Retry' }).click();
    await expect(notice).toHaveCount(0, { timeout: 60_000 });
    await expect(page.getByTestId('wallet-balance-stale')).toHaveCount(0);
    await expect(page.getByTestId('pool-stale')).toHaveCount(0);
  });
});
