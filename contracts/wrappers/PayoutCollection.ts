// Wrapper for contracts/payout-collection.tolk: the per-round payout NFT collection ("bills"), spec §4.
//
// How a client lists a user's pending bills (spec §4.5):
//   1. Read the current round's `deposit_payout` and `withdrawal_payout` from the pool's get_pool_full_data
//      (entries 15 and 17; either may be null). Only the current round has pending bills: earlier collections
//      were distributed at rotation and their items destroyed themselves.
//   2. For each collection: n = get_collection_data().next_item_index; for i in 0..n−1 get the item address
//      with get_nft_address_by_index(i), call get_nft_data() on it and keep the items owned by the user.
//      The amount is individual_content.loadCoins() (or get_bill_amount()): nanoTON for deposit bills,
//      pool-jetton nano units for withdrawal bills. `listBills` below does exactly this.
//   3. This is O(n) get-method calls. In production prefer an NFT indexer queried by owner, filtered on
//      collections whose get_collection_data owner is the pool.
//   4. Expected payout: deposit bill ≈ amount · projected_supply / projected_total_balance pool jettons;
//      withdrawal bill ≈ amount · projected_total_balance / projected_supply TON.
import {
  Address,
  beginCell,
  Cell,
  contractAddress,
  type Contract,
  type ContractProvider,
  type Sender,
  SendMode,
} from '@ton/core';
import { buildOnchainMetadata } from './metadata';
import { Op } from './opcodes';
import { PayoutItem } from './PayoutItem';

export type PayoutKind = 'deposit' | 'withdrawal';

/** Exit codes of the collection (reference payout_nft/errors.func; 82–84 are ours, see the Tolk source). */
export const PayoutCollectionError = {
  burnBeforeDistribution: 66,
  needInit: 67,
  distributionAlreadyStarted: 68,
  cannotDistributeJettons: 69,
  cannotDistributeTons: 70,
  unknownJettonWallet: 71,
  mintAfterDistributionStart: 72,
  unauthorizedMint: 73,
  unauthorizedBurnNotification: 74,
  unauthorizedTransferSource: 79,
  unauthorizedStart: 80,
  alreadyInited: 82,
  wrongInitialDistribution: 83,
  noBills: 84,
  unauthorizedInit: 0xffff,
  unknownOp: 0xffff,
} as const;

/** TON the collection keeps from start_distribution for its gas: volume = value − this. */
export const START_DISTRIBUTION_GAS = 10_000_000n;
/** TON the pool attaches to a collection deploy (MINTER_DEPLOY_FEE). */
export const PAYOUT_COLLECTION_DEPLOY_VALUE = 100_000_000n;

export const PAYOUT_COLLECTION_DESCRIPTION: Record<PayoutKind, string> = {
  deposit: 'Converts deposited TON to Pool Jettons',
  withdrawal: 'Converts burned Pool Jettons to TON',
};

/** "Deposit Payout#<round>" / "Withdrawal Payout#<round>". */
export function payoutCollectionName(kind: PayoutKind, roundId: number | bigint): string {
  return `${kind === 'deposit' ? 'Deposit' : 'Withdrawal'} Payout#${BigInt(roundId).toString()}`;
}

/**
 * TEP-64 on-chain content of a round's collection. The pool builds the same cell on-chain
 * (payoutCollectionContent in contracts/pool.tolk) to derive the collection address; both must stay byte-identical.
 */
export function payoutCollectionContent(kind: PayoutKind, roundId: number | bigint): Cell {
  return buildOnchainMetadata({
    name: payoutCollectionName(kind, roundId),
    description: PAYOUT_COLLECTION_DESCRIPTION[kind],
    symbol: '⏲️',
    render_type: 'hidden',
  });
}

export interface PayoutCollectionConfig {
  /** The pool. */
  admin: Address;
  content: Cell;
  itemCode: Cell;
}

