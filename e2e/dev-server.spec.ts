// `npm start` serves the app with Vite's dev server, which no other spec loads (they use production builds). Here
// the dev server runs against the e2e devnet: the page loads, reads the pool, connects the Devnet Wallet and shows
// the round history, with no uncaught error and nothing in the console. React's development build warns there (a
// state update during another component's render, a key missing) in ways a production build never shows.
import type { ChildProcess } from 'node:child_process';
import { test, expect } from './fixtures';
import { E2E_DEV_PORT, E2E_DEV_URL, E2E_DEVNET_URL } from './support/env';
import { startVite, stopVite, viteEnv } from './support/vite-server';

let server: ChildProcess | undefined;

test.describe.configure({ mode: 'serial' });

test.beforeAll(async () => {
  test.setTimeout(120_000);
  const env = viteEnv({ VITE_NETWORK: 'devnet', VITE_DEVNET_URL: E2E_DEVNET_URL });
  server = await startVite(['--port', String(E2E_DEV_PORT), '--strictPort', '--logLevel', 'error'], env, E2E_DEV_URL);
});

test.afterAll(() => stopVite(server));

test('the dev server serves a working app with a clean console', async ({ page, app }) => {
  test.setTimeout(120_000);
  // the first load compiles every module on demand
  await page.goto(E2E_DEV_URL);
  await expect(page.getByTestId('stat-rate')).toHaveAttribute('data-value', /^\d+$/, { timeout: 90_000 });
  await app.connectDevWallet();
  await expect(page.getByTestId('stake-ton-balance')).toHaveAttribute('data-nano', /^\d+$/, { timeout: 30_000 });
  const history = await app.showRoundHistory();
  await expect(history.getByTestId('chart-apy')).toBeVisible({ timeout: 60_000 });
  await page.getByRole('region', { name: 'Bills', exact: true }).scrollIntoViewIfNeeded();
  await expect(page.getByTestId('bills-empty')).toBeVisible({ timeout: 30_000 });
});
