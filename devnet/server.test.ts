// End-to-end checks of the devnet server through the clients an app uses: @ton/ton's TonClient for the toncenter
// API, fetch for the /devnet and /devwallet routes. One server for the file; the last tests restart it.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { request as httpRequest, type IncomingHttpHeaders } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createHash } from 'node:crypto';
import {
  Address,
  beginCell,
  Cell,
  comment,
  contractAddress,
  external,
  internal,
  loadMessage,
  loadStateInit,
  loadTransaction,
  SendMode,
  storeMessage,
  toNano,
} from '@ton/core';
import { TonClient, WalletContractV5R1 } from '@ton/ton';
import { keyPairFromSeed } from '@ton/crypto';
import { createShardAccount } from '@ton/sandbox';
import { startDevnet, type RunningDevnet } from './server';
import { accessPolicyFromEnv, DEVNET_MUTATION_HEADERS } from './access';
import { LATEST_DEVNET_TIME } from './clock';
import { memoryLogger } from './logger';
import { normalizedExternalMessageHash } from './tx-index';
import type { DevnetExtension } from './extension';

const stateDir = mkdtempSync(join(tmpdir(), 'lst-devnet-test-'));
const logger = memoryLogger();
let devnet: RunningDevnet;
let client: TonClient;

// A wallet the test signs itself, as an app's backend or a script would.
const keyPair = keyPairFromSeed(createHash('sha256').update('devnet-test-wallet').digest());
const wallet = WalletContractV5R1.create({
  publicKey: keyPair.publicKey,
  walletId: { networkGlobalId: -3 },
});
const recipient = Address.parse('0:' + 'ab'.repeat(32));

// An extension like devnet/protocol's: genesis once per state dir, start on every run, config merged.
const extensionCalls = { genesis: 0, start: 0, stop: 0 };
const testExtension: DevnetExtension = {
  name: 'test-extension',
  async genesis(ctx) {
    extensionCalls.genesis += 1;
    const before = ctx.chain.now();
    await ctx.chain.advance(100);
    const account = await ctx.devWallets.account('test-extension-owner');
    ctx.state.set({ owner: account.address, genesisNow: before });
  },
  async start() {
    extensionCalls.start += 1;
    return () => {
      extensionCalls.stop += 1;
    };
  },
  config: (ctx) => ({ testExtension: ctx.state.get() }),
};

async function start(reset = false) {
  devnet = await startDevnet({
    port: 0,
    stateDir,
    reset,
    logger,
    saveDebounceMs: 50,
    extensions: [testExtension],
  });
  client = new TonClient({ endpoint: `${devnet.url}/jsonRPC` });
}

async function post(path: string, body: unknown, raw = false) {
  const response = await fetch(devnet.url + path, {
    method: 'POST',
    headers: { ...DEVNET_MUTATION_HEADERS },
    body: raw ? (body as string) : JSON.stringify(body),
  });
  return { status: response.status, body: (await response.json()) as Record<string, unknown> };
}

async function get(path: string) {
  const response = await fetch(devnet.url + path);
  return { status: response.status, body: (await response.json()) as Record<string, unknown> };
}

const rpc = (method: string, params: unknown) =>
  post('/jsonRPC', { id: '1', jsonrpc: '2.0', method, params });

async function faucet(address: Address, amount: bigint) {
  const reply = await post('/devnet/faucet', { address: address.toString(), amount: amount.toString() });
  expect(reply.status).toBe(200);
  return reply.body;
}

/** Signs with a timeout on the devnet clock (from /devnet/config), or @ton/ton's wall-clock default. */
async function transferFromTestWallet(
  to: Address,
  value: bigint,
  text: string,
  timeout: 'devnet' | 'wall' = 'devnet',
) {
  const opened = client.open(wallet);
  const seqno = await opened.getSeqno();
  const devnetNow = (await get('/devnet/config')).body.now as number;
  await opened.sendTransfer({
    seqno,
    timeout: timeout === 'devnet' ? devnetNow + 60 : undefined,
    secretKey: keyPair.secretKey,
    sendMode: SendMode.PAY_GAS_SEPARATELY | SendMode.IGNORE_ERRORS,
    messages: [internal({ to, value, bounce: false, body: comment(text) })],
  });
  return seqno;
}

beforeAll(async () => {
  await start(true);
});

afterAll(async () => {
  await devnet?.close();
  rmSync(stateDir, { recursive: true, force: true });
});