/** `issued_bills:Coins(0) admin:MsgAddress distribution:(Maybe ^Cell)(none) content:^Cell item_code:^Cell`. */
export function payoutCollectionInitData(config: PayoutCollectionConfig): Cell {
  return beginCell()
    .storeCoins(0)
    .storeAddress(config.admin)
    .storeMaybeRef(null)
    .storeRef(config.content)
    .storeRef(config.itemCode)
    .endCell();
}

export interface PayoutDistribution {
  started: boolean;
  /** true: pool jettons for deposit bills; false: TON for withdrawal bills. */
  jettons: boolean;
  /** What is left to distribute (TON or jetton nano units). */
  volume: bigint;
  /** The collection's own pool-jetton wallet (jetton distributions only). */
  jettonWallet: Address | null;
}

/** `started:Bool jettons:Bool volume:Coins [my_jetton_wallet:MsgAddress if jettons]`. */
export function payoutDistributionCell(distribution: PayoutDistribution): Cell {
  const b = beginCell().storeBit(distribution.started).storeBit(distribution.jettons).storeCoins(distribution.volume);
  if (distribution.jettons) {
    if (!distribution.jettonWallet) throw new Error('a jetton distribution needs the collection jetton wallet');
    b.storeAddress(distribution.jettonWallet);
  }
  return b.endCell();
}

export function parsePayoutDistribution(cell: Cell): PayoutDistribution {
  const s = cell.beginParse();
  const started = s.loadBit();
  const jettons = s.loadBit();
  const volume = s.loadCoins();
  return { started, jettons, volume, jettonWallet: jettons ? s.loadAddress() : null };
}

/** The initial (not started, empty) distribution the pool sends with init: TON for withdrawals, jettons for deposits. */
export function initialPayoutDistribution(kind: PayoutKind, collectionJettonWallet?: Address): PayoutDistribution {
  if (kind === 'deposit' && !collectionJettonWallet) throw new Error('a deposit collection needs its jetton wallet');
  return {
    started: false,
    jettons: kind === 'deposit',
    volume: 0n,
    jettonWallet: kind === 'deposit' ? collectionJettonWallet! : null,
  };
}

export function payoutInitBody(distribution: PayoutDistribution, queryId: bigint = 0n): Cell {
  return beginCell()
    .storeUint(Op.payoutInit, 32)
    .storeUint(queryId, 64)
    .storeRef(payoutDistributionCell(distribution))
    .endCell();
}

/** mint#1674b0a0 query_id to amount c1 c2, as the pool sends it (c1 = 0.1 TON, c2 = 0); the collection reads to and amount. */
export function payoutMintBody(params: { to: Address; amount: bigint; queryId?: bigint }): Cell {
  return beginCell()
    .storeUint(Op.mint, 32)
    .storeUint(params.queryId ?? 0n, 64)
    .storeAddress(params.to)
    .storeCoins(params.amount)
    .storeCoins(100_000_000n)
    .storeCoins(0n)
    .endCell();
}

export function startDistributionBody(queryId: bigint = 0n): Cell {
  return beginCell().storeUint(Op.startDistribution, 32).storeUint(queryId, 64).endCell();
}

export interface BillInfo {
  index: bigint;
  address: Address;
  owner: Address;
  amount: bigint;
}

export class PayoutCollection implements Contract {
  constructor(
    readonly address: Address,
    readonly init?: { code: Cell; data: Cell },
  ) {}

  static createFromAddress(address: Address): PayoutCollection {
    return new PayoutCollection(address);
  }

  static createFromConfig(config: PayoutCollectionConfig, code: Cell, workchain = 0): PayoutCollection {
    const init = { code, data: payoutCollectionInitData(config) };
    return new PayoutCollection(contractAddress(workchain, init), init);
  }

