// LSt pool (contracts/pool.tolk): initial data, body builders, get-method readers and log parsing.
// Wire-compatible with the reference pool (shared/protocol/lst-interface.md §2–§8).
import {
  Address,
  beginCell,
  Builder,
  Cell,
  Contract,
  contractAddress,
  ContractProvider,
  Dictionary,
  Message,
  SendMode,
  Sender,
  Slice,
  TupleBuilder,
  type TupleItem,
  TupleReader,
} from '@ton/core';
import { Op, LogTopic } from './opcodes';
import { parsePoolFullData, type PoolFullData, type PoolRound } from './pool-data';
import { depositBody, touchBody } from './messages';

/** Rate and fee shares are uint24 fractions of 2^24. */
export const POOL_SHARE_BASIS = 1n << 24n;
/** Pool keeps this for storage and never lends or pays it out. */
export const POOL_MIN_STORAGE = 10_000_000_000n;
/** TON the pool deploy (first touch) should carry: storage minimum + fees (reference deploy script). */
export const POOL_DEPLOY_VALUE = 11_000_000_000n;
/** Service messages (stats, request_notification). */
export const SERVICE_NOTIFICATION_AMOUNT = 20_000_000n;
/** Value of the mint the pool sends to the deposit collection at rotation. */
export const DEPOSIT_PAYOUT_MINT_VALUE = 300_000_000n;
/** Added on top of the TON sent to a withdrawal collection at rotation. */
export const WITHDRAWAL_PAYOUT_EXTRA = 100_000_000n;
/** Pool state: the only state the reference uses. */
export const POOL_STATE_NORMAL = 0;

export interface PoolRoles {
  /** addr_none until the governor sets one. */
  sudoer?: Address | null;
  sudoerSetAt?: number;
  governor: Address;
  /** Unix time after which set_roles may replace the governor; 2^48−1 = never (reference deploy). */
  governorUpdateAfter?: number;
  interestManager: Address;
  halter: Address;
  approver: Address;
  /** v2: receives the fees; defaults to the interest manager (who takes them in v1). */
  treasury?: Address;
}

/** The releases our Tolk pool is built as (contracts/pool.tolk and contracts/pool-v1.tolk). */
export type BuiltPoolVersion = 'v1' | 'v2';

/** v1's fixed disbalance tolerance, the default of v2's governance parameter: loans up to (256+30)/512 of the pool. */
export const DEFAULT_DISBALANCE_TOLERANCE = 30;

export interface PoolCodes {
  controller: Cell;
  /** Exactly the cell the minter uses (usually a library cell). */
  jettonWallet: Cell;
  payoutCollection: Cell;
  payoutItem: Cell;
}

export interface PoolConfig {
  jettonMinter: Address;
  roles: PoolRoles;
  codes: PoolCodes;
  /** uint24 share of 2^24 per lending round. */
  interestRate: number;
  /** uint24 share of 2^24 of each round's profit. */
  governanceFee: number;
  optimistic: boolean;
  depositsOpen?: boolean;
  minLoan: bigint;
  maxLoan: bigint;
  /** Storage layout to build; default v2. */
  version?: BuiltPoolVersion;
  /** v2: share of 2^24 kept from each instant withdrawal. */
  instantWithdrawalFee?: number;
  /** v2: see DEFAULT_DISBALANCE_TOLERANCE. */
  disbalanceTolerance?: number;
  /** v2: no loans earlier than this many seconds before elections end; 0 = any time. */
  creditStartPriorElectionsEnd?: number;
}

export const NEVER = 0xffffffffffff;

function storeSignedCoins(b: Builder, value: bigint): Builder {
  return value < 0n ? b.storeUint(1, 1).storeCoins(-value) : b.storeUint(0, 1).storeCoins(value);
}

export function loadSignedCoins(s: Slice): bigint {
  const negative = s.loadUint(1) === 1;
  const magnitude = s.loadCoins();
  return negative ? -magnitude : magnitude;
}

function roundCell(roundId: number): Cell {
  const b = beginCell().storeMaybeRef(null).storeUint(roundId, 32).storeUint(0, 32).storeCoins(0).storeCoins(0).storeCoins(0);
  return storeSignedCoins(b, 0n).endCell();
}

