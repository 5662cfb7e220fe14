import { Address, beginCell, type Builder, Cell, type Transaction } from '@ton/core';
import { TonClient } from '@ton/ton';
import { describe, expect, it } from 'vitest';
import { BURN_ATTACHED_VALUE } from '../../contracts/wrappers/fees';
import { Op } from '../../contracts/wrappers/opcodes';
import { hasFixture, loadFixture, replayFetch } from './__fixtures__/fixture';
import type { Bill } from './bills';
import { createTonRpcWith } from './client';
import { networkPreset } from './networks';
import { attachedValue, billMintedByPool, findStakeOutcome, poolBillVerifier, findUnstakeOutcome, requestQueryId, transactionsAfter, type BillVerifier, type OutcomeContext } from './outcomes';
import { normalizedHashFromBoc, waitForTransaction } from './tracking';

const at = (byte: string) => Address.parse('0:' + byte.repeat(32));
const owner = at('01');
const pool = at('11');
const jettonWallet = at('22');
const otherJettonWallet = at('23');
const ourBill = at('31');
const foreignItem = at('32');
const depositBill = at('33');
const stranger = at('44');
const collection = at('55');

const OURS = 0x1234_5678_9abc_def0n;
const THEIRS = 0x0fed_cba9_8765_4321n;
const TON = 1_000_000_000n;

let nextHash = 1;
/** A received internal message, just the fields the matchers read. */
function received(lt: bigint, src: Address, op: number, queryId: bigint, rest: (b: Builder) => Builder = (b) => b, coins = 1n): Transaction {
  const hash = Buffer.alloc(32, nextHash++);
  return {
    lt,
    hash: () => hash,
    inMessage: { info: { type: 'internal', src, value: { coins } }, body: rest(beginCell().storeUint(op, 32).storeUint(queryId, 64)).endCell() },
  } as unknown as Transaction;
}

/** transfer_notification: jettons, then the sender's address (null: a mint), then an empty forward payload. */
const notification = (lt: bigint, src: Address, queryId: bigint, jettons: bigint, from: Address | null = null) =>
  received(lt, src, Op.jettonTransferNotification, queryId, (b) => b.storeCoins(jettons).storeAddress(from).storeBit(false), TON / 10n);
const ownershipAssigned = (lt: bigint, item: Address, queryId: bigint) =>
  received(lt, item, Op.ownershipAssigned, queryId, (b) => b.storeAddress(null).storeBit(false));

function bill(address: Address, kind: Bill['kind'], billOwner = owner): Bill {
  return { kind, collection, index: 0n, address, owner: billOwner, amount: 5n * TON };
}

/** As poolBillVerifier decides: a bill of the pool, of the expected kind, owned by us. */
function verifierOf(bills: Bill[]): BillVerifier {
  return async (item, kind) => {
    const found = bills.find((candidate) => candidate.address.equals(item));
    return found && found.kind === kind && found.owner.equals(owner) ? { item, collection: found.collection, amount: found.amount } : null;
  };
}

/** Only `ourBill` (a withdrawal bill) and `depositBill` are items of the pool's collections. */
const verifyBill = verifierOf([bill(ourBill, 'withdrawal'), bill(depositBill, 'deposit')]);

const context: OutcomeContext = { queryId: OURS, owner, pool, jettonWallet, afterLt: 100n, verifyBill };

// Regression (issue 12 item 4): any pTON increase confirmed a stake, any ownership_assigned counted as a bill and
// any transfer_notification as "returned"; a concurrent stake, payout or airdrop therefore misreported.
describe('findStakeOutcome', () => {
  it('confirms by our own mint notification and reports its amount, not a concurrent stake minted first', async () => {
    const txs = [notification(101n, jettonWallet, THEIRS, 50n * TON), notification(102n, jettonWallet, OURS, 7n * TON)];
    expect(await findStakeOutcome(txs, context)).toMatchObject({ kind: 'minted', jettons: 7n * TON });
    expect(await findStakeOutcome([txs[0]], context)).toBeNull();
  });

  it('ignores pTON sent by another holder and jettons of another wallet, even with our query_id', async () => {
    const transfer = notification(101n, jettonWallet, OURS, 3n * TON, stranger);
    const airdrop = notification(102n, otherJettonWallet, OURS, 3n * TON);
    expect(await findStakeOutcome([transfer, airdrop], context)).toBeNull();
  });

  it('on a pessimistic pool, takes only a deposit bill of the pool carrying our query_id', async () => {
    const foreign = ownershipAssigned(101n, foreignItem, OURS);
    const othersBill = ownershipAssigned(102n, depositBill, THEIRS);
    const withdrawalBill = ownershipAssigned(103n, ourBill, OURS);
    expect(await findStakeOutcome([foreign, othersBill, withdrawalBill], context)).toBeNull();
    const ours = ownershipAssigned(104n, depositBill, OURS);
    expect(await findStakeOutcome([foreign, othersBill, ours], context)).toMatchObject({ kind: 'bill', bill: { item: depositBill } });
  });

  it('never looks before the wallet transaction that sent the request', async () => {
    expect(await findStakeOutcome([notification(100n, jettonWallet, OURS, TON)], context)).toBeNull();
  });
});

