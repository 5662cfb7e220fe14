// Wrapper for contracts/controller.tolk: a validator's controller (masterchain), spec §7.1.
import {
  Address,
  beginCell,
  Cell,
  contractAddress,
  type Contract,
  type ContractProvider,
  type Sender,
  SendMode,
  toNano,
} from '@ton/core';
import { Op } from './opcodes';

export const CONTROLLER_WORKCHAIN = -1;

/** What the elector needs attached to new_stake / recover_stake to answer (the controller checks it). */
export const ELECTOR_OPERATION_VALUE = 1_030_000_000n;
/** TON the validator attaches to send_request_loan (forwarded to the pool with mode 64). */
export const REQUEST_LOAN_VALUE = toNano('1');
/** new_stake below this value is refused (0xf902). */
export const MIN_STAKE_TO_SEND = toNano('50000');
/** Always kept on the controller. */
export const CONTROLLER_MIN_TONS_FOR_STORAGE = toNano('2');
/** Bounties a third party earns for the validator's overdue hash update / stake recovery. */
export const HASH_UPDATE_FINE = toNano('10');
export const STAKE_RECOVER_FINE = toNano('10');
/** Seconds the validator has for mandatory actions before others may do them for a bounty. */
export const CONTROLLER_GRACE_PERIOD_S = 600;

export const ControllerState = {
  rest: 0,
  sentBorrowingRequest: 1,
  sentStakeRequest: 2,
  fundsStaken: 3,
  sentRecoverRequest: 4,
  insolvent: 5,
} as const;

/** Controller exit codes (reference errors.func numbering). */
export const ControllerError = {
  unknownOp: 0xffff,
  wrongSender: 0x9283,
  wrongState: 0x9284,
  halted: 0x9285,
  sudoerQuarantine: 0xa000,
  tooEarlyStakeRecoverAttemptCount: 0xf600,
  tooEarlyStakeRecoverAttemptTime: 0xf601,
  tooLowRecoverStakeValue: 0xf602,
  tooManyValidatorSetChanges: 0xf700,
  withdrawalWhileCredited: 0xf800,
  incorrectWithdrawalAmount: 0xf801,
  newStakeQueryId: 0xf900,
  /** Also thrown by send_request_loan with less than 1 TON attached. */
  newStakeRequestValue: 0xf901,
  newStakeValueBelowMinimum: 0xf902,
  newStakeValueTooHigh: 0xf903,
  newStakeWronglyUsedCredit: 0xf904,
  newStakeSolvencyNotGuaranteed: 0xf905,
  notApproved: 0xfa00,
  multipleLoansProhibited: 0xfa01,
  tooEarlyLoanRequest: 0xfa02,
  tooLateLoanRequest: 0xfa03,
  tooHighLoanRequestAmount: 0xfa04,
  noCredit: 0xfb00,
  tooEarlyLoanReturn: 0xfb01,
} as const;

export interface ControllerConfig {
  controllerId: number;
  validator: Address;
  pool: Address;
  governor: Address;
  approver: Address;
  halter: Address;
}

/** `controller_id:uint32 validator pool governor ^[approver halter]` — also carried in request_loan. */
export function controllerStaticData(config: ControllerConfig): Cell {
  return beginCell()
    .storeUint(config.controllerId, 32)
    .storeAddress(config.validator)
    .storeAddress(config.pool)
    .storeAddress(config.governor)
    .storeRef(beginCell().storeAddress(config.approver).storeAddress(config.halter).endCell())
    .endCell();
}

/** Initial data, all zero but the static data: the preimage of the controller address (interface item 4). */
export function controllerInitData(config: ControllerConfig): Cell {
  return beginCell()
    .storeUint(0, 8) // state
    .storeBit(false) // halted
    .storeBit(false) // approved
    .storeCoins(0) // stake_amount_sent
    .storeUint(0, 48) // stake_at
    .storeUint(0, 256) // saved validator set hash
    .storeUint(0, 8) // validator set changes
    .storeUint(0, 48) // validator set change time
    .storeUint(0, 48) // stake_held_for
    .storeCoins(0) // borrowed amount
    .storeUint(0, 48) // borrowing time
    .storeUint(0, 2) // sudoer = addr_none
    .storeUint(0, 48) // sudoer_set_at
    .storeUint(0, 24) // max_expected_interest
    .storeRef(controllerStaticData(config))
    .endCell();
}

export function controllerAddress(config: ControllerConfig, code: Cell): Address {
  return contractAddress(CONTROLLER_WORKCHAIN, { code, data: controllerInitData(config) });
}

function header(op: number, queryId: bigint | number) {
  return beginCell().storeUint(op, 32).storeUint(BigInt(queryId), 64);
}

