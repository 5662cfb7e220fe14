// Shared fixtures: no request leaves the machine, each test has its own funded dev wallet, and page objects.
import { test as base, expect, type TestInfo } from '@playwright/test';
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
}

export const test = base.extend<Fixtures>({
  // eslint-disable-next-line no-empty-pattern -- Playwright reads fixture dependencies from the destructuring
  blockedRequests: async ({}, use) => {
    await use([]);
  },

  context: async ({ context, blockedRequests }, use, testInfo) => {
    await context.route('**/*', async (route) => {
      const url = route.request().url();
      if (isLoopback(url)) return route.continue();
      blockedRequests.push(url);
      return route.abort('blockedbyclient');
    });
    await use(context);
    if (blockedRequests.length > 0) {
      testInfo.annotations.push({
        type: 'blocked-requests',
        description: [...new Set(blockedRequests)].join('\n'),
      });
    }
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
