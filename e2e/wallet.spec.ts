import { test, expect } from './fixtures';
import { formatSummary } from '../src/components/format/amounts';

test.describe('wallet', () => {
  test('connect through the TON Connect modal, see address and balance, restore after reload, disconnect', async ({
    app,
    devnet,
    page,
  }) => {
    await app.open();
    await expect(app.networkBadge).toHaveText('Devnet');
    await expect(app.connectPrompt).toBeVisible();

    await app.connectDevWallet();

    // The devnet funds the wallet on first sight; whatever it reports is what the UI must show.
    const account = await devnet.account();
    expect(BigInt(account.balance)).toBeGreaterThan(0n);
    await expect(app.walletAddress).toHaveAttribute('data-address', account.friendly);
    await expect(app.walletAddress).toHaveAttribute('title', account.friendly);
    await expect(app.walletBalance).toHaveAttribute('data-nano', account.balance);
    await expect(app.walletBalance).toContainText(
      formatSummary(BigInt(account.balance)),
    );
    await expect(app.walletNetwork).toHaveText('Devnet');
    await expect(app.tonConnectButton).not.toHaveText(/connect wallet/i);
    // One address everywhere: the devnet runs as testnet (-3), so the TON Connect button shows the same test-only
    // non-bounceable 0Q… form the app shows (its own shortening: first 4 … last 4).
    expect(account.network).toBe('-3');
    expect(account.friendly.startsWith('0Q')).toBe(true);
    await expect(app.tonConnectButton).toHaveText(`${account.friendly.slice(0, 4)}…${account.friendly.slice(-4)}`);
    // This test's own wallet, not the shared default one.
    expect(account.address).not.toBe((await devnet.account('dev')).address);

    await page.reload();
    await expect(app.walletAddress).toHaveAttribute('data-address', account.friendly);
    await expect(app.walletBalance).toHaveAttribute('data-nano', account.balance);

    await app.disconnectFromHeader();
    await expect(app.connectPrompt).toBeVisible();
    await page.reload();
    await expect(app.connectPrompt).toBeVisible();
    await expect(app.walletAddress).toBeHidden();
  });

  test('the devnet faucet tops the balance up; the panel Disconnect button ends the session', async ({
    app,
    devnet,
    page,
  }) => {
    await app.open();
    await app.connectDevWallet();
    await expect(app.walletBalance).toHaveAttribute('data-nano', /^\d+$/);
    const before = BigInt((await app.walletBalance.getAttribute('data-nano')) ?? '');

    await page.getByRole('button', { name: /^Get [\d,.]+ test / }).click();
    // the button says what happened after the click, not only while it is busy
    await expect(page.getByTestId('faucet-status')).toContainText(/^Sent [\d,.]+ test \S+ to your wallet/, { timeout: 30_000 });
    await expect
      .poll(async () => BigInt((await app.walletBalance.getAttribute('data-nano')) ?? '0'))
      .toBeGreaterThan(before);
    const account = await devnet.account();
    await expect(app.walletBalance).toHaveAttribute('data-nano', account.balance);
    // 100 in, less the storage fee the receiving transaction pays.
    const received = BigInt(account.balance) - before;
    expect(received).toBeGreaterThan(99n * 10n ** 9n);
    expect(received).toBeLessThanOrEqual(100n * 10n ** 9n);

    await app.walletPanel.getByRole('button', { name: 'Disconnect' }).click();
    await expect(app.connectPrompt).toBeVisible();
    await expect(app.tonConnectButton).toHaveText(/connect wallet/i);
    await page.reload();
    await expect(app.connectPrompt).toBeVisible();
  });

  test('TON Connect loads only when wanted: not on a first visit, on a hand over the connect button, at once for a stored session', async ({
    app,
    page,
  }) => {
    // TON Connect's chunk (the SDK and the UI, and the app's module that creates them)
    const tonConnectRequests: string[] = [];
    page.on('request', (request) => {
      if (/tonconnect|ton-connect-runtime/i.test(request.url())) tonConnectRequests.push(request.url());
    });
    // TON Connect UI mounts its widget root into <body> as soon as it is created
    const tonConnectUiCreated = page.locator('#tc-widget-root');

    await app.open();
    await expect(app.connectPrompt).toBeVisible();
    // the dashboard has read the pool: everything a first visit loads has been asked for
    const stats = page.getByRole('region', { name: 'Pool', exact: true });
    await expect(stats.getByTestId('stat-rate')).toHaveAttribute('data-value', /\d+/, { timeout: 30_000 });
    expect(tonConnectRequests).toEqual([]);
    await expect(tonConnectUiCreated).toHaveCount(0);

    await app.tonConnectButton.hover();
    await expect.poll(() => tonConnectRequests.length).toBeGreaterThan(0);
    await expect(tonConnectUiCreated).toHaveCount(1);
    // the look-alike gives way to TON Connect's own button, which opens its modal
    await app.connectDevWallet();

    tonConnectRequests.length = 0;
    await page.reload();
    await expect(app.walletAddress).toBeVisible();
    expect(tonConnectRequests.length).toBeGreaterThan(0);
    await expect(tonConnectUiCreated).toHaveCount(1);
  });

  test.describe('when TON Connect cannot load', () => {
    test.use({ expectedConsoleErrors: /^Failed to load resource: net::ERR_FAILED|^TON Connect failed to load/ });

    test('the header says so and offers a reload, after which it connects', async ({ app, page }) => {
      let offline = true;
      await page.route(/ton-connect-runtime-[\w-]+\.js$/, (route) => (offline ? route.abort() : route.continue()));
      await app.open();
      await expect(app.connectPrompt).toBeVisible();
      await app.tonConnectButton.click();
      await expect(app.header.getByRole('alert')).toHaveText(/did not load/);
      await expect(app.connectModal).toBeHidden();

      // a browser does not import a failed module again in the same page: the button now reloads it
      offline = false;
      await Promise.all([page.waitForEvent('load'), app.header.getByRole('button', { name: 'Reload', exact: true }).click()]);
      await expect(app.header.getByRole('alert')).toBeHidden();
      await app.connectDevWallet();
    });
  });

  test('warns when the wallet is on another network than the app', async ({ app, devnet }) => {
    await devnet.setWalletMode({ network: '-239' }); // mainnet's chain id; the devnet is -3
    await app.open();
    await app.connectDevWallet();
    await expect(app.walletPanel.getByText('Wallet is on another network')).toBeVisible();
  });

  test.describe('on a phone, by keyboard', () => {
    test.use({ viewport: { width: 390, height: 844 } });

    test('the connect modal opens with Enter and closes with Escape; nothing spills sideways', async ({
      app,
      page,
    }) => {
      await app.open();
      await expect(app.connectPrompt).toBeVisible();
      const overflow = await page.evaluate(
        () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
      );
      expect(overflow).toBeLessThanOrEqual(0);

      await app.connectPrompt.focus();
      await page.keyboard.press('Enter');
      await expect(app.connectModal).toBeVisible();
      await page.keyboard.press('Escape');
      await expect(app.connectModal).toBeHidden();
    });
  });
});