export function topUpBody(queryId: bigint | number = 0): Cell {
  return header(Op.topUp, queryId).endCell();
}

/** Pool → controller: `amount` = loan + interest (the message value carries the loan). */
export function creditBody(amount: bigint, queryId: bigint | number = 0): Cell {
  return header(Op.credit, queryId).storeCoins(amount).endCell();
}

export function requestLoanBody(params: { minLoan: bigint; maxLoan: bigint; maxInterest: number; queryId?: bigint | number }): Cell {
  return header(Op.sendRequestLoan, params.queryId ?? 0)
    .storeCoins(params.minLoan)
    .storeCoins(params.maxLoan)
    .storeUint(params.maxInterest, 24)
    .endCell();
}

export interface NewStakeParams {
  /** TON sent to the elector (the elector keeps it all but 1 TON as the stake). */
  value: bigint;
  validatorPubkey: Buffer;
  stakeAt: number;
  maxFactor?: number;
  adnlAddress?: bigint;
  queryId?: bigint | number;
}

/** The bytes the validator key signs: `0x654c5074 stake_at max_factor controller_addr_hash adnl`. */
export function newStakeSignedData(controller: Address, params: Pick<NewStakeParams, 'stakeAt' | 'maxFactor' | 'adnlAddress'>): Buffer {
  const cell = beginCell()
    .storeUint(0x654c5074, 32)
    .storeUint(params.stakeAt, 32)
    .storeUint(params.maxFactor ?? 0x10000, 32)
    .storeBuffer(controller.hash)
    .storeUint(params.adnlAddress ?? 0n, 256)
    .endCell();
  return cell.beginParse().loadBuffer(cell.bits.length / 8);
}

/** Validator → controller new_stake; `signature` is Ed25519 over newStakeSignedData(). */
export function newStakeBody(params: NewStakeParams & { signature: Buffer }): Cell {
  return header(Op.newStake, params.queryId ?? 1)
    .storeCoins(params.value)
    .storeBuffer(params.validatorPubkey, 32)
    .storeUint(params.stakeAt, 32)
    .storeUint(params.maxFactor ?? 0x10000, 32)
    .storeUint(params.adnlAddress ?? 0n, 256)
    .storeRef(beginCell().storeBuffer(params.signature, 64).endCell())
    .endCell();
}

export function withdrawValidatorBody(amount: bigint, queryId: bigint | number = 0): Cell {
  return header(Op.withdrawValidator, queryId).storeCoins(amount).endCell();
}

export function setSudoerBody(sudoer: Address | null, queryId: bigint | number = 0): Cell {
  return header(Op.setSudoer, queryId).storeAddress(sudoer).endCell();
}

/** Sudoer: replace data and/or code (the reference's third `after_upgrade` ref is not executed by ours). */
export function sudoUpgradeBody(params: { data?: Cell | null; code?: Cell | null; queryId?: bigint | number }): Cell {
  return header(Op.upgrade, params.queryId ?? 0)
    .storeMaybeRef(params.data ?? null)
    .storeMaybeRef(params.code ?? null)
    .storeMaybeRef(null)
    .endCell();
}

export interface ControllerData {
  state: number;
  halted: boolean;
  approved: boolean;
  stakeAmountSent: bigint;
  stakeAt: number;
  savedValidatorSetHash: bigint;
  validatorSetChanges: number;
  validatorSetChangeTime: number;
  stakeHeldFor: number;
  borrowedAmount: bigint;
  borrowingTime: number;
  validator: Address;
  pool: Address;
  sudoer: Address | null;
}

export class Controller implements Contract {
  constructor(
    readonly address: Address,
    readonly init?: { code: Cell; data: Cell },
  ) {}

  static createFromAddress(address: Address) {
    return new Controller(address);
  }

  static createFromConfig(config: ControllerConfig, code: Cell, workchain = CONTROLLER_WORKCHAIN) {
    const init = { code, data: controllerInitData(config) };
    return new Controller(contractAddress(workchain, init), init);
  }

  private async sendBody(provider: ContractProvider, via: Sender, value: bigint, body: Cell) {
    await provider.internal(via, { value, sendMode: SendMode.PAY_GAS_SEPARATELY, body });
  }

  /** Deploys (with state init) or just funds the controller. */
  async sendTopUp(provider: ContractProvider, via: Sender, value: bigint, queryId: bigint | number = 0) {
    await this.sendBody(provider, via, value, topUpBody(queryId));
  }

  async sendCredit(provider: ContractProvider, via: Sender, params: { loan: bigint; amountWithInterest: bigint; queryId?: bigint | number }) {
    await this.sendBody(provider, via, params.loan, creditBody(params.amountWithInterest, params.queryId));
  }

