// `npm run bench:stake`: time from the Devnet Wallet's approval to the app showing the new pTON balance,
// driving the real app in Chromium. Needs a running devnet with the pool and the app (`npm start`), or
// BENCH_DEVNET_URL / BENCH_APP_URL pointing at them. Prints one JSON object.
import { chromium } from '@playwright/test';
import { approveInDevWallet } from './bench-support';

const DEVNET_URL = process.env.BENCH_DEVNET_URL ?? 'http://127.0.0.1:8081';
const APP_URL = process.env.BENCH_APP_URL ?? 'http://127.0.0.1:5173';
const RUNS = Number(process.env.BENCH_RUNS ?? 5);
const AMOUNT_TON = process.env.BENCH_AMOUNT_TON ?? '2';
const STEP_TIMEOUT_MS = 60_000;

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
}

async function main(): Promise<void> {
  const config = (await (await fetch(`${DEVNET_URL}/devnet/config`)).json()) as { pool?: string; roundSeconds?: number };
  if (!config.pool) throw new Error(`no pool on the devnet at ${DEVNET_URL}`);

  const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', args: ['--no-sandbox', '--disable-gpu'] });
  const walletName = `bench-${Date.now()}`;
  const context = await browser.newContext();
  await context.addInitScript((name) => window.localStorage.setItem('devnet-wallet-name', name), walletName);
  const page = await context.newPage();
  const samples: { approvalToBalanceMs: number; clickToApprovalMs: number }[] = [];
  try {
    await page.goto(APP_URL);
    await page.locator('#ton-connect-button button').first().click();
    await page.locator('[data-tc-wallets-modal-container]').getByRole('button', { name: /^Devnet Wallet/ }).click();
    const ptonBalance = page.getByTestId('pton-balance');
    await ptonBalance.and(page.locator('[data-nano]:not([data-nano=""])')).waitFor({ timeout: STEP_TIMEOUT_MS });

    for (let run = 0; run < RUNS; run++) {
      const before = await ptonBalance.getAttribute('data-nano');
      await page.getByTestId('stake-amount').fill(AMOUNT_TON);
      const approved = page.waitForResponse((response) => response.url().includes('/devwallet/sendTransaction'), { timeout: STEP_TIMEOUT_MS });
      const clickedAt = performance.now();
      await page.getByRole('button', { name: 'Stake', exact: true }).click();
      await approveInDevWallet(page, STEP_TIMEOUT_MS);
      await approved;
      const approvedAt = performance.now();
      await page.waitForFunction(
        (previous) => {
          const value = document.querySelector('[data-testid="pton-balance"]')?.getAttribute('data-nano');
          return value !== undefined && value !== null && value !== '' && value !== previous;
        },
        before,
        { timeout: STEP_TIMEOUT_MS, polling: 20 },
      );
      samples.push({ approvalToBalanceMs: Math.round(performance.now() - approvedAt), clickToApprovalMs: Math.round(approvedAt - clickedAt) });
      await page.getByTestId('tx-status-stake').and(page.locator('[data-phase="confirmed"]')).waitFor({ timeout: STEP_TIMEOUT_MS });
      await page.getByRole('button', { name: 'Dismiss' }).click();
    }
  } finally {
    await browser.close();
  }
  const sorted = samples.map((sample) => sample.approvalToBalanceMs).sort((a, b) => a - b);
  console.log(
    JSON.stringify(
      {
        bench: 'stake: wallet approval → updated pTON balance in the app',
        devnet: DEVNET_URL,
        app: APP_URL,
        runs: samples.length,
        amountTon: AMOUNT_TON,
        medianMs: percentile(sorted, 50),
        p90Ms: percentile(sorted, 90),
        minMs: sorted[0],
        maxMs: sorted[sorted.length - 1],
        samples,
      },
      null,
      2,
    ),
  );
}

main().catch((error) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
