// `npm run bench:rpc`: how many toncenter JSON-RPC requests (POST /jsonRPC) the connected dashboard makes. Starts a
// devnet (or uses DEVNET_URL) and a production build under `vite preview`, drives Debian's Chromium with a freshly
// named Devnet Wallet (no position), counts the POSTs by route interception and prints one JSON line. Figures:
//   first_visit_requests      reload of the connected dashboard with every app cache removed from localStorage (keys
//                             starting `lst`: round history, pTON metadata, account flows, bill history); only the
//                             TON Connect session is kept. What a returning wallet costs in a fresh browser profile.
//   first_load_requests       the reload right after, with localStorage as the app left it: the ordinary "open the app
//                             again" case. Devnet rounds last 120 s, so a round may have finished in between; then the
//                             round history reads what is new (the log says how long the two loads were apart).
//   idle_requests_per_minute  requests while the dashboard stays open after first_load, scaled to one minute.
//   staker_first_visit_requests, staker_first_load_requests
//                             the same two loads after the wallet stakes STAKE_TON and unstakes UNSTAKE_PTON at round
//                             end through the app's forms (pTON and one withdrawal bill), so the position readers
//                             (pTON wallet, bill listing, the wallet's own transactions) take part. staker_position
//                             says what the position was at the end (a round end may have paid the bill).
//                             Set BENCH_STAKER=0 to skip this pass.
//   *_whole_page_requests     the same load counted on until the page has been scrolled to its end: the bills,
//                             position and round-history panels read their data only when they come near the viewport.
// A first screen is settled when the stats, the stake form's balances and the current APY show data and no request
// went out for BENCH_SETTLE_MS; the whole page when round history and position show data too.
// *_by_method: requests per toncenter method; *_get_methods: runGetMethod calls per get-method name.
// Env: DEVNET_URL, BENCH_IDLE_SECONDS (60), BENCH_SETTLE_MS (4000), BENCH_STAKER (1). Screenshot of the first_load
// dashboard: bench-results/dashboard.png. Viewport 1280×900.
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdirSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type Page } from '@playwright/test';
import { approveInDevWallet, run, waitForUrl } from './bench-support';

const root = join(import.meta.dirname, '..');
const bin = (name: string) => join(root, 'node_modules', '.bin', name);
const resultsDir = join(root, 'bench-results');
const IDLE_SECONDS = Number(process.env.BENCH_IDLE_SECONDS ?? 60);
const SETTLE_MS = Number(process.env.BENCH_SETTLE_MS ?? 4000);
const STAKER_PASS = process.env.BENCH_STAKER !== '0';
/** The app's own localStorage keys (`lst:` chain caches, `lst-pending-transactions`); TON Connect's keys differ. */
const APP_STORAGE_PREFIX = 'lst';
const STAKE_TON = '10';
const UNSTAKE_PTON = '2';
/** Seconds of the devnet round the staker pass needs after its unstake (two loads and their settling, with room). */
const BILL_ROUND_ROOM_S = 60;

const children: ChildProcess[] = [];