/** Storage per spec §8.1 (v1) or its v2 form (§11), with the payout item code appended to `codes`. */
export function poolConfigToCell(config: PoolConfig): Cell {
  const v2 = (config.version ?? 'v2') === 'v2';
  const roles2 = beginCell().storeAddress(config.roles.halter).storeAddress(config.roles.approver);
  if (v2) roles2.storeAddress(config.roles.treasury ?? config.roles.interestManager);
  const minters = beginCell().storeAddress(config.jettonMinter).storeCoins(0).storeBit(false).storeBit(false).endCell();
  const rounds = beginCell().storeRef(roundCell(0)).storeRef(roundCell(0)).endCell();
  const roles = beginCell()
    .storeAddress(config.roles.sudoer ?? null)
    .storeUint(config.roles.sudoerSetAt ?? 0, 48)
    .storeAddress(config.roles.governor)
    .storeUint(config.roles.governorUpdateAfter ?? NEVER, 48)
    .storeAddress(config.roles.interestManager)
    .storeRef(roles2.endCell())
    .endCell();
  const codes = beginCell()
    .storeRef(config.codes.controller)
    .storeRef(config.codes.jettonWallet)
    .storeRef(config.codes.payoutCollection)
    .storeRef(config.codes.payoutItem)
    .endCell();
  const b = beginCell()
    .storeUint(POOL_STATE_NORMAL, 8)
    .storeBit(false) // halted
    .storeCoins(0) // total_balance
    .storeRef(minters)
    .storeUint(config.interestRate, 24)
    .storeBit(config.optimistic)
    .storeBit(config.depositsOpen ?? true);
  if (v2) b.storeUint(config.instantWithdrawalFee ?? 0, 24);
  b.storeUint(0, 256) // saved_validator_set_hash: the first touch rotates into round 1
    .storeRef(rounds)
    .storeCoins(config.minLoan)
    .storeCoins(config.maxLoan)
    .storeUint(config.governanceFee, 24);
  if (v2) {
    b.storeCoins(0) // accrued_governance_fee
      .storeUint(config.disbalanceTolerance ?? DEFAULT_DISBALANCE_TOLERANCE, 8)
      .storeUint(config.creditStartPriorElectionsEnd ?? 0, 48);
  }
  return b.storeRef(roles).storeRef(codes).endCell();
}

// ---------- bodies ----------

export function donateBody(queryId = 0n): Cell {
  return beginCell().storeUint(Op.donate, 32).storeUint(queryId, 64).endCell();
}

/** deploy_controller#b27edcad query_id controller_id:uint32 (query_id first, as the reference code reads it). */
export function deployControllerBody(controllerId: number, queryId = 0n): Cell {
  return beginCell().storeUint(Op.deployController, 32).storeUint(queryId, 64).storeUint(controllerId, 32).endCell();
}

export interface SetRolesParams {
  governor?: Address;
  interestManager?: Address;
  halter?: Address;
  approver?: Address;
  /** v2 only (a v1 pool ignores the trailing field). */
  treasury?: Address;
}

/** set_roles: Maybe governor, Maybe interest_manager, then in a ref Maybe halter, Maybe approver (v2: Maybe treasury). */
export function setRolesBody(roles: SetRolesParams, queryId = 0n): Cell {
  const maybe = (b: Builder, a?: Address) => (a ? b.storeBit(true).storeAddress(a) : b.storeBit(false));
  const tail = beginCell();
  maybe(tail, roles.halter);
  maybe(tail, roles.approver);
  if (roles.treasury) maybe(tail, roles.treasury);
  const head = beginCell().storeUint(Op.setRoles, 32).storeUint(queryId, 64);
  maybe(head, roles.governor);
  maybe(head, roles.interestManager);
  return head.storeRef(tail.endCell()).endCell();
}

/**
 * set_deposit_settings: v2 reads the instant withdrawal fee (share of 2^24) after the two flags; v1 reads the flags
 * and ignores the rest, so one body serves both.
 */
