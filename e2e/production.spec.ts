// The testnet-mode production build, as users get it, served by `vite preview` on its own port under a base path
// (/lst-demo/, as GitHub Pages serves a project site from /<repo>/). Its RPC endpoint and
// pool point at the e2e devnet so it has a live pool to read. Checks: no devnet code or Devnet Wallet, the CSP (meta
// and header) lets the app work and blocks the rest, the TON Connect manifest, and that a wallet on the wrong chain is
// refused at connect time with a clear message. The wrong-chain wallet is an injected test bridge offered through a
// served wallets list: the same path a real extension wallet takes, so the SDK's own connect-time check is exercised.
import { execFile, type ChildProcess } from 'node:child_process';
import { createHash } from 'node:crypto';
import { promisify } from 'node:util';
import type { Page } from '@playwright/test';
import { test, expect } from './fixtures';
import { startVite, stopVite, viteEnv } from './support/vite-server';
import { E2E_DEVNET_SECOND_URL, E2E_DEVNET_URL, E2E_PROD_PORT, E2E_PROD_URL } from './support/env';
import { DEVNET_MARKERS, findInBundle } from '../scripts/check-bundle';

const PROD_PORT = E2E_PROD_PORT;
const PROD_ORIGIN = E2E_PROD_URL;
const BASE_PATH = '/lst-demo/';
/** The app URL as VITE_APP_URL gives it and the TON Connect manifest names it (no trailing slash). */
const PROD_URL = `${PROD_ORIGIN}${BASE_PATH.replace(/\/$/, '')}`;
/** Where the app's index.html is served. */
const PROD_ROOT = `${PROD_ORIGIN}${BASE_PATH}`;
const OUT_DIR = `dist/e2e-prod-${PROD_PORT}`;
const WALLETS_LIST_URL = 'https://config.ton.org/wallets-v2.json';
const WRONG_CHAIN_BRIDGE_KEY = 'e2eMainnetWallet';

let preview: ChildProcess | undefined;

test.describe.configure({ mode: 'serial' });
// This run is offline: the SDK's fetch of the public wallets list is blocked (it falls back to its bundled list and
// logs the failure), wallet icons from hosts outside the CSP's short list are refused on purpose (see the CSP test),
// and one test holds back the app chunk, which the app reports.
test.use({
  expectedConsoleErrors:
    /^\[TON_CONNECT_SDK\] TypeError: Failed to fetch[\s\S]*fetchWalletsListFromSource|^Loading the image '[^']+' violates the following Content Security Policy directive: "img-src |^The app chunk failed to load /,
});

test.beforeAll(async () => {
  test.setTimeout(240_000);
  const config = (await (await fetch(`${E2E_DEVNET_URL}/devnet/config`)).json()) as { pool?: string };
  expect(config.pool, 'the e2e devnet has a pool').toBeTruthy();
  const env = viteEnv({
    VITE_TON_ENDPOINT: `${E2E_DEVNET_URL}/jsonRPC`,
    VITE_POOL_ADDRESS: String(config.pool),
    VITE_APP_URL: PROD_ROOT,
  });
  await promisify(execFile)(
    'npx',
    ['vite', 'build', '--mode', 'testnet', '--outDir', OUT_DIR, '--emptyOutDir', '--logLevel', 'error'],
    { env },
  );
  preview = await startVite(
    ['preview', '--outDir', OUT_DIR, '--port', String(PROD_PORT), '--strictPort'],
    env,
    PROD_ROOT,
  );
});

test.afterAll(() => stopVite(preview));