describe('toncenter API through TonClient', () => {
  it('reports balances and the faucet funds an address with a real transfer', async () => {
    expect(await client.getBalance(recipient)).toBe(0n);
    const reply = await faucet(wallet.address, toNano('100'));
    expect(reply).toMatchObject({ ok: true, result: { amount: toNano('100').toString() } });
    expect(await client.getBalance(wallet.address)).toBe(toNano('100'));
    const state = await client.getContractState(wallet.address);
    expect(state.state).toBe('uninitialized');
    expect(state.lastTransaction?.lt).toBe((reply.result as { transaction: { lt: string } }).transaction.lt);
  });

  it('deploys and runs a V5R1 wallet via sendTransfer, and runs its get-methods', async () => {
    expect(await transferFromTestWallet(recipient, toNano('1'), 'first')).toBe(0);
    expect(await client.isContractDeployed(wallet.address)).toBe(true);
    expect(await client.open(wallet).getSeqno()).toBe(1);
    const { stack } = await client.runMethod(wallet.address, 'seqno');
    expect(stack.readNumber()).toBe(1);
    expect(await client.getBalance(recipient)).toBe(toNano('1'));
  });

  it('returns a non-zero get-method exit code as ok:true, like toncenter', async () => {
    const reply = await rpc('runGetMethod', {
      address: wallet.address.toString(),
      method: 'no_such_method',
      stack: [],
    });
    expect(reply.status).toBe(200);
    expect(reply.body).toMatchObject({ ok: true, result: { exit_code: 11, stack: [] } });
    const uninit = await rpc('runGetMethod', { address: recipient.toString(), method: 'seqno', stack: [] });
    expect(uninit.body).toMatchObject({ ok: true, result: { exit_code: -13 } });
  });

  it('pages transactions newest first by lt/hash and finds one with getTransaction', async () => {
    await transferFromTestWallet(recipient, toNano('0.1'), 'second');
    await transferFromTestWallet(recipient, toNano('0.1'), 'third');
    const all = await client.getTransactions(wallet.address, { limit: 20 });
    expect(all.length).toBe(4); // faucet in + three externals
    const lts = all.map((tx) => tx.lt);
    expect([...lts].sort((a, b) => (a > b ? -1 : 1))).toEqual(lts);

    const firstPage = await client.getTransactions(wallet.address, { limit: 2 });
    const last = firstPage[firstPage.length - 1];
    const secondPage = await client.getTransactions(wallet.address, {
      limit: 2,
      lt: last.lt.toString(),
      hash: last.hash().toString('base64'),
    });
    expect([...firstPage, ...secondPage].map((tx) => tx.lt)).toEqual(lts);

    const middle = all[1];
    const found = await client.getTransaction(
      wallet.address,
      middle.lt.toString(),
      middle.hash().toString('base64'),
    );
    expect(found?.hash().equals(middle.hash())).toBe(true);
    const wrongHash = Buffer.alloc(32, 7).toString('base64');
    expect(await client.getTransaction(wallet.address, middle.lt.toString(), wrongHash)).toBeNull();

    const newerThanMiddle = await rpc('getTransactions', {
      address: wallet.address.toString(),
      limit: 10,
      to_lt: middle.lt.toString(),
    });
    expect((newerThanMiddle.body.result as unknown[]).length).toBe(1);
  });

  it('locates the result and source transactions of an internal message', async () => {
    const [latest] = await client.getTransactions(wallet.address, { limit: 1 });
    const out = latest.outMessages.get(0)!;
    if (out.info.type !== 'internal') throw new Error('expected an internal out message');
    const result = await client.tryLocateResultTx(wallet.address, recipient, out.info.createdLt.toString());
    expect(result.inMessage?.info.src?.toString()).toBe(wallet.address.toString());
    const source = await client.tryLocateSourceTx(wallet.address, recipient, out.info.createdLt.toString());
    expect(source.hash().equals(latest.hash())).toBe(true);
  });

  it('estimates external message fees without changing state', async () => {
    const balanceBefore = await client.getBalance(wallet.address);
    const body = wallet.createTransfer({
      seqno: 3,
      timeout: devnet.chain.now() + 60,
      secretKey: keyPair.secretKey,
      sendMode: SendMode.PAY_GAS_SEPARATELY,
      messages: [internal({ to: recipient, value: toNano('5'), bounce: false })],
    });
    const fees = await client.estimateExternalMessageFee(wallet.address, {
      body,
      initCode: null,
      initData: null,
      ignoreSignature: true,
    });
    expect(fees.source_fees.gas_fee).toBeGreaterThan(0);
    expect(fees.source_fees.in_fwd_fee).toBeGreaterThan(0);
    expect(fees.source_fees.fwd_fee).toBeGreaterThan(0);
    expect(await client.getBalance(wallet.address)).toBe(balanceBefore);
    expect(await client.open(wallet).getSeqno()).toBe(3);
  });

  it('sendBocReturnHash returns the normalized hash that locates the transaction; getConfigParam returns config', async () => {
    const transfer = wallet.createTransfer({
      seqno: await client.open(wallet).getSeqno(),
      timeout: devnet.chain.now() + 60,
      secretKey: keyPair.secretKey,
      sendMode: SendMode.PAY_GAS_SEPARATELY,
      messages: [internal({ to: recipient, value: 1n, bounce: false })],
    });
    // Serialized with the body inline: its plain hash differs from the normalized one.
    const boc = beginCell()
      .store(storeMessage(external({ to: wallet.address, body: transfer })))
      .endCell()
      .toBoc()
      .toString('base64');
    const reply = await rpc('sendBocReturnHash', { boc });
    const { hash, hash_norm: hashNorm } = reply.body.result as { hash: string; hash_norm: string };
    expect(hash).toBe(Cell.fromBase64(boc).hash().toString('base64'));
    expect(hashNorm).not.toBe(hash);
    const located = await get(`/devnet/tx-by-msg-hash?hash=${encodeURIComponent(hashNorm)}`);
    const [latest] = await client.getTransactions(wallet.address, { limit: 1 });
    expect((located.body.result as { transaction_id: { hash: string } }).transaction_id.hash).toBe(
      latest.hash().toString('base64'),
    );

    const config = await rpc('getConfigParam', { config_id: 34 });
    const cell = Cell.fromBase64((config.body.result as { config: { bytes: string } }).config.bytes);
    expect(cell.beginParse().loadUint(8)).toBe(0x12); // validators_ext#12
    expect((await rpc('getConfigParam', { config_id: 999 })).status).toBe(404);
    // The chain's identity: global id -3 (testnet's), in config param 19 and in /devnet/config.
    const globalIdParam = await rpc('getConfigParam', { config_id: 19 });
    const globalIdCell = Cell.fromBase64((globalIdParam.body.result as { config: { bytes: string } }).config.bytes);
    expect(globalIdCell.beginParse().loadInt(32)).toBe(-3);
    expect((await get('/devnet/config')).body.chain).toBe('-3');
  });

  it("answers CORS preflights of the app's origin for the headers TonClient and the devnet routes need", async () => {
    const response = await fetch(`${devnet.url}/jsonRPC`, {
      method: 'OPTIONS',
      headers: {
        Origin: 'http://127.0.0.1:5173',
        'Access-Control-Request-Method': 'POST',
        'Access-Control-Request-Headers': 'content-type,x-ton-client-version,x-api-key',
      },
    });
    expect(response.status).toBe(204);
    expect(response.headers.get('access-control-allow-origin')).toBe('http://127.0.0.1:5173');
    expect(response.headers.get('vary')).toBe('Origin');
    expect(response.headers.get('access-control-allow-methods')).toContain('POST');
    const allowed = response.headers.get('access-control-allow-headers')!.toLowerCase();
    for (const header of ['content-type', 'x-ton-client-version', 'x-api-key', 'x-devnet-request'])
      expect(allowed).toContain(header);
    const error = await fetch(`${devnet.url}/jsonRPC`, {
      method: 'POST',
      body: '{',
      headers: { Origin: 'http://localhost:4173' },
    });
    expect(error.status).toBe(400);
    expect(error.headers.get('access-control-allow-origin')).toBe('http://localhost:4173'); // errors are readable too
  });

  it('serves REST-style GET routes and wallet information', async () => {
    expect((await get('/')).body.result).toMatchObject({ service: 'lst-devnet' });
    const info = await get(`/api/v2/getWalletInformation?address=${wallet.address.toString()}`);
    expect(info.body).toMatchObject({
      ok: true,
      result: { wallet: true, wallet_type: 'wallet v5 r1', seqno: 4 },
    });
    const state = await get(`/getAddressState?address=${recipient.toRawString()}`);
    expect(state.body).toEqual({ ok: true, result: 'uninitialized' });
    const balance = await get(`/api/v2/getAddressBalance?address=${recipient.toString()}`);
    expect(balance.body.result).toBe((await client.getBalance(recipient)).toString());
  });

  it('encodes get-method stacks like toncenter: hex numbers, nested tuples in typed form, slices as cells, null', async () => {
    // Hand-assembled TVM code (no compiler needed): drop the method id, then build
    // x, [x+1, [-5, c]], c, slice(c), null from the arguments (x, c).
    const mixedCode = beginCell().storeBuffer(Buffer.from('3021a47b226f026f020120d06d', 'hex')).endCell();
    // Drops the method id and returns its arguments unchanged.
    const echoCode = beginCell().storeUint(0x30, 8).endCell();
    const mixed = contractAddress(0, { code: mixedCode, data: beginCell().endCell() });
    const echo = contractAddress(0, { code: echoCode, data: beginCell().endCell() });
    await devnet.chain.exclusive(async (blockchain) => {
      for (const [address, code] of [
        [mixed, mixedCode],
        [echo, echoCode],
      ] as const) {
        await blockchain.setShardAccount(
          address,
          createShardAccount({ address, code, data: beginCell().endCell(), balance: toNano('1') }),
        );
      }
    });
    const payload = beginCell().storeUint(0xdeadbeef, 32).endCell();

    const { stack } = await client.runMethod(mixed, 'anything', [
      { type: 'int', value: -7n },
      { type: 'cell', cell: payload },
    ]);
    expect(stack.readBigNumber()).toBe(-7n);
    // TonClient hands back nested tuple elements as raw values (bigint / Cell / arrays).
    const tuple = stack.readTuple();
    expect(tuple.pop()).toBe(-6n);
    const inner = tuple.pop() as unknown as [bigint, Cell];
    expect(inner[0]).toBe(-5n);
    expect(inner[1].equals(payload)).toBe(true);
    expect(stack.readCell().equals(payload)).toBe(true);
    expect(stack.readCell().equals(payload)).toBe(true); // the slice, reported as a cell
    expect(stack.readBigNumberOpt()).toBeNull();

    const raw = await rpc('runGetMethod', {
      address: mixed.toString(),
      method: 'x',
      stack: [
        ['num', '-0x10'],
        ['tvm.Cell', payload.toBoc().toString('base64')],
      ],
    });
    const rawStack = (raw.body.result as { stack: unknown[] }).stack;
    expect(rawStack[0]).toEqual(['num', '-0x10']);
    expect(rawStack[1]).toMatchObject([
      'tuple',
      {
        elements: [
          { '@type': 'tvm.stackEntryNumber', number: { '@type': 'tvm.numberDecimal', number: '-15' } },
          {
            '@type': 'tvm.stackEntryTuple',
            tuple: { elements: [{ number: { number: '-5' } }, { '@type': 'tvm.stackEntryCell' }] },
          },
        ],
      },
    ]);
    expect(rawStack[3]).toEqual(['cell', { bytes: payload.toBoc().toString('base64') }]);
    expect(rawStack[4]).toEqual(['null']);

    // Inputs TonClient cannot send (tuples, null, typed entries) still parse when sent raw.
    const echoed = await rpc('runGetMethod', {
      address: echo.toString(),
      method: 'echo',
      stack: [
        ['num', '12'],
        ['null'],
        [
          'tuple',
          {
            elements: [
              { '@type': 'tvm.stackEntryNumber', number: { '@type': 'tvm.numberDecimal', number: '-3' } },
              ['num', '0xff'],
            ],
          },
        ],
        ['tvm.Slice', payload.toBoc().toString('base64')],
      ],
    });
    expect((echoed.body.result as { stack: unknown[] }).stack).toEqual([
      ['num', '0xc'],
      ['null'],
      [
        'tuple',
        {
          '@type': 'tvm.tuple',
          elements: [
            { '@type': 'tvm.stackEntryNumber', number: { '@type': 'tvm.numberDecimal', number: '-3' } },
            { '@type': 'tvm.stackEntryNumber', number: { '@type': 'tvm.numberDecimal', number: '255' } },
          ],
        },
      ],
      ['cell', { bytes: payload.toBoc().toString('base64') }],
    ]);
  });

  it('serializes concurrent fee estimates and transfers: rollbacks never erase real transactions', async () => {
    const targets = [1, 2, 3, 4].map((i) => Address.parse('0:' + i.toString(16).padStart(2, '0').repeat(32)));
    const body = wallet.createTransfer({
      seqno: await client.open(wallet).getSeqno(),
      timeout: devnet.chain.now() + 60,
      secretKey: keyPair.secretKey,
      sendMode: SendMode.PAY_GAS_SEPARATELY,
      messages: [internal({ to: recipient, value: toNano('1'), bounce: false })],
    });
    const estimate = () =>
      client.estimateExternalMessageFee(wallet.address, {
        body,
        initCode: null,
        initData: null,
        ignoreSignature: true,
      });
    await Promise.all([
      ...targets.map((target, i) => faucet(target, toNano(String(i + 1)))),
      estimate(),
      estimate(),
      estimate(),
    ]);
    for (const [i, target] of targets.entries()) {
      expect(await client.getBalance(target)).toBe(toNano(String(i + 1)));
      expect(await client.getTransactions(target, { limit: 5 })).toHaveLength(1);
    }

    // Reads racing a dry run never see its (rolled back) state: the estimated transfer would move 1 TON.
    const balance = await client.getBalance(wallet.address);
    const seen = await Promise.all([
      ...Array.from({ length: 4 }, () => estimate().then(() => balance)),
      ...Array.from({ length: 12 }, () => client.getBalance(wallet.address)),
    ]);
    expect(new Set(seen)).toEqual(new Set([balance]));
  });
});

