// pTON jetton wallet (contracts/pool-jetton-wallet.tolk): DAO-jetton-compatible TEP-74 wallet.
// Address derivation, library-cell helpers, body builders/parsers and the blueprint-style wrapper.
import {
  Address,
  beginCell,
  BitBuilder,
  Builder,
  Cell,
  Contract,
  contractAddress,
  ContractProvider,
  Dictionary,
  SendMode,
  Sender,
  Slice,
} from '@ton/core';
import { Op } from './opcodes';

/** Wallets always live on basechain (the DAO jetton derives them there). */
export const JETTON_WORKCHAIN = 0;

/** Exit codes of the wallet (DAO jetton numbering, spec §9). */
export const JettonWalletError = {
  wrongWorkchain: 333,
  notOwner: 705,
  notEnoughJettons: 706,
  unauthorizedIncoming: 707,
  malformedForwardPayload: 708,
  notEnoughTon: 709,
  burnValueTooLow: 711,
  unknownOp: 0xffff,
} as const;

/** Gas budget per wallet hop in the LSt build of the DAO jetton (dao_params.func). */
export const WALLET_GAS_CONSUMPTION = 11_500_000n;
/** A burn must carry more than this plus 2·wallet gas plus the forward fee (else 711). */
export const BURN_NOTIFICATION_RESERVE = 750_000_000n;

/**
 * Wallet initial data, exactly the DAO jetton's:
 * `balance:Coins(0) owner:MsgAddress minter:MsgAddress ^wallet_code locked:Coins(0) lock_expiration:uint48(0)`.
 */
export function jettonWalletInitData(owner: Address, minter: Address, walletCode: Cell): Cell {
  return beginCell()
    .storeCoins(0n)
    .storeAddress(owner)
    .storeAddress(minter)
    .storeRef(walletCode)
    .storeCoins(0n)
    .storeUint(0, 48)
    .endCell();
}

/** Basechain address of `owner`'s wallet; `walletCode` is what the minter stores (usually a library cell). */
export function jettonWalletAddress(owner: Address, minter: Address, walletCode: Cell): Address {
  return contractAddress(JETTON_WORKCHAIN, { code: walletCode, data: jettonWalletInitData(owner, minter, walletCode) });
}

/** Exotic library cell (tag 2 + 256-bit hash) standing for `code`; the real code must be published as a library. */
export function libraryCellFor(code: Cell): Cell {
  const bits = new BitBuilder();
  bits.writeUint(2, 8);
  bits.writeBuffer(code.hash());
  return new Cell({ exotic: true, bits: bits.build(), refs: [] });
}

/** `HashmapE 256 ^Cell` of libraries keyed by code hash: what sandbox's `blockchain.libs` takes. */
export function librariesDictionary(codes: Cell[]): Cell {
  const libs = Dictionary.empty(Dictionary.Keys.BigUint(256), Dictionary.Values.Cell());
  for (const code of codes) libs.set(BigInt('0x' + code.hash().toString('hex')), code);
  return beginCell().storeDictDirect(libs).endCell();
}

export interface JettonTransferParams {
  jettonAmount: bigint;
  /** New owner (basechain only, else 333). */
  to: Address;
  /** Gets the excess TON; null = addr_none (no excess message). */
  responseAddress: Address | null;
  customPayload?: Cell | null;
  /** TON the recipient's owner gets with transfer_notification; 0 = no notification. */
  forwardTonAmount?: bigint;
  /** Forward payload stored as a ref (Either right branch); absent = one 0 bit. */
  forwardPayload?: Cell | null;
  queryId?: bigint;
}