/** An injected wallet that answers connect with a mainnet (-239) account, for a testnet (-3) app. */
async function installWrongChainWallet(page: Page): Promise<void> {
  await page.addInitScript((bridgeKey) => {
    const device = {
      platform: 'browser',
      appName: 'e2e-mainnet-wallet',
      appVersion: '1.0.0',
      maxProtocolVersion: 2,
      features: ['SendTransaction', { name: 'SendTransaction', maxMessages: 4 }],
    };
    let eventId = 0;
    const connectEvent = () => ({
      event: 'connect',
      id: ++eventId,
      payload: {
        device,
        items: [
          {
            name: 'ton_addr',
            address: `0:${'ab'.repeat(32)}`,
            network: '-239',
            publicKey: 'cd'.repeat(32),
            walletStateInit: 'te6cckEBAQEAAgAAAEysuc0=',
          },
        ],
      },
    });
    (window as unknown as Record<string, unknown>)[bridgeKey] = {
      tonconnect: {
        deviceInfo: device,
        protocolVersion: 2,
        isWalletBrowser: false,
        connect: async (_version: number, message: { manifestUrl: string }) => {
          // What a real wallet would fetch the manifest from; read by the base-path test.
          (window as unknown as { __connectManifestUrl?: string }).__connectManifestUrl = message.manifestUrl;
          return connectEvent();
        },
        restoreConnection: async () => ({
          event: 'connect_error',
          id: ++eventId,
          payload: { code: 0, message: 'none' },
        }),
        send: async (request: { id: string }) => ({
          id: request.id,
          error: { code: 400, message: 'unsupported' },
        }),
        listen: () => () => undefined,
        disconnect: () => undefined,
      },
    };
  }, WRONG_CHAIN_BRIDGE_KEY);
  // The remote wallets list, served locally: one wallet, the injected test bridge above.
  await page.route(WALLETS_LIST_URL, (route) =>
    route.fulfill({
      contentType: 'application/json',
      headers: { 'access-control-allow-origin': '*' },
      body: JSON.stringify([
        {
          app_name: 'e2e-mainnet-wallet',
          name: 'Mainnet Test Wallet',
          image: `${PROD_URL}/icon-180.png`,
          about_url: `${PROD_URL}/`,
          platforms: ['chrome', 'firefox', 'safari', 'macos', 'windows', 'linux'],
          bridge: [{ type: 'js', key: WRONG_CHAIN_BRIDGE_KEY }],
        },
      ]),
    }),
  );
}

/** Collects CSP violations the page reports, from before any app script runs. */
async function recordCspViolations(page: Page): Promise<() => Promise<string[]>> {
  await page.addInitScript(() => {
    const seen: string[] = [];
    (window as unknown as { __cspViolations: string[] }).__cspViolations = seen;
    document.addEventListener('securitypolicyviolation', (event) =>
      seen.push(`${event.effectiveDirective} ${event.blockedURI}`),
    );
  });
  return () => page.evaluate(() => (window as unknown as { __cspViolations: string[] }).__cspViolations);
}

test('the testnet build has no devnet code, a CSP meta tag and header, and a correct TON Connect manifest', async ({
  request,
}) => {
  const hits = findInBundle(OUT_DIR, DEVNET_MARKERS);
  expect(hits).toEqual([]);

  const response = await request.get(PROD_ROOT);
  const header = response.headers()['content-security-policy'] ?? '';
  const html = await response.text();
  const meta = /<meta http-equiv="Content-Security-Policy" content="([^"]+)"/.exec(html)?.[1];
  expect(meta).toBeTruthy();
  expect(header).toBe(`${meta}; frame-ancestors 'self' https://web.telegram.org`);
  const directives = Object.fromEntries(
    header.split(';').map((part) => {
      const [name, ...sources] = part.trim().split(/\s+/);
      return [name, sources];
    }),
  );
  // Scripts from the app's origin, and the one inline script index.html carries (the first paint's), by its hash.
  const inline = [...html.matchAll(/<script>([\s\S]*?)<\/script>/g)].map((match) => match[1]);
  expect(inline).toHaveLength(1);
  expect(directives['script-src']).toEqual([
    "'self'",
    `'sha256-${createHash('sha256').update(inline[0]).digest('base64')}'`,
  ]);
  expect(directives['object-src']).toEqual(["'none'"]);
  expect(directives['base-uri']).toEqual(["'none'"]);
  expect(directives['connect-src']).toContain(new URL(E2E_DEVNET_URL).origin);
  expect(directives['connect-src']).toContain('https://bridge.tonapi.io');
  expect(directives['connect-src']).not.toContain('*');

  const manifest = await (await request.get(`${PROD_URL}/tonconnect-manifest.json`)).json();
  expect(manifest).toEqual({ url: PROD_URL, name: 'LSt Staking', iconUrl: `${PROD_URL}/icon-180.png` });
  const icon = await request.get(manifest.iconUrl);
  expect(icon.headers()['content-type']).toBe('image/png');

  // Everything index.html links to (in-page anchors of the prerendered shell aside) lives under the base path and is
  // served from there.
  const linked = [...html.matchAll(/(?:src|href)="([^"#][^"]*)"/g)].map((match) => match[1]);
  expect(linked.length).toBeGreaterThan(3);
  for (const path of linked) {
    expect(path.startsWith(BASE_PATH), path).toBe(true);
    expect((await request.get(`${PROD_ORIGIN}${path}`)).status(), path).toBe(200);
  }
  // Nothing of the app at the origin's root: a site served from /<repo>/ owns nothing above it.
  expect((await request.get(`${PROD_ORIGIN}/tonconnect-manifest.json`)).status()).toBe(404);
});