describe('findUnstakeOutcome', () => {
  const unstake = { ...context, attached: BURN_ATTACHED_VALUE };

  it("reports the net TON that arrived: the withdrawal's value minus the 1.05 TON the burn carried", async () => {
    // 5.03 TON arrived; 1.05 of it was the burn's own attached value.
    const withdrawal = received(101n, pool, Op.withdrawal, OURS, undefined, 5_030_000_000n);
    expect(await findUnstakeOutcome([withdrawal], unstake)).toMatchObject({ kind: 'instant', arrived: 5_030_000_000n, received: 3_980_000_000n });
  });

  it("skips another unstake's withdrawal, a bill payout and a look-alike withdrawal from a stranger", async () => {
    const concurrent = received(101n, pool, Op.withdrawal, THEIRS, undefined, 9n * TON);
    const payout = received(102n, collection, Op.distributedAsset, THEIRS, undefined, 2n * TON);
    const fake = received(103n, stranger, Op.withdrawal, OURS, undefined, 100n * TON);
    expect(await findUnstakeOutcome([concurrent, payout, fake], unstake)).toBeNull();
    const ours = received(104n, pool, Op.withdrawal, OURS, undefined, 2n * TON);
    expect(await findUnstakeOutcome([concurrent, payout, fake, ours], unstake)).toMatchObject({ kind: 'instant', arrived: 2n * TON });
  });

  it('a concurrent mint or a transfer is not "returned"; the re-mint with our query_id is', async () => {
    const concurrentStake = notification(101n, jettonWallet, THEIRS, 4n * TON);
    const transfer = notification(102n, jettonWallet, OURS, 4n * TON, stranger);
    expect(await findUnstakeOutcome([concurrentStake, transfer], unstake)).toBeNull();
    const remint = notification(103n, jettonWallet, OURS, 5n * TON);
    expect(await findUnstakeOutcome([concurrentStake, transfer, remint], unstake)).toMatchObject({ kind: 'returned', jettons: 5n * TON });
  });

  it('a bill counts only when its item belongs to the pool, is a withdrawal bill, is ours and carries our query_id', async () => {
    const foreign = ownershipAssigned(101n, foreignItem, OURS);
    const someoneElses = ownershipAssigned(102n, ourBill, THEIRS);
    const depositOne = ownershipAssigned(103n, depositBill, OURS);
    expect(await findUnstakeOutcome([foreign, someoneElses, depositOne], unstake)).toBeNull();
    const notOurs = verifierOf([bill(ourBill, 'withdrawal', stranger)]);
    expect(await findUnstakeOutcome([ownershipAssigned(104n, ourBill, OURS)], { ...unstake, verifyBill: notOurs })).toBeNull();
    expect(await findUnstakeOutcome([ownershipAssigned(104n, ourBill, OURS)], unstake)).toMatchObject({ kind: 'bill', bill: { item: ourBill } });
  });

  it('takes the earliest matching answer whatever order the page lists them in', async () => {
    const remint = notification(110n, jettonWallet, OURS, 5n * TON);
    const withdrawal = received(105n, pool, Op.withdrawal, OURS, undefined, 3n * TON);
    expect(await findUnstakeOutcome([remint, withdrawal], unstake)).toMatchObject({ kind: 'instant' });
  });
});

/** A transaction on `on` whose in-message came from `src` with `body`, created at `createdLt`. */
function sourceTx(src: Address, createdLt: bigint, body: Cell): Transaction {
  return { inMessage: { info: { type: 'internal', src, createdLt, value: { coins: TON } }, body } } as unknown as Transaction;
}

