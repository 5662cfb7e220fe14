import { defineConfig } from '@playwright/test';
import {
  E2E_APP_OUT_DIR,
  E2E_APP_PORT,
  E2E_APP_URL,
  E2E_DEVNET_PORT,
  E2E_DEVNET_SECOND_PORT,
  E2E_DEVNET_STATE_DIR,
  E2E_DEVNET_URL,
  E2E_DEV_URL,
  E2E_PROD_URL,
  E2E_TWA_RETURN_URL,
} from './e2e/support/env';

const CI = Boolean(process.env.CI);

export default defineConfig({
  testDir: 'e2e',
  testMatch: '**/*.spec.ts',
  // Per app port, like the build dir: a second run on the same machine must not wipe this run's artifacts.
  outputDir: `test-results/e2e-${E2E_APP_PORT}`,
  // Generous: a connect flow is ~5 s on an idle 2-core machine but several times that under load.
  timeout: 90_000,
  expect: { timeout: 10_000 },
  fullyParallel: false,
  forbidOnly: CI,
  retries: CI ? 1 : 0,
  // 2-core machines: the devnet and the preview server need a core between them.
  workers: CI ? 1 : 2,
  reporter: CI
    ? [['list'], ['html', { open: 'never', outputFolder: `playwright-report/e2e-${E2E_APP_PORT}` }]]
    : 'list',
  use: {
    baseURL: E2E_APP_URL,
    trace: 'retain-on-failure',
    screenshot: 'only-on-failure',
    launchOptions: {
      // Debian's Chromium (scripts/ensure-chromium.sh installs it); Playwright's browser downloads are never used.
      executablePath: '/usr/bin/chromium',
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-background-networking',
        '--disable-component-update',
        '--no-first-run',
        '--disable-quic',
        '--disable-sync',
      ],
    },
  },
  projects: [{ name: 'chromium', use: { browserName: 'chromium' } }],
  webServer: [
    {
      name: 'devnet',
      command: 'npx tsx devnet/main.ts --reset',
      url: `${E2E_DEVNET_URL}/devnet/config`,
      env: {
        DEVNET_PORT: String(E2E_DEVNET_PORT),
        DEVNET_EXTRA_API_PORTS: String(E2E_DEVNET_SECOND_PORT),
        DEVNET_STATE_DIR: E2E_DEVNET_STATE_DIR,
        // Short rounds so a bill is paid within a test; few history rounds keep genesis quick.
        DEVNET_ROUND_SECONDS: process.env.DEVNET_ROUND_SECONDS ?? '20',
        DEVNET_HISTORY_ROUNDS: process.env.DEVNET_HISTORY_ROUNDS ?? '2',
        // The browser pages that call the devnet: the e2e app, the testnet-mode build of production.spec.ts and the
        // dev server of dev-server.spec.ts.
        DEVNET_ALLOWED_ORIGINS: [E2E_APP_URL, E2E_PROD_URL, E2E_DEV_URL].join(','),
      },
      reuseExistingServer: !CI,
      timeout: 180_000,
      stdout: 'ignore',
      stderr: 'pipe',
    },
    {
      name: 'app',
      // A production build served by `vite preview`: what users get, and no dep-optimizer reloads mid-test.
      command: `npx vite build --outDir ${E2E_APP_OUT_DIR} --emptyOutDir --logLevel warn && npx vite preview --outDir ${E2E_APP_OUT_DIR} --port ${E2E_APP_PORT} --strictPort`,
      url: E2E_APP_URL,
      env: { VITE_NETWORK: 'devnet', VITE_DEVNET_URL: E2E_DEVNET_URL, VITE_TWA_RETURN_URL: E2E_TWA_RETURN_URL },
      reuseExistingServer: !CI,
      timeout: 180_000,
      stdout: 'ignore',
      stderr: 'pipe',
    },
  ],
});