test('under the base path, TON Connect fetches the manifest from it and the logo links back to it', async ({
  page,
  app,
}) => {
  await installWrongChainWallet(page);
  await app.open(PROD_ROOT);
  await app.tonConnectButton.click();
  await app.connectModal.getByRole('button', { name: /Mainnet Test Wallet/ }).click();
  // The wallet is handed the manifest URL under the base path (it fetches it from there).
  await expect(page.getByTestId('wrong-network-notice')).toBeVisible();
  expect(
    await page.evaluate(() => (window as unknown as { __connectManifestUrl?: string }).__connectManifestUrl),
  ).toBe(`${PROD_URL}/tonconnect-manifest.json`);
  await page.keyboard.press('Escape');
  await expect(page.getByRole('banner').getByRole('link', { name: /LSt Staking/ })).toHaveAttribute(
    'href',
    BASE_PATH,
  );
});

test('reads the pool under the CSP and offers no Devnet Wallet', async ({ page, app, request }) => {
  const violations = await recordCspViolations(page);
  const scripts: string[] = [];
  page.on('request', (sent) => {
    if (sent.resourceType() === 'script') scripts.push(sent.url());
  });
  await installWrongChainWallet(page);
  await app.open(PROD_ROOT);
  await expect(app.networkBadge).toHaveText('Testnet');
  // A live read through the RPC the CSP allows.
  await expect(page.getByText(/1 pTON = \d/)).toBeVisible({ timeout: 30_000 });
  // @ton/core hashes cells with the app's own SHA-256 (vite/ton-crypto-plugin.ts): the dashboard loads no jsSHA.
  expect(scripts.length).toBeGreaterThan(3);
  for (const url of scripts) {
    expect(await (await request.get(url)).text(), url).not.toContain('Chosen SHA variant is not supported');
  }
  await app.tonConnectButton.click();
  await expect(app.connectModal).toBeVisible();
  await expect(app.connectModal.getByRole('button', { name: /Mainnet Test Wallet/ })).toBeVisible();
  await expect(app.connectModal.getByText(/Devnet Wallet/)).toHaveCount(0);
  // Allowed refusals: remote wallet icons (this run is offline, and hosts outside the short list are blocked on
  // purpose), and the empty `ontouchstart` attribute TON Connect UI puts on <body> (an iOS :active hack; inert).
  const unexpected = (await violations()).filter(
    (violation) => !violation.startsWith('img-src') && violation !== 'script-src-attr inline',
  );
  expect(unexpected).toEqual([]);
});