export function setDepositSettingsBody(optimistic: boolean, depositsOpen: boolean, queryId = 0n, instantWithdrawalFee = 0): Cell {
  return beginCell()
    .storeUint(Op.setDepositSettings, 32)
    .storeUint(queryId, 64)
    .storeBit(optimistic)
    .storeBit(depositsOpen)
    .storeUint(instantWithdrawalFee, 24)
    .endCell();
}

/** v2 halter: switch optimistic mode off and/or close deposits (it can never reopen them). */
export function partialHaltBody(params: { stopOptimistic: boolean; closeDeposits: boolean }, queryId = 0n): Cell {
  return beginCell().storeUint(Op.partialHalt, 32).storeUint(queryId, 64).storeBit(params.stopOptimistic).storeBit(params.closeDeposits).endCell();
}

/** v2 interest manager: loan bounds per validator, disbalance tolerance, credit start before elections end. */
export function setOperationalParamsBody(
  params: { minLoan: bigint; maxLoan: bigint; disbalanceTolerance: number; creditStartPriorElectionsEnd: number },
  queryId = 0n,
): Cell {
  return beginCell()
    .storeUint(Op.setOperationalParams, 32)
    .storeUint(queryId, 64)
    .storeCoins(params.minLoan)
    .storeCoins(params.maxLoan)
    .storeUint(params.disbalanceTolerance, 8)
    .storeUint(params.creditStartPriorElectionsEnd, 48)
    .endCell();
}

/** v2: ask the pool for its projected (total_balance, supply); answered by take_conversion_rate_unsafe. */
export function getConversionRateUnsafeBody(queryId = 0n): Cell {
  return beginCell().storeUint(Op.getConversionRateUnsafe, 32).storeUint(queryId, 64).endCell();
}

export function setInterestBody(interestRate: number, queryId = 0n): Cell {
  return beginCell().storeUint(Op.setInterest, 32).storeUint(queryId, 64).storeUint(interestRate, 24).endCell();
}

export function setGovernanceFeeBody(governanceFee: number, queryId = 0n): Cell {
  return beginCell().storeUint(Op.setGovernanceFee, 32).storeUint(queryId, 64).storeUint(governanceFee, 24).endCell();
}

export function prepareGovernanceMigrationBody(updateAfter: number, queryId = 0n): Cell {
  return beginCell().storeUint(Op.prepareGovernanceMigration, 32).storeUint(queryId, 64).storeUint(updateAfter, 48).endCell();
}

export function haltBody(queryId = 0n): Cell {
  return beginCell().storeUint(Op.halt, 32).storeUint(queryId, 64).endCell();
}

export function unhaltBody(queryId = 0n): Cell {
  return beginCell().storeUint(Op.unhalt, 32).storeUint(queryId, 64).endCell();
}

export function setSudoerBody(sudoer: Address | null, queryId = 0n): Cell {
  return beginCell().storeUint(Op.setSudoer, 32).storeUint(queryId, 64).storeAddress(sudoer).endCell();
}

/** sudoer: send an arbitrary message cell with `mode`. */
export function sudoSendMessageBody(message: Cell, mode: number, queryId = 0n): Cell {
  return beginCell().storeUint(Op.sendMessage, 32).storeUint(queryId, 64).storeUint(mode, 8).storeRef(message).endCell();
}

export function sudoUpgradeBody(params: { data?: Cell; code?: Cell }, queryId = 0n): Cell {
  return beginCell()
    .storeUint(Op.upgrade, 32)
    .storeUint(queryId, 64)
    .storeMaybeRef(params.data ?? null)
    .storeMaybeRef(params.code ?? null)
    .endCell();
}

/** Controller → pool: request_loan#e642c965 query_id min_loan max_loan max_interest:uint24 ^static_data. */
export function requestLoanBody(params: { minLoan: bigint; maxLoan: bigint; maxInterest: number; staticData: Cell; queryId?: bigint }): Cell {
  return beginCell()
    .storeUint(Op.requestLoan, 32)
    .storeUint(params.queryId ?? 0n, 64)
    .storeCoins(params.minLoan)
    .storeCoins(params.maxLoan)
    .storeUint(params.maxInterest, 24)
    .storeRef(params.staticData)
    .endCell();
}

/** Controller → pool: loan_repayment#dfdca27b query_id (the value is the repayment). */
export function loanRepaymentBody(queryId = 0n): Cell {
  return beginCell().storeUint(Op.loanRepayment, 32).storeUint(queryId, 64).endCell();
}