/** transfer#0f8a7ea5 query_id amount destination response_destination custom_payload forward_ton_amount forward_payload. */
export function jettonTransferBody(params: JettonTransferParams): Cell {
  const body = beginCell()
    .storeUint(Op.jettonTransfer, 32)
    .storeUint(params.queryId ?? 0n, 64)
    .storeCoins(params.jettonAmount)
    .storeAddress(params.to)
    .storeAddress(params.responseAddress)
    .storeMaybeRef(params.customPayload ?? null)
    .storeCoins(params.forwardTonAmount ?? 0n);
  return storeForwardPayload(body, params.forwardPayload ?? null).endCell();
}

function storeForwardPayload(builder: Builder, payload: Cell | null): Builder {
  return payload ? builder.storeBit(1).storeRef(payload) : builder.storeBit(0);
}

export interface JettonBurnParams {
  jettonAmount: bigint;
  responseAddress: Address | null;
  /** For pTON the pool reads two bits here (wait_till_round_end, fill_or_kill): see messages.ts withdrawPayload. */
  customPayload?: Cell | null;
  queryId?: bigint;
}

/** burn#595f07bc query_id amount response_destination custom_payload:(Maybe ^Cell). */
export function jettonBurnBody(params: JettonBurnParams): Cell {
  return beginCell()
    .storeUint(Op.jettonBurn, 32)
    .storeUint(params.queryId ?? 0n, 64)
    .storeCoins(params.jettonAmount)
    .storeAddress(params.responseAddress)
    .storeMaybeRef(params.customPayload ?? null)
    .endCell();
}

function expectOp(slice: Slice, op: number, name: string): bigint {
  const found = slice.loadUint(32);
  if (found !== op) throw new Error(`not a ${name}: op 0x${found.toString(16)}`);
  return slice.loadUintBig(64);
}

/** Forward payload as a slice: the inline remainder or the referenced cell. */
function loadForwardPayload(slice: Slice): Slice {
  return slice.loadBit() ? slice.loadRef().beginParse() : slice;
}

export interface TransferNotification {
  queryId: bigint;
  jettonAmount: bigint;
  /** Previous owner; null for mints (addr_none). */
  from: Address | null;
  forwardPayload: Slice;
}

/** Parses transfer_notification#7362d09c query_id amount sender forward_payload. */
export function parseTransferNotification(body: Cell): TransferNotification {
  const slice = body.beginParse();
  const queryId = expectOp(slice, Op.jettonTransferNotification, 'transfer_notification');
  const jettonAmount = slice.loadCoins();
  const from = slice.loadMaybeAddress();
  return { queryId, jettonAmount, from, forwardPayload: loadForwardPayload(slice) };
}

export interface InternalTransfer {
  queryId: bigint;
  jettonAmount: bigint;
  from: Address | null;
  responseAddress: Address | null;
  forwardTonAmount: bigint;
  forwardPayload: Slice;
}

/** Parses internal_transfer#178d4519 (wallet→wallet and minter→wallet). */
export function parseInternalTransfer(body: Cell): InternalTransfer {
  const slice = body.beginParse();
  const queryId = expectOp(slice, Op.jettonInternalTransfer, 'internal_transfer');
  const jettonAmount = slice.loadCoins();
  const from = slice.loadMaybeAddress();
  const responseAddress = slice.loadMaybeAddress();
  const forwardTonAmount = slice.loadCoins();
  return { queryId, jettonAmount, from, responseAddress, forwardTonAmount, forwardPayload: loadForwardPayload(slice) };
}

export interface BurnNotification {
  queryId: bigint;
  jettonAmount: bigint;
  owner: Address;
  responseAddress: Address | null;
  customPayload: Cell | null;
}

/** Parses burn_notification#7bdd97de query_id amount owner response custom_payload:(Maybe ^Cell). */
export function parseBurnNotification(body: Cell): BurnNotification {
  const slice = body.beginParse();
  const queryId = expectOp(slice, Op.jettonBurnNotification, 'burn_notification');
  return {
    queryId,
    jettonAmount: slice.loadCoins(),
    owner: slice.loadAddress(),
    responseAddress: slice.loadMaybeAddress(),
    customPayload: slice.loadMaybeRef(),
  };
}

