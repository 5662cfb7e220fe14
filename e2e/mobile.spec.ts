// The phone flow end to end: the dApp in one browser context at a phone viewport, the Devnet Mobile Wallet (the
// "wallet app") in another, talking only through the devnet's TON Connect HTTP bridge. The app opens the wallet by
// universal link (captured from the popup it opens), and the wallet returns to the app as `ret` asks.
import type { Browser, BrowserContext, Page } from '@playwright/test';
import { Address } from '@ton/core';
import { DEPOSIT_FEE } from '../contracts/wrappers/fees';
import { test, expect } from './fixtures';
import type { AppPage } from './support/app-page';
import { decodeTelegramUrlParameters } from '@tonconnect/sdk';
import { E2E_APP_URL, E2E_DEVNET_URL, E2E_TWA_RETURN_URL } from './support/env';
import { ChainReader, devnetProtocol, StakingPage } from './support/staking-flows';

const TON = 1_000_000_000n;

/** nano → "10.05" (no trailing zeros), as the wallet page prints amounts; escaped for a RegExp. */
function tonPattern(nano: bigint): string {
  const fraction = (nano % TON).toString().padStart(9, '0').replace(/0+$/, '');
  return fraction ? `${nano / TON}\\.${fraction}` : `${nano / TON}`;
}

/** The pool as the app addresses it in a request: bounceable, test-only, URL-safe. */
function protocolPoolFriendly(pool: string): string {
  return Address.parse(pool).toString({ bounceable: true, testOnly: true, urlSafe: true });
}
/**
 * Android with a browser TON Connect UI has no special case for (Samsung Internet): `returnStrategy: 'back'` becomes
 * the app's own URL, so the wallet's return is a real navigation the test can see. (Chrome would get googlechrome://.)
 */
const PHONE = {
  viewport: { width: 390, height: 844 },
  userAgent:
    'Mozilla/5.0 (Linux; Android 14; SM-S918B) AppleWebKit/537.36 (KHTML, like Gecko) SamsungBrowser/25.0 Chrome/121.0.0.0 Mobile Safari/537.36',
  isMobile: true,
  hasTouch: true,
};

test.use(PHONE);

interface MobileWalletConfig {
  address: string;
  friendly: string;
  universalLink: string;
  bridgeUrl: string;
}

/** The phone's wallet app: its own browser context, where "returning to the app" lands on a stub of the app. */
class WalletApp {
  private constructor(
    readonly context: BrowserContext,
    readonly page: Page,
  ) {}

  static async open(browser: Browser): Promise<WalletApp> {
    const context = await browser.newContext(PHONE);
    await context.route('**/*', async (route) => {
      const url = new URL(route.request().url());
      if (url.origin === E2E_APP_URL) {
        return route.fulfill({ contentType: 'text/html', body: '<title>Back in the app</title><p>the app</p>' });
      }
      if (url.hostname === '127.0.0.1' || url.protocol === 'data:') return route.continue();
      return route.abort('blockedbyclient');
    });
    return new WalletApp(context, await context.newPage());
  }

  /** Opens a universal link the dApp produced, as the phone's OS would. */
  async follow(link: string): Promise<void> {
    await this.page.goto(link);
  }

  pending(): ReturnType<Page['locator']> {
    return this.page.locator('[data-testid="request"][data-status="pending"]');
  }

  /** The wallet went back to the app (ret = the app's URL). */
  async expectReturned(): Promise<void> {
    await expect(this.page).toHaveURL(new RegExp(`^${E2E_APP_URL}/`), { timeout: 10_000 });
  }

  close(): Promise<void> {
    return this.context.close();
  }
}

async function mobileWalletConfig(devnet: { config(): Promise<Record<string, unknown>> }): Promise<MobileWalletConfig> {
  return (await devnet.config()).mobileWallet as MobileWalletConfig;
}

/** Types the amount and presses Stake; the wallet is answered in the wallet app (StakingPage.stake answers the injected one). */
async function pressStake(staking: StakingPage, amount: string): Promise<void> {
  await staking.stakeAmount.fill(amount);
  await expect(staking.stakeButton).toBeEnabled();
  await staking.stakeButton.click();
}

