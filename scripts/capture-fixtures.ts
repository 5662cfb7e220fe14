// Records real toncenter answers from a running devnet into src/ton/__fixtures__/<scenario>.json, by running
// the src/ton readers themselves through a recording fetch. Unit tests replay them (no devnet needed).
//
//   DEVNET_URL=http://127.0.0.1:8081 npx tsx scripts/capture-fixtures.ts [wallet] [pool] [pool-live]
//   npx tsx scripts/capture-fixtures.ts --self-hosted=optimistic pool          (→ devnet-pool.json)
//   npx tsx scripts/capture-fixtures.ts --self-hosted=pessimistic pool-pessimistic
//   npx tsx scripts/capture-fixtures.ts --self-hosted=optimistic --pool-version=v1 pool-data  (→ devnet-pool-data-v1.json)
//   npx tsx scripts/capture-fixtures.ts --self-hosted=optimistic --pool-version=v2 pool-data  (→ devnet-pool-data-v2.json)
//
// --self-hosted starts the devnet server in-process on a free port with a throw-away state dir and a minimal
// genesis (the protocol deployed by contracts/wrappers/Protocol.ts as the release --pool-version names, default v2,
// v2 with a 0.25 % instant withdrawal fee; every role = the treasury, a 1001 TON treasury deposit): small,
// reproducible fixtures. Without it, DEVNET_URL must point at a running devnet.
//
// Scenarios: "wallet" (dev wallet transfer, its transactions, an undeployed jetton wallet), "pool" (pool data,
// pTON minter and wallet, a rejected deposit, a deposit, a round-end and an instant withdrawal through the dev
// wallet, bills) and "pool-pessimistic" (the same against a pessimistic pool: the deposit becomes a bill). The pool
// scenarios need the pool address from GET /devnet/config (`pool` or `poolAddress`) or POOL_ADDRESS, and a
// fresh dev wallet (no pTON yet).
import { Address, toNano } from '@ton/core';
import { TonClient } from '@ton/ton';
import { depositBody } from '../contracts/wrappers/messages';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { BuiltPoolVersion } from '../contracts/wrappers/Pool';
import { deployProtocol } from '../contracts/wrappers/Protocol';
import type { DevnetExtension } from '../devnet/extension';
import { DEVNET_MUTATION_HEADERS } from '../devnet/access';
import { silentLogger } from '../devnet/logger';
import { startDevnet } from '../devnet/server';
import { fixturePath, recordingFetch, type Fixture, type RecordedExchange } from '../src/ton/__fixtures__/fixture';
import { checkPoolBill, readBillAddress } from '../src/ton/bills';
import { createTonRpcWith, type TonRpc } from '../src/ton/client';
import { fetchJettonWalletAddress, readJettonData, readJettonWallet } from '../src/ton/jetton';
import { networkPreset } from '../src/ton/networks';
import { readPoolFullData, type PoolFullData } from '../src/ton/pool';
import { readTransactionPages } from '../src/ton/history';
import { trackTransaction, type TrackStatus } from '../src/ton/tracking';
import { buildDepositRequest, buildWithdrawRequest, type TonConnectRequest, VALID_FOR_S } from '../src/ton/tx';

const selfHostedMode = process.argv.find((arg) => arg.startsWith('--self-hosted='))?.split('=')[1];
if (selfHostedMode !== undefined && selfHostedMode !== 'optimistic' && selfHostedMode !== 'pessimistic') {
  throw new Error('--self-hosted must be optimistic or pessimistic');
}
const poolVersionArg = process.argv.find((arg) => arg.startsWith('--pool-version='))?.split('=')[1] ?? 'v2';
if (poolVersionArg !== 'v1' && poolVersionArg !== 'v2') throw new Error('--pool-version must be v1 or v2');
const selfHostedPoolVersion: BuiltPoolVersion = poolVersionArg;
/** 0.25 % of 2^24, the devnet's default. */
const SELF_HOSTED_INSTANT_FEE = 41943;
const selfHosted = selfHostedMode ? await startSelfHostedDevnet(selfHostedMode === 'optimistic') : null;
const devnetUrl = (selfHosted?.url ?? process.env.DEVNET_URL ?? 'http://127.0.0.1:8081').replace(/\/+$/, '');
const requested = process.argv.slice(2).filter((arg) => !arg.startsWith('--'));
const scenarios = requested.length > 0 ? requested : ['wallet', 'pool'];

