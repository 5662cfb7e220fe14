// RPC fail-over in the real app: the user adds the devnet's second API port (DEVNET_EXTRA_API_PORTS) as their own
// endpoint in the RPC endpoints panel, so it is the primary and the devnet's main port the fallback. Mid-session the
// primary starts answering 500s; the dashboard keeps reading from the fallback, says so, and a stake completes.
// Bad endpoints are refused with a message and change nothing.
import { test, expect } from './fixtures';
import { E2E_APP_URL, E2E_DEVNET_SECOND_URL, E2E_DEVNET_URL } from './support/env';
import { openConnectedStaking } from './support/staking-flows';

const SECOND_RPC = `${E2E_DEVNET_SECOND_URL}/jsonRPC`;
const MAIN_RPC = `${E2E_DEVNET_URL}/jsonRPC`;
const label = (url: string) => url.replace(/^https?:\/\//, '');

test.describe('RPC endpoints', () => {
  test.describe.configure({ timeout: 240_000 });

  test('the primary answers 500s mid-session: reads move to the next endpoint and a stake completes', async ({
    app,
    devnet,
    page,
    request,
  }) => {
    const { chain, staking, ptonWallet } = await openConnectedStaking({ app, devnet, page, request });

    // Which endpoint each JSON-RPC request of the page went to, and how it was answered.
    const answered: { url: string; status: number }[] = [];
    page.on('response', (response) => {
      const url = response.url().split('?')[0];
      if (url === SECOND_RPC || url === MAIN_RPC) answered.push({ url, status: response.status() });
    });
    await page.getByText('RPC endpoints', { exact: true }).click();
    const endpoints = page.getByRole('list', { name: 'RPC endpoints' });
    await expect(endpoints.getByRole('listitem')).toHaveCount(1);

    await page.getByLabel('Endpoint URL (toncenter API v2)').fill(SECOND_RPC);
    await page.getByRole('button', { name: 'Add endpoint' }).click();
    await expect(page.getByTestId('rpc-endpoint-outcome')).toHaveText(/^Added 127\.0\.0\.1:\d+\/jsonRPC \(block \d+\); it is tried first\.$/);
    await expect(endpoints.getByRole('listitem')).toHaveCount(2);
    await expect(endpoints.getByRole('listitem').first()).toContainText(label(SECOND_RPC));
    await expect(endpoints.getByRole('listitem').first()).toContainText('yours');
    // The app now reads from the second port: the pool is re-read every 20 s at the latest.
    await expect.poll(() => answered.filter((entry) => entry.url === SECOND_RPC && entry.status === 200).length, { timeout: 45_000 }).toBeGreaterThan(0);
    await expect(page.getByTestId('rpc-endpoint-notice')).toHaveCount(0);

    // The primary breaks: every JSON-RPC request to it gets toncenter's 500 from now on.
    let refused = 0;
    await page.route(SECOND_RPC, async (route) => {
      refused += 1;
      await route.fulfill({
        status: 500,
        contentType: 'application/json',
        headers: { 'access-control-allow-origin': E2E_APP_URL },
        body: JSON.stringify({ ok: false, error: 'internal server error', code: 500 }),
      });
    });
    const failedAt = answered.length;

    // The notice names both, and reads keep arriving from the devnet's main port.
    await expect(page.getByTestId('rpc-endpoint-notice')).toHaveText(
      `${label(SECOND_RPC)} is not answering: reading from ${label(MAIN_RPC)} until it recovers.`,
      { timeout: 60_000 },
    );
    await expect(endpoints.getByRole('listitem').nth(1)).toContainText('in use');
    await expect.poll(() => answered.slice(failedAt).filter((entry) => entry.url === MAIN_RPC && entry.status === 200).length, { timeout: 45_000 }).toBeGreaterThan(2);

    // A stake goes through, tracked and confirmed over the fallback, and the page shows the new balance.
    const ptonBefore = await chain.jettonBalance(ptonWallet);
    await staking.stake('3');
    await expect(staking.stakeStatus).toHaveAttribute('data-phase', 'confirmed', { timeout: 90_000 });
    const ptonAfter = await chain.jettonBalance(ptonWallet);
    expect(ptonAfter).toBeGreaterThan(ptonBefore);
    await expect(staking.ptonBalance).toHaveAttribute('data-nano', ptonAfter.toString());
    // The broken endpoint was left after a few failures, not hammered: 3 before fail-over, one probe per cool-down.
    expect(refused).toBeLessThanOrEqual(8);
    expect(await page.getByRole('alert').filter({ hasText: /could not read/i }).count()).toBe(0);
  });

  test('an endpoint that is not http(s) or answers garbage is refused, and the list in use stays', async ({ app, page }) => {
    await app.open();
    await page.getByText('RPC endpoints', { exact: true }).click();
    const endpoints = page.getByRole('list', { name: 'RPC endpoints' });
    await expect(endpoints.getByRole('listitem')).toHaveCount(1);
    const url = page.getByLabel('Endpoint URL (toncenter API v2)');
    const outcome = page.getByTestId('rpc-endpoint-outcome');

    await url.fill('ftp://127.0.0.1/jsonRPC');
    await page.getByRole('button', { name: 'Add endpoint' }).click();
    await expect(outcome).toHaveText('Not added: only http(s) endpoints are supported (got ftp:).');

    // The app's own server: it answers, but not toncenter JSON.
    await url.fill(`${E2E_APP_URL}/index.html`);
    await page.getByRole('button', { name: 'Add endpoint' }).click();
    await expect(outcome).toHaveText(/^Not added: it answered HTTP \d+ (with something that is not JSON|without a toncenter v2 result)\. The current endpoints keep working\.$/);

    // A port nothing listens on.
    await url.fill('http://127.0.0.1:9/jsonRPC');
    await page.getByRole('button', { name: 'Add endpoint' }).click();
    await expect(outcome).toHaveText(/^Not added: could not reach it/);

    await expect(outcome).toHaveAttribute('role', 'alert');
    await expect(endpoints.getByRole('listitem')).toHaveCount(1);
    await expect(endpoints.getByRole('listitem').first()).toContainText(label(MAIN_RPC));
    // Nothing refused was stored.
    expect(await page.evaluate(() => localStorage.getItem('lst-rpc-endpoints') ?? '')).not.toMatch(/index\.html|:9\//);
  });
});