// ---------- get-method data ----------

// PoolFullData and its reader live in pool-data.ts: one type for every released getter layout (spec §11).
export type { PoolFullData, PoolRound } from './pool-data';

/** Everything left on a get-method's stack, for the shared readers. */
function drain(stack: TupleReader): TupleItem[] {
  const items: TupleItem[] = [];
  while (stack.remaining > 0) items.push(stack.pop());
  return items;
}

/** Projected (total_balance, supply) after the previous round's expected profit is booked (spec §2.3). */
export function projectedConversion(data: {
  totalBalance: bigint;
  supply: bigint;
  governanceFee: number;
  prevRound: Pick<PoolRound, 'borrowed' | 'expected'>;
}): { projectedTotalBalance: bigint; projectedSupply: bigint } {
  const expectedProfit = data.prevRound.expected - data.prevRound.borrowed - 1_000_000_000n;
  const floorDiv = (a: bigint, b: bigint) => (a >= 0n ? a / b : -((-a + b - 1n) / b));
  let fee = floorDiv(BigInt(data.governanceFee) * expectedProfit, POOL_SHARE_BASIS);
  if (fee < 0n) fee = 0n;
  let projected = data.totalBalance + expectedProfit - fee;
  if (projected < 0n) projected = 0n;
  return { projectedTotalBalance: projected, projectedSupply: data.supply };
}

function loadRoundCell(cell: Cell): PoolRound {
  const s = cell.beginParse();
  return {
    borrowers: s.loadMaybeRef(),
    roundId: s.loadUint(32),
    activeBorrowers: s.loadUint(32),
    borrowed: s.loadCoins(),
    expected: s.loadCoins(),
    returned: s.loadCoins(),
    profit: loadSignedCoins(s),
  };
}

function loadPayoutSlot(s: Slice): { payout: Address | null; requested: bigint } {
  if (!s.loadBit()) return { payout: null, requested: 0n };
  const slot = s.loadBit() ? s.loadRef().beginParse() : s;
  return { payout: slot.loadAddress(), requested: slot.loadCoins() };
}

export interface PoolStorageData extends PoolFullData {
  payoutItemCode: Cell;
  /** v2 keeps it in storage only (the getter does not return it); v1: the interest manager. */
  treasury: Address;
}

/**
 * Decodes the pool's raw storage (our layout: spec §8.1, or its v2 form, plus the item code) without running a
 * get-method; the projected figures are computed with projectedConversion. Storage does not say which release
 * wrote it, so the caller names it.
 */