/** The devnet server with a minimal protocol genesis; see the header. */
async function startSelfHostedDevnet(optimistic: boolean) {
  const stateDir = mkdtempSync(join(tmpdir(), 'lst-fixtures-'));
  let pool = '';
  const extension: DevnetExtension = {
    name: 'fixture-pool',
    async genesis(ctx) {
      await ctx.chain.exclusive(async (blockchain) => {
        const treasury = ctx.chain.treasury;
        const everyRole = treasury.address;
        const protocol = await deployProtocol(blockchain, {
          deployer: treasury,
          roles: { governor: everyRole, interestManager: everyRole, halter: everyRole, approver: everyRole },
          optimistic,
          poolVersion: selfHostedPoolVersion,
          instantWithdrawalFee: selfHostedPoolVersion === 'v2' ? SELF_HOSTED_INSTANT_FEE : undefined,
        });
        await protocol.pool.sendDeposit(treasury.getSender(), toNano('1001'));
        ctx.state.set({ pool: protocol.pool.address.toRawString() });
      });
    },
    async start(ctx) {
      pool = ctx.state.get<{ pool: string }>()?.pool ?? '';
      return () => {};
    },
    config: () => ({ pool }),
  };
  const devnet = await startDevnet({ port: 0, stateDir, reset: true, extensions: [extension], logger: silentLogger() });
  return {
    url: devnet.url,
    async close() {
      await devnet.close();
      rmSync(stateDir, { recursive: true, force: true });
    },
  };
}

interface DevnetConfig {
  now: number;
  treasury: string;
  devWallet: { address: string };
  pool?: string;
  poolAddress?: string;
  [key: string]: unknown;
}

async function getJson<T>(path: string, init?: RequestInit): Promise<T> {
  const response = await fetch(`${devnetUrl}${path}`, init);
  if (!response.ok) throw new Error(`${path}: HTTP ${response.status} ${await response.text()}`);
  return (await response.json()) as T;
}

/** Signs and executes a TON Connect request with the devnet's dev wallet, as the injected bridge does. */
async function devWalletSend(request: TonConnectRequest): Promise<{ boc: string }> {
  const reply = await getJson<{ boc?: string; error?: { code: number; message: string } }>('/devwallet/sendTransaction', {
    method: 'POST',
    headers: { ...DEVNET_MUTATION_HEADERS },
    body: JSON.stringify(request),
  });
  if (!reply.boc) throw new Error(`dev wallet refused: ${JSON.stringify(reply.error)}`);
  return { boc: reply.boc };
}

class Recorder {
  readonly exchanges: RecordedExchange[] = [];
  readonly values: Record<string, string> = {};
  step = 'setup';
  readonly rpc: TonRpc;

  constructor(readonly scenario: string) {
    const network = { ...networkPreset('devnet', devnetUrl), maxRps: 50 };
    this.rpc = createTonRpcWith(TonClient, network, { fetch: recordingFetch(fetch, this.exchanges, () => this.step), maxRetries: 1 });
  }

  save(): void {
    const fixture: Fixture = {
      scenario: this.scenario,
      capturedAt: new Date().toISOString(),
      devnetUrl,
      values: this.values,
      exchanges: this.exchanges,
    };
    writeFileSync(fixturePath(this.scenario), JSON.stringify(fixture, null, 1) + '\n');
    console.log(`${fixturePath(this.scenario)}: ${this.exchanges.length} exchanges`);
  }
}

async function track(recorder: Recorder, wallet: Address, request: TonConnectRequest, effect?: () => Promise<boolean>, expect: TrackStatus['status'] = 'confirmed') {
  const statuses: TrackStatus['status'][] = [];
  const final = await trackTransaction({
    client: recorder.rpc.client,
    walletAddress: wallet,
    send: () => devWalletSend(request).then((reply) => ((recorder.values[`${recorder.step}.boc`] = reply.boc), reply)),
    validUntil: request.validUntil,
    pollMs: 200,
    timeoutMs: 10_000,
    effect,
    effectTimeoutMs: 10_000,
    target: 'pool',
    onStatus: (status) => statuses.push(status.status),
  });
  if (final.status !== expect) throw new Error(`${recorder.step}: ${JSON.stringify(final.status === 'failed' ? final.reason : final.status)}`);
  console.log(`  ${recorder.step}: ${statuses.join(' → ')}${final.status === 'failed' ? ` (${final.reason})` : ''}`);
}

