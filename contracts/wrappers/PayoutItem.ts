// Wrapper for contracts/payout-item.tolk: one payout bill (NFT item) of a payout collection, spec §4.2.
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
import { Op } from './opcodes';

/** Exit codes of the bill (reference nft-item errors). */
export const PayoutItemError = {
  unauthorized: 401,
  notEnoughTon: 402,
  unknownOp: 406,
  noForwardPayload: 708,
  wrongChain: 333,
  unauthorizedInit: 0xffff,
} as const;

/** Item data before init_nft: `inited:uint1(0) collection:MsgAddress index:uint64` — the address preimage. */
export function payoutItemInitData(collection: Address, index: bigint | number): Cell {
  return beginCell().storeBit(false).storeAddress(collection).storeUint(BigInt(index), 64).endCell();
}

/** Basechain address of bill #index, as the collection derives it. */
export function payoutItemAddress(collection: Address, index: bigint | number, itemCode: Cell): Address {
  return contractAddress(0, { code: itemCode, data: payoutItemInitData(collection, index) });
}

export interface NftTransferParams {
  newOwner: Address;
  /** Receives the excess TON; omit for none. */
  responseDestination?: Address | null;
  /** TON sent to the new owner with ownership_assigned; 0 sends no notification. */
  forwardAmount?: bigint;
  /** The bill requires a forward payload of at least one bit; default is the empty inline payload (one 0 bit). */
  forwardPayload?: Cell;
  queryId?: bigint;
}

/** TEP-62 transfer#5fcc3d14 query_id new_owner response_destination custom_payload:(Maybe ^Cell) forward_amount forward_payload. */
export function nftTransferBody(params: NftTransferParams): Cell {
  const body = beginCell()
    .storeUint(Op.nftTransfer, 32)
    .storeUint(params.queryId ?? 0n, 64)
    .storeAddress(params.newOwner)
    .storeAddress(params.responseDestination ?? null)
    .storeMaybeRef(null)
    .storeCoins(params.forwardAmount ?? 0n);
  if (params.forwardPayload) body.storeSlice(params.forwardPayload.beginParse());
  else body.storeBit(false);
  return body.endCell();
}

export interface PayoutItemData {
  inited: boolean;
  index: bigint;
  collection: Address;
  owner: Address | null;
  /** The bill amount (individual_content holds only amount:Coins); null before init. */
  amount: bigint | null;
}

export class PayoutItem implements Contract {
  constructor(
    readonly address: Address,
    readonly init?: { code: Cell; data: Cell },
  ) {}

  static createFromAddress(address: Address): PayoutItem {
    return new PayoutItem(address);
  }

  async sendTransfer(provider: ContractProvider, via: Sender, value: bigint, params: NftTransferParams): Promise<void> {
    await provider.internal(via, { value, sendMode: SendMode.PAY_GAS_SEPARATELY, body: nftTransferBody(params) });
  }

  /** get_static_data#2fcb26a2: the bill answers report_static_data with its index and collection. */
  async sendGetStaticData(provider: ContractProvider, via: Sender, value: bigint, queryId: bigint = 0n): Promise<void> {
    await provider.internal(via, {
      value,
      sendMode: SendMode.PAY_GAS_SEPARATELY,
      body: beginCell().storeUint(Op.getStaticData, 32).storeUint(queryId, 64).endCell(),
    });
  }

  async getNftData(provider: ContractProvider): Promise<PayoutItemData> {
    const { stack } = await provider.get('get_nft_data', []);
    const inited = stack.readBoolean();
    const index = stack.readBigNumber();
    const collection = stack.readAddress();
    const owner = stack.readAddressOpt();
    const content = stack.readCellOpt();
    return { inited, index, collection, owner, amount: content ? content.beginParse().loadCoins() : null };
  }

  async getBillAmount(provider: ContractProvider): Promise<bigint> {
    const { stack } = await provider.get('get_bill_amount', []);
    return stack.readBigNumber();
  }
}