describe('dev wallet', () => {
  const ownName = 'test-alice';

  it('describes a deterministic, funded V5R1 account', async () => {
    const { status, body } = await get(`/devwallet/account?name=${ownName}`);
    expect(status).toBe(200);
    const init = loadStateInit(Cell.fromBase64(body.walletStateInit as string).beginParse());
    expect(contractAddress(0, init).toRawString()).toBe(body.address);
    expect(Address.parse(body.friendly as string).equals(Address.parse(body.address as string))).toBe(true);
    expect(Address.parseFriendly(body.friendly as string)).toMatchObject({
      isBounceable: false,
      isTestOnly: true,
    });
    expect(body.network).toBe('-3');
    // Signed for testnet's global id: the same key on mainnet's (-239) is another address.
    const devnetWallet = WalletContractV5R1.create({
      publicKey: Buffer.from(body.publicKey as string, 'hex'),
      walletId: { networkGlobalId: -3 },
    });
    expect(devnetWallet.address.toRawString()).toBe(body.address);
    const mainnetWallet = WalletContractV5R1.create({
      publicKey: Buffer.from(body.publicKey as string, 'hex'),
      walletId: { networkGlobalId: -239 },
    });
    expect(mainnetWallet.address.toRawString()).not.toBe(body.address);
    expect(body.balance).toBe(toNano('10000').toString());
    const again = await get(`/devwallet/account?name=${ownName}`);
    expect(again.body.address).toBe(body.address); // funded once, same key every time
    expect(again.body.balance).toBe(body.balance);
  });

  it('signs and executes a TON Connect request, trackable by its normalized message hash', async () => {
    const account = (await get(`/devwallet/account?name=${ownName}`)).body;
    const target = Address.parse('0:' + 'cd'.repeat(32));
    const request = {
      valid_until: devnet.chain.now() + 300,
      network: '-3',
      from: account.address,
      messages: [
        {
          address: target.toString({ bounceable: false }),
          amount: toNano('2').toString(),
          payload: comment('hi').toBoc().toString('base64'),
        },
        { address: recipient.toString({ bounceable: true }), amount: toNano('0.5').toString() },
      ],
    };
    const reply = await post(`/devwallet/sendTransaction?name=${ownName}`, request);
    expect(reply.status).toBe(200);
    const message = loadMessage(Cell.fromBase64(reply.body.boc as string).beginParse());
    expect(message.init).toBeTruthy(); // first send deploys the wallet
    expect(await client.getBalance(target)).toBe(toNano('2'));

    const hash = normalizedExternalMessageHash(message).toString('hex');
    const tracked = await get(`/devnet/tx-by-msg-hash?hash=${hash}`);
    expect(tracked.status).toBe(200);
    const tx = loadTransaction(Cell.fromBase64((tracked.body.result as { data: string }).data).beginParse());
    const bounceFlags = [...tx.outMessages.values()].map(
      (out) => out.info.type === 'internal' && out.info.bounce,
    );
    expect(bounceFlags).toEqual([false, true]); // taken from each address's bounceable flag

    // Replaying the same external is rejected by the wallet (seqno) and reported as a 4xx envelope.
    const replay = await rpc('sendBoc', { boc: reply.body.boc });
    expect(replay.status).toBe(422);
    expect(replay.body).toMatchObject({ ok: false, code: 422 });
    expect(String(replay.body.error)).toMatch(/not accepted: exit code 133 \(seqno mismatch\)/);
  });

  it('rejects on request, refuses expired or wrong-network requests, and sends nothing then', async () => {
    const account = (await get(`/devwallet/account?name=${ownName}`)).body;
    const balance = await client.getBalance(Address.parse(account.address as string));
    const request = (overrides: Record<string, unknown>) => ({
      valid_until: devnet.chain.now() + 300,
      messages: [{ address: recipient.toString(), amount: '1000' }],
      ...overrides,
    });
    const send = (body: unknown) => post(`/devwallet/sendTransaction?name=${ownName}`, body);

    expect((await send(request({ valid_until: devnet.chain.now() - 1 }))).body).toMatchObject({
      error: { code: 1 },
    });
    expect((await send(request({ valid_until: Date.now() + 60_000 }))).body).toMatchObject({
      error: { code: 1 },
    });
    expect((await send(request({ network: '-239' }))).body).toMatchObject({ error: { code: 1 } });
    expect((await send(request({ from: wallet.address.toRawString() }))).body).toMatchObject({
      error: { code: 1 },
    });
    expect(
      (await send(request({ messages: [{ address: recipient.toRawString(), amount: '1' }] }))).body,
    ).toMatchObject({
      error: { code: 1 },
    });
    expect(
      (await send(request({ messages: Array(5).fill({ address: recipient.toString(), amount: '1' }) }))).body,
    ).toMatchObject({
      error: { code: 1 },
    });
    expect((await post(`/devwallet/sendTransaction?name=${ownName}`, '{nope', true)).body).toMatchObject({
      error: { code: 1 },
    });

    expect(
      (await post(`/devwallet/mode?name=${ownName}`, { reject: true, approveDelayMs: 150 })).body,
    ).toMatchObject({
      reject: true,
      approveDelayMs: 150,
    });
    const began = Date.now();
    expect((await send(request({}))).body).toMatchObject({ error: { code: 300 } });
    expect(Date.now() - began).toBeGreaterThanOrEqual(140);
    await post(`/devwallet/mode?name=${ownName}`, { reject: false, approveDelayMs: 0, network: '-239' });
    expect((await get(`/devwallet/account?name=${ownName}`)).body.network).toBe('-239');
    await post(`/devwallet/mode?name=${ownName}`, { network: '-3' });
    expect((await post(`/devwallet/mode?name=${ownName}`, { network: 'mainnet' })).status).toBe(400);
    expect((await get('/devwallet/account?name=bad%20name!')).status).toBe(400);

    expect(await client.getBalance(Address.parse(account.address as string))).toBe(balance);
  });

  it('keeps working after the devnet clock jumps a week (its timeout follows the devnet clock)', async () => {
    const before = (await get('/devnet/config')).body.now as number;
    const advanced = await post('/devnet/time/advance', { seconds: 7 * 24 * 3600 });
    expect((advanced.body.result as { now: number }).now).toBeGreaterThanOrEqual(before + 7 * 24 * 3600);
    const reply = await post(`/devwallet/sendTransaction?name=${ownName}`, {
      valid_until: devnet.chain.now() + 60,
      messages: [{ address: recipient.toString({ bounceable: false }), amount: toNano('0.25').toString() }],
    });
    expect(reply.body.boc).toBeTypeOf('string');
    // A wallet whose timeout comes from the wall clock (@ton/ton's default) is now expired, as on a real chain.
    await expect(transferFromTestWallet(recipient, 1n, 'late', 'wall')).rejects.toThrow(/422/);
    expect(logger.lines.at(-1)).toMatch(/exit code 136 \(message expired\)/);
    expect((await post('/devnet/time/advance', { seconds: -5 })).status).toBe(400);
  });
});

