// `npm run bench:bills`: what listing a staker's bills costs when the round's withdrawal collection is large.
// Starts a devnet in this process (own port and state dir), seeds the current round's withdrawal collection with
// BENCH_OTHER_BILLS bills of other stakers plus 2 of the test wallet, builds the app, opens it in Debian's Chromium with the test wallet connected, and measures a cold first
// visit (app storage removed): the JSON-RPC requests of the bill listing (the owner's getTransactions, then
// get_pool_full_data_raw and get_nft_data per new bill; any collection walk would show as get_collection_data /
// get_nft_address_by_index) and the time from reload to both bills on screen. Prints one JSON line:
//   {"other_bills": n, "my_bills": 2, "requests": r, "ms": t, ...}
// plus listing_ms (from the listing's first request to both bills on screen: `ms` minus the page's own start-up),
// reload_requests / reload_ms (a reload with storage kept), page_requests (every JSON-RPC request of the cold
// visit, for context) and seed_seconds. Env: BENCH_OTHER_BILLS (5000), BENCH_OTHER_STAKERS (50).
//
// Seeding (a hook of this bench only, never part of the devnet): the test wallet's two bills are real, minted by the
// contracts from a deposit and two wait_till_round_end burns (its messages injected as if its wallet had sent them,
// DevnetChain.sendInternal). Between them, the other stakers' bills are written straight into the chain state: each
// item account gets the payout item's code and the state a mint gives it (owner, collection, index, amount, its
// neighbours), at the address the collection computes, and the collection's issued count and next index are raised
// to match, so the test wallet's second bill is minted by the contract as item #n+1. To any reader the collection
// then holds n+2 live bills (get_nft_address_by_index and get_nft_data answer for each). Minting them through the
// contracts costs 6-7 emulated transactions per bill (~0.1-0.4 s each on this 2-core machine, so 5,000 bills took
// over half an hour); the pool's requested_for_withdrawal does not count the written bills, which only matters at
// the round's payout, after the bench. Rounds last ROUND_SECONDS so the round cannot end during the run.
import { spawn, type ChildProcess } from 'node:child_process';
import { createHash } from 'node:crypto';
import { rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Address, beginCell, contractAddress, toNano, type Cell } from '@ton/core';
import { createShardAccount } from '@ton/sandbox';
import { chromium, type Page } from '@playwright/test';
import { burnBody, depositBody } from '../contracts/wrappers/messages';
import { parsePoolFullData } from '../contracts/wrappers/pool-data';
import { silentLogger } from '../devnet/logger';
import { createProtocolExtension } from '../devnet/protocol/index';
import { startDevnet, type RunningDevnet } from '../devnet/server';
import { run, waitForUrl } from './bench-support';

const root = join(import.meta.dirname, '..');
const bin = (name: string) => join(root, 'node_modules', '.bin', name);
const OTHER_BILLS = Number(process.env.BENCH_OTHER_BILLS ?? 5000);
const MY_BILLS = 2;
const WALLET_NAME = 'bench-bills';
const BILL_PTON = toNano('1');
const BURN_VALUE = toNano('1.05');
const DEPOSIT_FEE = toNano('1');
/** What a minted item keeps on its balance (BILL_STORAGE_RESERVE). */
const ITEM_RESERVE = toNano('0.09');
/** The devnet is the bench's own: one long round, a short fast-forwarded history. */
const ROUND_SECONDS = 6 * 3600;
/** A load is over this long after the bills are on screen with no request (the listing's requests all came before). */
const SETTLE_MS = Number(process.env.BENCH_SETTLE_MS ?? 3000);

