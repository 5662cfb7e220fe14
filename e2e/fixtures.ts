// Shared fixtures: no request leaves the machine, each test has its own funded dev wallet, and page objects.
import { test as base, expect, type Page, type TestInfo } from '@playwright/test';
import { E2E_DEVNET_URL } from './support/env';
import { AppPage } from './support/app-page';
import { DevnetApi } from './support/devnet-api';

/** Same key the app's dev wallet reads (src/dev-wallet/bridge.ts WALLET_NAME_STORAGE_KEY). */
const WALLET_NAME_STORAGE_KEY = 'devnet-wallet-name';

function isLoopback(url: string): boolean {
  const { protocol, hostname } = new URL(url);
  if (protocol === 'data:' || protocol === 'blob:') return true;
  return hostname === 'localhost' || hostname === '[::1]' || /^127\.\d+\.\d+\.\d+$/.test(hostname);
}

/**
 * Console errors a test provokes on purpose and the app reports correctly: the browser logs every failed request
 * ("Failed to load resource"), and tests make the devnet fail (429s, 500s, aborted routes).
 */
function isExpectedConsoleError(text: string): boolean {
  return /^Failed to load resource: /.test(text);
}

/** A devnet wallet name unique to this test and attempt, within the devnet's [A-Za-z0-9_.-]{1,64}. */
export function walletNameFor(testInfo: TestInfo): string {
  return `e2e-${testInfo.testId}-r${testInfo.retry}`.replace(/[^A-Za-z0-9_.-]/g, '_').slice(0, 64);
}

interface Fixtures {
  /** The dev wallet name this test's pages use (set in localStorage before any page script runs). */
  devWalletName: string;
  devnet: DevnetApi;
  app: AppPage;
  /** Non-loopback URLs the page tried to reach (all aborted). */
  blockedRequests: string[];
  /** Uncaught errors and console errors of every page of the test; the test fails when any is left (issue 16 item 12). */
  pageErrors: string[];
  /** Console errors a spec provokes on purpose (set with test.use, with its reason); uncaught errors always fail. */
  expectedConsoleErrors: RegExp | null;
}

export const test = base.extend<Fixtures>({
  // eslint-disable-next-line no-empty-pattern -- Playwright reads fixture dependencies from the destructuring
  blockedRequests: async ({}, use) => {
    await use([]);
  },

  expectedConsoleErrors: [null, { option: true }],

  // eslint-disable-next-line no-empty-pattern -- as above
  pageErrors: async ({}, use) => {
    await use([]);
  },

  context: async ({ context, blockedRequests, pageErrors, expectedConsoleErrors }, use, testInfo) => {
    const watch = (page: Page) => {
      page.on('pageerror', (error) => pageErrors.push(`uncaught: ${error.message}`));
      page.on('console', (message) => {
        const text = message.text();
        if (message.type() !== 'error' || isExpectedConsoleError(text) || expectedConsoleErrors?.test(text)) return;
        pageErrors.push(`console.error: ${text}`);
      });
    };
    context.pages().forEach(watch);
    context.on('page', watch);
    await context.route('**/*', async (route) => {
      const url = route.request().url();
      try {
        if (isLoopback(url)) return await route.continue();
        blockedRequests.push(url);
        return await route.abort('blockedbyclient');
      } catch (error) {
        // The page cancelled the request (a query was superseded, the page navigated) while a page-level route of
        // the test passed it on: there is nothing left to continue. Seen once in CI with pool-versions' rewriter.
        if (error instanceof Error && /already handled|closed|disposed/i.test(error.message)) return;
        throw error;
      }
    });
    await use(context);
    if (pageErrors.length > 0) testInfo.annotations.push({ type: 'page-errors', description: pageErrors.join('\n') });
    if (blockedRequests.length > 0) {
      testInfo.annotations.push({
        type: 'blocked-requests',
        description: [...new Set(blockedRequests)].join('\n'),
      });
    }
    expect(pageErrors, 'uncaught page errors or console errors').toEqual([]);
  },

  // eslint-disable-next-line no-empty-pattern -- as above
  devWalletName: async ({}, use, testInfo) => {
    await use(walletNameFor(testInfo));
  },

  page: async ({ page, devWalletName }, use) => {
    await page.addInitScript(
      ([key, name]) => {
        window.localStorage.setItem(key, name);
      },
      [WALLET_NAME_STORAGE_KEY, devWalletName] as const,
    );
    await use(page);
  },

  devnet: async ({ request, devWalletName }, use) => {
    await use(new DevnetApi(request, E2E_DEVNET_URL, devWalletName));
  },

  app: async ({ page }, use) => {
    await use(new AppPage(page));
  },
});

export { expect };
