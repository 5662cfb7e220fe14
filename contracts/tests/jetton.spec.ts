import { Address, beginCell, Cell, Dictionary, toNano, Transaction } from '@ton/core';
import { sha256_sync } from '@ton/crypto';
import { Blockchain, BlockchainSnapshot, internal, SandboxContract, SendMessageResult, TreasuryContract } from '@ton/sandbox';
import { findTransactionRequired, flattenTransaction, FlatTransaction, FlatTransactionComparable } from '@ton/test-utils';
import { beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { loadCode } from '../wrappers/code';
import { TRANSFER_NOTIFICATION_AMOUNT } from '../wrappers/fees';
import { withdrawPayload } from '../wrappers/messages';
import { buildOnchainMetadata, parseOnchainMetadata, poolJettonContent, readContentData } from '../wrappers/metadata';
import { Op } from '../wrappers/opcodes';
import { JettonMinterError, parseJettonsBurned, parseTakeWalletAddress, PoolJettonMinter } from '../wrappers/PoolJettonMinter';
import {
  jettonTransferBody,
  JettonWalletError,
  jettonWalletAddress,
  libraryCellFor,
  librariesDictionary,
  parseTransferNotification,
  PoolJettonWallet,
} from '../wrappers/PoolJettonWallet';

describe('metadata (TEP-64 on-chain)', () => {
  it('stores each value under sha256(key) as a snake string behind a 0x00 prefix', () => {
    const content = buildOnchainMetadata({ name: 'Pool TON', symbol: 'pTON' });
    const slice = content.beginParse();
    expect(slice.loadUint(8)).toBe(0);
    const dict = slice.loadDict(Dictionary.Keys.Buffer(32), Dictionary.Values.Cell());
    expect(dict.size).toBe(2);
    const nameCell = dict.get(sha256_sync('name'))!.beginParse();
    expect(nameCell.loadUint(8)).toBe(0);
    expect(nameCell.loadBuffer(nameCell.remainingBits / 8).toString('utf8')).toBe('Pool TON');
  });

  it('round-trips the pool jetton content with decimals "9"', () => {
    const content = poolJettonContent({ name: 'Pool TON', symbol: 'pTON', description: 'Liquid staking jetton' });
    expect(parseOnchainMetadata(content)).toEqual({
      fields: { name: 'Pool TON', symbol: 'pTON', description: 'Liquid staking jetton', decimals: '9' },
      unknown: {},
    });
  });

  it('snakes long UTF-8 values across cells and reads them back', () => {
    const long = '⏲️ '.repeat(100) + 'end';
    const parsed = parseOnchainMetadata(buildOnchainMetadata({ description: long }));
    expect(parsed.fields.description).toBe(long);
    expect(Buffer.byteLength(long)).toBeGreaterThan(400);
  });

  it('reports keys it cannot name by hash, and names them when told', () => {
    const content = buildOnchainMetadata({ custom_key: 'x' });
    const hashHex = sha256_sync('custom_key').toString('hex');
    expect(parseOnchainMetadata(content).unknown).toEqual({ [hashHex]: 'x' });
    expect(parseOnchainMetadata(content, ['custom_key']).fields).toEqual({ custom_key: 'x' });
  });

  it('reads chunked (0x01) values and rejects off-chain content', () => {
    const chunks = Dictionary.empty(Dictionary.Keys.Uint(32), Dictionary.Values.Cell());
    chunks.set(1, beginCell().storeBuffer(Buffer.from('World')).endCell());
    chunks.set(0, beginCell().storeBuffer(Buffer.from('Hello ')).endCell());
    expect(readContentData(beginCell().storeUint(1, 8).storeDict(chunks).endCell())).toBe('Hello World');
    const offchain = beginCell().storeUint(1, 8).storeStringTail('https://example.org/meta.json').endCell();
    expect(() => parseOnchainMetadata(offchain)).toThrow(/off-chain/);
  });
});

// ---- sandbox fixture: minter whose admin stands in for the pool, wallet code published as a library ----

const MINTED = toNano('100');
const content = poolJettonContent({ name: 'Pool TON', symbol: 'pTON', description: 'Staked TON in the devnet pool' });

let blockchain: Blockchain;
let genesis: BlockchainSnapshot;
let admin: SandboxContract<TreasuryContract>;
let alice: SandboxContract<TreasuryContract>;
let bob: SandboxContract<TreasuryContract>;
let mallory: SandboxContract<TreasuryContract>;
let minter: SandboxContract<PoolJettonMinter>;
let walletCodeRaw: Cell;
let walletCodeLib: Cell;

function walletOf(owner: Address): SandboxContract<PoolJettonWallet> {
  return blockchain.openContract(PoolJettonWallet.createFromAddress(jettonWalletAddress(owner, minter.address, walletCodeLib)));
}

/** The single transaction matching `match`, flattened for assertions. */
function tx(result: SendMessageResult, match: FlatTransactionComparable): FlatTransaction {
  return flattenTransaction(findTransactionRequired(result.transactions, match));
}

function gasUsed(transaction: Transaction): bigint {
  const description = transaction.description;
  if (description.type !== 'generic' || description.computePhase.type !== 'vm') throw new Error('no compute phase');
  return description.computePhase.gasUsed;
}

async function mint(to: Address, jettonAmount: bigint, value = toNano('0.5')): Promise<SendMessageResult> {
  return minter.sendMint(admin.getSender(), value, { to, jettonAmount });
}

beforeAll(async () => {
  blockchain = await Blockchain.create();
  walletCodeRaw = loadCode('pool-jetton-wallet');
  walletCodeLib = libraryCellFor(walletCodeRaw);
  blockchain.libs = librariesDictionary([walletCodeRaw]);
  admin = await blockchain.treasury('admin (pool stand-in)');
  alice = await blockchain.treasury('alice');
  bob = await blockchain.treasury('bob');
  mallory = await blockchain.treasury('mallory');
  minter = blockchain.openContract(
    PoolJettonMinter.createFromConfig({ admin: admin.address, content, walletCode: walletCodeLib }, loadCode('pool-jetton-minter')),
  );
  const deploy = await minter.sendDeploy(admin.getSender(), toNano('1'));
  expect(tx(deploy, { to: minter.address }).deploy).toBe(true);
  await mint(alice.address, MINTED);
  genesis = blockchain.snapshot();
});

beforeEach(async () => {
  await blockchain.loadFrom(genesis);
});

describe('pTON minter', () => {
  it('reports jetton data with the library-cell wallet code and TEP-64 metadata', async () => {
    const data = await minter.getJettonData();
    expect(data.totalSupply).toBe(MINTED);
    expect(data.mintable).toBe(true);
    expect(data.admin!.equals(admin.address)).toBe(true);
    expect(data.walletCode.equals(walletCodeLib)).toBe(true);
    expect(data.walletCode.isExotic).toBe(true);
    expect(parseOnchainMetadata(data.content).fields).toMatchObject({ name: 'Pool TON', symbol: 'pTON', decimals: '9' });
  });

  it('get_wallet_address equals the locally computed address from the library cell', async () => {
    const onChain = await minter.getWalletAddress(bob.address);
    expect(onChain.equals(jettonWalletAddress(bob.address, minter.address, walletCodeLib))).toBe(true);
    expect(onChain.equals(jettonWalletAddress(bob.address, minter.address, walletCodeRaw))).toBe(false);
    expect(onChain.workChain).toBe(0);
  });

  it('mints for the admin: wallet deployed from the library, 0.1 TON notification from addr_none, excess to owner', async () => {
    const result = await minter.sendMint(admin.getSender(), toNano('1'), { to: bob.address, jettonAmount: 1234n, queryId: 77n });
    const bobWallet = walletOf(bob.address);
    const deployTx = tx(result, { from: minter.address, to: bobWallet.address, success: true, deploy: true });
    expect(deployTx.initCode!.equals(walletCodeLib)).toBe(true);

    const notification = tx(result, { from: bobWallet.address, to: bob.address, op: Op.jettonTransferNotification });
    expect(notification.value).toBe(TRANSFER_NOTIFICATION_AMOUNT);
    expect(notification.inMessageBounceable).toBe(false);
    const parsed = parseTransferNotification(notification.body!);
    expect(parsed).toMatchObject({ queryId: 77n, jettonAmount: 1234n, from: null });
    expect(parsed.forwardPayload.remainingBits).toBe(0);

    const excess = tx(result, { from: bobWallet.address, to: bob.address, op: Op.excesses });
    // Most of the 1 TON comes back: less the notification, the wallet's storage reserve and fees.
    expect(excess.value!).toBeGreaterThan(toNano('0.85'));

    expect(await bobWallet.getJettonBalance()).toBe(1234n);
    expect(await minter.getTotalSupply()).toBe(MINTED + 1234n);
    const state = (await blockchain.getContract(bobWallet.address)).accountState;
    expect(state?.type === 'active' && state.state.code?.isExotic).toBe(true);
  });

  it('rejects mints from anyone but the admin (73)', async () => {
    const result = await minter.sendMint(mallory.getSender(), toNano('1'), { to: mallory.address, jettonAmount: 1n });
    expect(tx(result, { to: minter.address }).exitCode).toBe(JettonMinterError.unauthorizedMint);
    expect(await minter.getTotalSupply()).toBe(MINTED);
  });

  it('rejects a mint whose value cannot cover the notification and two hops (83)', async () => {
    // 0.1 TON forward + 2 fwd fees + 0.0115 TON wallet gas cannot fit in 0.1 TON.
    const result = await minter.sendMint(admin.getSender(), toNano('0.1'), { to: bob.address, jettonAmount: 1n });
    expect(tx(result, { to: minter.address }).exitCode).toBe(JettonMinterError.mintFeeTooLow);
    const enough = await minter.sendMint(admin.getSender(), toNano('0.13'), { to: bob.address, jettonAmount: 1n });
    expect(tx(enough, { to: minter.address }).success).toBe(true);
  });

  it('with a fixed total_ton_amount sends exactly that to the wallet', async () => {
    const result = await minter.sendMint(admin.getSender(), toNano('2'), {
      to: bob.address,
      jettonAmount: 5n,
      forwardTonAmount: 0n,
      totalTonAmount: toNano('0.3'),
    });
    const toWallet = tx(result, { from: minter.address, to: walletOf(bob.address).address });
    expect(toWallet.value).toBe(toNano('0.3'));
    // forward_ton_amount = 0: no notification, only the excess.
    expect(result.transactions.some((t) => flattenTransaction(t).op === Op.jettonTransferNotification)).toBe(false);
  });

  it('answers provide_wallet_address (TEP-89), addr_none for a masterchain owner, 75 when underpaid', async () => {
    const result = await minter.sendProvideWalletAddress(bob.getSender(), toNano('0.05'), { owner: alice.address, includeAddress: true, queryId: 5n });
    const answer = parseTakeWalletAddress(tx(result, { from: minter.address, to: bob.address, op: Op.takeWalletAddress }).body!);
    expect(answer.queryId).toBe(5n);
    expect(answer.walletAddress!.equals(walletOf(alice.address).address)).toBe(true);
    expect(answer.ownerAddress!.equals(alice.address)).toBe(true);

    const master = new Address(-1, alice.address.hash);
    const none = await minter.sendProvideWalletAddress(bob.getSender(), toNano('0.05'), { owner: master, includeAddress: false });
    const noneAnswer = parseTakeWalletAddress(tx(none, { from: minter.address, to: bob.address }).body!);
    expect(noneAnswer).toEqual({ queryId: 0n, walletAddress: null, ownerAddress: null });

    const cheap = await minter.sendProvideWalletAddress(bob.getSender(), toNano('0.005'), { owner: alice.address, includeAddress: false });
    expect(tx(cheap, { to: minter.address }).exitCode).toBe(JettonMinterError.discoveryFeeTooLow);
  });

  it('lets only the admin change admin and content', async () => {
    const newContent = poolJettonContent({ name: 'Renamed', symbol: 'rTON', description: 'x' });
    expect(tx(await minter.sendChangeContent(mallory.getSender(), toNano('0.05'), newContent), { to: minter.address }).exitCode).toBe(
      JettonMinterError.unauthorizedChangeContent,
    );
    expect(tx(await minter.sendChangeAdmin(mallory.getSender(), toNano('0.05'), mallory.address), { to: minter.address }).exitCode).toBe(
      JettonMinterError.unauthorizedChangeAdmin,
    );

    await minter.sendChangeContent(admin.getSender(), toNano('0.05'), newContent);
    expect(parseOnchainMetadata((await minter.getJettonData()).content).fields.symbol).toBe('rTON');

    await minter.sendChangeAdmin(admin.getSender(), toNano('0.05'), bob.address);
    expect((await minter.getJettonData()).admin!.equals(bob.address)).toBe(true);
    const oldAdminMint = await mint(admin.address, 1n);
    expect(tx(oldAdminMint, { to: minter.address }).exitCode).toBe(JettonMinterError.unauthorizedMint);
    const newAdminMint = await minter.sendMint(bob.getSender(), toNano('0.5'), { to: bob.address, jettonAmount: 1n });
    expect(tx(newAdminMint, { to: minter.address }).success).toBe(true);
  });

  it('without an admin, answers burns with excesses to the response address and mints for nobody', async () => {
    await minter.sendChangeAdmin(admin.getSender(), toNano('0.05'), null);
    expect((await minter.getJettonData()).admin).toBeNull();
    const result = await walletOf(alice.address).sendBurn(alice.getSender(), toNano('1.05'), { jettonAmount: 3n, responseAddress: bob.address, queryId: 8n });
    const excess = tx(result, { from: minter.address, to: bob.address, op: Op.excesses });
    expect(excess.body!.beginParse().skip(32).loadUintBig(64)).toBe(8n);
    expect(await minter.getTotalSupply()).toBe(MINTED - 3n);
    expect(tx(await mint(alice.address, 1n), { to: minter.address }).exitCode).toBe(JettonMinterError.unauthorizedMint);
  });

  it('lets only the admin upgrade the minter code (79)', async () => {
    const newCode = beginCell().storeUint(0xabcdef, 24).endCell();
    const denied = await minter.sendUpgradeCode(mallory.getSender(), toNano('0.05'), newCode);
    expect(tx(denied, { to: minter.address }).exitCode).toBe(JettonMinterError.unauthorizedUpgrade);
    await minter.sendUpgradeCode(admin.getSender(), toNano('0.05'), newCode);
    const state = (await blockchain.getContract(minter.address)).accountState;
    expect(state?.type === 'active' && state.state.code?.equals(newCode)).toBe(true);
  });

  it('rejects burn_notification that does not come from the owner wallet (74)', async () => {
    const forged = beginCell()
      .storeUint(Op.jettonBurnNotification, 32)
      .storeUint(0, 64)
      .storeCoins(MINTED)
      .storeAddress(alice.address)
      .storeAddress(alice.address)
      .storeMaybeRef(withdrawPayload({ waitTillRoundEnd: false, fillOrKill: false }))
      .endCell();
    const result = await mallory.send({ to: minter.address, value: toNano('1'), body: forged });
    expect(tx(result, { to: minter.address }).exitCode).toBe(JettonMinterError.unauthorizedBurnNotification);
    expect(await minter.getTotalSupply()).toBe(MINTED);
    expect(result.transactions.some((t) => flattenTransaction(t).to?.equals(admin.address) && flattenTransaction(t).op === Op.withdraw)).toBe(false);
  });
});

describe('pTON wallet', () => {
  it('reports wallet data and DAO wallet data with zero locks', async () => {
    const wallet = walletOf(alice.address);
    const data = await wallet.getDaoWalletData();
    expect(data.balance).toBe(MINTED);
    expect(data.owner.equals(alice.address)).toBe(true);
    expect(data.minter.equals(minter.address)).toBe(true);
    expect(data.walletCode.equals(walletCodeLib)).toBe(true);
    expect(data.locked).toBe(0n);
    expect(data.lockExpiration).toBe(0);
  });

  it('transfers between holders with notification, forward payload and excess', async () => {
    const payload = beginCell().storeUint(0xdeadbeef, 32).endCell();
    const aliceWallet = walletOf(alice.address);
    const bobWallet = walletOf(bob.address);
    const result = await aliceWallet.sendTransfer(alice.getSender(), toNano('0.2'), {
      jettonAmount: toNano('30'),
      to: bob.address,
      responseAddress: alice.address,
      forwardTonAmount: toNano('0.05'),
      forwardPayload: payload,
      queryId: 9n,
    });
    expect(tx(result, { from: aliceWallet.address, to: bobWallet.address, deploy: true }).success).toBe(true);
    const notification = tx(result, { from: bobWallet.address, to: bob.address, op: Op.jettonTransferNotification });
    expect(notification.value).toBe(toNano('0.05'));
    const parsed = parseTransferNotification(notification.body!);
    expect(parsed.queryId).toBe(9n);
    expect(parsed.jettonAmount).toBe(toNano('30'));
    expect(parsed.from!.equals(alice.address)).toBe(true);
    expect(parsed.forwardPayload.loadUint(32)).toBe(0xdeadbeef);
    expect(tx(result, { from: bobWallet.address, to: alice.address, op: Op.excesses }).value!).toBeGreaterThan(0n);

    expect(await aliceWallet.getJettonBalance()).toBe(MINTED - toNano('30'));
    expect(await bobWallet.getJettonBalance()).toBe(toNano('30'));
    expect(await minter.getTotalSupply()).toBe(MINTED);
  });

  it('sends no notification when forward_ton_amount is 0 and no excess to addr_none', async () => {
    const aliceWallet = walletOf(alice.address);
    const result = await aliceWallet.sendTransfer(alice.getSender(), toNano('0.1'), { jettonAmount: 1n, to: bob.address, responseAddress: null });
    const bobWallet = walletOf(bob.address);
    const received = tx(result, { to: bobWallet.address });
    expect(received.success).toBe(true);
    expect(received.outMessagesCount).toBe(0);
    expect(await bobWallet.getJettonBalance()).toBe(1n);
  });

  it('rejects transfers from non-owners (705), beyond balance (706), underpaid (709), off-basechain (333), without payload bit (708)', async () => {
    const aliceWallet = walletOf(alice.address);
    const base = { jettonAmount: 1n, to: bob.address, responseAddress: alice.address };
    const exitOf = async (result: SendMessageResult) => tx(result, { to: aliceWallet.address }).exitCode;

    expect(await exitOf(await aliceWallet.sendTransfer(mallory.getSender(), toNano('0.2'), base))).toBe(JettonWalletError.notOwner);
    expect(await exitOf(await aliceWallet.sendTransfer(alice.getSender(), toNano('0.2'), { ...base, jettonAmount: MINTED + 1n }))).toBe(
      JettonWalletError.notEnoughJettons,
    );
    expect(
      await exitOf(await aliceWallet.sendTransfer(alice.getSender(), toNano('0.2'), { ...base, forwardTonAmount: toNano('0.19') })),
    ).toBe(JettonWalletError.notEnoughTon);
    expect(await exitOf(await aliceWallet.sendTransfer(alice.getSender(), toNano('0.03'), base))).toBe(JettonWalletError.notEnoughTon);
    const masterchainOwner = new Address(-1, bob.address.hash);
    expect(await exitOf(await aliceWallet.sendTransfer(alice.getSender(), toNano('0.2'), { ...base, to: masterchainOwner }))).toBe(
      JettonWalletError.wrongWorkchain,
    );
    // A transfer body cut right after forward_ton_amount: the Either bit of forward_payload is missing.
    const full = jettonTransferBody(base).beginParse();
    const truncated = beginCell().storeBits(full.loadBits(full.remainingBits - 1)).endCell();
    const noPayload = await alice.send({ to: aliceWallet.address, value: toNano('0.2'), body: truncated });
    expect(await exitOf(noPayload)).toBe(JettonWalletError.malformedForwardPayload);

    expect(await aliceWallet.getJettonBalance()).toBe(MINTED);
  });

  it('burns with the withdrawal flags: supply drops and the admin gets jettons_burned with the bits inline', async () => {
    const aliceWallet = walletOf(alice.address);
    const result = await aliceWallet.sendBurn(alice.getSender(), toNano('1.05'), {
      jettonAmount: toNano('40'),
      responseAddress: bob.address,
      customPayload: withdrawPayload({ waitTillRoundEnd: true, fillOrKill: false }),
      queryId: 42n,
    });
    const toAdmin = tx(result, { from: minter.address, to: admin.address, op: Op.withdraw });
    expect(toAdmin.inMessageBounceable).toBe(false);
    // Nearly all of the 1.05 TON reaches the pool: it needs > 0.5 TON to process the withdrawal.
    expect(toAdmin.value!).toBeGreaterThan(toNano('1'));

    const burned = parseJettonsBurned(toAdmin.body!);
    expect(burned.queryId).toBe(42n);
    expect(burned.jettonAmount).toBe(toNano('40'));
    expect(burned.from.equals(alice.address)).toBe(true);
    expect(burned.responseAddress!.equals(bob.address)).toBe(true);
    // wait_till_round_end:Bool fill_or_kill:Bool, then nothing.
    expect(burned.customPayload.loadBit()).toBe(true);
    expect(burned.customPayload.loadBit()).toBe(false);
    expect(burned.customPayload.remainingBits).toBe(0);
    expect(burned.customPayload.remainingRefs).toBe(0);

    expect(await minter.getTotalSupply()).toBe(MINTED - toNano('40'));
    expect(await aliceWallet.getJettonBalance()).toBe(MINTED - toNano('40'));
  });

  it('forwards a burn without custom payload as jettons_burned ending at response_address', async () => {
    const result = await walletOf(alice.address).sendBurn(alice.getSender(), toNano('1.05'), { jettonAmount: 1n, responseAddress: alice.address });
    const burned = parseJettonsBurned(tx(result, { from: minter.address, to: admin.address, op: Op.withdraw }).body!);
    expect(burned.jettonAmount).toBe(1n);
    expect(burned.customPayload.remainingBits).toBe(0);
  });

  it('rejects a burn whose value cannot cover 0.75 TON + 2 wallet gas + forward fee (711), and non-owner burns (705)', async () => {
    const aliceWallet = walletOf(alice.address);
    const burn = { jettonAmount: 1n, responseAddress: alice.address, customPayload: withdrawPayload({ waitTillRoundEnd: false, fillOrKill: false }) };
    // 0.75 + 2·0.0115 = 0.773 TON is not enough once the forward fee is added.
    const tooLow = await aliceWallet.sendBurn(alice.getSender(), toNano('0.773'), burn);
    expect(tx(tooLow, { to: aliceWallet.address }).exitCode).toBe(JettonWalletError.burnValueTooLow);
    const justEnough = await aliceWallet.sendBurn(alice.getSender(), toNano('0.78'), burn);
    expect(tx(justEnough, { to: aliceWallet.address }).success).toBe(true);

    const stranger = await aliceWallet.sendBurn(mallory.getSender(), toNano('1.05'), burn);
    expect(tx(stranger, { to: aliceWallet.address }).exitCode).toBe(JettonWalletError.notOwner);
    expect(await aliceWallet.getJettonBalance()).toBe(MINTED - 1n);
  });

  it('rejects internal_transfer from an impostor wallet (707) and unknown ops (0xffff)', async () => {
    const aliceWallet = walletOf(alice.address);
    const forged = beginCell()
      .storeUint(Op.jettonInternalTransfer, 32)
      .storeUint(0, 64)
      .storeCoins(toNano('1000'))
      .storeAddress(mallory.address)
      .storeAddress(mallory.address)
      .storeCoins(0)
      .storeBit(0)
      .endCell();
    const result = await mallory.send({ to: aliceWallet.address, value: toNano('0.1'), body: forged });
    expect(tx(result, { to: aliceWallet.address }).exitCode).toBe(JettonWalletError.unauthorizedIncoming);
    const unknown = await alice.send({ to: aliceWallet.address, value: toNano('0.1'), body: beginCell().storeUint(0x12345678, 32).storeUint(0, 64).endCell() });
    expect(tx(unknown, { to: aliceWallet.address }).exitCode).toBe(JettonWalletError.unknownOp);
    expect(await aliceWallet.getJettonBalance()).toBe(MINTED);
  });

  it('restores the balance when its internal_transfer or burn_notification bounces', async () => {
    const aliceWallet = walletOf(alice.address);
    await aliceWallet.sendTransfer(alice.getSender(), toNano('0.2'), { jettonAmount: 10n, to: bob.address, responseAddress: alice.address });
    expect(await aliceWallet.getJettonBalance()).toBe(MINTED - 10n);
    const bouncedBody = (op: number) => beginCell().storeUint(0xffffffff, 32).storeUint(op, 32).storeUint(0, 64).storeCoins(10n).endCell();
    const fromBob = walletOf(bob.address).address;
    await blockchain.sendMessage(
      internal({ from: fromBob, to: aliceWallet.address, value: toNano('0.05'), bounce: false, bounced: true, body: bouncedBody(Op.jettonInternalTransfer) }),
    );
    expect(await aliceWallet.getJettonBalance()).toBe(MINTED);
    await blockchain.sendMessage(
      internal({ from: minter.address, to: aliceWallet.address, value: toNano('0.05'), bounce: false, bounced: true, body: bouncedBody(Op.jettonBurnNotification) }),
    );
    expect(await aliceWallet.getJettonBalance()).toBe(MINTED + 10n);
  });

  it('lets the owner pull jettons held by its wallet (withdraw_jettons) back to itself', async () => {
    const aliceWallet = walletOf(alice.address);
    // pTON whose owner is alice's wallet contract itself, e.g. sent there by mistake.
    await mint(aliceWallet.address, 25n);
    const strayWallet = walletOf(aliceWallet.address);
    expect(await strayWallet.getJettonBalance()).toBe(25n);

    const denied = await aliceWallet.sendWithdrawJettons(mallory.getSender(), toNano('0.2'), { childWallet: strayWallet.address, jettonAmount: 25n });
    expect(tx(denied, { to: aliceWallet.address }).exitCode).toBe(JettonWalletError.notOwner);

    const result = await aliceWallet.sendWithdrawJettons(alice.getSender(), toNano('0.2'), { childWallet: strayWallet.address, jettonAmount: 25n });
    expect(tx(result, { from: aliceWallet.address, to: strayWallet.address, op: Op.jettonTransfer }).success).toBe(true);
    expect(await strayWallet.getJettonBalance()).toBe(0n);
    expect(await aliceWallet.getJettonBalance()).toBe(MINTED + 25n);
  });

  it('lets the owner withdraw stray TON above the storage reserve', async () => {
    const aliceWallet = walletOf(alice.address);
    await mallory.send({ to: aliceWallet.address, value: toNano('3') });
    const result = await aliceWallet.sendWithdrawTons(alice.getSender(), toNano('0.05'));
    expect(tx(result, { from: aliceWallet.address, to: alice.address, op: Op.excesses }).value!).toBeGreaterThan(toNano('3'));
    expect((await blockchain.getContract(aliceWallet.address)).balance).toBe(toNano('0.01'));
    const stranger = await aliceWallet.sendWithdrawTons(mallory.getSender(), toNano('0.05'));
    expect(tx(stranger, { to: aliceWallet.address }).exitCode).toBe(JettonWalletError.notOwner);
  });
});

describe('gas', () => {
  // Budgets leave headroom over the measured figures; the fee constants (2 × 0.0115 TON of wallet gas) assume
  // each wallet hop stays well under ~28k gas at the basechain price of 400 nanoTON/gas.
  const BUDGET = { mint: 15_000n, walletReceive: 20_000n, walletSend: 20_000n, burn: 15_000n, burnNotification: 15_000n };

  it('mint, transfer and burn stay within their gas budgets', async () => {
    const mintResult = await minter.sendMint(admin.getSender(), toNano('1'), { to: bob.address, jettonAmount: 1000n });
    const minterMint = gasUsed(findTransactionRequired(mintResult.transactions, { to: minter.address }));
    const walletMintReceive = gasUsed(findTransactionRequired(mintResult.transactions, { to: walletOf(bob.address).address }));

    const transferResult = await walletOf(alice.address).sendTransfer(alice.getSender(), toNano('0.2'), {
      jettonAmount: 5n,
      to: bob.address,
      responseAddress: alice.address,
      forwardTonAmount: toNano('0.01'),
    });
    const transferSend = gasUsed(findTransactionRequired(transferResult.transactions, { to: walletOf(alice.address).address }));
    const transferReceive = gasUsed(findTransactionRequired(transferResult.transactions, { to: walletOf(bob.address).address }));

    const burnResult = await walletOf(alice.address).sendBurn(alice.getSender(), toNano('1.05'), {
      jettonAmount: 5n,
      responseAddress: alice.address,
      customPayload: withdrawPayload({ waitTillRoundEnd: false, fillOrKill: false }),
    });
    const burnWallet = gasUsed(findTransactionRequired(burnResult.transactions, { to: walletOf(alice.address).address }));
    const burnMinter = gasUsed(findTransactionRequired(burnResult.transactions, { to: minter.address }));

    console.log(
      `pTON gas: mint minter=${minterMint} wallet=${walletMintReceive}; transfer send=${transferSend} receive=${transferReceive}; burn wallet=${burnWallet} minter=${burnMinter}`,
    );
    expect(minterMint).toBeLessThan(BUDGET.mint);
    expect(walletMintReceive).toBeLessThan(BUDGET.walletReceive);
    expect(transferSend).toBeLessThan(BUDGET.walletSend);
    expect(transferReceive).toBeLessThan(BUDGET.walletReceive);
    expect(burnWallet).toBeLessThan(BUDGET.burn);
    expect(burnMinter).toBeLessThan(BUDGET.burnNotification);
  });
});