// Regression (issue 12 item 4): a bill proven only while the pool still lists its collection; after a rotation
// (20 s devnet rounds) the outcome stayed unproven. Provenance from transactions closes that gap without trusting
// any sender's claim.
describe('billMintedByPool', () => {
  const item = ourBill;
  const initBody = (queryId: bigint, to: Address) =>
    beginCell().storeUint(Op.initNft, 32).storeUint(queryId, 64).storeAddress(to).storeCoins(3n * TON).storeAddress(null).storeAddress(null).endCell();
  const mintBody = (queryId: bigint) => beginCell().storeUint(Op.mint, 32).storeUint(queryId, 64).storeAddress(item).storeCoins(3n * TON).endCell();
  const notice = ownershipAssigned(101n, item, OURS);
  const ctx = { owner, pool, queryId: OURS };

  function chain(init: Transaction, collectionTx: Transaction) {
    return {
      async tryLocateSourceTx(source: Address, destination: Address) {
        if (source.equals(item) && destination.equals(owner)) return init;
        if (source.equals(collection) && destination.equals(item)) return collectionTx;
        throw new Error('not found');
      },
    };
  }
  // The notice's in-message needs a createdLt for the lookup.
  (notice.inMessage!.info as { createdLt?: bigint }).createdLt = 50n;

  it('proves pool → collection (mint) → item (init_nft) → us, all with our query_id', async () => {
    const client = chain(sourceTx(collection, 40n, initBody(OURS, owner)), sourceTx(pool, 30n, mintBody(OURS)));
    expect(await billMintedByPool(client, notice, ctx)).toEqual({ item, collection, amount: 3n * TON });
  });

  it('refuses an item made by a contract the pool never asked to mint, or for another request or owner', async () => {
    const byStranger = chain(sourceTx(collection, 40n, initBody(OURS, owner)), sourceTx(stranger, 30n, mintBody(OURS)));
    expect(await billMintedByPool(byStranger, notice, ctx)).toBeNull();
    const notAMint = chain(sourceTx(collection, 40n, initBody(OURS, owner)), sourceTx(pool, 30n, beginCell().storeUint(Op.excesses, 32).storeUint(OURS, 64).endCell()));
    expect(await billMintedByPool(notAMint, notice, ctx)).toBeNull();
    const othersMint = chain(sourceTx(collection, 40n, initBody(OURS, owner)), sourceTx(pool, 30n, mintBody(THEIRS)));
    expect(await billMintedByPool(othersMint, notice, ctx)).toBeNull();
    const othersBill = chain(sourceTx(collection, 40n, initBody(OURS, stranger)), sourceTx(pool, 30n, mintBody(OURS)));
    expect(await billMintedByPool(othersBill, notice, ctx)).toBeNull();
    const notIndexed = { tryLocateSourceTx: async () => Promise.reject(new Error('not found')) };
    expect(await billMintedByPool(notIndexed, notice, ctx)).toBeNull();
  });
});

describe('poolBillVerifier', () => {
  const raw = { depositPayout: at('56'), withdrawalPayout: collection };
  const addressCell = (address: Address) => ({ type: 'cell' as const, cell: beginCell().storeAddress(address).endCell(), kind: 'slice' as const });
  /** get_nft_data of `ourBill` as the item answers it; `alive: false` is a destroyed item (exit -13). */
  function rpcWith(item: { collection: Address; owner: Address; alive?: boolean }, provenance: Awaited<ReturnType<SourceClient['tryLocateSourceTx']>> | null = null) {
    const reads: string[] = [];
    return {
      reads,
      rpc: {
        async runGetMethod(_address: Address, method: string) {
          reads.push(method);
          if (item.alive === false) return { exitCode: -13, gasUsed: 0, stack: [] };
          return {
            exitCode: 0,
            gasUsed: 0,
            stack: [
              { type: 'int' as const, value: -1n },
              { type: 'int' as const, value: 4n },
              addressCell(item.collection),
              addressCell(item.owner),
              { type: 'cell' as const, cell: beginCell().storeCoins(5n * TON).endCell(), kind: 'cell' as const },
            ],
          };
        },
        client: {
          async tryLocateSourceTx() {
            reads.push('tryLocateSourceTx');
            if (!provenance) throw new Error('not found');
            return provenance;
          },
        },
      },
    };
  }
  const ctx = { owner, pool, queryId: OURS };
  const notice = ownershipAssigned(101n, ourBill, OURS);
  (notice.inMessage!.info as { createdLt?: bigint }).createdLt = 60n;

  it("takes an item of the pool's stored withdrawal collection, owned by us, as a withdrawal bill only", async () => {
    const { rpc } = rpcWith({ collection, owner });
    const verify = poolBillVerifier(rpc as never, async () => raw, ctx);
    const verified = await verify(ourBill, 'withdrawal', notice);
    expect(verified?.item.equals(ourBill) && verified.collection.equals(collection) && verified.amount).toBe(5n * TON);
    expect(await verify(ourBill, 'deposit', notice)).toBeNull();
  });

  it("refuses someone else's bill and an item of a foreign collection with no pool mint behind it", async () => {
    expect(await poolBillVerifier(rpcWith({ collection, owner: stranger }).rpc as never, async () => raw, ctx)(ourBill, 'withdrawal', notice)).toBeNull();
    const foreign = rpcWith({ collection: at('57'), owner });
    expect(await poolBillVerifier(foreign.rpc as never, async () => raw, ctx)(ourBill, 'withdrawal', notice)).toBeNull();
    expect(foreign.reads).toEqual(['get_nft_data', 'tryLocateSourceTx']);
  });
});

