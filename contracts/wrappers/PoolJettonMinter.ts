// pTON jetton minter (contracts/pool-jetton-minter.tolk): DAO-jetton-compatible minter whose admin is the pool.
import { Address, beginCell, Cell, Contract, contractAddress, ContractProvider, SendMode, Sender, Slice, TupleBuilder } from '@ton/core';
import { TRANSFER_NOTIFICATION_AMOUNT } from './fees';
import { Op } from './opcodes';
import { jettonWalletAddress } from './PoolJettonWallet';

/** Exit codes of the minter (DAO jetton numbering, spec §9). */
export const JettonMinterError = {
  unauthorizedMint: 73,
  unauthorizedBurnNotification: 74,
  discoveryFeeTooLow: 75,
  unauthorizedChangeAdmin: 76,
  unauthorizedChangeContent: 77,
  unauthorizedUpgrade: 79,
  mintFeeTooLow: 83,
  unknownOp: 0xffff,
} as const;

export interface PoolJettonMinterConfig {
  /** The pool once wired; null = addr_none (nobody can mint). */
  admin: Address | null;
  /** TEP-64 content, e.g. metadata.ts poolJettonContent(...). */
  content: Cell;
  /** Wallet code the minter hands out: the library cell in production (see libraryCellFor). */
  walletCode: Cell;
  totalSupply?: bigint;
}

/** Minter storage: `total_supply:Coins admin:MsgAddress ^content ^wallet_code`. */
export function poolJettonMinterConfigToCell(config: PoolJettonMinterConfig): Cell {
  return beginCell()
    .storeCoins(config.totalSupply ?? 0n)
    .storeAddress(config.admin)
    .storeRef(config.content)
    .storeRef(config.walletCode)
    .endCell();
}

export interface MintParams {
  to: Address;
  jettonAmount: bigint;
  /** TON in the owner's transfer_notification (the pool sends 0.1 TON). */
  forwardTonAmount?: bigint;
  /** TON sent to the wallet; 0 = carry the whole incoming value (what the pool does). */
  totalTonAmount?: bigint;
  queryId?: bigint;
}

/** mint#1674b0a0 query_id to amount forward_ton_amount total_ton_amount — the DAO (and LSt pool) layout. */
export function jettonMintBody(params: MintParams): Cell {
  return beginCell()
    .storeUint(Op.mint, 32)
    .storeUint(params.queryId ?? 0n, 64)
    .storeAddress(params.to)
    .storeCoins(params.jettonAmount)
    .storeCoins(params.forwardTonAmount ?? TRANSFER_NOTIFICATION_AMOUNT)
    .storeCoins(params.totalTonAmount ?? 0n)
    .endCell();
}

export interface JettonsBurned {
  queryId: bigint;
  jettonAmount: bigint;
  from: Address;
  responseAddress: Address | null;
  /** Whatever the burn's custom payload held (bits and refs), inline after response_address; empty if absent. */
  customPayload: Slice;
}

/** Parses jettons_burned#319b0cdc (the pool's withdraw) as the minter sends it to its admin. */
export function parseJettonsBurned(body: Cell): JettonsBurned {
  const slice = body.beginParse();
  const op = slice.loadUint(32);
  if (op !== Op.withdraw) throw new Error(`not a jettons_burned: op 0x${op.toString(16)}`);
  return {
    queryId: slice.loadUintBig(64),
    jettonAmount: slice.loadCoins(),
    from: slice.loadAddress(),
    responseAddress: slice.loadMaybeAddress(),
    customPayload: slice,
  };
}

export interface TakeWalletAddress {
  queryId: bigint;
  /** null when the owner is not a basechain address. */
  walletAddress: Address | null;
  /** The owner, when include_address was set. */
  ownerAddress: Address | null;
}

/** Parses take_wallet_address#d1735400 query_id wallet_address owner_address:(Maybe ^MsgAddress). */
export function parseTakeWalletAddress(body: Cell): TakeWalletAddress {
  const slice = body.beginParse();
  const op = slice.loadUint(32);
  if (op !== Op.takeWalletAddress) throw new Error(`not a take_wallet_address: op 0x${op.toString(16)}`);
  const queryId = slice.loadUintBig(64);
  const walletAddress = slice.loadMaybeAddress();
  const ownerCell = slice.loadMaybeRef();
  return { queryId, walletAddress, ownerAddress: ownerCell ? ownerCell.beginParse().loadMaybeAddress() : null };
}