/** Runs `action` in the dApp and returns the wallet link it opened (the popup is closed: the wallet runs elsewhere). */
async function capturedWalletLink(page: Page, action: () => Promise<void>): Promise<string> {
  const popupOpened = page.context().waitForEvent('page', { timeout: 20_000 });
  await action();
  const popup = await popupOpened;
  await popup.waitForURL(/\/devwallet\/mobile/, { waitUntil: 'commit' });
  const link = popup.url();
  await popup.close();
  return link;
}

/** Header button → modal (phone layout) → "Devnet Mobile Wallet" → link → wallet approves → connected app. */
async function connectThroughUniversalLink(app: AppPage, wallet: WalletApp, mobile: MobileWalletConfig): Promise<URL> {
  await app.open();
  await app.tonConnectButton.click();
  await expect(app.connectModal).toBeVisible();
  // The injected Devnet Wallet is a desktop extension: a phone's modal does not offer it.
  await expect(app.connectModal.getByText('Devnet Wallet', { exact: true })).toHaveCount(0);
  const link = await capturedWalletLink(app.page, () =>
    app.connectModal.getByRole('button', { name: /Devnet Mobile Wallet/ }).first().click(),
  );
  const url = new URL(link);
  expect(url.origin + url.pathname).toBe(mobile.universalLink);

  await wallet.follow(link);
  // What the wallet shows is the app's manifest, fetched by the wallet.
  const manifest = (await (await app.page.request.get(`${E2E_APP_URL}/tonconnect-manifest.json`)).json()) as { name: string; url: string; iconUrl: string };
  await expect(wallet.page.getByTestId('connect-app-name')).toHaveText(manifest.name);
  await expect(wallet.page.getByTestId('connect-app-url')).toHaveText(manifest.url);
  await expect(wallet.page.getByTestId('connect-app-icon')).toHaveAttribute('src', manifest.iconUrl);
  await wallet.page.getByTestId('connect-approve').click();
  await wallet.expectReturned();
  await expect(app.walletAddress).toBeVisible({ timeout: 20_000 });
  await expect(app.connectModal).toBeHidden();
  return url;
}