type SourceClient = Parameters<typeof billMintedByPool>[0];

describe('transactionsAfter', () => {
  it('pages back until the wallet transaction and drops the cursor duplicate', async () => {
    const all = Array.from({ length: 45 }, (_, index) => received(BigInt(200 - index), stranger, Op.excesses, 0n));
    const client = {
      async getTransactions(_: Address, options: { limit: number; lt?: string }) {
        const start = options.lt ? all.findIndex((tx) => tx.lt.toString() === options.lt) : 0;
        return all.slice(start, start + options.limit);
      },
    };
    const found = await transactionsAfter(client as never, owner, 160n);
    expect(found.map((tx) => Number(tx.lt))).toEqual(Array.from({ length: 40 }, (_, index) => 200 - index));
  });
});

describe('requestQueryId and attachedValue', () => {
  it('read the query_id a request signs and the TON a wallet transaction attached', () => {
    const payload = beginCell().storeUint(Op.deposit, 32).storeUint(OURS, 64).endCell().toBoc().toString('base64');
    expect(requestQueryId(payload)).toBe(OURS);
    const walletTx = {
      outMessages: new Map([[0, { info: { type: 'internal', value: { coins: BURN_ATTACHED_VALUE } }, body: Cell.EMPTY }]]),
    } as unknown as Transaction;
    expect(attachedValue(walletTx)).toBe(BURN_ATTACHED_VALUE);
  });
});

// Real transactions recorded from the devnet pool (src/ton/__fixtures__/devnet-pool.json); query ids as recorded.
describe.skipIf(!hasFixture('devnet-pool'))('findUnstakeOutcome on recorded devnet burns', () => {
  const fixture = hasFixture('devnet-pool') ? loadFixture('devnet-pool') : null;

  async function outcomeOf(step: string, bocKey: string) {
    const values = fixture!.values;
    const network = { ...networkPreset('devnet', fixture!.devnetUrl), maxRps: 1000 };
    const rpc = createTonRpcWith(TonClient, network, { fetch: replayFetch(fixture!, [step]), maxRetries: 0 });
    const wallet = Address.parse(values.devWallet);
    const burn = (await waitForTransaction(rpc.client, wallet, normalizedHashFromBoc(values[bocKey]), { timeoutMs: 0 }))!;
    const [sent] = [...burn.outMessages.values()];
    const queryId = sent.body.beginParse().skip(32).loadUintBig(64);
    const recent = await rpc.client.getTransactions(wallet, { limit: 10, archival: true });
    // The recorded exchanges hold no get_nft_data: any item stands for a bill here (verification is tested above).
    const anyBill: BillVerifier = async (item) => ({ item, collection, amount: 0n });
    return findUnstakeOutcome(recent, {
      queryId,
      owner: wallet,
      pool: Address.parse(values.pool),
      jettonWallet: Address.parse(values.jettonWallet),
      afterLt: burn.lt,
      verifyBill: anyBill,
      attached: attachedValue(burn),
    });
  }

  it('a wait-till-round-end burn came back as a bill', async () => {
    expect(await outcomeOf('withdraw', 'withdraw.boc')).toMatchObject({ kind: 'bill' });
  });

  it('an instant burn was paid in TON, net of the attached value', async () => {
    const outcome = await outcomeOf('instant-withdraw', 'instant-withdraw.boc');
    expect(outcome).toMatchObject({ kind: 'instant' });
    if (outcome?.kind === 'instant') expect(outcome.arrived - outcome.received).toBe(BURN_ATTACHED_VALUE);
  });
});