test('the RPC endpoints panel refuses an endpoint the CSP does not list, and says why', async ({
  page,
  app,
}) => {
  await app.open(PROD_ROOT);
  await page.getByText('RPC endpoints', { exact: true }).click();
  const endpoints = page.getByRole('list', { name: 'RPC endpoints' });
  await expect(endpoints.getByRole('listitem')).toHaveCount(1);
  // The same devnet on another port: a different origin, so outside connect-src.
  await page.getByLabel('Endpoint URL (toncenter API v2)').fill(`${E2E_DEVNET_SECOND_URL}/jsonRPC`);
  await page.getByRole('button', { name: 'Add endpoint' }).click();
  await expect(page.getByTestId('rpc-endpoint-outcome')).toHaveText(
    `Not added: this build's Content-Security-Policy only lets the page reach the endpoints it was built with ` +
      `(${new URL(E2E_DEVNET_URL).origin}). You can add another key for one of them, or build the app with your ` +
      `endpoint in VITE_TON_ENDPOINTS.`,
  );
  await expect(endpoints.getByRole('listitem')).toHaveCount(1);
  // Refused before any request: the policy never had to block one.
  expect(await page.evaluate(() => localStorage.getItem('lst-rpc-endpoints') ?? '')).not.toContain(
    E2E_DEVNET_SECOND_URL,
  );
});

test('paints the prerendered shell before any script, and says so when the app chunk cannot load', async ({
  page,
  app,
}) => {
  // The shell is in index.html itself; no script or high-priority preload is on the first paint's path.
  const html = await (await page.request.get(PROD_ROOT)).text();
  expect(html).toMatch(/<div id="root"><div data-prerendered>.*Stake TON, hold pTON/s);
  expect(html).not.toContain('rel="modulepreload"');
  expect([...html.matchAll(/<script type="module"[^>]*src="([^"]+)"/g)].map((match) => match[1])).toEqual([
    expect.stringMatching(/\/assets\/index-[\w-]+\.js$/),
  ]);

  // Held back, the app chunk leaves the shell on screen: intro, header and placeholders, no wallet control yet.
  let release: () => void = () => {};
  const held = new Promise<void>((resolve) => (release = resolve));
  await page.route(/\/assets\/root-[\w-]+\.js$/, async (route) => {
    await held;
    await route.abort();
  });
  await app.open(PROD_ROOT);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(/^Stake TON, hold pTON$/);
  await expect(page.getByRole('status', { name: 'Restoring wallet connection' })).toBeVisible();
  await expect(app.tonConnectButton).toHaveCount(0);

  // Failed, it is replaced by an explanation and a way out, not by skeletons forever.
  release();
  await expect(page.getByRole('alert')).toHaveText(/did not download.*reload/i);
  await expect(page.getByRole('button', { name: 'Reload' })).toBeVisible();
  await expect(page.locator('[data-prerendered]')).toHaveCount(0);
});

test("the app's chunks are requested only once the shell's first contentful paint is reported", async ({ page, app }) => {
  await app.open(PROD_ROOT);
  await expect(page.getByText(/1 pTON = \d/)).toBeVisible({ timeout: 30_000 });
  const { firstPaint, firstChunk } = await page.evaluate(() => {
    const chunks = performance
      .getEntriesByType('resource')
      .filter((entry) => /\/assets\/(?!index-)[\w-]+\.js$/.test(new URL(entry.name).pathname));
    return {
      firstPaint: performance.getEntriesByName('first-contentful-paint')[0]?.startTime ?? null,
      firstChunk: Math.min(...chunks.map((entry) => entry.startTime)),
    };
  });
  // A chunk requested before the paint competes with it (and Lighthouse counts it as something the paint waited for).
  expect(firstPaint).not.toBeNull();
  expect(firstChunk).toBeGreaterThan(firstPaint!);
});

test('opened in a background tab, the app loads without waiting for a frame', async ({ page, app }) => {
  // What a tab opened in the background is like: hidden, and requestAnimationFrame never runs until it is shown.
  await page.addInitScript(() => {
    Object.defineProperty(document, 'visibilityState', { get: () => 'hidden' });
    Object.defineProperty(document, 'hidden', { get: () => true });
    window.requestAnimationFrame = () => 0;
  });
  await app.open(PROD_ROOT);
  await expect(page.getByText(/1 pTON = \d/)).toBeVisible({ timeout: 30_000 });
  await expect(page.locator('[data-prerendered]')).toHaveCount(0);
});