export interface JettonWalletData {
  balance: bigint;
  owner: Address;
  minter: Address;
  walletCode: Cell;
}

export interface DaoJettonWalletData extends JettonWalletData {
  /** Always 0 for pTON: DAO voting locks are not implemented. */
  locked: bigint;
  lockExpiration: number;
}

export class PoolJettonWallet implements Contract {
  constructor(
    readonly address: Address,
    readonly init?: { code: Cell; data: Cell },
  ) {}

  static createFromAddress(address: Address): PoolJettonWallet {
    return new PoolJettonWallet(address);
  }

  /** The wallet the minter would deploy; `code` is the minter's wallet code (library cell or raw code). */
  static createFromConfig(config: { owner: Address; minter: Address }, code: Cell, workchain = JETTON_WORKCHAIN): PoolJettonWallet {
    const init = { code, data: jettonWalletInitData(config.owner, config.minter, code) };
    return new PoolJettonWallet(contractAddress(workchain, init), init);
  }

  async sendTransfer(provider: ContractProvider, via: Sender, value: bigint, params: JettonTransferParams): Promise<void> {
    await provider.internal(via, { value, sendMode: SendMode.PAY_GAS_SEPARATELY, body: jettonTransferBody(params) });
  }

  async sendBurn(provider: ContractProvider, via: Sender, value: bigint, params: JettonBurnParams): Promise<void> {
    await provider.internal(via, { value, sendMode: SendMode.PAY_GAS_SEPARATELY, body: jettonBurnBody(params) });
  }

  /** withdraw_tons#6d8e5e3c: owner takes back TON above the wallet's storage reserve. */
  async sendWithdrawTons(provider: ContractProvider, via: Sender, value: bigint, queryId = 0n): Promise<void> {
    await provider.internal(via, {
      value,
      sendMode: SendMode.PAY_GAS_SEPARATELY,
      body: beginCell().storeUint(Op.jettonWithdrawTons, 32).storeUint(queryId, 64).endCell(),
    });
  }

  /** withdraw_jettons#768a50b2: owner moves other jettons held by this wallet (from `childWallet`) to itself. */
  async sendWithdrawJettons(
    provider: ContractProvider,
    via: Sender,
    value: bigint,
    params: { childWallet: Address; jettonAmount: bigint; customPayload?: Cell | null; queryId?: bigint },
  ): Promise<void> {
    await provider.internal(via, {
      value,
      sendMode: SendMode.PAY_GAS_SEPARATELY,
      body: beginCell()
        .storeUint(Op.jettonWithdrawJettons, 32)
        .storeUint(params.queryId ?? 0n, 64)
        .storeAddress(params.childWallet)
        .storeCoins(params.jettonAmount)
        .storeMaybeRef(params.customPayload ?? null)
        .endCell(),
    });
  }

  async getWalletData(provider: ContractProvider): Promise<JettonWalletData> {
    const { stack } = await provider.get('get_wallet_data', []);
    return { balance: stack.readBigNumber(), owner: stack.readAddress(), minter: stack.readAddress(), walletCode: stack.readCell() };
  }

  async getDaoWalletData(provider: ContractProvider): Promise<DaoJettonWalletData> {
    const { stack } = await provider.get('get_dao_wallet_data', []);
    return {
      balance: stack.readBigNumber(),
      owner: stack.readAddress(),
      minter: stack.readAddress(),
      walletCode: stack.readCell(),
      locked: stack.readBigNumber(),
      lockExpiration: stack.readNumber(),
    };
  }

  /** Balance, or 0 when the wallet was never deployed (it holds nothing then). */
  async getJettonBalance(provider: ContractProvider): Promise<bigint> {
    const state = await provider.getState();
    if (state.state.type !== 'active') return 0n;
    return (await this.getWalletData(provider)).balance;
  }
}
