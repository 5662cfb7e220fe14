// `npm run bench:rpc`: how many JSON-RPC requests the connected dashboard makes. Starts a devnet (or uses
// DEVNET_URL) and a production build under `vite preview`, drives Debian's Chromium, counts POSTs to the
// toncenter endpoint by route interception, and prints one JSON line:
//   {"first_load_requests": n, "idle_requests_per_minute": n, ...details}
// first_load_requests: a reload of the connected dashboard with no round history in localStorage (cold);
// first_load_requests_warm: the same with the history cached by the previous load. Idle is measured after the warm load.
// Env: DEVNET_URL, BENCH_IDLE_SECONDS (60), BENCH_SETTLE_MS (4000). Screenshot: bench-results/dashboard.png.
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdirSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type Page } from '@playwright/test';

const root = join(import.meta.dirname, '..');
const bin = (name: string) => join(root, 'node_modules', '.bin', name);
const resultsDir = join(root, 'bench-results');
const IDLE_SECONDS = Number(process.env.BENCH_IDLE_SECONDS ?? 60);
const SETTLE_MS = Number(process.env.BENCH_SETTLE_MS ?? 4000);
const HISTORY_KEY_PREFIX = 'lst:pool-rounds:';

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

function run(command: string, args: string[], env: NodeJS.ProcessEnv): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { cwd: root, env: { ...process.env, ...env }, stdio: ['ignore', 'ignore', 'inherit'] });
    child.on('close', (code) => (code === 0 ? resolve() : reject(new Error(`${command} ${args.join(' ')} exited with ${code}`))));
  });
}

async function waitForUrl(url: string, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    try {
      if ((await fetch(url)).ok) return;
    } catch {
      // not up yet
    }
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
  throw new Error(`${url} did not answer within ${timeoutMs / 1000} s`);
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

/** The dashboard is settled when stats, history and position show data and no request went out for SETTLE_MS. */
async function settle(page: Page, lastRequestAt: () => number): Promise<void> {
  await page.getByTestId('stat-rate').waitFor({ timeout: 60_000 });
  await page.locator('[data-testid="rounds-count"]:not(:has-text("0 rounds"))').waitFor({ timeout: 60_000 });
  await page.locator('[data-testid="position-value"][data-value]').waitFor({ timeout: 60_000 });
  while (Date.now() - lastRequestAt() < SETTLE_MS) await page.waitForTimeout(250);
}

async function main() {
  let devnetUrl = process.env.DEVNET_URL?.replace(/\/+$/, '');
  if (!devnetUrl) {
    const port = await freePort();
    const stateDir = join(tmpdir(), `lst-bench-devnet-${port}`);
    devnetUrl = `http://127.0.0.1:${port}`;
    log(`starting a devnet on ${devnetUrl} (genesis fast-forwards the round history; this takes a while)`);
    start(bin('tsx'), ['devnet/main.ts', '--reset'], { DEVNET_PORT: String(port), DEVNET_STATE_DIR: stateDir });
    await waitForUrl(`${devnetUrl}/devnet/config`, 300_000);
  }
  const appPort = await freePort();
  const outDir = join('dist', 'bench');
  log('building the app');
  await run(bin('vite'), ['build', '--outDir', outDir, '--emptyOutDir', '--logLevel', 'warn'], { VITE_NETWORK: 'devnet', VITE_DEVNET_URL: devnetUrl });
  start(bin('vite'), ['preview', '--outDir', outDir, '--port', String(appPort), '--strictPort'], {});
  const appUrl = `http://127.0.0.1:${appPort}`;
  await waitForUrl(appUrl, 60_000);

  const browser = await chromium.launch({
    executablePath: '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run'],
  });
  try {
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    let count = 0;
    let lastRequestAt = Date.now();
    const byMethod: Record<string, number> = {};
    await context.route(`${devnetUrl}/**`, async (route) => {
      const request = route.request();
      if (request.method() === 'POST' && /\/jsonRPC$/.test(new URL(request.url()).pathname)) {
        count += 1;
        lastRequestAt = Date.now();
        const method = String((request.postDataJSON() as { method?: unknown } | null)?.method ?? '?');
        byMethod[method] = (byMethod[method] ?? 0) + 1;
      }
      await route.continue();
    });
    await context.addInitScript(() => window.localStorage.setItem('devnet-wallet-name', 'bench'));
    const page = await context.newPage();

    log('connecting the dev wallet');
    await page.goto(appUrl);
    await page.locator('#ton-connect-button button').first().click();
    await page.locator('[data-tc-wallets-modal-container]').getByRole('button', { name: /^Devnet Wallet/ }).click();
    await page.getByTestId('wallet-address').waitFor({ timeout: 30_000 });
    await settle(page, () => lastRequestAt);

    const measureLoad = async (clearHistory: boolean) => {
      if (clearHistory) {
        await page.evaluate((prefix) => {
          for (const key of Object.keys(localStorage)) if (key.startsWith(prefix)) localStorage.removeItem(key);
        }, HISTORY_KEY_PREFIX);
      }
      count = 0;
      for (const key of Object.keys(byMethod)) delete byMethod[key];
      lastRequestAt = Date.now();
      await page.reload();
      await settle(page, () => lastRequestAt);
      return { total: count, byMethod: { ...byMethod } };
    };

    log('cold load (no cached history)');
    const cold = await measureLoad(true);
    log('warm load (history cached)');
    const warm = await measureLoad(false);

    mkdirSync(resultsDir, { recursive: true });
    const screenshot = join(resultsDir, 'dashboard.png');
    await page.screenshot({ path: screenshot, fullPage: true });

    log(`idle for ${IDLE_SECONDS} s`);
    count = 0;
    for (const key of Object.keys(byMethod)) delete byMethod[key];
    await page.waitForTimeout(IDLE_SECONDS * 1000);
    const idle = count;

    const result = {
      first_load_requests: cold.total,
      idle_requests_per_minute: Math.round((idle * 60) / IDLE_SECONDS),
      first_load_requests_warm: warm.total,
      first_load_by_method: cold.byMethod,
      warm_load_by_method: warm.byMethod,
      idle_by_method: { ...byMethod },
      idle_seconds: IDLE_SECONDS,
      screenshot: 'bench-results/dashboard.png',
    };
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