function log(line: string) {
  process.stderr.write(`[bench] ${line}\n`);
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

function start(command: string, args: string[], env: NodeJS.ProcessEnv): ChildProcess {
  // Own process group: tsx and vite spawn node children that must stop with them.
  const child = spawn(command, args, { cwd: root, env: { ...process.env, ...env }, detached: true, stdio: ['ignore', 'ignore', 'pipe'] });
  child.stderr?.on('data', (chunk: Buffer) => process.env.BENCH_VERBOSE && process.stderr.write(chunk));
  children.push(child);
  return child;
}

function stopAll() {
  for (const child of children) {
    if (child.pid && child.exitCode === null) {
      try {
        process.kill(-child.pid, 'SIGTERM');
      } catch {
        // already gone
      }
    }
  }
}

/** Waits until no request went out for SETTLE_MS. */
async function quiet(page: Page, lastRequestAt: () => number): Promise<void> {
  while (Date.now() - lastRequestAt() < SETTLE_MS) await page.waitForTimeout(250);
}

/**
 * The first screen is settled when the stats, the stake form's balances (TON and pTON) and the current APY show data
 * and no request went out for SETTLE_MS. Nothing is scrolled: the panels below read their data when they come near.
 */
async function settleFirstScreen(page: Page, lastRequestAt: () => number): Promise<void> {
  await page.getByTestId('stat-rate').waitFor({ timeout: 60_000 });
  await page.locator('[data-testid="stake-ton-balance"][data-nano]').waitFor({ state: 'attached', timeout: 60_000 });
  await page.locator('[data-testid="pton-balance"]:not([data-nano=""])').waitFor({ state: 'attached', timeout: 60_000 });
  await page.locator('[data-testid="stat-apy-current"]:not(:has([role="status"]))').waitFor({ timeout: 60_000 });
  await quiet(page, lastRequestAt);
}

/** After the first screen: scrolled to the end, round history and position show data too, and requests stop. */
async function settleRestOfPage(page: Page, lastRequestAt: () => number): Promise<void> {
  // scrolled step by step, as a reader would: every panel passes through the viewport
  const height = await page.evaluate(() => document.body.scrollHeight);
  for (let y = 0; y <= height; y += 600) await page.evaluate((top) => window.scrollTo(0, top), y);
  await page.evaluate(() => window.scrollTo(0, document.body.scrollHeight));
  // "N rounds read…" with N > 0 (a substring test would take "20 rounds" for "0 rounds")
  await page.getByTestId('rounds-count').filter({ hasText: /^[1-9]\d* rounds? read/ }).waitFor({ timeout: 60_000 });
  await page.locator('[data-testid="position-value"][data-value]').waitFor({ timeout: 60_000 });
  await quiet(page, lastRequestAt);
}

/** The whole page is settled: the first screen, then the rest of it. */
async function settleWholePage(page: Page, lastRequestAt: () => number): Promise<void> {
  await settleFirstScreen(page, lastRequestAt);
  await settleRestOfPage(page, lastRequestAt);
}

/** Waits past the next round switch when fewer than `seconds` are left of the current devnet round. */
async function waitForRoomInRound(devnetUrl: string, seconds: number): Promise<void> {
  const config = (await (await fetch(`${devnetUrl}/devnet/config`)).json()) as { now?: unknown; nextRoundAt?: unknown };
  if (typeof config.now !== 'number' || typeof config.nextRoundAt !== 'number') return;
  const left = config.nextRoundAt - config.now;
  if (left >= seconds) return;
  log(`${Math.round(left)} s left in this round: waiting for the next one`);
  // A few seconds past the switch, for the validator bots to rotate the round and pay its bills.
  await new Promise((resolve) => setTimeout(resolve, (Math.max(0, left) + 10) * 1000));
}

interface Counted {
  total: number;
  byMethod: Record<string, number>;
  getMethods: Record<string, number>;
}

async function main() {
  let devnetUrl = process.env.DEVNET_URL?.replace(/\/+$/, '');
  const appPort = await freePort();
  const appUrl = `http://127.0.0.1:${appPort}`;
  if (!devnetUrl) {
    const port = await freePort();
    const stateDir = join(tmpdir(), `lst-bench-devnet-${port}`);
    devnetUrl = `http://127.0.0.1:${port}`;
    log(`starting a devnet on ${devnetUrl} (genesis fast-forwards the round history; this takes a while)`);
    // The app below is served from appUrl: the only origin the devnet needs to answer.
    start(bin('tsx'), ['devnet/main.ts', '--reset'], { DEVNET_PORT: String(port), DEVNET_STATE_DIR: stateDir, DEVNET_ALLOWED_ORIGINS: appUrl });
    await waitForUrl(`${devnetUrl}/devnet/config`, 300_000);
  }
  const outDir = join('dist', 'bench');
  log('building the app');
  await run(bin('vite'), ['build', '--outDir', outDir, '--emptyOutDir', '--logLevel', 'warn'], { ...process.env, VITE_NETWORK: 'devnet', VITE_DEVNET_URL: devnetUrl }, root);
  start(bin('vite'), ['preview', '--outDir', outDir, '--port', String(appPort), '--strictPort'], {});
  await waitForUrl(appUrl, 60_000);

  const browser = await chromium.launch({
    executablePath: '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run'],
  });
  try {
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    let counted: Counted = { total: 0, byMethod: {}, getMethods: {} };
    let lastRequestAt = Date.now();
    const resetCount = () => {
      counted = { total: 0, byMethod: {}, getMethods: {} };
      lastRequestAt = Date.now();
    };
    const snapshot = (): Counted => ({ total: counted.total, byMethod: { ...counted.byMethod }, getMethods: { ...counted.getMethods } });
    await context.route(`${devnetUrl}/**`, async (route) => {
      const request = route.request();
      if (request.method() === 'POST' && /\/jsonRPC$/.test(new URL(request.url()).pathname)) {
        counted.total += 1;
        lastRequestAt = Date.now();
        const body = request.postDataJSON() as { method?: unknown; params?: { method?: unknown } } | null;
        const method = String(body?.method ?? '?');
        counted.byMethod[method] = (counted.byMethod[method] ?? 0) + 1;
        if (method === 'runGetMethod') {
          const getter = String(body?.params?.method ?? '?');
          counted.getMethods[getter] = (counted.getMethods[getter] ?? 0) + 1;
        }
      }
      await route.continue();
    });
    // A wallet name of its own: a reused DEVNET_URL must not hand the bench a wallet that already has a position.
    const walletName = `bench-${Date.now()}`;
    await context.addInitScript((name) => window.localStorage.setItem('devnet-wallet-name', name), walletName);
    const page = await context.newPage();

    log(`connecting the dev wallet ${walletName}`);
    await page.goto(appUrl);
    await page.locator('#ton-connect-button button').first().click();
    await page.locator('[data-tc-wallets-modal-container]').getByRole('button', { name: /^Devnet Wallet/ }).click();
    await page.getByTestId('wallet-address').waitFor({ timeout: 30_000 });
    await settleWholePage(page, () => lastRequestAt);

    let lastLoadAt = 0;
    /** Counts a reload's requests until its first screen settles, then until the whole page has been scrolled through. */
    const measureLoad = async (label: string, clearAppStorage: boolean): Promise<{ firstScreen: Counted; wholePage: Counted }> => {
      if (clearAppStorage) {
        await page.evaluate((prefix) => {
          for (const key of Object.keys(localStorage)) if (key.startsWith(prefix)) localStorage.removeItem(key);
        }, APP_STORAGE_PREFIX);
      }
      resetCount();
      const startedAt = Date.now();
      log(`${label}${lastLoadAt ? ` (${Math.round((startedAt - lastLoadAt) / 1000)} s after the previous load)` : ''}`);
      lastLoadAt = startedAt;
      // from the top: a reload restores the scroll position, and the first screen is what a visitor sees first
      await page.evaluate(() => window.scrollTo(0, 0));
      await page.reload();
      await settleFirstScreen(page, () => lastRequestAt);
      const firstScreen = snapshot();
      await settleRestOfPage(page, () => lastRequestAt);
      return { firstScreen, wholePage: snapshot() };
    };

    const { firstScreen: visit, wholePage: visitWhole } = await measureLoad('first visit: app storage removed', true);
    const { firstScreen: load, wholePage: loadWhole } = await measureLoad('first load: storage as the app left it', false);

    mkdirSync(resultsDir, { recursive: true });
    await page.screenshot({ path: join(resultsDir, 'dashboard.png'), fullPage: true });

    log(`idle for ${IDLE_SECONDS} s`);
    resetCount();
    await page.waitForTimeout(IDLE_SECONDS * 1000);
    const idle = snapshot();

    const result: Record<string, unknown> = {
      first_load_requests: load.total,
      idle_requests_per_minute: Math.round((idle.total * 60) / IDLE_SECONDS),
      first_visit_requests: visit.total,
      first_visit_whole_page_requests: visitWhole.total,
      first_load_whole_page_requests: loadWhole.total,
      first_load_by_method: load.byMethod,
      first_load_get_methods: load.getMethods,
      first_visit_by_method: visit.byMethod,
      first_visit_get_methods: visit.getMethods,
      first_visit_whole_page_by_method: visitWhole.byMethod,
      idle_by_method: idle.byMethod,
      idle_get_methods: idle.getMethods,
      idle_seconds: IDLE_SECONDS,
      screenshot: 'bench-results/dashboard.png',
    };

    if (STAKER_PASS) {
      log(`staking ${STAKE_TON} TON through the stake form`);
      await page.getByTestId('stake-amount').fill(STAKE_TON);
      await page.getByRole('button', { name: 'Stake', exact: true }).click();
      await approveInDevWallet(page);
      await page.locator('[data-testid="tx-status-stake"][data-phase="confirmed"]').waitFor({ timeout: 120_000 });
      await page.locator('[data-testid="position-pton"]:not([data-value="0"])[data-value]').waitFor({ timeout: 120_000 });
      // A withdrawal bill too, so the bill listing (get-method calls per item of each payout collection) takes part. It is
      // paid at the next round switch: with too little of the round left, wait for the next one so both loads see it.
      await waitForRoomInRound(devnetUrl, BILL_ROUND_ROOM_S);
      log(`unstaking ${UNSTAKE_PTON} pTON at round end`);
      await page.getByRole('tab', { name: 'Unstake', exact: true }).click();
      await page.getByTestId('unstake-amount').fill(UNSTAKE_PTON);
      await page.getByTestId('unstake-mode-round-end').click();
      await page.getByRole('button', { name: 'Unstake', exact: true }).click();
      await approveInDevWallet(page);
      await page.locator('[data-testid="tx-status-unstake"][data-phase="confirmed"]').waitFor({ timeout: 120_000 });
      await page.locator('[data-testid="position-bills"]:not([data-value="0"])[data-value]').waitFor({ timeout: 120_000 });
      await settleWholePage(page, () => lastRequestAt);
      const { firstScreen: stakerVisit, wholePage: stakerVisitWhole } = await measureLoad('staker first visit: app storage removed', true);
      const { firstScreen: stakerLoad, wholePage: stakerLoadWhole } = await measureLoad('staker first load: storage as the app left it', false);
      const position = {
        pton: await page.getByTestId('position-pton').getAttribute('data-value'),
        bills: await page.getByTestId('position-bills').getAttribute('data-value'),
      };
      Object.assign(result, {
        staker_first_load_requests: stakerLoad.total,
        staker_first_visit_requests: stakerVisit.total,
        staker_first_visit_whole_page_requests: stakerVisitWhole.total,
        staker_first_load_whole_page_requests: stakerLoadWhole.total,
        staker_first_load_by_method: stakerLoad.byMethod,
        staker_first_load_get_methods: stakerLoad.getMethods,
        staker_first_visit_by_method: stakerVisit.byMethod,
        staker_first_visit_get_methods: stakerVisit.getMethods,
        staker_position: position,
      });
    }
    process.stdout.write(`${JSON.stringify(result)}\n`);
  } finally {
    await browser.close();
    rmSync(join(root, outDir), { recursive: true, force: true });
  }
}

main()
  .catch((error: unknown) => {
    process.stderr.write(`[bench] failed: ${error instanceof Error ? error.stack : String(error)}\n`);
    process.exitCode = 1;
  })
  .finally(stopAll);