export interface JettonData {
  totalSupply: bigint;
  mintable: boolean;
  admin: Address | null;
  content: Cell;
  walletCode: Cell;
}

export class PoolJettonMinter implements Contract {
  constructor(
    readonly address: Address,
    readonly init?: { code: Cell; data: Cell },
  ) {}

  static createFromAddress(address: Address): PoolJettonMinter {
    return new PoolJettonMinter(address);
  }

  static createFromConfig(config: PoolJettonMinterConfig, code: Cell, workchain = 0): PoolJettonMinter {
    const init = { code, data: poolJettonMinterConfigToCell(config) };
    return new PoolJettonMinter(contractAddress(workchain, init), init);
  }

  /** Wallet address computed locally: needs the wallet code the minter stores (see getJettonData). */
  walletAddressOf(owner: Address, walletCode: Cell): Address {
    return jettonWalletAddress(owner, this.address, walletCode);
  }

  async sendDeploy(provider: ContractProvider, via: Sender, value: bigint): Promise<void> {
    await provider.internal(via, { value, sendMode: SendMode.PAY_GAS_SEPARATELY, body: beginCell().endCell() });
  }

  /** Admin only (73); value must exceed forward_ton + 2·fwd_fee + wallet gas (83). */
  async sendMint(provider: ContractProvider, via: Sender, value: bigint, params: MintParams): Promise<void> {
    await provider.internal(via, { value, sendMode: SendMode.PAY_GAS_SEPARATELY, body: jettonMintBody(params) });
  }

  async sendChangeAdmin(provider: ContractProvider, via: Sender, value: bigint, newAdmin: Address | null, queryId = 0n): Promise<void> {
    await provider.internal(via, {
      value,
      sendMode: SendMode.PAY_GAS_SEPARATELY,
      body: beginCell().storeUint(Op.changeAdmin, 32).storeUint(queryId, 64).storeAddress(newAdmin).endCell(),
    });
  }

  async sendChangeContent(provider: ContractProvider, via: Sender, value: bigint, content: Cell, queryId = 0n): Promise<void> {
    await provider.internal(via, {
      value,
      sendMode: SendMode.PAY_GAS_SEPARATELY,
      body: beginCell().storeUint(Op.changeContent, 32).storeUint(queryId, 64).storeRef(content).endCell(),
    });
  }

  /** upgrade_code#34aea60d query_id new_code:(Maybe ^Cell) new_voting_code:(Maybe ^Cell, ignored). Admin only (79). */
  async sendUpgradeCode(provider: ContractProvider, via: Sender, value: bigint, newCode: Cell | null, queryId = 0n): Promise<void> {
    await provider.internal(via, {
      value,
      sendMode: SendMode.PAY_GAS_SEPARATELY,
      body: beginCell().storeUint(Op.minterUpgradeCode, 32).storeUint(queryId, 64).storeMaybeRef(newCode).storeMaybeRef(null).endCell(),
    });
  }

  /** TEP-89 provide_wallet_address#2c76b973; the answer goes back to `via`. */
  async sendProvideWalletAddress(
    provider: ContractProvider,
    via: Sender,
    value: bigint,
    params: { owner: Address; includeAddress: boolean; queryId?: bigint },
  ): Promise<void> {
    await provider.internal(via, {
      value,
      sendMode: SendMode.PAY_GAS_SEPARATELY,
      body: beginCell()
        .storeUint(Op.provideWalletAddress, 32)
        .storeUint(params.queryId ?? 0n, 64)
        .storeAddress(params.owner)
        .storeBit(params.includeAddress)
        .endCell(),
    });
  }

  async getJettonData(provider: ContractProvider): Promise<JettonData> {
    const { stack } = await provider.get('get_jetton_data', []);
    return {
      totalSupply: stack.readBigNumber(),
      mintable: stack.readBoolean(),
      admin: stack.readAddressOpt(),
      content: stack.readCell(),
      walletCode: stack.readCell(),
    };
  }

  async getTotalSupply(provider: ContractProvider): Promise<bigint> {
    return (await this.getJettonData(provider)).totalSupply;
  }

  async getWalletAddress(provider: ContractProvider, owner: Address): Promise<Address> {
    const args = new TupleBuilder();
    args.writeAddress(owner);
    const { stack } = await provider.get('get_wallet_address', args.build());
    return stack.readAddress();
  }
}