test('the prerendered shell: shown without any script, in the system’s dark theme, and hidden from a Russian reader', async ({
  browser,
}) => {
  const visit = async (options: Parameters<typeof browser.newContext>[0], blockScripts: boolean) => {
    const context = await browser.newContext(options);
    const page = await context.newPage();
    // no module script runs: what is on screen comes from index.html and its inline first-paint script alone
    if (blockScripts) await page.route(/\/assets\/[\w-]+\.js$/, (route) => route.abort());
    await page.goto(PROD_ROOT);
    return { context, page };
  };

  const noScript = await visit({ javaScriptEnabled: false }, false);
  await expect(noScript.page.getByRole('heading', { level: 1 })).toHaveText(/^Stake TON, hold pTON$/);
  await expect(noScript.page.getByText('Connect a wallet to stake TON.')).toBeVisible();
  await noScript.context.close();

  const background = (page: Page) => page.evaluate(() => getComputedStyle(document.body).backgroundColor);
  const light = await visit({ colorScheme: 'light' }, true);
  await expect(light.page.getByRole('heading', { level: 1 })).toBeVisible();
  expect(await light.page.evaluate(() => document.documentElement.classList.contains('dark'))).toBe(false);
  // nothing answers the static copy's controls yet: they say so instead of dropping a choice
  await expect(light.page.getByTestId('theme-toggle')).toBeDisabled();
  await expect(light.page.getByTestId('language-switch')).toBeDisabled();
  const lightBackground = await background(light.page);
  await light.context.close();
  const dark = await visit({ colorScheme: 'dark' }, true);
  await expect(dark.page.getByRole('heading', { level: 1 })).toBeVisible();
  expect(await dark.page.evaluate(() => document.documentElement.classList.contains('dark'))).toBe(true);
  expect(await background(dark.page)).not.toBe(lightBackground);
  await dark.context.close();

  // English only: a Russian reader waits for React's shell in Russian rather than seeing English first.
  const russian = await visit({ locale: 'ru-RU' }, true);
  await expect(russian.page.locator('[data-prerendered]')).toBeHidden();
  expect(await russian.page.evaluate(() => document.documentElement.hasAttribute('data-shell-off'))).toBe(
    true,
  );
  await russian.context.close();
  const russianWithScripts = await visit({ locale: 'ru-RU' }, false);
  await expect(russianWithScripts.page.getByRole('heading', { level: 1 })).toHaveText(/^Стейкайте TON/);
  await russianWithScripts.context.close();
});

for (const { where, viewport } of [
  { where: 'on a phone', viewport: { width: 390, height: 844 } },
  { where: 'at desktop width', viewport: { width: 1280, height: 900 } },
]) {
  test(`${where}, nothing moves when the panels replace their placeholders`, async ({ page, app }) => {
    await page.setViewportSize(viewport);
    let release: () => void = () => {};
    const held = new Promise<void>((resolve) => (release = resolve));
    await page.route(/\/assets\/root-[\w-]+\.js$/, async (route) => {
      await held;
      await route.continue();
    });
    // top and height of each dashboard slot, as the page lays them out
    const slots = () =>
      page.evaluate(() =>
        [...document.querySelectorAll('main > div > *')].map((slot) => {
          const box = slot.getBoundingClientRect();
          return { top: Math.round(box.top + window.scrollY), height: Math.round(box.height) };
        }),
      );
    await app.open(PROD_ROOT);
    await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
    const placeholders = await slots();

    release();
    await expect(page.getByTestId('stat-rate')).toBeVisible({ timeout: 30_000 });
    await expect(page.getByTestId('stat-apy-current').getByRole('status')).toHaveCount(0);
    await app.showRoundHistory();
    await expect(page.getByTestId('chart-apy')).toBeVisible({ timeout: 30_000 });
    await page.evaluate(() => window.scrollTo(0, 0));
    const loaded = await slots();

    expect(loaded).toHaveLength(placeholders.length);
    // within a line of text: the placeholders are sized like the panels at this width
    for (const [index, slot] of loaded.entries()) {
      expect(Math.abs(slot.top - placeholders[index].top), `slot ${index} top`).toBeLessThanOrEqual(24);
      expect(Math.abs(slot.height - placeholders[index].height), `slot ${index} height`).toBeLessThanOrEqual(
        24,
      );
    }
  });
}