export function parsePoolStorage(data: Cell, version: BuiltPoolVersion = 'v2'): PoolStorageData {
  const v2 = version === 'v2';
  const s = data.beginParse();
  const state = s.loadUint(8);
  const halted = s.loadBit();
  const totalBalance = s.loadCoins();
  const minters = s.loadRef().beginParse();
  const interestRate = s.loadUint(24);
  const optimistic = s.loadBit();
  const depositsOpen = s.loadBit();
  const instantWithdrawalFee = v2 ? s.loadUint(24) : undefined;
  const savedValidatorSetHash = s.loadUintBig(256);
  const rounds = s.loadRef().beginParse();
  const currentRound = loadRoundCell(rounds.loadRef());
  const prevRound = loadRoundCell(rounds.loadRef());
  const minLoan = s.loadCoins();
  const maxLoan = s.loadCoins();
  const governanceFee = s.loadUint(24);
  const accruedGovernanceFee = v2 ? s.loadCoins() : undefined;
  const disbalanceTolerance = v2 ? s.loadUint(8) : undefined;
  const creditStartPriorElectionsEnd = v2 ? s.loadUint(48) : undefined;
  const roles = s.loadRef().beginParse();
  const codes = s.loadRef().beginParse();
  const jettonMinter = minters.loadAddress();
  const supply = minters.loadCoins();
  const deposit = loadPayoutSlot(minters);
  const withdrawal = loadPayoutSlot(minters);
  const sudoer = roles.loadMaybeAddress();
  const sudoerSetAt = roles.loadUint(48);
  const governor = roles.loadAddress();
  const governorUpdateAfter = roles.loadUint(48);
  const interestManager = roles.loadAddress();
  const roles2 = roles.loadRef().beginParse();
  const halter = roles2.loadAddress();
  const approver = roles2.loadAddress();
  const treasury = v2 && roles2.remainingBits > 0 ? roles2.loadAddress() : interestManager;
  codes.loadRef(); // the controllers' code: not kept, as the getter reader (pool-data.ts) does not keep it
  const poolJettonWalletCode = codes.loadRef();
  codes.loadRef(); // the payout collections' code: not kept either
  const base: PoolFullData = {
    version,
    state,
    halted,
    totalBalance,
    interestRate,
    optimistic,
    depositsOpen,
    savedValidatorSetHash,
    prevRound,
    currentRound,
    minLoanPerValidator: minLoan,
    maxLoanPerValidator: maxLoan,
    governanceFee,
    jettonMinter,
    supply,
    depositPayout: deposit.payout,
    requestedForDeposit: deposit.requested,
    withdrawalPayout: withdrawal.payout,
    requestedForWithdrawal: withdrawal.requested,
    sudoer,
    sudoerSetAt,
    governor,
    governorUpdateAfter,
    interestManager,
    halter,
    approver,
    poolJettonWalletCode,
    projectedTotalBalance: 0n,
    projectedSupply: 0n,
    // v2 fields last, in the order the shared getter reader (pool-data.ts) adds them
    ...(v2 ? { instantWithdrawalFee, accruedGovernanceFee, disbalanceTolerance, creditStartPriorElectionsEnd } : {}),
  };
  return { ...base, ...projectedConversion(base), payoutItemCode: codes.loadRef(), treasury };
}

export interface BorrowerEntry {
  borrowed: bigint;
  interest: bigint;
}

/** Borrowers dict of a round: controller address hash → (borrowed, interest). */
export function parseBorrowers(borrowers: Cell | null): Map<bigint, BorrowerEntry> {
  const out = new Map<bigint, BorrowerEntry>();
  if (!borrowers) return out;
  const dict = Dictionary.loadDirect(
    Dictionary.Keys.BigUint(256),
    { serialize: () => undefined, parse: (s: Slice) => ({ borrowed: s.loadCoins(), interest: s.loadCoins() }) },
    borrowers,
  );
  for (const [key, value] of dict) out.set(key, value);
  return out;
}

// ---------- logs ----------

export type PoolLog =
  | { topic: 'loan'; controller: Address; amount: bigint }
  | { topic: 'repayment'; controller: Address; borrowed: bigint; profit: bigint }
  | { topic: 'roundCompletion'; roundId: number; borrowed: bigint; returned: bigint; profit: bigint; totalBalance: bigint; supply: bigint }
  | { topic: 'rotation'; newRoundId: number };

/** Decodes a pool external-out log (destination addr_extern = topic); null for anything else. */
export function parsePoolLog(message: Message): PoolLog | null {
  if (message.info.type !== 'external-out' || !message.info.dest) return null;
  const topic = Number(message.info.dest.value);
  const s = message.body.beginParse();
  switch (topic) {
    case LogTopic.loan:
      return { topic: 'loan', controller: s.loadAddress(), amount: s.loadCoins() };
    case LogTopic.repayment:
      return { topic: 'repayment', controller: s.loadAddress(), borrowed: s.loadCoins(), profit: loadSignedCoins(s) };
    case LogTopic.roundCompletion:
      return {
        topic: 'roundCompletion',
        roundId: s.loadUint(32),
        borrowed: s.loadCoins(),
        returned: s.loadCoins(),
        profit: loadSignedCoins(s),
        totalBalance: s.loadCoins(),
        supply: s.loadCoins(),
      };
    case LogTopic.rotation:
      return { topic: 'rotation', newRoundId: s.loadUint(32) };
    default:
      return null;
  }
}

// ---------- contract ----------

export class Pool implements Contract {
  constructor(
    readonly address: Address,
    readonly init?: { code: Cell; data: Cell },
  ) {}

  static createFromAddress(address: Address) {
    return new Pool(address);
  }

