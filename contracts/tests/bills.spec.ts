// Payout collection and bills (spec §4). A treasury plays the pool (the collection's admin); the pTON minter and
// wallets are the real contracts, with the wallet code as a library cell as in production.
import { Address, beginCell, Cell, contractAddress, type Message, type Slice, toNano, type Transaction } from '@ton/core';
import { Blockchain, type BlockchainSnapshot, internal, type SandboxContract, type TreasuryContract } from '@ton/sandbox';
import { filterTransactions, flattenTransaction, type FlatTransactionComparable } from '@ton/test-utils';
import { beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { loadCode } from '../wrappers/code';
import { parseOnchainMetadata, poolJettonContent } from '../wrappers/metadata';
import { Op } from '../wrappers/opcodes';
import {
  initialPayoutDistribution,
  listBills,
  PAYOUT_COLLECTION_DEPLOY_VALUE,
  PayoutCollection,
  payoutCollectionContent,
  PayoutCollectionError,
  payoutDistributionCell,
  type PayoutKind,
  START_DISTRIBUTION_GAS,
} from '../wrappers/PayoutCollection';
import { PayoutItem, payoutItemAddress, PayoutItemError } from '../wrappers/PayoutItem';
import { BILL_STORAGE_RESERVE } from '../wrappers/fees';
import { PoolJettonMinter } from '../wrappers/PoolJettonMinter';
import {
  jettonWalletAddress,
  librariesDictionary,
  libraryCellFor,
  parseTransferNotification,
  PoolJettonWallet,
} from '../wrappers/PoolJettonWallet';

const collectionCode = loadCode('payout-collection');
const itemCode = loadCode('payout-item');
const MINT_VALUE = toNano('0.5');

function expectTx(transactions: Transaction[], match: FlatTransactionComparable): Transaction {
  const found = filterTransactions(transactions, match);
  if (found.length === 0) {
    const seen = transactions.map((t) => {
      const f = flattenTransaction(t);
      return `${f.from?.toString()} → ${f.to?.toString()} op=${f.op?.toString(16)} exit=${f.exitCode} ok=${f.success}`;
    });
    throw new Error(`no transaction matches ${JSON.stringify(match, (_k, v) => (typeof v === 'bigint' ? v.toString() : v instanceof Address ? v.toString() : v))}\n${seen.join('\n')}`);
  }
  return found[0];
}

function bodyOf(message: Message): Slice {
  return message.body.beginParse();
}

function internalValue(message: Message): bigint {
  if (message.info.type !== 'internal') throw new Error('not an internal message');
  return message.info.value.coins;
}

function computeGas(tx: Transaction): bigint {
  if (tx.description.type !== 'generic' || tx.description.computePhase.type !== 'vm') throw new Error('no compute phase');
  return tx.description.computePhase.gasUsed;
}

function computeFees(tx: Transaction): bigint {
  if (tx.description.type !== 'generic' || tx.description.computePhase.type !== 'vm') throw new Error('no compute phase');
  return tx.description.computePhase.gasFees;
}

/** Parses the item's storage: inited=1 owner collection index amount prev(higher) ^[next(lower)]. */
function readItemStorage(data: Cell) {
  const s = data.beginParse();
  if (!s.loadBit()) throw new Error('item not inited');
  const owner = s.loadAddress();
  const collection = s.loadAddress();
  const index = s.loadUintBig(64);
  const amount = s.loadCoins();
  const higherItem = s.loadAddress();
  const lowerItem = s.loadRef().beginParse().loadMaybeAddress();
  return { owner, collection, index, amount, higherItem, lowerItem };
}

describe('payout bills', () => {
  let blockchain: Blockchain;
  let genesis: BlockchainSnapshot;
  let pool: SandboxContract<TreasuryContract>;
  let alice: SandboxContract<TreasuryContract>;
  let bob: SandboxContract<TreasuryContract>;
  let carol: SandboxContract<TreasuryContract>;
  let stranger: SandboxContract<TreasuryContract>;
  // The real pTON minter (admin = the pool stand-in) with the wallet code as a library cell, as in production.
  let minter: SandboxContract<PoolJettonMinter>;
  let walletCode: Cell;

  beforeAll(async () => {
    blockchain = await Blockchain.create();
    const walletCodeRaw = loadCode('pool-jetton-wallet');
    walletCode = libraryCellFor(walletCodeRaw);
    blockchain.libs = librariesDictionary([walletCodeRaw]);
    pool = await blockchain.treasury('pool');
    alice = await blockchain.treasury('alice');
    bob = await blockchain.treasury('bob');
    carol = await blockchain.treasury('carol');
    stranger = await blockchain.treasury('stranger');
    minter = blockchain.openContract(
      PoolJettonMinter.createFromConfig(
        { admin: pool.address, content: poolJettonContent({ name: 'Pool TON', symbol: 'pTON', description: 'test' }), walletCode },
        loadCode('pool-jetton-minter'),
      ),
    );
    await minter.sendDeploy(pool.getSender(), toNano('1'));
    genesis = blockchain.snapshot();
  });

  beforeEach(async () => {
    await blockchain.loadFrom(genesis);
  });

  function jettonWalletOf(owner: Address) {
    return blockchain.openContract(PoolJettonWallet.createFromAddress(jettonWalletAddress(owner, minter.address, walletCode)));
  }

  async function deployCollection(kind: PayoutKind, roundId: number) {
    const collection = blockchain.openContract(
      PayoutCollection.createFromConfig({ admin: pool.address, content: payoutCollectionContent(kind, roundId), itemCode }, collectionCode),
    );
    // The pool computes the deposit collection's own pTON wallet and hands it over with init.
    const distribution = initialPayoutDistribution(kind, kind === 'deposit' ? jettonWalletOf(collection.address).address : undefined);
    const result = await collection.sendDeploy(pool.getSender(), PAYOUT_COLLECTION_DEPLOY_VALUE, distribution, 1n);
    expectTx(result.transactions, { from: pool.address, to: collection.address, deploy: true, success: true });
    return collection;
  }

  function item(collection: SandboxContract<PayoutCollection>, index: number) {
    return blockchain.openContract(PayoutItem.createFromAddress(payoutItemAddress(collection.address, index, itemCode)));
  }

  async function mintBills(collection: SandboxContract<PayoutCollection>, bills: [SandboxContract<TreasuryContract>, bigint][]) {
    for (const [owner, amount] of bills) {
      const result = await collection.sendMint(pool.getSender(), MINT_VALUE, { to: owner.address, amount, queryId: 7n });
      expectTx(result.transactions, { from: collection.address, deploy: true, success: true });
    }
  }

  describe('collection deploy and mint', () => {
    it('starts empty with the pool as owner, the round content and the initial distribution', async () => {
      const collection = await deployCollection('withdrawal', 12);
      const data = await collection.getCollectionData();
      expect(data.nextItemIndex).toBe(0n);
      expect(data.admin.equals(pool.address)).toBe(true);
      expect(parseOnchainMetadata(data.content).fields).toEqual({
        name: 'Withdrawal Payout#12',
        description: 'Converts burned Pool Jettons to TON',
        symbol: '⏲️',
        render_type: 'hidden',
      });
      expect(await collection.getDistributionData()).toEqual({ started: false, jettons: false, volume: 0n, jettonWallet: null });
      expect(await collection.getIssuedBills()).toEqual({ issuedBills: 0n, billsCount: 0n });
    });

    it('gets different addresses per round and kind', () => {
      const at = (kind: PayoutKind, round: number) =>
        PayoutCollection.createFromConfig({ admin: pool.address, content: payoutCollectionContent(kind, round), itemCode }, collectionCode).address;
      const addresses = new Set([at('deposit', 1), at('deposit', 2), at('withdrawal', 1), at('withdrawal', 2)].map((a) => a.toRawString()));
      expect(addresses.size).toBe(4);
    });

    it('accepts init only once and only from the admin', async () => {
      const collection = await deployCollection('withdrawal', 1);
      const again = await collection.sendDeploy(pool.getSender(), toNano('0.1'), initialPayoutDistribution('withdrawal'));
      expectTx(again.transactions, { to: collection.address, success: false, exitCode: PayoutCollectionError.alreadyInited });

      const other = blockchain.openContract(
        PayoutCollection.createFromConfig({ admin: pool.address, content: payoutCollectionContent('withdrawal', 2), itemCode }, collectionCode),
      );
      const byStranger = await other.sendDeploy(stranger.getSender(), toNano('0.1'), initialPayoutDistribution('withdrawal'));
      expectTx(byStranger.transactions, { to: other.address, success: false, exitCode: PayoutCollectionError.unauthorizedInit });
      const started = await other.sendDeploy(pool.getSender(), toNano('0.1'), { started: true, jettons: false, volume: 0n, jettonWallet: null });
      expectTx(started.transactions, { to: other.address, success: false, exitCode: PayoutCollectionError.wrongInitialDistribution });
    });

    it('mints bills that report owner, amount, index and address, and tells each owner', async () => {
      const collection = await deployCollection('withdrawal', 3);
      const bills: [SandboxContract<TreasuryContract>, bigint][] = [
        [alice, toNano('1.5')],
        [bob, toNano('20')],
        [alice, 333n],
      ];
      for (const [index, [owner, amount]] of bills.entries()) {
        const result = await collection.sendMint(pool.getSender(), MINT_VALUE, { to: owner.address, amount, queryId: 100n + BigInt(index) });
        const itemAddress = payoutItemAddress(collection.address, index, itemCode);
        expect((await collection.getNftAddressByIndex(index)).equals(itemAddress)).toBe(true);
        expectTx(result.transactions, { from: collection.address, to: itemAddress, deploy: true, success: true, op: Op.initNft });
        const assigned = expectTx(result.transactions, { from: itemAddress, to: owner.address, op: Op.ownershipAssigned });
        const body = bodyOf(assigned.inMessage!);
        body.skip(32);
        expect(body.loadUintBig(64)).toBe(100n + BigInt(index)); // query_id travels from the pool's mint
        expect(body.loadMaybeAddress()).toBeNull(); // prev_owner: addr_none on mint
        expect(body.loadBit()).toBe(false); // empty inline forward payload
        // The owner gets the mint value back minus the storage reserve and fees.
        expect(internalValue(assigned.inMessage!)).toBeGreaterThan(MINT_VALUE - BILL_STORAGE_RESERVE - toNano('0.02'));
        expect((await blockchain.getContract(itemAddress)).balance).toBe(BILL_STORAGE_RESERVE);

        const data = await item(collection, index).getNftData();
        expect(data).toMatchObject({ inited: true, index: BigInt(index), amount });
        expect(data.collection.equals(collection.address)).toBe(true);
        expect(data.owner!.equals(owner.address)).toBe(true);
        expect(await item(collection, index).getBillAmount()).toBe(amount);
      }
      expect(await collection.getIssuedBills()).toEqual({ issuedBills: toNano('21.5') + 333n, billsCount: 3n });
      expect((await collection.getCollectionData()).nextItemIndex).toBe(3n);

      const aliceBills = await listBills((a) => blockchain.provider(a), collection.address, alice.address);
      expect(aliceBills.map((b) => [b.index, b.amount])).toEqual([
        [0n, toNano('1.5')],
        [2n, 333n],
      ]);
      expect(await listBills((a) => blockchain.provider(a), collection.address, carol.address)).toEqual([]);

      const mintAgain = await collection.sendMint(pool.getSender(), MINT_VALUE, { to: carol.address, amount: 1n });
      const mintTx = expectTx(mintAgain.transactions, { to: collection.address, op: Op.mint, success: true });
      const itemInitTx = expectTx(mintAgain.transactions, { from: collection.address, op: Op.initNft, success: true });
      console.log(`bill mint gas: collection ${computeGas(mintTx)}, item init ${computeGas(itemInitTx)}`);
    });

    it('links each bill to its neighbours: burned by index+1, burns index−1, item 0 ends the chain', async () => {
      const collection = await deployCollection('withdrawal', 3);
      await mintBills(collection, [
        [alice, 1n],
        [bob, 2n],
        [carol, 3n],
      ]);
      for (const index of [0, 1, 2]) {
        const state = (await blockchain.getContract(item(collection, index).address)).accountState;
        if (state?.type !== 'active') throw new Error('item not deployed');
        const storage = readItemStorage(state.state.data!);
        expect(storage.index).toBe(BigInt(index));
        expect(storage.higherItem.equals(payoutItemAddress(collection.address, index + 1, itemCode))).toBe(true);
        if (index === 0) expect(storage.lowerItem).toBeNull();
        else expect(storage.lowerItem!.equals(payoutItemAddress(collection.address, index - 1, itemCode))).toBe(true);
      }
    });

    it('names bills after their amount and collection', async () => {
      const withdrawals = await deployCollection('withdrawal', 5);
      const deposits = await deployCollection('deposit', 5);
      await mintBills(withdrawals, [[alice, toNano('1.5')]]);
      await mintBills(deposits, [[alice, 42n]]);
      const individual = (amount: bigint) => beginCell().storeCoins(amount).endCell();

      const withdrawalMeta = parseOnchainMetadata(await withdrawals.getNftContent(0, individual(toNano('1.5')))).fields;
      expect(withdrawalMeta.name).toBe('Bill for 1.500000000 Pool Jetton in Withdrawal Payout#5');
      expect(withdrawalMeta.description).toBe('DO NOT SEND ON CONTRACTS: Converts burned Pool Jettons to TON when ready');
      expect(withdrawalMeta.render_type).toBe('hidden');

      const depositMeta = parseOnchainMetadata(await deposits.getNftContent(0, individual(42n))).fields;
      expect(depositMeta.name).toBe('Bill for 0.000000042 TON in Deposit Payout#5');
      expect(depositMeta.description).toMatch(/^DO NOT SEND ON CONTRACTS: Automatically converts deposited TON/);
      const big = parseOnchainMetadata(await deposits.getNftContent(0, individual(toNano('1234567.000000001')))).fields;
      expect(big.name).toBe('Bill for 1234567.000000001 TON in Deposit Payout#5');
    });

    it('refuses mints from anyone but the admin', async () => {
      const collection = await deployCollection('withdrawal', 1);
      const result = await collection.sendMint(stranger.getSender(), MINT_VALUE, { to: stranger.address, amount: 1n });
      expectTx(result.transactions, { to: collection.address, success: false, exitCode: PayoutCollectionError.unauthorizedMint });
      expect((await collection.getCollectionData()).nextItemIndex).toBe(0n);
    });
  });

  describe('bill transfer', () => {
    let collection: SandboxContract<PayoutCollection>;
    let bill: SandboxContract<PayoutItem>;

    beforeEach(async () => {
      collection = await deployCollection('withdrawal', 1);
      await mintBills(collection, [[alice, toNano('10')]]);
      bill = item(collection, 0);
    });

    it('moves ownership, notifies the new owner with the payload and returns the excess', async () => {
      const payload = beginCell().storeBit(false).storeUint(0xabcdef, 24).endCell();
      const result = await bill.sendTransfer(alice.getSender(), toNano('0.2'), {
        newOwner: bob.address,
        responseDestination: alice.address,
        forwardAmount: toNano('0.05'),
        forwardPayload: payload,
        queryId: 9n,
      });
      const assigned = expectTx(result.transactions, { from: bill.address, to: bob.address, op: Op.ownershipAssigned, value: toNano('0.05') });
      const body = bodyOf(assigned.inMessage!);
      body.skip(32 + 64);
      expect(body.loadAddress().equals(alice.address)).toBe(true);
      expect(body.loadBit()).toBe(false);
      expect(body.loadUint(24)).toBe(0xabcdef);
      expectTx(result.transactions, { from: bill.address, to: alice.address, op: Op.excesses });
      expect((await bill.getNftData()).owner!.equals(bob.address)).toBe(true);
      expect((await blockchain.getContract(bill.address)).balance).toBeGreaterThanOrEqual(BILL_STORAGE_RESERVE - toNano('0.01'));
      expect((await listBills((a) => blockchain.provider(a), collection.address, bob.address)).length).toBe(1);
    });

    it('transfers without notification or response when asked for neither', async () => {
      const result = await bill.sendTransfer(alice.getSender(), toNano('0.05'), { newOwner: carol.address });
      const tx = expectTx(result.transactions, { to: bill.address, success: true });
      expect(tx.outMessagesCount).toBe(0);
      expect((await bill.getNftData()).owner!.equals(carol.address)).toBe(true);
    });

    it('rejects a non-owner (401), a masterchain owner (333), a missing payload (708) and too little TON (402)', async () => {
      const byStranger = await bill.sendTransfer(stranger.getSender(), toNano('0.1'), { newOwner: stranger.address });
      expectTx(byStranger.transactions, { to: bill.address, success: false, exitCode: PayoutItemError.unauthorized });

      const masterchain = new Address(-1, bob.address.hash);
      const toMasterchain = await bill.sendTransfer(alice.getSender(), toNano('0.1'), { newOwner: masterchain });
      expectTx(toMasterchain.transactions, { to: bill.address, success: false, exitCode: PayoutItemError.wrongChain });

      const noPayload = beginCell()
        .storeUint(Op.nftTransfer, 32)
        .storeUint(0, 64)
        .storeAddress(bob.address)
        .storeAddress(null)
        .storeMaybeRef(null)
        .storeCoins(0)
        .endCell();
      const withoutPayload = await alice.send({ to: bill.address, value: toNano('0.1'), body: noPayload });
      expectTx(withoutPayload.transactions, { to: bill.address, success: false, exitCode: PayoutItemError.noForwardPayload });

      const tooPoor = await bill.sendTransfer(alice.getSender(), toNano('0.05'), { newOwner: bob.address, forwardAmount: toNano('1') });
      expectTx(tooPoor.transactions, { to: bill.address, success: false, exitCode: PayoutItemError.notEnoughTon });
      expect((await bill.getNftData()).owner!.equals(alice.address)).toBe(true);
    });

    it('reports its static data to anyone who asks', async () => {
      const result = await bill.sendGetStaticData(stranger.getSender(), toNano('0.05'), 77n);
      const report = expectTx(result.transactions, { from: bill.address, to: stranger.address, op: Op.reportStaticData });
      const body = bodyOf(report.inMessage!);
      body.skip(32);
      expect(body.loadUintBig(64)).toBe(77n);
      expect(body.loadUintBig(256)).toBe(0n);
      expect(body.loadAddress().equals(collection.address)).toBe(true);
    });

    it('cannot be burned by its owner, the admin or a stranger (401)', async () => {
      const burnBody = beginCell().storeUint(Op.billBurn, 32).storeUint(0, 64).endCell();
      for (const sender of [alice, pool, stranger]) {
        const result = await sender.send({ to: bill.address, value: toNano('0.1'), body: burnBody });
        expectTx(result.transactions, { to: bill.address, success: false, exitCode: PayoutItemError.unauthorized });
      }
      expect((await blockchain.getContract(bill.address)).accountState?.type).toBe('active');
    });

    it('rejects unknown ops (406)', async () => {
      const result = await alice.send({ to: bill.address, value: toNano('0.1'), body: beginCell().storeUint(0x12345678, 32).storeUint(0, 64).endCell() });
      expectTx(result.transactions, { to: bill.address, success: false, exitCode: PayoutItemError.unknownOp });
    });
  });

  describe('bill burn chain links', () => {
    it('lets only the bill above (index+1) burn a bill; the burn passes down and notifies the collection', async () => {
      const collection = await deployCollection('withdrawal', 2);
      await mintBills(collection, [
        [alice, 1n],
        [bob, 2n],
        [carol, 3n],
      ]);
      const [item0, item1, item2] = [0, 1, 2].map((index) => payoutItemAddress(collection.address, index, itemCode));
      const burnBody = beginCell().storeUint(Op.billBurn, 32).storeUint(5, 64).endCell();

      const skipping = await blockchain.sendMessage(internal({ from: item2, to: item0, value: toNano('0.05'), body: burnBody }));
      expectTx(skipping.transactions, { to: item0, success: false, exitCode: PayoutItemError.unauthorized });

      const byNeighbour = await blockchain.sendMessage(internal({ from: item1, to: item0, value: toNano('0.05'), body: burnBody }));
      expectTx(byNeighbour.transactions, { to: item0, success: true, destroyed: true });
      // Item 0 is last in the chain: nothing to pass on, and the collection is not distributing yet.
      expect(filterTransactions(byNeighbour.transactions, { from: item0, op: Op.billBurn }).length).toBe(0);
      expectTx(byNeighbour.transactions, { from: item0, to: collection.address, op: Op.billBurnNotification, success: false, exitCode: PayoutCollectionError.burnBeforeDistribution });

      const byCollection = await blockchain.sendMessage(internal({ from: collection.address, to: item2, value: toNano('0.05'), body: burnBody }));
      expectTx(byCollection.transactions, { to: item2, success: true, destroyed: true });
      expectTx(byCollection.transactions, { from: item2, to: item1, op: Op.billBurn, success: true, destroyed: true });
    });
  });

  describe('collection guards', () => {
    it('accepts burn notifications only from its items during a distribution (66, 74)', async () => {
      const collection = await deployCollection('withdrawal', 1);
      await mintBills(collection, [[alice, toNano('1')]]);
      const fake = beginCell()
        .storeUint(Op.billBurnNotification, 32)
        .storeUint(0, 64)
        .storeCoins(toNano('1'))
        .storeAddress(stranger.address)
        .storeUint(0, 64)
        .endCell();
      const early = await stranger.send({ to: collection.address, value: toNano('0.1'), body: fake });
      expectTx(early.transactions, { to: collection.address, success: false, exitCode: PayoutCollectionError.burnBeforeDistribution });

      // Once started, the sender must be the item the notification names.
      await collection.sendStartDistribution(pool.getSender(), toNano('2'));
      const late = await stranger.send({ to: collection.address, value: toNano('0.1'), body: fake });
      expectTx(late.transactions, { to: collection.address, success: false, exitCode: PayoutCollectionError.unauthorizedBurnNotification });
    });

    it('only the admin starts a TON distribution, once, and never on a deposit collection (80, 68, 70)', async () => {
      const withdrawals = await deployCollection('withdrawal', 1);
      await mintBills(withdrawals, [[alice, toNano('1')]]);
      const byStranger = await withdrawals.sendStartDistribution(stranger.getSender(), toNano('2'));
      expectTx(byStranger.transactions, { to: withdrawals.address, success: false, exitCode: PayoutCollectionError.unauthorizedStart });

      const deposits = await deployCollection('deposit', 1);
      await mintBills(deposits, [[alice, toNano('1')]]);
      const tonOnDeposits = await deposits.sendStartDistribution(pool.getSender(), toNano('2'));
      expectTx(tonOnDeposits.transactions, { to: deposits.address, success: false, exitCode: PayoutCollectionError.cannotDistributeTons });

      await withdrawals.sendStartDistribution(pool.getSender(), toNano('2'));
      const twice = await withdrawals.sendStartDistribution(pool.getSender(), toNano('2'));
      expectTx(twice.transactions, { to: withdrawals.address, success: false, exitCode: PayoutCollectionError.distributionAlreadyStarted });
    });

    it('refuses mints once the distribution has started (72)', async () => {
      const collection = await deployCollection('withdrawal', 1);
      await mintBills(collection, [[alice, toNano('1')]]);
      await collection.sendStartDistribution(pool.getSender(), toNano('2'));
      const result = await collection.sendMint(pool.getSender(), MINT_VALUE, { to: bob.address, amount: 1n });
      expectTx(result.transactions, { to: collection.address, success: false, exitCode: PayoutCollectionError.mintAfterDistributionStart });
    });

    it('refuses everything but init before init (67) and unknown ops after (0xffff)', async () => {
      const collection = blockchain.openContract(
        PayoutCollection.createFromConfig({ admin: pool.address, content: payoutCollectionContent('withdrawal', 9), itemCode }, collectionCode),
      );
      const result = await collection.sendMint(pool.getSender(), MINT_VALUE, { to: alice.address, amount: 1n });
      expectTx(result.transactions, { to: collection.address, success: false, exitCode: PayoutCollectionError.needInit });
      const inited = await deployCollection('withdrawal', 10);
      const unknown = await pool.send({ to: inited.address, value: toNano('0.1'), body: beginCell().storeUint(0x12345678, 32).storeUint(0, 64).endCell() });
      expectTx(unknown.transactions, { to: inited.address, success: false, exitCode: PayoutCollectionError.unknownOp });
    });
  });

  describe('TON distribution (withdrawal bills)', () => {
    it('pays every owner its pro-rata share down the chain, destroys the bills and hands the rest to the pool', async () => {
      const collection = await deployCollection('withdrawal', 4);
      const bills: [SandboxContract<TreasuryContract>, bigint][] = [
        [alice, toNano('3')],
        [bob, toNano('1.000000001')],
        [carol, toNano('7')],
        [alice, 5n],
        [bob, toNano('0.25')],
      ];
      await mintBills(collection, bills);
      const itemAddresses = bills.map((_, index) => payoutItemAddress(collection.address, index, itemCode));
      const system = new Set([collection.address, ...itemAddresses].map((a) => a.toRawString()));
      let heldBefore = 0n;
      for (const address of [collection.address, ...itemAddresses]) heldBefore += (await blockchain.getContract(address)).balance;

      // The pool sends the TON owed to the bills plus 0.1 TON.
      const startValue = toNano('11.3') + toNano('0.1');
      const result = await collection.sendStartDistribution(pool.getSender(), startValue, 55n);

      // The chain burns from the last bill down to bill 0; each share uses what is left at that step.
      let volume = startValue - START_DISTRIBUTION_GAS;
      let outstanding = bills.reduce((sum, [, amount]) => sum + amount, 0n);
      for (let index = bills.length - 1; index >= 0; index--) {
        const [owner, amount] = bills[index];
        const share = (amount * volume) / outstanding;
        volume -= share;
        outstanding -= amount;
        const burnTx = expectTx(result.transactions, { to: itemAddresses[index], op: Op.billBurn, success: true, destroyed: true });
        const notificationTx = expectTx(result.transactions, { from: itemAddresses[index], to: collection.address, op: Op.billBurnNotification, success: true });
        const payout = notificationTx.outMessages.get(0)!;
        expect(payout.info.dest instanceof Address && payout.info.dest.equals(owner.address)).toBe(true);
        const payoutBody = bodyOf(payout);
        expect(payoutBody.loadUint(32)).toBe(Op.distributedAsset);
        expect(payoutBody.loadUintBig(64)).toBe(55n);
        expect(payout.info.type === 'internal' && payout.info.bounce).toBe(false);
        // The owner gets the share plus what the bill brought: its storage reserve less the chain's fees.
        const paid = internalValue(payout);
        const carried = share + internalValue(notificationTx.inMessage!) - computeFees(notificationTx);
        expect(paid).toBeLessThanOrEqual(carried);
        expect(carried - paid).toBeLessThan(toNano('0.001')); // the payout's own forwarding fee
        expect(paid - share).toBeGreaterThan(toNano('0.08'));
        expectTx(result.transactions, { from: collection.address, to: owner.address, op: Op.distributedAsset, value: paid, success: true });
        expect((await blockchain.getContract(itemAddresses[index])).balance).toBe(0n);
        if (index === bills.length - 1) {
          console.log(
            `TON bill payout gas: item burn ${computeGas(burnTx)}, collection payout ${computeGas(notificationTx)}; ` +
              `fees per bill ${Number(burnTx.totalFees.coins + notificationTx.totalFees.coins) / 1e9} TON`,
          );
        }
      }
      // Item 0 takes everything left, to the nanoton: no rounding dust stays in the volume.
      expect(volume).toBe(0n);
      expect(await collection.getDistributionData()).toEqual({ started: true, jettons: false, volume: 0n, jettonWallet: null });
      expect(await collection.getIssuedBills()).toEqual({ issuedBills: 0n, billsCount: 0n });

      const touch = expectTx(result.transactions, { from: collection.address, to: pool.address, op: Op.touch, success: true });
      expect(bodyOf(touch.inMessage!).skip(32).loadUintBig(64)).toBe(55n);
      expect((await blockchain.getContract(collection.address)).balance).toBe(0n);

      // Conservation over the collection and its bills: what they held and received either left as a message or paid fees.
      let cameIn = 0n;
      let wentOut = 0n;
      let fees = 0n;
      for (const tx of result.transactions) {
        const dest = tx.inMessage?.info.dest;
        if (!(dest instanceof Address && system.has(dest.toRawString()))) continue;
        fees += tx.totalFees.coins;
        const src = tx.inMessage!.info.src;
        if (!(src instanceof Address && system.has(src.toRawString()))) cameIn += internalValue(tx.inMessage!);
        for (const out of tx.outMessages.values()) {
          if (out.info.type !== 'internal') continue;
          fees += out.info.forwardFee;
          if (!system.has(out.info.dest.toRawString())) wentOut += out.info.value.coins;
        }
      }
      expect(heldBefore + cameIn - wentOut - fees).toBe(0n);
      expect(fees).toBeLessThan(toNano('0.02') * BigInt(bills.length));
      console.log(`TON distribution of ${bills.length} bills: ${Number(fees) / 1e9} TON in fees`);
    });

    it('pays whoever owns the bill when the distribution reaches it', async () => {
      const collection = await deployCollection('withdrawal', 4);
      await mintBills(collection, [[alice, toNano('4')]]);
      await item(collection, 0).sendTransfer(alice.getSender(), toNano('0.05'), { newOwner: carol.address });
      const result = await collection.sendStartDistribution(pool.getSender(), toNano('4.1'));
      const payout = expectTx(result.transactions, { from: collection.address, to: carol.address, op: Op.distributedAsset, success: true });
      expect(internalValue(payout.inMessage!)).toBeGreaterThan(toNano('4.09'));
      expect(filterTransactions(result.transactions, { to: alice.address }).length).toBe(0);
    });

    it('tolerates burn notifications arriving out of order (different senders, so no delivery order is guaranteed)', async () => {
      // A collection mid-distribution with two outstanding bills: 1 and 3 (of 4 TON to distribute).
      const content = payoutCollectionContent('withdrawal', 6);
      const data = beginCell()
        .storeCoins(4n)
        .storeAddress(pool.address)
        .storeMaybeRef(payoutDistributionCell({ started: true, jettons: false, volume: toNano('4'), jettonWallet: null }))
        .storeRef(content)
        .storeRef(itemCode)
        .storeUint(2, 64)
        .endCell();
      const init = { code: collectionCode, data };
      const collection = blockchain.openContract(new PayoutCollection(contractAddress(0, init), init));
      await pool.send({ to: collection.address, value: toNano('4.1'), init: collection.init, bounce: false });
      const notify = (index: number, amount: bigint, owner: Address) =>
        blockchain.sendMessage(
          internal({
            from: payoutItemAddress(collection.address, index, itemCode),
            to: collection.address,
            value: toNano('0.08'),
            body: beginCell().storeUint(Op.billBurnNotification, 32).storeUint(0, 64).storeCoins(amount).storeAddress(owner).storeUint(index, 64).endCell(),
          }),
        );
      // Item 0's notification overtakes item 1's.
      const first = await notify(0, 1n, alice.address);
      expectTx(first.transactions, { from: collection.address, to: alice.address, op: Op.distributedAsset, success: true });
      expect(filterTransactions(first.transactions, { from: collection.address, to: pool.address }).length).toBe(0);
      const second = await notify(1, 3n, bob.address);
      const paid = expectTx(second.transactions, { from: collection.address, to: bob.address, op: Op.distributedAsset, success: true });
      expect(internalValue(paid.inMessage!)).toBeGreaterThan(toNano('3'));
      expectTx(second.transactions, { from: collection.address, to: pool.address, op: Op.touch, success: true });
      expect(await collection.getIssuedBills()).toEqual({ issuedBills: 0n, billsCount: 0n });
    });

    it('pays a zero bill nothing but its reserve, without stalling the chain', async () => {
      const collection = await deployCollection('withdrawal', 4);
      await mintBills(collection, [
        [alice, 0n],
        [bob, toNano('2')],
        [carol, 0n],
      ]);
      const result = await collection.sendStartDistribution(pool.getSender(), toNano('2.1'));
      const paidTo = (owner: SandboxContract<TreasuryContract>) =>
        internalValue(expectTx(result.transactions, { from: collection.address, to: owner.address, op: Op.distributedAsset }).inMessage!);
      expect(paidTo(carol)).toBeLessThan(BILL_STORAGE_RESERVE + toNano('0.01'));
      expect(paidTo(bob)).toBeGreaterThan(toNano('2.09'));
      expect(paidTo(alice)).toBeLessThan(BILL_STORAGE_RESERVE + toNano('0.01'));
      expectTx(result.transactions, { from: collection.address, to: pool.address, op: Op.touch, success: true });
      expect(result.transactions.every((tx) => flattenTransaction(tx).success !== false)).toBe(true);
    });

    it('sends everything straight back to the pool when there is no bill', async () => {
      const collection = await deployCollection('withdrawal', 4);
      const result = await collection.sendStartDistribution(pool.getSender(), toNano('1'));
      const touch = expectTx(result.transactions, { from: collection.address, to: pool.address, op: Op.touch, success: true });
      expect(internalValue(touch.inMessage!)).toBeGreaterThan(toNano('1'));
      expect((await blockchain.getContract(collection.address)).balance).toBe(0n);
    });
  });

  describe('jetton distribution (deposit bills)', () => {
    const transferNotification = (from: Address | null, amount: bigint) =>
      beginCell()
        .storeUint(Op.jettonTransferNotification, 32)
        .storeUint(0, 64)
        .storeCoins(amount)
        .storeAddress(from)
        .storeBit(false)
        .endCell();

    it('starts when the pool mints pTON to the collection and pays each owner pTON with a distributed_asset notification', async () => {
      const collection = await deployCollection('deposit', 8);
      const bills: [SandboxContract<TreasuryContract>, bigint][] = [
        [alice, toNano('100')],
        [bob, toNano('33.333333333')],
        [carol, 1n],
        [alice, toNano('0.5')],
      ];
      await mintBills(collection, bills);
      const jettons = toNano('120.123456789');
      // Round end: the pool mints the converted amount straight to the collection (fixed 0.3 TON, forward 0.1 TON).
      const result = await minter.sendMint(pool.getSender(), toNano('0.3'), { to: collection.address, jettonAmount: jettons, queryId: 21n });
      const collectionWallet = jettonWalletOf(collection.address);
      expectTx(result.transactions, { from: collectionWallet.address, to: collection.address, op: Op.jettonTransferNotification, success: true });

      let volume = jettons;
      let outstanding = bills.reduce((sum, [, amount]) => sum + amount, 0n);
      const received = new Map<string, bigint>();
      for (let index = bills.length - 1; index >= 0; index--) {
        const [owner, amount] = bills[index];
        const share = (amount * volume) / outstanding;
        volume -= share;
        outstanding -= amount;
        received.set(owner.address.toRawString(), (received.get(owner.address.toRawString()) ?? 0n) + share);
        const itemAddress = payoutItemAddress(collection.address, index, itemCode);
        expectTx(result.transactions, { to: itemAddress, op: Op.billBurn, success: true, destroyed: true });
        const notificationTx = expectTx(result.transactions, { from: itemAddress, to: collection.address, op: Op.billBurnNotification, success: true });
        const transfer = notificationTx.outMessages.get(0)!;
        expect(transfer.info.dest instanceof Address && transfer.info.dest.equals(collectionWallet.address)).toBe(true);
        // The jetton wallet runs on the bill's leftover TON.
        expect(internalValue(transfer)).toBeGreaterThan(toNano('0.07'));
        const body = bodyOf(transfer);
        expect(body.loadUint(32)).toBe(Op.jettonTransfer);
        expect(body.loadUintBig(64)).toBe(21n);
        expect(body.loadCoins()).toBe(share);
        expect(body.loadAddress().equals(owner.address)).toBe(true);
        if (index === bills.length - 1) {
          const walletTx = expectTx(result.transactions, { from: collection.address, to: collectionWallet.address, op: Op.jettonTransfer });
          console.log(`jetton bill payout gas: collection ${computeGas(notificationTx)}, collection wallet ${computeGas(walletTx)}`);
        }
      }
      expect(volume).toBe(0n);

      // Owners see a transfer_notification from the collection, 0.01 TON, payload = bare op distributed_asset.
      const notifications = filterTransactions(result.transactions, { to: alice.address, op: Op.jettonTransferNotification });
      expect(notifications.length).toBe(2);
      for (const tx of notifications) {
        expect(internalValue(tx.inMessage!)).toBe(toNano('0.01'));
        const parsed = parseTransferNotification(tx.inMessage!.body);
        expect(parsed.from!.equals(collection.address)).toBe(true);
        expect(parsed.forwardPayload.loadUint(32)).toBe(Op.distributedAsset);
        expect(parsed.forwardPayload.remainingBits).toBe(0);
      }
      expectTx(result.transactions, { to: bob.address, op: Op.excesses });
      for (const owner of [alice, bob, carol]) {
        expect(await jettonWalletOf(owner.address).getJettonBalance()).toBe(received.get(owner.address.toRawString()));
      }
      expect(await collectionWallet.getJettonBalance()).toBe(0n);
      expect(await collection.getIssuedBills()).toEqual({ issuedBills: 0n, billsCount: 0n });
      expectTx(result.transactions, { from: collection.address, to: pool.address, op: Op.touch, success: true });
      expect((await blockchain.getContract(collection.address)).balance).toBe(0n);
      // Nothing in the whole tree failed (wallet hops included).
      expect(result.transactions.every((tx) => flattenTransaction(tx).success !== false)).toBe(true);
    });

    it('refuses pTON sent by anyone but the pool (79) and notifications from a foreign wallet (71)', async () => {
      const collection = await deployCollection('deposit', 8);
      await mintBills(collection, [[alice, toNano('1')]]);
      await minter.sendMint(pool.getSender(), toNano('0.3'), { to: bob.address, jettonAmount: toNano('5') });
      const fromBob = await jettonWalletOf(bob.address).sendTransfer(bob.getSender(), toNano('0.2'), {
        jettonAmount: toNano('5'),
        to: collection.address,
        responseAddress: bob.address,
        forwardTonAmount: toNano('0.05'),
      });
      expectTx(fromBob.transactions, { to: collection.address, op: Op.jettonTransferNotification, success: false, exitCode: PayoutCollectionError.unauthorizedTransferSource });

      const forged = await stranger.send({ to: collection.address, value: toNano('0.2'), body: transferNotification(null, toNano('5')) });
      expectTx(forged.transactions, { to: collection.address, success: false, exitCode: PayoutCollectionError.unknownJettonWallet });
      expect((await collection.getDistributionData())?.started).toBe(false);
    });

    it('refuses to start with no bill to pay (84)', async () => {
      const collection = await deployCollection('deposit', 8);
      const result = await minter.sendMint(pool.getSender(), toNano('0.3'), { to: collection.address, jettonAmount: toNano('1') });
      expectTx(result.transactions, { to: collection.address, op: Op.jettonTransferNotification, success: false, exitCode: PayoutCollectionError.noBills });
      expect((await collection.getDistributionData())?.started).toBe(false);
    });

    it('refuses jettons on a TON collection (69) and a second start (68)', async () => {
      const withdrawals = await deployCollection('withdrawal', 8);
      await mintBills(withdrawals, [[alice, toNano('1')]]);
      const onTon = await minter.sendMint(pool.getSender(), toNano('0.3'), { to: withdrawals.address, jettonAmount: toNano('1') });
      expectTx(onTon.transactions, { to: withdrawals.address, success: false, exitCode: PayoutCollectionError.cannotDistributeJettons });

      const deposits = await deployCollection('deposit', 8);
      await mintBills(deposits, [[alice, toNano('1')], [bob, toNano('1')]]);
      await minter.sendMint(pool.getSender(), toNano('0.3'), { to: deposits.address, jettonAmount: toNano('2') });
      const again = await minter.sendMint(pool.getSender(), toNano('0.3'), { to: deposits.address, jettonAmount: toNano('2') });
      expectTx(again.transactions, { to: deposits.address, success: false, exitCode: PayoutCollectionError.distributionAlreadyStarted });
      const mintAfter = await deposits.sendMint(pool.getSender(), MINT_VALUE, { to: carol.address, amount: 1n });
      expectTx(mintAfter.transactions, { to: deposits.address, success: false, exitCode: PayoutCollectionError.mintAfterDistributionStart });
    });
  });
});
