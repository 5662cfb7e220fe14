// Payout bills (lst-interface.md §4): NFT items of a pool's deposit and withdrawal payout collections. Who holds
// which bill is learned from the owner's own history (queries/owner-history: the `ownership_assigned` each item sends
// its owner when minted, §4.2); here is the one check that an item really is one of the pool's bills, and the
// expected payout of one. No collection is ever walked: the cost of a bill does not grow with the round's size.
import { type Address } from '@ton/core';
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
}

export interface BillData {
  inited: boolean;
  index: bigint;
  collection: Address;
  owner: Address | null;
  amount: bigint;
}

/** get_nft_address_by_index: the address of a collection's item #index (a pure getter). */
export async function readBillAddress(rpc: Pick<TonRpc, 'runGetMethod'>, collection: Address, index: bigint): Promise<Address> {
  const stack = await runGetMethodOk(rpc, collection, 'get_nft_address_by_index', [{ type: 'int', value: index }]);
  return new StackReader(stack, 'get_nft_address_by_index').readAddress();
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

/** Which of the pool's two payout collections `collection` is; null when it is neither. */
export function poolBillKind(pool: Pick<PoolFullData, 'depositPayout' | 'withdrawalPayout'>, collection: Address): BillKind | null {
  if (pool.depositPayout?.equals(collection)) return 'deposit';
  if (pool.withdrawalPayout?.equals(collection)) return 'withdrawal';
  return null;
}

export type PoolBillCheck =
  /** A live bill of one of the pool's payout collections. */
  | { status: 'bill'; bill: Bill }
  /** A live item, but of a collection that is not one of the pool's (or not initialised): not a bill of this pool. */
  | { status: 'foreign'; collection: Address | null }
  /** Nothing lives there: destroyed at payout (or never deployed). */
  | { status: 'gone' };

/**
 * Is `item` one of the pool's bills? One get_nft_data. `pool` must be read with get_pool_full_data_raw: the
 * simulating getter shows empty collections once a validator-set switch is due, although the bills are still alive
 * and unpaid (§6.1). A collection address from anything else (a message's sender, a claim in a body) proves nothing:
 * only the item's own answer, compared with the pool's own collections, does.
 */
export async function checkPoolBill(
  rpc: Pick<TonRpc, 'runGetMethod'>,
  pool: Pick<PoolFullData, 'depositPayout' | 'withdrawalPayout'>,
  item: Address,
): Promise<PoolBillCheck> {
  return poolBillCheck(pool, item, await readBillData(rpc, item));
}

/** checkPoolBill on an item's get_nft_data already read (null: no item there), e.g. read alongside the pool. */
export function poolBillCheck(pool: Pick<PoolFullData, 'depositPayout' | 'withdrawalPayout'>, item: Address, data: BillData | null): PoolBillCheck {
  if (!data) return { status: 'gone' };
  const kind = data.inited ? poolBillKind(pool, data.collection) : null;
  if (!kind || !data.owner) return { status: 'foreign', collection: data.inited ? data.collection : null };
  return { status: 'bill', bill: { kind, collection: data.collection, index: data.index, address: item, owner: data.owner, amount: data.amount } };
}

/** Deposit bill: pTON expected at round end. Withdrawal bill: TON expected. Assumes the round ends as projected. */
export function billExpectedPayout(pool: Pick<PoolFullData, 'projectedTotalBalance' | 'projectedSupply'>, bill: Pick<Bill, 'kind' | 'amount'>): bigint {
  return bill.kind === 'deposit' ? expectedPtonForDepositBill(pool, bill.amount) : expectedTonForWithdrawalBill(pool, bill.amount);
}

