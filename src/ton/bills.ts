// A user's pending payout bills (lst-interface.md §4.5): NFT items of the current round's deposit and
// withdrawal payout collections, found by walking each collection's items and keeping the user's.
// O(items) get-method calls: fine on a devnet or small pools; production should use an NFT indexer.
import { type Address, type Cell } from '@ton/core';
import { runGetMethodOk, type TonRpc } from './client';
import { expectedPtonForDepositBill, expectedTonForWithdrawalBill, type PoolFullData } from './pool';
import { StackReader } from './stack';

export type BillKind = 'deposit' | 'withdrawal';

export interface Bill {
  kind: BillKind;
  collection: Address;
  index: bigint;
  address: Address;
  owner: Address;
  /** Deposit bill: TON deposited. Withdrawal bill: pTON burned. */
  amount: bigint;
  /** Deposit bill: pTON expected at round end. Withdrawal bill: TON expected. Assumes the round ends as projected. */
  expectedPayout: bigint;
}

export interface CollectionData {
  nextItemIndex: bigint;
  content: Cell;
  owner: Address | null;
}

export async function readCollectionData(rpc: Pick<TonRpc, 'runGetMethod'>, collection: Address): Promise<CollectionData> {
  const r = new StackReader(await runGetMethodOk(rpc, collection, 'get_collection_data'), 'get_collection_data');
  return { nextItemIndex: r.readBigInt(), content: r.readCell(), owner: r.readAddressOrNull() };
}

export async function readBillAddress(rpc: Pick<TonRpc, 'runGetMethod'>, collection: Address, index: bigint): Promise<Address> {
  const stack = await runGetMethodOk(rpc, collection, 'get_nft_address_by_index', [{ type: 'int', value: index }]);
  return new StackReader(stack, 'get_nft_address_by_index').readAddress();
}

export interface BillData {
  inited: boolean;
  index: bigint;
  collection: Address;
  owner: Address | null;
  amount: bigint;
}

/** get_nft_data; null when the item no longer exists (paid out and destroyed) or never ran. */
export async function readBillData(rpc: Pick<TonRpc, 'runGetMethod'>, item: Address): Promise<BillData | null> {
  const result = await rpc.runGetMethod(item, 'get_nft_data');
  if (result.exitCode !== 0) return null;
  const r = new StackReader(result.stack, 'get_nft_data');
  const inited = r.readBool();
  const index = r.readBigInt();
  const collection = r.readAddress();
  const owner = r.readAddressOrNull();
  const content = r.readCellOrNull();
  // individual_content holds only amount:Coins
  const amount = content ? content.beginParse().loadCoins() : 0n;
  return { inited, index, collection, owner, amount };
}

/**
 * Item addresses already known. An item's address is fixed by its collection and index (get_nft_address_by_index is
 * pure), so a cache of them is never stale and saves one get-method call per item on every later listing.
 */
export interface BillAddressBook {
  get(collection: Address, index: bigint): Address | undefined;
  set(collection: Address, index: bigint, address: Address): void;
}

export interface ListBillsOptions {
  /** Items read in parallel; the scheduler still throttles to maxRps. */
  concurrency?: number;
  addresses?: BillAddressBook;
  /** Stop walking a collection after this many items (guards against huge rounds). */
  maxItemsPerCollection?: number;
}

function expectedPayout(pool: PoolFullData, kind: BillKind, amount: bigint): bigint {
  return kind === 'deposit' ? expectedPtonForDepositBill(pool, amount) : expectedTonForWithdrawalBill(pool, amount);
}

/** The user's bills in the pool's current deposit and withdrawal collections (either may be absent). */
export async function listBills(rpc: Pick<TonRpc, 'runGetMethod'>, pool: PoolFullData, owner: Address, options: ListBillsOptions = {}): Promise<Bill[]> {
  const concurrency = Math.max(1, options.concurrency ?? 4);
  const collections: [BillKind, Address | null][] = [
    ['deposit', pool.depositPayout],
    ['withdrawal', pool.withdrawalPayout],
  ];
  const bills: Bill[] = [];
  for (const [kind, collection] of collections) {
    if (!collection) continue;
    const { nextItemIndex } = await readCollectionData(rpc, collection);
    const count = options.maxItemsPerCollection !== undefined && BigInt(options.maxItemsPerCollection) < nextItemIndex ? BigInt(options.maxItemsPerCollection) : nextItemIndex;
    const indexes = Array.from({ length: Number(count) }, (_, i) => BigInt(i));
    for (let start = 0; start < indexes.length; start += concurrency) {
      const batch = await Promise.all(
        indexes.slice(start, start + concurrency).map(async (index) => {
          const cached = options.addresses?.get(collection, index);
          if (cached) {
            const data = await readBillData(rpc, cached);
            // A cache is only a hint: an item that is not this collection's item #index is asked for afresh.
            if (data && data.index === index && data.collection.equals(collection)) return { index, address: cached, data };
          }
          const address = await readBillAddress(rpc, collection, index);
          options.addresses?.set(collection, index, address);
          return { index, address, data: await readBillData(rpc, address) };
        }),
      );
      for (const { index, address, data } of batch) {
        if (!data || !data.owner || !data.owner.equals(owner)) continue;
        bills.push({ kind, collection, index, address, owner: data.owner, amount: data.amount, expectedPayout: expectedPayout(pool, kind, data.amount) });
      }
    }
  }
  return bills;
}