  async sendApprove(provider: ContractProvider, via: Sender, approve = true, value = toNano('0.1')) {
    await this.sendBody(provider, via, value, header(approve ? Op.approve : Op.disapprove, 0).endCell());
  }

  async sendRequestLoan(
    provider: ContractProvider,
    via: Sender,
    params: { minLoan: bigint; maxLoan: bigint; maxInterest: number; queryId?: bigint | number; value?: bigint },
  ) {
    await this.sendBody(provider, via, params.value ?? REQUEST_LOAN_VALUE, requestLoanBody(params));
  }

  async sendNewStake(provider: ContractProvider, via: Sender, params: NewStakeParams & { signature: Buffer; attached?: bigint }) {
    await this.sendBody(provider, via, params.attached ?? ELECTOR_OPERATION_VALUE, newStakeBody(params));
  }

  async sendUpdateValidatorHash(provider: ContractProvider, via: Sender, value = toNano('1'), queryId: bigint | number = 0) {
    await this.sendBody(provider, via, value, header(Op.updateValidatorHash, queryId).endCell());
  }

  async sendRecoverStake(provider: ContractProvider, via: Sender, value = ELECTOR_OPERATION_VALUE, queryId: bigint | number = 0) {
    await this.sendBody(provider, via, value, header(Op.recoverStake, queryId).endCell());
  }

  async sendReturnUnusedLoan(provider: ContractProvider, via: Sender, value = toNano('0.5'), queryId: bigint | number = 0) {
    await this.sendBody(provider, via, value, header(Op.returnUnusedLoan, queryId).endCell());
  }

  async sendWithdrawValidator(provider: ContractProvider, via: Sender, amount: bigint, value = toNano('0.1')) {
    await this.sendBody(provider, via, value, withdrawValidatorBody(amount));
  }

  async sendReturnAvailableFunds(provider: ContractProvider, via: Sender, value = toNano('0.2')) {
    await this.sendBody(provider, via, value, header(Op.returnAvailableFunds, 0).endCell());
  }

  async sendHalt(provider: ContractProvider, via: Sender, value = toNano('0.1')) {
    await this.sendBody(provider, via, value, header(Op.halt, 0).endCell());
  }

  async sendUnhalt(provider: ContractProvider, via: Sender, value = toNano('0.1')) {
    await this.sendBody(provider, via, value, header(Op.unhalt, 0).endCell());
  }

  async sendSetSudoer(provider: ContractProvider, via: Sender, sudoer: Address | null, value = toNano('0.1')) {
    await this.sendBody(provider, via, value, setSudoerBody(sudoer));
  }

  async getControllerData(provider: ContractProvider): Promise<ControllerData> {
    const { stack } = await provider.get('get_validator_controller_data', []);
    return {
      state: stack.readNumber(),
      halted: stack.readBoolean(),
      approved: stack.readBoolean(),
      stakeAmountSent: stack.readBigNumber(),
      stakeAt: stack.readNumber(),
      savedValidatorSetHash: stack.readBigNumber(),
      validatorSetChanges: stack.readNumber(),
      validatorSetChangeTime: stack.readNumber(),
      stakeHeldFor: stack.readNumber(),
      borrowedAmount: stack.readBigNumber(),
      borrowingTime: stack.readNumber(),
      validator: stack.readAddress(),
      pool: stack.readAddress(),
      sudoer: stack.readAddressOpt(),
    };
  }

  async getMaxPunishment(provider: ContractProvider, stake: bigint): Promise<bigint> {
    const { stack } = await provider.get('get_max_punishment', [{ type: 'int', value: stake }]);
    return stack.readBigNumber();
  }

  async getMaxStakeValue(provider: ContractProvider): Promise<bigint> {
    const { stack } = await provider.get('get_max_stake_value', []);
    return stack.readBigNumber();
  }

  /** (balance the validator needs, balance it has) for a loan of `credit` at `interest` / 2^24. */
  async getRequiredBalanceForLoan(provider: ContractProvider, credit: bigint, interest: number) {
    const { stack } = await provider.get('required_balance_for_loan', [
      { type: 'int', value: credit },
      { type: 'int', value: BigInt(interest) },
    ]);
    return { required: stack.readBigNumber(), validatorAmount: stack.readBigNumber() };
  }

  /** Unix-time window (exclusive bounds) in which send_request_loan is accepted. */
  async getRequestWindow(provider: ContractProvider) {
    const { stack } = await provider.get('request_window_time', []);
    return { since: stack.readNumber(), until: stack.readNumber() };
  }
}