  static createFromConfig(config: PoolConfig, code: Cell, workchain = 0) {
    const init = { code, data: poolConfigToCell(config) };
    return new Pool(contractAddress(workchain, init), init);
  }

  /** Deploys with a touch; `value` must cover the 10 TON storage minimum plus fees. */
  async sendDeploy(provider: ContractProvider, via: Sender, value: bigint = POOL_DEPLOY_VALUE) {
    await provider.internal(via, { value, sendMode: SendMode.PAY_GAS_SEPARATELY, body: touchBody() });
  }

  /** `value` = deposit + 1 TON fee (mostly refunded). */
  async sendDeposit(provider: ContractProvider, via: Sender, value: bigint, queryId = 0n) {
    await provider.internal(via, { value, sendMode: SendMode.PAY_GAS_SEPARATELY, body: depositBody(queryId) });
  }

  async sendTouch(provider: ContractProvider, via: Sender, value = 100_000_000n) {
    await provider.internal(via, { value, sendMode: SendMode.PAY_GAS_SEPARATELY, body: touchBody() });
  }

  async sendDonate(provider: ContractProvider, via: Sender, value: bigint) {
    await provider.internal(via, { value, sendMode: SendMode.PAY_GAS_SEPARATELY, body: donateBody() });
  }

  async sendDeployController(provider: ContractProvider, via: Sender, controllerId: number, value: bigint) {
    await provider.internal(via, { value, sendMode: SendMode.PAY_GAS_SEPARATELY, body: deployControllerBody(controllerId) });
  }

  /** Any governance/role body built above (setRolesBody, haltBody, …); 0.1 TON covers gas. */
  async sendAdmin(provider: ContractProvider, via: Sender, body: Cell, value = 100_000_000n) {
    await provider.internal(via, { value, sendMode: SendMode.PAY_GAS_SEPARATELY, body });
  }

  async getPoolFullData(provider: ContractProvider): Promise<PoolFullData> {
    const { stack } = await provider.get('get_pool_full_data', []);
    return parsePoolFullData(drain(stack), 'get_pool_full_data');
  }

  async getPoolFullDataRaw(provider: ContractProvider): Promise<PoolFullData> {
    const { stack } = await provider.get('get_pool_full_data_raw', []);
    return parsePoolFullData(drain(stack), 'get_pool_full_data_raw');
  }

  async getControllerAddress(provider: ContractProvider, controllerId: number, validator: Address): Promise<Address> {
    const args = new TupleBuilder();
    args.writeNumber(controllerId);
    args.writeAddress(validator);
    const { stack } = await provider.get('get_controller_address', args.build());
    return stack.readAddress();
  }

  async getLoan(provider: ContractProvider, controllerId: number, validator: Address, prev = false, update = false): Promise<BorrowerEntry> {
    const args = new TupleBuilder();
    args.writeNumber(controllerId);
    args.writeAddress(validator);
    args.writeBoolean(prev);
    args.writeBoolean(update);
    const { stack } = await provider.get('get_loan', args.build());
    return { borrowed: stack.readBigNumber(), interest: stack.readBigNumber() };
  }

  /**
   * Loans lined up by controller hash, each borrowed + interest long: (middle of this controller's loan,
   * the round's expected total). Throws (exit 0xffff) for a controller without a loan in that round.
   */
  async getControllerLoanPosition(provider: ContractProvider, controller: Address, prev = false): Promise<{ distanceToMedian: bigint; roundExpected: bigint }> {
    const args = new TupleBuilder();
    args.writeNumber(BigInt('0x' + controller.hash.toString('hex')));
    args.writeBoolean(prev);
    const { stack } = await provider.get('get_controller_loan_position', args.build());
    return { distanceToMedian: stack.readBigNumber(), roundExpected: stack.readBigNumber() };
  }

  /** −1 when no loan would be granted, else loan + interest. */
  async getCalculateLoanAmount(provider: ContractProvider, minLoan: bigint, maxLoan: bigint, maxInterest: number): Promise<bigint> {
    const args = new TupleBuilder();
    args.writeNumber(minLoan);
    args.writeNumber(maxLoan);
    args.writeNumber(maxInterest);
    const { stack } = await provider.get('calculate_loan_amount', args.build());
    return stack.readBigNumber();
  }
}
