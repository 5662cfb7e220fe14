import { test, expect } from './fixtures';
import { openConnectedStaking } from './support/staking-flows';

test.describe('watch an address', () => {
  test.describe.configure({ timeout: 180_000 });
  test('?address= shows that account read-only with no wallet connected; a bad one says why', async ({ app, devnet, page, request, browser }) => {
    // an account with a position, made through the app
    const { chain, staking, account, ptonWallet } = await openConnectedStaking({ app, devnet, page, request });
    await staking.stake('7');
    await expect(staking.stakeStatus).toHaveAttribute('data-phase', 'confirmed', { timeout: 90_000 });
    const held = await chain.jettonBalance(ptonWallet);
    expect(held).toBeGreaterThan(0n);

    // another browser, no wallet: the link opens the same account, read-only
    const context = await browser.newContext();
    await context.route('**/*', (route) => (/^https?:\/\/(127\.0\.0\.1|localhost)[:/]/.test(route.request().url()) ? route.continue() : route.abort()));
    const watcher = await context.newPage();
    const errors: string[] = [];
    watcher.on('pageerror', (error) => errors.push(error.message));
    await watcher.goto(`${new URL(page.url()).origin}/?address=${encodeURIComponent(account.friendly)}`);
    await expect(watcher.getByTestId('watching')).toContainText('Read-only view');
    await expect(watcher.getByTestId('position-pton')).toHaveAttribute('data-value', held.toString(), { timeout: 60_000 });
    await expect(watcher.getByTestId('bills-empty')).toBeVisible({ timeout: 30_000 });
    // nothing can be sent from here
    await expect(watcher.getByRole('button', { name: /^(Stake|Unstake)$/ })).toHaveCount(0);
    await expect(watcher.getByTestId('stake-amount')).toHaveCount(0);

    // back to the normal view
    await watcher.getByRole('button', { name: 'Stop watching' }).click();
    await expect(watcher.getByTestId('watching')).toHaveCount(0);
    expect(new URL(watcher.url()).searchParams.get('address')).toBeNull();

    // a bad link keeps the normal view and says why; the form refuses a bad address with a message
    await watcher.goto(`${new URL(page.url()).origin}/?address=not-an-address`);
    await expect(watcher.getByTestId('watch-link-refused')).toContainText('not a TON address');
    await expect(watcher.getByTestId('watching')).toHaveCount(0);
    await watcher.getByTestId('watch-input').fill('EQ-not-valid');
    await watcher.getByRole('button', { name: 'Watch', exact: true }).click();
    await expect(watcher.getByTestId('watch-error')).toContainText('not a TON address');
    await watcher.getByTestId('watch-input').fill(account.friendly);
    await watcher.getByRole('button', { name: 'Watch', exact: true }).click();
    await expect(watcher.getByTestId('position-pton')).toHaveAttribute('data-value', held.toString(), { timeout: 60_000 });
    expect(errors).toEqual([]);
    await context.close();
  });
});