describe('bad input', () => {
  it('answers each with a toncenter envelope, logs the reason, and keeps serving', async () => {
    const recipientBalance = await client.getBalance(recipient);
    const cases: Array<[Promise<{ status: number; body: Record<string, unknown> }>, number, RegExp]> = [
      [post('/jsonRPC', '{"id":1,"method":', true), 400, /malformed JSON/],
      [rpc('noSuchMethod', {}), 404, /unknown method/],
      [rpc('getTransactions', { address: recipient.toString(), limit: 'many' }), 400, /limit/],
      [
        rpc('runGetMethod', { address: recipient.toString(), method: 'seqno', stack: [['num', 'zz']] }),
        400,
        /bad number/,
      ],
      [rpc('sendBoc', { boc: 'definitely not a boc' }), 400, /invalid BOC/],
      [
        rpc('sendBoc', { boc: beginCell().storeUint(1, 8).endCell().toBoc().toString('base64') }),
        400,
        /not a message/,
      ],
      [rpc('getAddressInformation', { address: 'EQ-not-an-address' }), 400, /invalid address/],
      [rpc('getAddressInformation', {}), 400, /address/],
      [post('/jsonRPC', [1, 2], false), 400, /JSON-RPC object/],
      [get('/api/v2/getTransactions?address=nope'), 400, /invalid address/],
      [get('/nothingHere/really'), 404, /no route/],
      [post('/devnet/faucet', { address: 'nope', amount: '1' }), 400, /invalid address/],
      [post('/devnet/faucet', { address: recipient.toString(), amount: '1.5' }), 400, /decimal string/],
      [
        post('/devnet/faucet', { address: recipient.toString(), amount: (10n ** 16n).toString() }),
        400,
        /between/,
      ],
      [get('/devnet/tx-by-msg-hash?hash=' + '00'.repeat(32)), 404, /normalized hash/],
    ];
    for (const [reply, status, message] of cases) {
      const { status: actual, body } = await reply;
      expect({ actual, code: body.code, ok: body.ok }).toEqual({ actual: status, code: status, ok: false });
      expect(String(body.error)).toMatch(message);
    }
    expect(logger.lines.some((line) => line.includes('malformed JSON'))).toBe(true);
    expect(logger.lines.some((line) => line.includes('unknown method "noSuchMethod"'))).toBe(true);
    expect(await client.getBalance(recipient)).toBe(recipientBalance);
    expect((await client.getMasterchainInfo()).latestSeqno).toBeGreaterThan(0);
  });
});