  /** Deploys with init#f5aa8943 carrying the initial distribution; only the admin may send it. */
  async sendDeploy(
    provider: ContractProvider,
    via: Sender,
    value: bigint,
    distribution: PayoutDistribution,
    queryId: bigint = 0n,
  ): Promise<void> {
    await provider.internal(via, { value, sendMode: SendMode.PAY_GAS_SEPARATELY, body: payoutInitBody(distribution, queryId) });
  }

  async sendMint(
    provider: ContractProvider,
    via: Sender,
    value: bigint,
    params: { to: Address; amount: bigint; queryId?: bigint },
  ): Promise<void> {
    await provider.internal(via, { value, sendMode: SendMode.PAY_GAS_SEPARATELY, body: payoutMintBody(params) });
  }

  /** Withdrawal collections: value = TON to distribute + START_DISTRIBUTION_GAS (the pool adds 0.1 TON). */
  async sendStartDistribution(provider: ContractProvider, via: Sender, value: bigint, queryId: bigint = 0n): Promise<void> {
    await provider.internal(via, { value, sendMode: SendMode.PAY_GAS_SEPARATELY, body: startDistributionBody(queryId) });
  }

  async getCollectionData(provider: ContractProvider): Promise<{ nextItemIndex: bigint; content: Cell; admin: Address }> {
    const { stack } = await provider.get('get_collection_data', []);
    return { nextItemIndex: stack.readBigNumber(), content: stack.readCell(), admin: stack.readAddress() };
  }

  async getNftAddressByIndex(provider: ContractProvider, index: bigint | number): Promise<Address> {
    const { stack } = await provider.get('get_nft_address_by_index', [{ type: 'int', value: BigInt(index) }]);
    return stack.readAddress();
  }

  /** Full TEP-64 metadata of a bill, from its individual content (a cell holding amount:Coins). */
  async getNftContent(provider: ContractProvider, index: bigint | number, individualContent: Cell): Promise<Cell> {
    const { stack } = await provider.get('get_nft_content', [
      { type: 'int', value: BigInt(index) },
      { type: 'cell', cell: individualContent },
    ]);
    return stack.readCell();
  }

  /** Sum of outstanding bill amounts and the bill count; both shrink as the distribution pays bills. */
  async getIssuedBills(provider: ContractProvider): Promise<{ issuedBills: bigint; billsCount: bigint }> {
    const { stack } = await provider.get('get_issued_bills', []);
    return { issuedBills: stack.readBigNumber(), billsCount: stack.readBigNumber() };
  }

  /** null until the pool's init arrives. */
  async getDistributionData(provider: ContractProvider): Promise<PayoutDistribution | null> {
    const { stack } = await provider.get('get_distribution_data', []);
    const cell = stack.readCellOpt();
    return cell ? parsePayoutDistribution(cell) : null;
  }
}

/**
 * Lists the bills of `collection` owned by `owner` through get-methods (spec §4.5): O(n) calls.
 * `providerFor` opens any address: `(a) => blockchain.provider(a)` in the sandbox, `(a) => client.provider(a)` with TonClient.
 */
export async function listBills(
  providerFor: (address: Address) => ContractProvider,
  collection: Address,
  owner: Address,
): Promise<BillInfo[]> {
  const collectionContract = PayoutCollection.createFromAddress(collection);
  const collectionProvider = providerFor(collection);
  const { nextItemIndex } = await collectionContract.getCollectionData(collectionProvider);
  const bills: BillInfo[] = [];
  for (let index = 0n; index < nextItemIndex; index++) {
    const address = await collectionContract.getNftAddressByIndex(collectionProvider, index);
    const itemProvider = providerFor(address);
    // While a distribution runs, the items above the collection's index are already burned.
    if ((await itemProvider.getState()).state.type !== 'active') continue;
    const data = await PayoutItem.createFromAddress(address).getNftData(itemProvider);
    if (data.owner && data.amount !== null && data.owner.equals(owner)) {
      bills.push({ index, address, owner: data.owner, amount: data.amount });
    }
  }
  return bills;
}
