// `npm start` serves the app with Vite's dev server, which no other spec loads (they use production builds). Here
// the dev server runs against the e2e devnet: the page loads, reads the pool, connects the Devnet Wallet and shows
// the round history, with no uncaught error and nothing in the console. React's development build warns there (a
// state update during another component's render, a key missing) in ways a production build never shows.
import { spawn, type ChildProcess } from 'node:child_process';
import { test, expect } from './fixtures';
import { E2E_DEV_PORT, E2E_DEV_URL, E2E_DEVNET_URL } from './support/env';

let server: ChildProcess | undefined;

test.describe.configure({ mode: 'serial' });

test.beforeAll(async () => {
  test.setTimeout(120_000);
  const env = Object.fromEntries(Object.entries(process.env).filter(([name]) => !name.startsWith('VITE_')));
  server = spawn('npx', ['vite', '--port', String(E2E_DEV_PORT), '--strictPort', '--logLevel', 'error'], {
    env: { ...env, VITE_CONFIG_NATIVE_IGNORE_WARNING: 'true', VITE_NETWORK: 'devnet', VITE_DEVNET_URL: E2E_DEVNET_URL },
    stdio: 'ignore',
    detached: true,
  });
  for (let attempt = 0; ; attempt++) {
    const up = await fetch(E2E_DEV_URL).then(
      (response) => response.ok,
      () => false,
    );
    if (up) break;
    if (attempt > 240) throw new Error(`the Vite dev server did not come up on ${E2E_DEV_URL}`);
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
});

test.afterAll(() => {
  if (server?.pid) {
    try {
      process.kill(-server.pid, 'SIGTERM'); // its own process group: npx and the node it starts
    } catch {
      // already gone
    }
  }
});

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