describe('access rules (the devnet holds keys)', () => {
  const foreign = 'https://evil.example';

  /** A raw HTTP request, so the Host header can be set (fetch forbids it). */
  function rawRequest(options: { path: string; method?: string; headers: Record<string, string>; body?: string }) {
    return new Promise<{ status: number; headers: IncomingHttpHeaders; body: string }>((resolve, reject) => {
      const request = httpRequest(
        { host: '127.0.0.1', port: devnet.port, path: options.path, method: options.method ?? 'GET', headers: options.headers },
        (response) => {
          let body = '';
          response.setEncoding('utf8');
          response.on('data', (chunk: string) => (body += chunk));
          response.on('end', () => resolve({ status: response.statusCode ?? 0, headers: response.headers, body }));
        },
      );
      request.on('error', reject);
      request.end(options.body);
    });
  }

  it('refuses browser requests from other origins before any handler runs, and their preflights', async () => {
    const target = Address.parse('0:' + '5a'.repeat(32));
    // A "simple" cross-origin POST needs no preflight: the refusal must come before the faucet moves any coin.
    const simple = await fetch(`${devnet.url}/devnet/faucet`, {
      method: 'POST',
      headers: { Origin: foreign, 'Content-Type': 'text/plain' },
      body: JSON.stringify({ address: target.toString(), amount: '1000000000' }),
    });
    expect(simple.status).toBe(403);
    expect(simple.headers.get('access-control-allow-origin')).toBeNull();
    const preflight = await fetch(`${devnet.url}/devwallet/sendTransaction`, {
      method: 'OPTIONS',
      headers: { Origin: foreign, 'Access-Control-Request-Method': 'POST', 'Access-Control-Request-Headers': 'content-type,x-devnet-request' },
    });
    expect(preflight.status).toBe(403);
    expect(preflight.headers.get('access-control-allow-origin')).toBeNull();
    const read = await fetch(`${devnet.url}/devnet/config`, { headers: { Origin: 'null' } });
    expect(read.status).toBe(403);
    expect(await client.getBalance(target)).toBe(0n);
    // The app's origins (dev server, preview server) and the devnet's own are served.
    for (const origin of ['http://127.0.0.1:5173', 'http://localhost:5173', 'http://127.0.0.1:4173', devnet.url]) {
      const reply = await fetch(`${devnet.url}/devnet/config`, { headers: { Origin: origin } });
      expect({ origin, status: reply.status }).toEqual({ origin, status: 200 });
      expect(reply.headers.get('access-control-allow-origin')).toBe(origin);
    }
  });

  it("applies the Origin rule to the TON Connect bridge and the header rule to the mobile wallet's actions", async () => {
    const bridgeMessage = `${devnet.url}/bridge/message?client_id=${'a'.repeat(64)}&to=${'b'.repeat(64)}&ttl=60`;
    const foreignPost = await fetch(bridgeMessage, { method: 'POST', headers: { Origin: foreign }, body: 'aGk=' });
    expect(foreignPost.status).toBe(403);
    const foreignStream = await fetch(`${devnet.url}/bridge/events?client_id=${'b'.repeat(64)}`, { headers: { Origin: foreign } });
    expect(foreignStream.status).toBe(403);
    // The SDK's unmodified client: text/plain, no devnet header, from the app's origin or the wallet page's (the devnet's).
    for (const origin of ['http://127.0.0.1:5173', devnet.url]) {
      const sent = await fetch(bridgeMessage, { method: 'POST', headers: { Origin: origin, 'Content-Type': 'text/plain' }, body: 'aGk=' });
      expect({ origin, status: sent.status }).toEqual({ origin, status: 200 });
      expect(sent.headers.get('access-control-allow-origin')).toBe(origin);
    }
    // The mobile wallet page acts for a devnet key: its POSTs need the two headers, even same-origin.
    const bare = await fetch(`${devnet.url}/devwallet/mobile/mode`, {
      method: 'POST',
      headers: { Origin: devnet.url, 'Content-Type': 'application/json' },
      body: '{}',
    });
    expect(bare.status).toBe(403);
    expect((await fetch(`${devnet.url}/devwallet/mobile/state`, { headers: { Origin: devnet.url } })).status).toBe(200);
  });

  it('serves only the origins of DEVNET_ALLOWED_ORIGINS when it is set', () => {
    expect([...accessPolicyFromEnv({ DEVNET_ALLOWED_ORIGINS: 'http://127.0.0.1:9999/, https://app.test' }).origins]).toEqual([
      'http://127.0.0.1:9999',
      'https://app.test',
    ]);
    const defaults = [...accessPolicyFromEnv({ E2E_APP_PORT: '15999' }).origins];
    for (const origin of ['http://127.0.0.1:5173', 'http://localhost:4173', 'http://127.0.0.1:15999']) expect(defaults).toContain(origin);
    expect(() => accessPolicyFromEnv({ DEVNET_ALLOWED_ORIGINS: 'http://x.test/path' })).toThrow(/not an origin/);
  });

  it('checks the Host header against loopback names (DNS rebinding)', async () => {
    const rebound = await rawRequest({ path: '/devnet/config', headers: { Host: `attacker.example:${devnet.port}` } });
    expect(rebound.status).toBe(403);
    expect(rebound.body).toMatch(/not a loopback name/);
    for (const host of [`127.0.0.1:${devnet.port}`, `localhost:${devnet.port}`, `[::1]:${devnet.port}`]) {
      expect({ host, status: (await rawRequest({ path: '/devnet/config', headers: { Host: host } })).status }).toEqual({ host, status: 200 });
    }
  });

  it('requires JSON and the X-Devnet-Request header on every mutating route, and changes nothing without them', async () => {
    const target = Address.parse('0:' + '5b'.repeat(32));
    const faucetBody = JSON.stringify({ address: target.toString(), amount: '1000000000' });
    const cases: Array<[string, Record<string, string>, string, number]> = [
      ['/devnet/faucet', { 'Content-Type': 'application/json' }, faucetBody, 403],
      ['/devnet/faucet', { 'Content-Type': 'text/plain', 'X-Devnet-Request': '1' }, faucetBody, 415],
      ['/devnet/time/advance', { 'Content-Type': 'application/json' }, '{"seconds":60}', 403],
      ['/devnet/faults', { 'Content-Type': 'application/json' }, '{"rate500":1}', 403],
      ['/devnet/mode', {}, '{"blockDelayMs":1000}', 415],
      ['/devwallet/mode', { 'Content-Type': 'application/json' }, '{"reject":true}', 403],
      ['/devwallet/sendTransaction', { 'Content-Type': 'application/x-www-form-urlencoded' }, '{}', 415],
    ];
    const offset = devnet.chain.clockOffset;
    for (const [path, headers, body, status] of cases) {
      const reply = await fetch(devnet.url + path, { method: 'POST', headers, body });
      expect({ path, status: reply.status }).toEqual({ path, status });
    }
    expect(await client.getBalance(target)).toBe(0n);
    expect(devnet.chain.clockOffset).toBe(offset);
    expect(devnet.faults).toEqual({ rate429: 0, rate500: 0, latencyMs: 0 });
    expect((await get('/devnet/mode')).body.result).toEqual({ blockDelayMs: 0 });
    expect((await get('/devwallet/mode')).body).toMatchObject({ reject: false });
    // The toncenter API stays callable the way TonClient calls it; the index lists each route's access.
    expect((await get('/')).body.result).toMatchObject({
      routes: expect.arrayContaining([
        { method: 'POST', path: '/devnet/faucet', access: 'mutating' },
        { method: 'GET', path: '/devnet/config', access: 'read' },
        { method: 'POST', path: '/jsonRPC', access: 'open' },
      ]),
    });
  });

  it('refuses to advance the clock past 2^32 − 1 less a margin, and refuses saved state with such a clock', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'lst-devnet-clock-'));
    let own = await startDevnet({ port: 0, stateDir: dir, reset: true, logger, saveDebounceMs: 1 });
    try {
      const advance = (seconds: number) =>
        fetch(`${own.url}/devnet/time/advance`, { method: 'POST', headers: { ...DEVNET_MUTATION_HEADERS }, body: JSON.stringify({ seconds }) });
      const TEN_YEARS = 10 * 366 * 24 * 3600;
      // Ten years at a time up to the ceiling: every jump that stays below it is accepted…
      while (LATEST_DEVNET_TIME - own.chain.now() > TEN_YEARS) expect((await advance(TEN_YEARS)).status).toBe(200);
      const left = LATEST_DEVNET_TIME - own.chain.now();
      const offset = own.chain.clockOffset;
      // …and the one that would cross it is refused, leaving the clock where it was.
      const refused = await advance(left + 5);
      expect(refused.status).toBe(400);
      expect(((await refused.json()) as { error: string }).error).toMatch(/past \d+ \(2\^32 − 1 less a margin/);
      expect(own.chain.clockOffset).toBe(offset);
      expect(LATEST_DEVNET_TIME).toBeLessThanOrEqual(2 ** 32 - 1 - 30 * 24 * 3600);
      await expect(own.chain.advance(left + 5)).rejects.toThrow(RangeError); // the clock refuses whoever calls it
      await own.close();

      // A state file whose clock is past the ceiling (edited, or saved by an older devnet) is refused at load.
      const file = join(dir, 'state.json');
      const state = JSON.parse(readFileSync(file, 'utf8')) as { clock: { offsetSeconds: number; lastNow: number } };
      state.clock.offsetSeconds += left + 3600;
      writeFileSync(file, JSON.stringify(state));
      await expect(startDevnet({ port: 0, stateDir: dir, logger })).rejects.toThrow(/past \d+.*--reset/);
      own = await startDevnet({ port: 0, stateDir: dir, reset: true, logger });
    } finally {
      await own.close();
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('limits runGetMethod argument stacks in depth and size', async () => {
    let nested: unknown = ['num', '1'];
    for (let depth = 0; depth < 9; depth += 1) nested = ['tuple', { elements: [nested] }];
    const deep = await rpc('runGetMethod', { address: wallet.address.toString(), method: 'seqno', stack: [nested] });
    expect(deep.status).toBe(400);
    expect(String(deep.body.error)).toMatch(/nested deeper than 8/);
    const wide = await rpc('runGetMethod', {
      address: wallet.address.toString(),
      method: 'seqno',
      stack: [['tuple', { elements: Array.from({ length: 300 }, () => ['num', '1']) }]],
    });
    expect(wide.status).toBe(400);
    expect(String(wide.body.error)).toMatch(/more than 256 entries/);
    const bigCell = beginCell().storeBuffer(Buffer.alloc(100)).endCell().toBoc().toString('base64');
    const heavy = await rpc('runGetMethod', {
      address: wallet.address.toString(),
      method: 'seqno',
      stack: Array.from({ length: 200 }, () => ['tvm.Cell', bigCell.padEnd(2000, '=')]),
    });
    expect(heavy.status).toBe(400);
    expect(String(heavy.body.error)).toMatch(/base64 characters/);
    // Within the limits, nested arguments still work.
    const fine = await rpc('runGetMethod', { address: wallet.address.toString(), method: 'seqno', stack: [['tuple', { elements: [['num', '1']] }]] });
    expect(fine.status).toBe(200);
  });
});

describe('emulator crashes', () => {
  it('a crash in a get-method replaces the emulator; the chain keeps serving', async () => {
    const executor = (devnet.chain.blockchain as unknown as { executor: { runGetMethod: (...args: unknown[]) => unknown } }).executor;
    executor.runGetMethod = () => {
      throw new WebAssembly.RuntimeError('memory access out of bounds');
    };
    const crashed = await rpc('runGetMethod', { address: wallet.address.toString(), method: 'seqno', stack: [] });
    expect(crashed.status).toBe(500);
    expect(await client.open(wallet).getSeqno()).toBeGreaterThan(0); // a fresh emulator answers
    expect(devnet.chain.halted).toBeUndefined();
  });

  it('a crash during a state change stops the chain: 503 everywhere, onFatal, nothing saved; a restart resumes the saved state', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'lst-devnet-crash-'));
    const fatal: string[] = [];
    const target = Address.parse('0:' + '5c'.repeat(32));
    let crashing = await startDevnet({ port: 0, stateDir: dir, reset: true, logger, saveDebounceMs: 1, onFatal: (message) => fatal.push(message) });
    try {
      const url = crashing.url;
      const faucetTo = (amount: string) =>
        fetch(`${url}/devnet/faucet`, {
          method: 'POST',
          headers: { ...DEVNET_MUTATION_HEADERS },
          body: JSON.stringify({ address: target.toString(), amount }),
        });
      expect((await faucetTo('1000000000')).status).toBe(200);
      await crashing.chain.save();
      const saved = readFileSync(join(dir, 'state.json'), 'utf8');
      const executor = (crashing.chain.blockchain as unknown as { executor: { runTransaction: (...args: unknown[]) => unknown } }).executor;
      const real = executor.runTransaction.bind(executor);
      let calls = 0;
      // The treasury's transaction runs, then the emulator traps on the recipient's: half a message tree applied.
      executor.runTransaction = (...args: unknown[]) => {
        calls += 1;
        if (calls === 2) throw new WebAssembly.RuntimeError('unreachable');
        return real(...args);
      };
      expect((await faucetTo('2000000000')).status).toBe(500);
      expect(fatal).toHaveLength(1);
      expect(fatal[0]).toMatch(/emulator crash.*restart/);
      expect(crashing.chain.halted).toMatch(/unreachable/);
      for (const reply of [await fetch(`${url}/devnet/config`), await faucetTo('1'), await fetch(`${url}/api/v2/getAddressBalance?address=${target.toString()}`)]) {
        expect(reply.status).toBe(503);
      }
      await new Promise((resolve) => setTimeout(resolve, 30)); // any debounced save would have fired
      await crashing.close();
      expect(readFileSync(join(dir, 'state.json'), 'utf8')).toBe(saved);

      crashing = await startDevnet({ port: 0, stateDir: dir, logger });
      const restarted = new TonClient({ endpoint: `${crashing.url}/jsonRPC` });
      expect(await restarted.getBalance(target)).toBe(1_000_000_000n);
    } finally {
      await crashing.close();
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('fault injection', () => {
  it('fails toncenter routes only, with the exact toncenter 429 body, and adds latency', async () => {
    await post('/devnet/faults', { rate429: 1 });
    const limited = await rpc('getMasterchainInfo', {});
    expect(limited).toEqual({ status: 429, body: { ok: false, result: 'Ratelimit exceed', code: 429 } });
    await expect(client.getBalance(recipient)).rejects.toThrow(/429/);
    expect((await get('/devnet/config')).status).toBe(200);
    expect((await get('/devwallet/account')).status).toBe(200);
    await post('/devnet/faults', { rate429: 0 });

    const failing = await post('/jsonRPC?fault500=1', { id: 1, method: 'getMasterchainInfo', params: {} });
    expect(failing.status).toBe(500);
    expect(failing.body).toMatchObject({ ok: false, code: 500 });

    await post('/devnet/faults', { latencyMs: 120 });
    const began = Date.now();
    await client.getMasterchainInfo();
    expect(Date.now() - began).toBeGreaterThanOrEqual(110);
    expect((await post('/devnet/faults', { latencyMs: 0, rate500: 2 })).status).toBe(400);
    expect((await post('/devnet/faults', { latencyMs: 0 })).body.result).toEqual({
      rate429: 0,
      rate500: 0,
      latencyMs: 0,
    });
  });
});

describe('persistence', () => {
  it('restores balances, history, clock and dev wallets after a restart; --reset starts clean', async () => {
    const balance = await client.getBalance(recipient);
    const history = (await client.getTransactions(wallet.address, { limit: 50 })).map((tx) =>
      tx.hash().toString('hex'),
    );
    const now = devnet.chain.now();
    const devAccount = (await get('/devwallet/account?name=test-alice')).body;
    const extensionConfig = (await get('/devnet/config')).body.testExtension as {
      owner: string;
      genesisNow: number;
    };
    expect(extensionConfig.owner).toMatch(/^0:[0-9a-f]{64}$/);
    expect(extensionCalls).toEqual({ genesis: 1, start: 1, stop: 0 });
    await devnet.close();
    expect(extensionCalls.stop).toBe(1);

    await start(false);
    expect(devnet.chain.fresh).toBe(false);
    expect(await client.getBalance(recipient)).toBe(balance);
    expect(
      (await client.getTransactions(wallet.address, { limit: 50 })).map((tx) => tx.hash().toString('hex')),
    ).toEqual(history);
    expect(devnet.chain.now()).toBeGreaterThanOrEqual(now);
    expect((await get('/devwallet/account?name=test-alice')).body.balance).toBe(devAccount.balance); // not re-funded
    expect(await client.open(wallet).getSeqno()).toBe(4);
    // The extension's genesis ran once per state dir; its state came back from disk.
    expect(extensionCalls).toEqual({ genesis: 1, start: 2, stop: 1 });
    expect((await get('/devnet/config')).body.testExtension).toEqual(extensionConfig);
    await devnet.close();

    await start(true);
    expect(devnet.chain.fresh).toBe(true);
    expect(await client.getBalance(recipient)).toBe(0n);
    expect(await client.getTransactions(wallet.address, { limit: 5 })).toEqual([]);
    expect(extensionCalls.genesis).toBe(2); // a reset chain gets a fresh genesis
    await devnet.close();

    writeFileSync(join(stateDir, 'state.json'), '{"version":1,"snapsh');
    await expect(startDevnet({ port: 0, stateDir, logger })).rejects.toThrow(/--reset/);
    await start(true); // --reset recovers from a broken state file
    expect(await client.getBalance(recipient)).toBe(0n);
  });
});

describe('startup failure', () => {
  it('binds the port first: 503 while starting, and a busy port fails before any genesis', async () => {
    const seenWhileStarting: number[] = [];
    let genesisRan = false;
    const probing: DevnetExtension = {
      name: 'probing',
      async genesis(ctx) {
        genesisRan = true;
        seenWhileStarting.push((await fetch(`${ctx.url}/devnet/config`)).status);
        seenWhileStarting.push((await fetch(`${ctx.url}/jsonRPC`, { method: 'OPTIONS' })).status);
      },
    };
    const dir = mkdtempSync(join(tmpdir(), 'lst-devnet-port-'));
    try {
      await expect(
        startDevnet({ port: devnet.port, stateDir: dir, logger, extensions: [probing] }),
      ).rejects.toThrow(/EADDRINUSE/);
      expect(genesisRan).toBe(false);
      const second = await startDevnet({
        port: 0,
        stateDir: dir,
        reset: true,
        logger,
        extensions: [probing],
      });
      await second.close();
      expect(seenWhileStarting).toEqual([503, 204]);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('leaves no half-built state behind when an extension genesis fails', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'lst-devnet-fail-'));
    try {
      const failing: DevnetExtension = {
        name: 'failing',
        async genesis(ctx) {
          await ctx.chain.fund(recipient, toNano('1')); // a real change before the failure
          throw new Error('deploy failed');
        },
      };
      await expect(
        startDevnet({ port: 0, stateDir: dir, logger, extensions: [failing], saveDebounceMs: 1 }),
      ).rejects.toThrow('deploy failed');
      await new Promise((resolve) => setTimeout(resolve, 20)); // any debounced save would have fired by now
      expect(existsSync(join(dir, 'state.json'))).toBe(false);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('block delay mode', () => {
  async function until(condition: () => Promise<boolean>, timeoutMs = 10_000) {
    const deadline = Date.now() + timeoutMs;
    while (!(await condition())) {
      if (Date.now() > deadline) throw new Error('condition not met in time');
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  }

  it('accepts externals at once, executes them a block later, and refuses rejected ones immediately', async () => {
    const target = Address.parse('0:' + 'ef'.repeat(32));
    const send = (amount: string) =>
      post('/devwallet/sendTransaction?name=test-bob', {
        valid_until: devnet.chain.now() + 300,
        messages: [{ address: target.toString({ bounceable: false }), amount }],
      });
    await get('/devwallet/account?name=test-bob'); // funded now, before the delay applies
    expect((await post('/devnet/mode', { blockDelayMs: 1500 })).body).toEqual({
      ok: true,
      result: { blockDelayMs: 1500 },
    });

    const reply = await send(toNano('1').toString());
    const hash = normalizedExternalMessageHash(
      loadMessage(Cell.fromBase64(reply.body.boc as string).beginParse()),
    );
    expect(await client.getBalance(target)).toBe(0n); // pending: accepted, not yet in a block
    expect((await get(`/devnet/tx-by-msg-hash?hash=${hash.toString('hex')}`)).status).toBe(404);
    await until(
      async () => (await get(`/devnet/tx-by-msg-hash?hash=${hash.toString('hex')}`)).status === 200,
    );
    expect(await client.getBalance(target)).toBe(toNano('1'));

    // A message the wallet refuses (replayed seqno) is rejected when submitted, not silently dropped later.
    expect((await rpc('sendBoc', { boc: reply.body.boc })).status).toBe(422);

    // Accepted but still pending when the devnet stops: executed before the state is saved.
    await post('/devnet/mode', { blockDelayMs: 600_000 });
    const pending = await send(toNano('2').toString());
    const pendingHash = normalizedExternalMessageHash(
      loadMessage(Cell.fromBase64(pending.body.boc as string).beginParse()),
    );
    expect(await client.getBalance(target)).toBe(toNano('1'));
    await devnet.close();
    await start(false);
    expect((await get(`/devnet/tx-by-msg-hash?hash=${pendingHash.toString('base64')}`)).status).toBe(200);
    expect(await client.getBalance(target)).toBeGreaterThan(toNano('2.999')); // less a nanoTON or two of storage
    expect((await get('/devnet/mode')).body.result).toEqual({ blockDelayMs: 0 }); // a runtime setting, not persisted
  });
});