const children: ChildProcess[] = [];
function log(line: string) {
  process.stderr.write(`[bench:bills] ${line}\n`);
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

/** A staker address nobody holds a key for (its messages are injected). */
function stakerAddress(i: number): Address {
  return new Address(0, createHash('sha256').update(`bench-bills-staker:${i}`).digest());
}

function itemAddress(itemCode: Cell, collection: Address, index: bigint): Address {
  return contractAddress(0, { code: itemCode, data: beginCell().storeUint(0, 1).storeAddress(collection).storeUint(index, 64).endCell() });
}

/**
 * Writes `count` live bills of other stakers into `collection` after its current last item: each item in the state a
 * mint leaves it (inited=1 owner collection index amount higher ^[lower]), the collection's count raised to match.
 */
async function writeOtherBills(devnet: RunningDevnet, collection: Address, count: number): Promise<void> {
  await devnet.chain.exclusive(async (blockchain) => {
    const contract = await blockchain.getContract(collection);
    const state = contract.account.account?.storage.state;
    if (state?.type !== 'active' || !state.state.data || !state.state.code) throw new Error('the withdrawal collection is not active');
    const s = state.state.data.beginParse();
    const issued = s.loadCoins();
    const admin = s.loadAddress();
    const distribution = s.loadMaybeRef();
    const content = s.loadRef();
    const itemCode = s.loadRef();
    const next = BigInt(s.loadUint(64));
    for (let i = 0n; i < BigInt(count); i++) {
      const index = next + i;
      const data = beginCell()
        .storeUint(1, 1)
        .storeAddress(stakerAddress(Number(i % 50n)))
        .storeAddress(collection)
        .storeUint(index, 64)
        .storeCoins(BILL_PTON)
        .storeAddress(itemAddress(itemCode, collection, index + 1n))
        .storeRef(beginCell().storeAddress(itemAddress(itemCode, collection, index - 1n)).endCell())
        .endCell();
      const address = itemAddress(itemCode, collection, index);
      await blockchain.setShardAccount(address, createShardAccount({ address, code: itemCode, data, balance: ITEM_RESERVE }));
    }
    const raised = beginCell()
      .storeCoins(issued + BILL_PTON * BigInt(count))
      .storeAddress(admin)
      .storeMaybeRef(distribution)
      .storeRef(content)
      .storeRef(itemCode)
      .storeUint(next + BigInt(count), 64)
      .endCell();
    const account = contract.account;
    if (account.account?.storage.state.type === 'active') account.account.storage.state.state.data = raised;
    contract.account = account;
  });
}

async function jettonWalletOf(devnet: RunningDevnet, minter: Address, owner: Address): Promise<Address> {
  const result = await devnet.chain.runGetMethod(minter, 'get_wallet_address', [{ type: 'slice', cell: beginCell().storeAddress(owner).endCell() }]);
  return result.stackReader.readAddress();
}

async function readPool(devnet: RunningDevnet, pool: Address) {
  // The one reader of every known layout (v1, intermediate, v2), as stored (no simulated rotation).
  return parsePoolFullData((await devnet.chain.runGetMethod(pool, 'get_pool_full_data_raw')).stack, 'get_pool_full_data_raw');
}

/** Deposits for `owner` and burns `bills` times BILL_PTON at round end: `bills` withdrawal bills of `owner`. */
async function mintBills(devnet: RunningDevnet, pool: Address, minter: Address, owner: Address, bills: number, queryBase: number): Promise<number> {
  let transactions = 0;
  const deposit = await devnet.chain.sendInternal({ from: owner, to: pool, value: BILL_PTON * BigInt(bills) * 2n + DEPOSIT_FEE, body: depositBody(), bounce: true });
  transactions += deposit.transactions.length;
  const wallet = await jettonWalletOf(devnet, minter, owner);
  for (let i = 0; i < bills; i++) {
    const body = burnBody({ amount: BILL_PTON, responseAddress: owner, mode: { waitTillRoundEnd: true, fillOrKill: false }, queryId: BigInt(queryBase + i + 1) });
    const burn = await devnet.chain.sendInternal({ from: owner, to: wallet, value: BURN_VALUE, body, bounce: true });
    transactions += burn.transactions.length;
  }
  return transactions;
}

interface Counted {
  total: number;
  listing: number;
  byKind: Record<string, number>;
  /** performance.now() of the listing's first request (the owner's getTransactions), null before it. */
  firstListingAt: number | null;
}

async function settle(page: Page, lastRequestAt: () => number) {
  while (Date.now() - lastRequestAt() < SETTLE_MS) await page.waitForTimeout(200);
}

async function main() {
  const port = await freePort();
  const appPort = await freePort();
  const appUrl = `http://127.0.0.1:${appPort}`;
  const stateDir = join(tmpdir(), `lst-bench-bills-${port}`);
  log(`starting a devnet on port ${port} (state ${stateDir})`);
  const devnet = await startDevnet({
    port,
    stateDir,
    reset: true,
    extensions: [createProtocolExtension({ roundSeconds: ROUND_SECONDS, historyRounds: 3, stakers: 0 })],
    logger: silentLogger(),
    allowedOrigins: [appUrl],
  });
  try {
    const config = (await (await fetch(`${devnet.url}/devnet/config`)).json()) as { pool: string };
    const pool = Address.parse(config.pool);
    const minter = (await readPool(devnet, pool)).jettonMinter;
    const me = (await devnet.devWallets.ensureFunded(WALLET_NAME)).contract.address;

    log(`seeding the test wallet's 2 bills around ${OTHER_BILLS} bills of other stakers`);
    const seedStarted = performance.now();
    let transactions = 0;
    // The test wallet's first bill is item #0, its second the last item: neither is found by luck at either end.
    const first = await mintBills(devnet, pool, minter, me, 1, 0);
    transactions += first;
    const { withdrawalPayout: seeded } = await readPool(devnet, pool);
    if (!seeded) throw new Error('the pool has no withdrawal collection after the first bill');
    await writeOtherBills(devnet, seeded, OTHER_BILLS);
    transactions += await mintBills(devnet, pool, minter, me, 1, 1);
    const seedSeconds = Math.round((performance.now() - seedStarted) / 100) / 10;
    const { withdrawalPayout } = await readPool(devnet, pool);
    if (!withdrawalPayout) throw new Error('the pool has no withdrawal collection after seeding');
    const issued = (await devnet.chain.runGetMethod(withdrawalPayout, 'get_collection_data')).stackReader.readBigNumber();
    log(`seeded in ${seedSeconds} s (${transactions} transactions); the withdrawal collection holds ${issued} bills`);
    if (!seeded.equals(withdrawalPayout)) throw new Error('the round changed during seeding');
    // What a collection walk would see: item #n+1 is the test wallet's second bill, a written one answers like a minted one.
    const ownerOf = async (index: bigint) => {
      const item = (await devnet.chain.runGetMethod(withdrawalPayout, 'get_nft_address_by_index', [{ type: 'int', value: index }])).stackReader.readAddress();
      const data = (await devnet.chain.runGetMethod(item, 'get_nft_data')).stackReader;
      data.skip(3);
      return data.readAddress();
    };
    if (!(await ownerOf(issued - 1n)).equals(me)) throw new Error('the last item is not the test wallet\'s bill');
    if (!(await ownerOf(issued / 2n)).equals(stakerAddress(Number((issued / 2n - 1n) % 50n)))) throw new Error('a written bill does not answer as minted');

    const outDir = join('dist', 'bench-bills');
    log('building the app');
    await run(bin('vite'), ['build', '--outDir', outDir, '--emptyOutDir', '--logLevel', 'warn'], { ...process.env, VITE_NETWORK: 'devnet', VITE_DEVNET_URL: devnet.url }, root);
    start(bin('vite'), ['preview', '--outDir', outDir, '--port', String(appPort), '--strictPort'], {});
    await waitForUrl(appUrl, 60_000);

    const browser = await chromium.launch({
      executablePath: '/usr/bin/chromium',
      args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run'],
    });
    try {
      const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
      const myRaw = me.toRawString();
      let counted: Counted = { total: 0, listing: 0, byKind: {}, firstListingAt: null };
      let lastRequestAt = Date.now();
      await context.route(`${devnet.url}/**`, async (route) => {
        const request = route.request();
        if (request.method() === 'POST' && /\/jsonRPC$/.test(new URL(request.url()).pathname)) {
          counted.total += 1;
          lastRequestAt = Date.now();
          const body = request.postDataJSON() as { method?: string; params?: { method?: string; address?: string } } | null;
          const method = String(body?.method ?? '?');
          const getter = body?.params?.method;
          const address = body?.params?.address;
          let kind: string | null = null;
          if (method === 'getTransactions' && address && Address.parse(address).toRawString() === myRaw) kind = 'getTransactions(owner)';
          else if (method === 'runGetMethod' && getter && ['get_pool_full_data_raw', 'get_nft_data', 'get_collection_data', 'get_nft_address_by_index'].includes(getter)) kind = getter;
          if (kind) {
            counted.firstListingAt ??= performance.now();
            counted.listing += 1;
            counted.byKind[kind] = (counted.byKind[kind] ?? 0) + 1;
          }
        }
        await route.continue();
      });
      await context.addInitScript((name) => window.localStorage.setItem('devnet-wallet-name', name), WALLET_NAME);
      const page = await context.newPage();
      log(`connecting the dev wallet ${WALLET_NAME}`);
      await page.goto(appUrl);
      await page.locator('#ton-connect-button button').first().click();
      await page.locator('[data-tc-wallets-modal-container]').getByRole('button', { name: /^Devnet Wallet/ }).click();
      await page.getByTestId('wallet-address').waitFor({ timeout: 60_000 });
      const myBills = page.locator('[data-testid="bill"][data-kind="withdrawal"]');
      // The bills panel reads the owner's history once it is on screen (below the first screen): scroll to it, as a
      // staker looking for their bills does.
      const showBills = () => page.getByRole('region', { name: 'Bills', exact: true }).scrollIntoViewIfNeeded({ timeout: 60_000 });
      await showBills();
      await myBills.nth(MY_BILLS - 1).waitFor({ timeout: 120_000 });
      await settle(page, () => lastRequestAt);

      const measure = async (label: string, clearAppStorage: boolean) => {
        if (clearAppStorage) {
          await page.evaluate(() => {
            for (const key of Object.keys(localStorage)) if (key.startsWith('lst')) localStorage.removeItem(key);
          });
        }
        counted = { total: 0, listing: 0, byKind: {}, firstListingAt: null };
        log(label);
        const started = performance.now();
        await page.evaluate(() => window.scrollTo(0, 0));
        await page.reload();
        await showBills();
        await myBills.nth(MY_BILLS - 1).waitFor({ timeout: 120_000 });
        const shownAt = performance.now();
        const ms = Math.round(shownAt - started);
        const listingMs = counted.firstListingAt === null ? null : Math.round(shownAt - counted.firstListingAt);
        const shown = await myBills.count();
        await settle(page, () => lastRequestAt);
        return { ms, listingMs, shown, ...counted };
      };
      const cold = await measure('cold first visit: app storage removed', true);
      const reload = await measure('reload: storage as the app left it', false);
      if (cold.shown !== MY_BILLS) throw new Error(`the app listed ${cold.shown} bills, expected ${MY_BILLS}`);

      const result = {
        other_bills: Number(issued) - MY_BILLS,
        my_bills: cold.shown,
        requests: cold.listing,
        ms: cold.ms,
        listing_ms: cold.listingMs,
        requests_by_kind: cold.byKind,
        reload_requests: reload.listing,
        reload_ms: reload.ms,
        page_requests: cold.total,
        seed_seconds: seedSeconds,
        seed_transactions: transactions,
      };
      process.stdout.write(`${JSON.stringify(result)}\n`);
    } finally {
      await browser.close();
      rmSync(join(root, outDir), { recursive: true, force: true });
    }
  } finally {
    stopAll();
    await devnet.close();
    rmSync(stateDir, { recursive: true, force: true });
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`[bench:bills] failed: ${error instanceof Error ? error.stack : String(error)}\n`);
  process.exitCode = 1;
  stopAll();
});