test.describe('phone: Devnet Mobile Wallet over the TON Connect bridge', () => {
  // One devnet-held mobile wallet for the whole file: its flows run one after another.
  test.describe.configure({ mode: 'serial', timeout: 240_000 });
  let wallet: WalletApp;

  test.beforeEach(async ({ browser, devnet }) => {
    wallet = await WalletApp.open(browser);
    await devnet.json('POST', '/devwallet/mobile/mode', { failAfterBroadcast: false });
  });
  // eslint-disable-next-line no-empty-pattern -- Playwright reads fixture dependencies from the destructuring
  test.afterEach(async ({}, testInfo) => {
    if (testInfo.status !== testInfo.expectedStatus) {
      await testInfo.attach('wallet app', { body: await wallet.page.screenshot({ fullPage: true }), contentType: 'image/png' });
    }
    await wallet.close();
  });

  test('connect by universal link, stake, reject, unstake to a bill; the session survives a reload', async ({ app, devnet, page, request }) => {
    const mobile = await mobileWalletConfig(devnet);
    const link = await connectThroughUniversalLink(app, wallet, mobile);
    // The connect link carries what bridge.md asks for, with the request URL-encoded.
    expect(link.searchParams.get('v')).toBe('2');
    expect(link.searchParams.get('id')).toMatch(/^[0-9a-f]{64}$/);
    expect(JSON.parse(link.searchParams.get('r')!)).toMatchObject({ manifestUrl: `${E2E_APP_URL}/tonconnect-manifest.json`, items: [{ name: 'ton_addr' }] });
    expect(link.search).not.toContain('{');
    expect(link.searchParams.get('ret')).toBe(`${E2E_APP_URL}/`);
    await expect(app.walletAddress).toHaveText(new RegExp(mobile.friendly.slice(-4)));

    const chain = new ChainReader(request, E2E_DEVNET_URL);
    const staking = new StakingPage(page);
    await staking.ready();
    const protocol = await devnetProtocol(devnet);
    const ptonWallet = await chain.jettonWallet(protocol.jettonMinter, mobile.address);
    const ptonBefore = await chain.jettonBalance(ptonWallet);

    // Stake: the app opens the wallet again; the wallet shows the decoded deposit and signs on Approve.
    const stakeLink = await capturedWalletLink(page, () => pressStake(staking, '10'));
    await expect(staking.stakeStatus).toHaveAttribute('data-phase', 'waiting-wallet');
    await wallet.follow(stakeLink);
    const request1 = wallet.pending();
    await expect(request1).toHaveCount(1);
    // 10 TON plus the pool's deposit fee, to the pool, with the deposit op.
    await expect(request1.getByTestId('request-message')).toContainText(
      new RegExp(`^${tonPattern(10n * TON + DEPOSIT_FEE)} TON to ${protocolPoolFriendly(protocol.pool)} · op deposit · query \\d+$`),
    );
    await request1.getByTestId('request-approve').click();
    await wallet.expectReturned();
    await expect(staking.stakeStatus).toHaveAttribute('data-phase', 'confirmed', { timeout: 90_000 });
    const ptonAfterStake = await chain.jettonBalance(ptonWallet);
    expect(ptonAfterStake).toBeGreaterThan(ptonBefore);
    await expect(staking.ptonBalance).toHaveAttribute('data-nano', ptonAfterStake.toString());

    // Reject: nothing leaves the wallet (its seqno stays; its balance may grow by a payout meanwhile).
    const seqnoBefore = await chain.walletSeqno(mobile.address);
    const rejectLink = await capturedWalletLink(page, () => pressStake(staking, '3'));
    await wallet.follow(rejectLink);
    await wallet.pending().getByTestId('request-reject').click();
    await expect(staking.stakeStatus).toHaveAttribute('data-phase', 'rejected', { timeout: 30_000 });
    await expect(staking.stakeStatusMessage).toHaveText('You declined the request in your wallet. Nothing was sent.');
    expect(await chain.walletSeqno(mobile.address)).toBe(seqnoBefore);

    // Reload: the session comes back from storage and the bridge, without the wallet doing anything.
    await page.reload();
    await expect(app.walletAddress).toBeVisible({ timeout: 30_000 });
    await staking.ready();
    await expect(staking.ptonBalance).toHaveAttribute('data-nano', ptonAfterStake.toString());

    // Unstake to a bill, over the restored session.
    await staking.showUnstake();
    await staking.unstakeAmount.fill('4');
    await staking.unstakeMode('round-end').click();
    await expect(staking.unstakeButton).toBeEnabled();
    const unstakeLink = await capturedWalletLink(page, () => staking.unstakeButton.click());
    await wallet.follow(unstakeLink);
    await expect(wallet.pending().getByTestId('request-message')).toContainText('op jettonBurn');
    await wallet.pending().getByTestId('request-approve').click();
    await expect(staking.unstakeStatus).toHaveAttribute('data-phase', 'confirmed', { timeout: 90_000 });
    expect(await chain.jettonBalance(ptonWallet)).toBe(ptonAfterStake - 4n * TON);
    await expect(staking.bills.first()).toBeVisible({ timeout: 30_000 });
  });

  test('the wallet says the transaction failed, but it landed: the app finds it on chain and reports success', async ({ app, devnet, page, request }) => {
    const mobile = await mobileWalletConfig(devnet);
    await connectThroughUniversalLink(app, wallet, mobile);
    const chain = new ChainReader(request, E2E_DEVNET_URL);
    const staking = new StakingPage(page);
    await staking.ready();
    const protocol = await devnetProtocol(devnet);
    const ptonWallet = await chain.jettonWallet(protocol.jettonMinter, mobile.address);
    const ptonBefore = await chain.jettonBalance(ptonWallet);

    await devnet.json('POST', '/devwallet/mobile/mode', { failAfterBroadcast: true });
    const link = await capturedWalletLink(page, () => pressStake(staking, '2'));
    await wallet.follow(link);
    await wallet.pending().getByTestId('request-approve').click();
    // The wallet broadcast, then told the app it failed. The click only starts that in the wallet's page: wait for it.
    const firstRequest = async () =>
      (await devnet.json<{ result: { requests: { status: string; detail?: string }[] } }>('GET', '/devwallet/mobile/state')).result.requests[0];
    await expect.poll(firstRequest).toMatchObject({ status: 'approved', detail: expect.stringMatching(/told it failed/) });
    await expect(staking.stakeStatus).toHaveAttribute('data-phase', 'confirmed', { timeout: 90_000 });
    await expect(staking.stakeStatusMessage).toContainText('you received');
    const ptonAfter = await chain.jettonBalance(ptonWallet);
    expect(ptonAfter).toBeGreaterThan(ptonBefore);
    await expect(staking.ptonBalance).toHaveAttribute('data-nano', ptonAfter.toString());
  });

  test('a request left unanswered past validUntil: a clear message, and approving later sends nothing', async ({ app, devnet, page, request }) => {
    const mobile = await mobileWalletConfig(devnet);
    // The app's clock runs 285 s behind, so its 5-minute validUntil is 15 s away on the chain's clock. (Moving the
    // shared devnet's clock instead would expire every other test's requests.)
    await page.clock.install({ time: new Date(Date.now() - 285_000) });
    await connectThroughUniversalLink(app, wallet, mobile);
    const chain = new ChainReader(request, E2E_DEVNET_URL);
    const staking = new StakingPage(page);
    await staking.ready();
    // What the wallet sent is told by its seqno, not its balance: a bill of an earlier test may be paid to it meanwhile.
    const seqnoBefore = await chain.walletSeqno(mobile.address);
    expect(seqnoBefore).toBeGreaterThan(0n);

    const link = await capturedWalletLink(page, () => pressStake(staking, '2'));
    await wallet.follow(link);
    // The user walks away; the wallet marks the request expired and offers nothing to sign.
    const expired = wallet.page.locator('[data-testid="request"][data-status="expired"]');
    await expect(expired).toHaveCount(1, { timeout: 40_000 });
    await expect(expired.getByTestId('request-approve')).toHaveCount(0);
    const state = await devnet.json<{ result: { requests: { key: string; status: string }[] } }>('GET', '/devwallet/mobile/state');
    const key = state.result.requests.find((entry) => entry.status === 'expired')!.key;
    await expect(devnet.json('POST', '/devwallet/mobile/answer', { key, approve: true })).rejects.toThrow(/answered 400.*already expired/);

    // The app gives up once validUntil has passed on its own clock, and says so.
    await page.clock.fastForward('05:10');
    await expect(staking.stakeStatus).toHaveAttribute('data-phase', 'expired', { timeout: 30_000 });
    await expect(staking.stakeStatusMessage).toHaveText('The wallet did not answer before the request expired. Nothing was sent.');
    expect(await chain.walletSeqno(mobile.address)).toBe(seqnoBefore);
    // A new request is possible, and nothing of the old one was resent.
    await expect(staking.stakeButton).toBeEnabled();
    const after = await devnet.json<{ result: { requests: { status: string }[] } }>('GET', '/devwallet/mobile/state');
    expect(after.result.requests.filter((entry) => entry.status === 'pending')).toEqual([]);
  });
});