/** Records every item of the pool's payout collections (get_nft_address_by_index, then checkPoolBill's get_nft_data). */
async function recordPoolBills(rpc: TonRpc, data: PoolFullData) {
  for (const collection of [data.depositPayout, data.withdrawalPayout]) {
    if (!collection) continue;
    const [count] = (await rpc.runGetMethod(collection, 'get_collection_data')).stack;
    for (let index = 0n; count?.type === 'int' && index < count.value; index++) {
      await checkPoolBill(rpc, data, await readBillAddress(rpc, collection, index));
    }
  }
}

async function captureWallet(config: DevnetConfig) {
  const recorder = new Recorder('devnet-wallet');
  const rpc = recorder.rpc;
  const devWallet = Address.parse(config.devWallet.address);
  const treasury = Address.parse(config.treasury);
  recorder.values.devWallet = devWallet.toRawString();
  recorder.values.treasury = treasury.toRawString();

  recorder.step = 'undeployed-jetton-wallet';
  const nobody = Address.parse(`0:${'5e'.repeat(32)}`);
  recorder.values.undeployed = nobody.toRawString();
  await readJettonWallet(rpc, nobody);

  recorder.step = 'transfer';
  const before = await rpc.client.getBalance(treasury);
  const amount = toNano('0.5');
  recorder.values.transferAmount = amount.toString();
  const request: TonConnectRequest = {
    validUntil: config.now + VALID_FOR_S,
    network: '-3',
    from: devWallet.toRawString(),
    messages: [{ address: treasury.toString({ bounceable: true, testOnly: true }), amount: amount.toString() }],
  };
  await track(recorder, devWallet, request, async () => (await rpc.client.getBalance(treasury)) > before);

  recorder.step = 'pages';
  const [first] = await rpc.client.getTransactions(devWallet, { limit: 1 });
  await rpc.client.getTransactions(devWallet, { limit: 1, lt: first.lt.toString(), hash: first.hash().toString('base64') });
  recorder.step = 'seqno';
  await rpc.runGetMethod(devWallet, 'seqno');
  recorder.save();
}

async function capturePool(config: DevnetConfig, scenario: string) {
  const poolText = process.env.POOL_ADDRESS ?? config.pool ?? config.poolAddress;
  if (!poolText) {
    console.log('pool: skipped, the devnet has no pool yet (no `pool` in /devnet/config and no POOL_ADDRESS)');
    return;
  }
  const recorder = new Recorder(scenario);
  const rpc = recorder.rpc;
  const pool = Address.parse(String(poolText));
  const devWallet = Address.parse(config.devWallet.address);
  const network = networkPreset('devnet', devnetUrl);
  recorder.values.pool = pool.toRawString();
  recorder.values.devWallet = devWallet.toRawString();
  recorder.values.devnetConfig = JSON.stringify(config);

  recorder.step = 'history';
  await readTransactionPages(({ limit, lt, hash }) => rpc.client.getTransactions(pool, { limit, lt, hash, archival: true }), { pageSize: 20, maxPages: 3 });

  recorder.step = 'before';
  const data = await readPoolFullData(rpc, pool);
  await readPoolFullData(rpc, pool, { raw: true });
  await readJettonData(rpc, data.jettonMinter);
  const jettonWallet = await fetchJettonWalletAddress(rpc, data.jettonMinter, devWallet);
  recorder.values.jettonWallet = jettonWallet.toRawString();
  const walletBefore = await readJettonWallet(rpc, jettonWallet);
  await rpc.client.getBalance(pool);
  await recordPoolBills(rpc, data);

  // 0.5 TON is below the 1 TON deposit fee: the pool throws 0xf200 and the TON bounces back
  recorder.step = 'failed-deposit';
  const tooSmall: TonConnectRequest = {
    validUntil: config.now + VALID_FOR_S,
    network: '-3',
    from: devWallet.toRawString(),
    messages: [{ address: pool.toString({ bounceable: true, testOnly: true }), amount: toNano('0.5').toString(), payload: depositBody().toBoc().toString('base64') }],
  };
  await track(recorder, devWallet, tooSmall, undefined, 'failed');

  recorder.step = 'deposit';
  const depositAmount = toNano('25');
  recorder.values.depositAmount = depositAmount.toString();
  const deposit = buildDepositRequest({ network, pool, amount: depositAmount, from: devWallet, now: config.now });
  await track(recorder, devWallet, deposit, async () => {
    if (!data.optimistic) return true; // a bill, not jettons: recordPoolBills in the next step shows it
    return (await readJettonWallet(rpc, jettonWallet)).balance > walletBefore.balance;
  });

  recorder.step = 'after-deposit';
  const afterDeposit = await readPoolFullData(rpc, pool);
  const walletAfter = await readJettonWallet(rpc, jettonWallet);
  await rpc.client.getBalance(pool);
  await recordPoolBills(rpc, afterDeposit);

  if (walletAfter.balance > 0n) {
    recorder.step = 'withdraw';
    const burnAmount = walletAfter.balance / 2n;
    recorder.values.burnAmount = burnAmount.toString();
    const withdraw = buildWithdrawRequest({
      network,
      jettonWallet,
      amount: burnAmount,
      owner: devWallet,
      mode: { waitTillRoundEnd: true, fillOrKill: false },
      now: (await getJson<DevnetConfig>('/devnet/config')).now,
    });
    await track(recorder, devWallet, withdraw, async () => (await readJettonWallet(rpc, jettonWallet)).balance < walletAfter.balance);

    recorder.step = 'after-withdraw';
    const afterWithdraw = await readPoolFullData(rpc, pool);
    const walletLeft = await readJettonWallet(rpc, jettonWallet);
    await rpc.client.getBalance(pool);
    await recordPoolBills(rpc, afterWithdraw);

    // the rest, instantly (optimistic pool with liquidity): fill-or-kill so it can never become a bill
    recorder.step = 'instant-withdraw';
    recorder.values.instantBurnAmount = walletLeft.balance.toString();
    const instant = buildWithdrawRequest({
      network,
      jettonWallet,
      amount: walletLeft.balance,
      owner: devWallet,
      mode: { waitTillRoundEnd: false, fillOrKill: true },
      now: (await getJson<DevnetConfig>('/devnet/config')).now,
    });
    await track(recorder, devWallet, instant, async () => (await readJettonWallet(rpc, jettonWallet)).balance === 0n);

    recorder.step = 'after-instant';
    await readPoolFullData(rpc, pool);
    await readJettonWallet(rpc, jettonWallet);
  }
  recorder.save();
}