test('fits a 360 px phone screen without sideways scrolling', async ({ page, app }, testInfo) => {
  await page.setViewportSize({ width: 360, height: 740 });
  await app.open(PROD_ROOT);
  await expect(page.getByText(/1 pTON = \d/)).toBeVisible({ timeout: 30_000 });
  await testInfo.attach('360x740', {
    body: await page.screenshot({ fullPage: true }),
    contentType: 'image/png',
  });
  const overflowing = await page.evaluate(() =>
    [...document.querySelectorAll('body *')]
      .filter((element) => element.getBoundingClientRect().right > window.innerWidth + 1)
      .map((element) => element.tagName.toLowerCase() + (element.id ? `#${element.id}` : '')),
  );
  expect(overflowing).toEqual([]);
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
});

test('opened as a Telegram Mini App: theme variables applied, the client asked to expand', async ({
  page,
  app,
}) => {
  // What Telegram Web does: load the app in an iframe with the launch parameters in the hash. A top-level page is its
  // own parent here, so the events it posts for https://web.telegram.org are recorded by wrapping postMessage.
  await page.addInitScript(() => {
    const sent: string[] = [];
    (window as unknown as { __telegramEvents: string[] }).__telegramEvents = sent;
    const original = window.postMessage.bind(window);
    window.postMessage = ((message: unknown, options?: unknown) => {
      if (options === 'https://web.telegram.org' && typeof message === 'string')
        sent.push(JSON.parse(message).eventType);
      else original(message, options as WindowPostMessageOptions);
    }) as typeof window.postMessage;
  });
  const theme = { bg_color: '#17212b', text_color: '#f5f5f5', button_color: '#5288c1' };
  const hash = new URLSearchParams({
    tgWebAppData: 'query_id=AAA&user=%7B%7D&auth_date=1&hash=x',
    tgWebAppVersion: '8.0',
    tgWebAppPlatform: 'weba',
    tgWebAppThemeParams: JSON.stringify(theme),
  });
  await app.open(`${PROD_ROOT}#${hash}`);
  const root = page.locator('html');
  await expect(root).toHaveClass(/tg-mini-app/);
  expect(
    await root.evaluate((element) => getComputedStyle(element).getPropertyValue('--tg-theme-bg-color')),
  ).toBe('#17212b');
  expect(await root.evaluate((element) => element.style.colorScheme)).toBe('dark');
  const events = await page.evaluate(
    () => (window as unknown as { __telegramEvents: string[] }).__telegramEvents,
  );
  expect(events).toEqual(expect.arrayContaining(['web_app_ready', 'web_app_expand']));
});

test('a wallet on mainnet is refused by the testnet app with a clear message', async ({ page, app }) => {
  await installWrongChainWallet(page);
  await app.open(PROD_ROOT);
  await app.tonConnectButton.click();
  await app.connectModal.getByRole('button', { name: /Mainnet Test Wallet/ }).click();
  const notice = page.getByTestId('wrong-network-notice');
  await expect(notice).toHaveText(/Your wallet is on Mainnet, but this app works on Testnet\./);
  await expect(notice).toHaveAttribute('role', 'alert');
  // Not connected: the wallet panel still asks to connect, and nothing restores after a reload.
  await page.keyboard.press('Escape');
  await expect(app.connectPrompt).toBeVisible();
  await page.reload();
  await expect(app.connectPrompt).toBeVisible();
  await expect(app.walletAddress).toHaveCount(0);
});