test.describe('phone: inside a Telegram Mini App', () => {
  /** Opens the app as Telegram would (launch parameters in the hash), recording the web events it posts to Telegram. */
  async function openInTelegram(page: Page, platform: string): Promise<void> {
    await page.addInitScript(() => {
      const events: { type: string; data: string }[] = [];
      Object.assign(window, {
        __telegramEvents: events,
        TelegramWebviewProxy: { postEvent: (type: string, data: string) => events.push({ type, data }) },
      });
    });
    const hash = new URLSearchParams({ tgWebAppData: 'query_id=AAE&user=%7B%7D', tgWebAppPlatform: platform, tgWebAppVersion: '8.0', tgWebAppThemeParams: '{}' });
    await page.goto(`/#${hash}`);
  }

  test("returnStrategy 'back' reaches a wallet opened from the Mini App as tg://resolve, URL-encoded with the connect request", async ({ app, devnet, page }) => {
    const mobile = await mobileWalletConfig(devnet);
    await openInTelegram(page, 'android');
    await app.tonConnectButton.click();
    await expect(app.connectModal).toBeVisible();
    const link = await capturedWalletLink(page, () => app.connectModal.getByRole('button', { name: /Devnet Mobile Wallet/ }).first().click());
    const url = new URL(link);
    expect(url.origin + url.pathname).toBe(mobile.universalLink);
    expect(url.searchParams.get('v')).toBe('2');
    expect(url.searchParams.get('id')).toMatch(/^[0-9a-f]{64}$/);
    expect(JSON.parse(url.searchParams.get('r')!)).toMatchObject({ manifestUrl: `${E2E_APP_URL}/tonconnect-manifest.json` });
    // Inside Telegram, "back" means back to Telegram; the raw query carries it (and the request) percent-encoded.
    expect(url.searchParams.get('ret')).toBe('tg://resolve');
    expect(url.search).toContain('ret=tg%3A%2F%2Fresolve');
    expect(url.search).not.toMatch(/[{}"]/);
  });

  test('twaReturnUrl: a Telegram-hosted wallet opened from Telegram Web gets the Mini App link inside its startapp parameter', async ({ app, devnet, page }) => {
    const mobile = await mobileWalletConfig(devnet);
    // A wallet that lives in Telegram, beside the devnet's own list (its bridge is the devnet's).
    await page.route('**/wallets-devnet.json', async (route) => {
      const list = (await (await route.fetch()).json()) as unknown[];
      list.push({
        app_name: 'devnet-telegram-wallet',
        name: 'Devnet Telegram Wallet',
        image: '/devnet-wallet.png',
        about_url: 'https://t.me/wallet',
        universal_url: 'https://t.me/wallet?attach=wallet',
        bridge: [{ type: 'sse', url: mobile.bridgeUrl }],
        platforms: ['ios', 'android', 'macos', 'windows', 'linux'],
      });
      await route.fulfill({ json: list });
    });
    await openInTelegram(page, 'weba');
    await app.tonConnectButton.click();
    await expect(app.connectModal).toBeVisible();
    await app.connectModal.getByRole('button', { name: /Devnet Telegram Wallet/ }).first().click();
    // The UI asks Telegram to open the wallet's t.me link: the TON Connect parameters ride in `startapp`.
    const opened = await expect
      .poll(async () => {
        const events = await page.evaluate(() => (window as unknown as { __telegramEvents: { type: string; data: string }[] }).__telegramEvents);
        return events.find((event) => event.type === 'web_app_open_tg_link')?.data ?? null;
      }, { timeout: 20_000 })
      .not.toBeNull()
      .then(() => page.evaluate(() => (window as unknown as { __telegramEvents: { type: string; data: string }[] }).__telegramEvents));
    const { path_full: pathFull } = JSON.parse(opened.find((event) => event.type === 'web_app_open_tg_link')!.data) as { path_full: string };
    const startapp = new URL(`https://t.me${pathFull}`).searchParams.get('startapp')!;
    expect(startapp).toMatch(/^tonconnect-/);
    const params = new URLSearchParams(decodeTelegramUrlParameters(startapp.slice('tonconnect-'.length)));
    expect(params.get('v')).toBe('2');
    expect(params.get('id')).toMatch(/^[0-9a-f]{64}$/);
    expect(JSON.parse(params.get('r')!)).toMatchObject({ manifestUrl: `${E2E_APP_URL}/tonconnect-manifest.json` });
    expect(params.get('ret')).toBe(E2E_TWA_RETURN_URL);
  });
});