/**
 * The pool's getters alone, for the layout tests: get_pool_full_data and _raw as the contract answers them, saved
 * as devnet-pool-data-<version>.json (v1 from a v1 pool, v2 from a v2 pool).
 */
async function capturePoolData(config: DevnetConfig) {
  const poolText = process.env.POOL_ADDRESS ?? config.pool ?? config.poolAddress;
  if (!poolText) throw new Error('pool-data: no `pool` in /devnet/config and no POOL_ADDRESS');
  const pool = Address.parse(String(poolText));
  const probe = await readPoolFullData(new Recorder('probe').rpc, pool);
  const recorder = new Recorder(`devnet-pool-data-${probe.version}`);
  recorder.values.pool = pool.toRawString();
  recorder.step = 'read';
  const data = await readPoolFullData(recorder.rpc, pool);
  await readPoolFullData(recorder.rpc, pool, { raw: true });
  recorder.values.version = data.version;
  recorder.values.jettonMinter = data.jettonMinter.toRawString();
  // what the self-hosted genesis set, for the layout test to check the fee lands in the right field
  if (selfHosted && data.version === 'v2') recorder.values.instantWithdrawalFee = String(SELF_HOSTED_INSTANT_FEE);
  recorder.save();
}

const config = await getJson<DevnetConfig>('/devnet/config');
console.log(`capturing from ${devnetUrl} (devnet time ${config.now})`);
if (scenarios.includes('wallet')) await captureWallet(config);
if (scenarios.includes('pool')) await capturePool(await getJson<DevnetConfig>('/devnet/config'), 'devnet-pool');
// against `npm run devnet` with the full protocol (rounds, loans, history): real round data
if (scenarios.includes('pool-live')) await capturePool(await getJson<DevnetConfig>('/devnet/config'), 'devnet-pool-live');
// against a devnet whose pool runs in pessimistic mode: deposits become bills
if (scenarios.includes('pool-pessimistic')) await capturePool(await getJson<DevnetConfig>('/devnet/config'), 'devnet-pool-pessimistic');
if (scenarios.includes('pool-data')) await capturePoolData(await getJson<DevnetConfig>('/devnet/config'));
await selfHosted?.close();
