// `npm run bench:mobile`: the phone path's counterpart of bench:stake. The app at a phone viewport connects the Devnet
// Mobile Wallet by universal link; each run presses Stake, opens the wallet app (a second browser context) on the
// link the app opened, and times Approve → the app showing the new pTON balance, over the devnet's TON Connect bridge.
// Needs a running devnet with the pool and the app (`npm start`), or BENCH_DEVNET_URL / BENCH_APP_URL. Prints JSON.
import { chromium, type Page } from '@playwright/test';

const DEVNET_URL = process.env.BENCH_DEVNET_URL ?? 'http://127.0.0.1:8081';
const APP_URL = process.env.BENCH_APP_URL ?? 'http://127.0.0.1:5173';
const RUNS = Number(process.env.BENCH_RUNS ?? 5);
const AMOUNT_TON = process.env.BENCH_AMOUNT_TON ?? '2';
const STEP_TIMEOUT_MS = 60_000;
const PHONE = {
  viewport: { width: 390, height: 844 },
  userAgent:
    'Mozilla/5.0 (Linux; Android 14; SM-S918B) AppleWebKit/537.36 (KHTML, like Gecko) SamsungBrowser/25.0 Chrome/121.0.0.0 Mobile Safari/537.36',
  isMobile: true,
  hasTouch: true,
};

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
}

/** Runs `action` in the app and returns the wallet link it opened in a popup (closed: the wallet app runs elsewhere). */
async function walletLink(app: Page, action: () => Promise<void>): Promise<string> {
  const opened = app.context().waitForEvent('page', { timeout: STEP_TIMEOUT_MS });
  await action();
  const popup = await opened;
  await popup.waitForURL(/\/devwallet\/mobile/, { waitUntil: 'commit', timeout: STEP_TIMEOUT_MS });
  const link = popup.url();
  await popup.close();
  return link;
}

async function main(): Promise<void> {
  const config = (await (await fetch(`${DEVNET_URL}/devnet/config`)).json()) as { pool?: string; mobileWallet?: unknown };
  if (!config.pool) throw new Error(`no pool on the devnet at ${DEVNET_URL}`);
  if (!config.mobileWallet) throw new Error(`the devnet at ${DEVNET_URL} has no mobile wallet`);

  const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', args: ['--no-sandbox', '--disable-gpu'] });
  const samples: { approveToBalanceMs: number; answerToBalanceMs: number }[] = [];
  try {
    const app = await (await browser.newContext(PHONE)).newPage();
    const walletContext = await browser.newContext(PHONE);
    // "Returning to the app" from the wallet lands on a stub: one app instance, in its own context, is measured.
    await walletContext.route(`${new URL(APP_URL).origin}/**`, (route) => route.fulfill({ contentType: 'text/html', body: '<title>app</title>' }));
    const wallet = await walletContext.newPage();

    await app.goto(APP_URL);
    await app.locator('#ton-connect-button button').first().click();
    const connectLink = await walletLink(app, () =>
      app.locator('[data-tc-wallets-modal-container]').getByRole('button', { name: /Devnet Mobile Wallet/ }).first().click(),
    );
    await wallet.goto(connectLink);
    await wallet.getByTestId('connect-approve').click({ timeout: STEP_TIMEOUT_MS });
    const ptonBalance = app.getByTestId('pton-balance');
    await app.getByTestId('wallet-address').waitFor({ timeout: STEP_TIMEOUT_MS });
    await ptonBalance.and(app.locator('[data-nano]:not([data-nano=""])')).waitFor({ state: 'attached', timeout: STEP_TIMEOUT_MS });

    for (let run = 0; run < RUNS; run++) {
      const before = await ptonBalance.getAttribute('data-nano');
      await app.getByTestId('stake-amount').fill(AMOUNT_TON);
      const link = await walletLink(app, () => app.getByRole('button', { name: 'Stake', exact: true }).click());
      await wallet.goto(link);
      const approve = wallet.locator('[data-testid="request"][data-status="pending"]').getByTestId('request-approve');
      await approve.waitFor({ timeout: STEP_TIMEOUT_MS });
      const answered = wallet.waitForResponse((response) => response.url().endsWith('/devwallet/mobile/answer'), { timeout: STEP_TIMEOUT_MS });
      const approvedAt = performance.now();
      await approve.click();
      await answered;
      const answeredAt = performance.now();
      await app.waitForFunction(
        (previous) => {
          const value = document.querySelector('[data-testid="pton-balance"]')?.getAttribute('data-nano');
          return value !== undefined && value !== null && value !== '' && value !== previous;
        },
        before,
        { timeout: STEP_TIMEOUT_MS, polling: 20 },
      );
      const shownAt = performance.now();
      samples.push({ approveToBalanceMs: Math.round(shownAt - approvedAt), answerToBalanceMs: Math.round(shownAt - answeredAt) });
      await app.getByTestId('tx-status-stake').and(app.locator('[data-phase="confirmed"]')).waitFor({ timeout: STEP_TIMEOUT_MS });
      await app.getByRole('button', { name: 'Dismiss' }).click();
    }
  } finally {
    await browser.close();
  }
  const sorted = (key: keyof (typeof samples)[number]) => samples.map((sample) => sample[key]).sort((a, b) => a - b);
  const approve = sorted('approveToBalanceMs');
  const answer = sorted('answerToBalanceMs');
  console.log(
    JSON.stringify(
      {
        bench: 'mobile stake over the TON Connect bridge: Approve in the Devnet Mobile Wallet page → updated pTON balance in the app',
        devnet: DEVNET_URL,
        app: APP_URL,
        runs: samples.length,
        amountTon: AMOUNT_TON,
        medianMs: percentile(approve, 50),
        p90Ms: percentile(approve, 90),
        minMs: approve[0],
        maxMs: approve[approve.length - 1],
        // From the wallet's answer (signed and broadcast) instead of the click: comparable to bench:stake's start.
        answerToBalanceMedianMs: percentile(answer, 50),
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
