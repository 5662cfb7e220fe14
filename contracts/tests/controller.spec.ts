// Validator controller (contracts/controller.tolk) against the devnet elector and a FAKE pool: a treasury
// whose address is the controller's pool; it receives request_loan / loan_repayment and sends credit.
import { Address, beginCell, Cell, toNano, type Transaction } from '@ton/core';
import { keyPairFromSeed, sign, type KeyPair } from '@ton/crypto';
import { Blockchain, type BlockchainSnapshot, internal, type SandboxContract, type SendMessageResult, type TreasuryContract } from '@ton/sandbox';
import { executeFrom, executeTill, findTransaction, flattenTransaction, randomAddress, type FlatTransactionComparable } from '@ton/test-utils';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { loadCode } from '../wrappers/code';
import {
  Controller,
  controllerAddress,
  type ControllerConfig,
  controllerInitData,
  ControllerError,
  controllerStaticData,
  ControllerState,
  ELECTOR_OPERATION_VALUE,
  HASH_UPDATE_FINE,
  newStakeBody,
  newStakeSignedData,
  STAKE_RECOVER_FINE,
  sudoUpgradeBody,
} from '../wrappers/Controller';
import { type DevnetElector, installDevnetElector } from '../wrappers/DevnetElector';
import { electionTimingCell, getConfigParam, readElectionTiming, setConfigParams, validatorSetCell } from '../wrappers/network-config';
import { Op } from '../wrappers/opcodes';
import { PoolEnv, poolLogs, ROUND_SECONDS, START_TIME } from './helpers/pool-env';

const T0 = 1_900_000_000;
// A fast clock: 4000 s rounds, elections open 2000 s before the switch and close 500 s before it.
const TIMING = { validatorsElectedFor: 4_000, electionsStartBefore: 2_000, electionsEndBefore: 500, stakeHeldFor: 1_000 };
const ROUND = TIMING.validatorsElectedFor;
const SHARE_BASIS = 1n << 24n;

const OWN_FUNDS = toNano('10000');
const MAX_LOAN = toNano('60000');
const MIN_LOAN = toNano('40000');
const MAX_INTEREST = 1000; // of 2^24
const STAKE = toNano('65000');

const gasByOperation = new Map<string, bigint>();

function computeGas(tx: Transaction): bigint {
  const d = tx.description;
  if (d.type !== 'generic' || d.computePhase.type !== 'vm') return 0n;
  return d.computePhase.gasUsed;
}

/** Fee-independent expectation: the config-40 "recommended punishment", recomputed from the raw param. */
function punishmentFromConfig(blockchain: Blockchain, stake: bigint): bigint {
  const param = getConfigParam(blockchain, 40);
  if (!param) return stake < toNano('101') ? stake : toNano('101');
  const s = param.beginParse();
  s.skip(8);
  let flat = s.loadCoins();
  let proportional = BigInt(s.loadUint(32));
  const severityFlat = BigInt(s.loadUint(16));
  const severityProportional = BigInt(s.loadUint(16));
  s.skip(32);
  const longFlat = BigInt(s.loadUint(16));
  const longProportional = BigInt(s.loadUint(16));
  flat = (((flat * severityFlat) >> 8n) * longFlat) >> 8n;
  proportional = (((proportional * severityProportional) >> 8n) * longProportional) >> 8n;
  const fine = flat + (stake * proportional) / (1n << 32n);
  return fine < stake ? fine : stake;
}

describe('validator controller', () => {
  let blockchain: Blockchain;
  let validator: SandboxContract<TreasuryContract>;
  let pool: SandboxContract<TreasuryContract>;
  let governor: SandboxContract<TreasuryContract>;
  let approver: SandboxContract<TreasuryContract>;
  let halter: SandboxContract<TreasuryContract>;
  let stranger: SandboxContract<TreasuryContract>;
  let electorAdmin: SandboxContract<TreasuryContract>;
  let elector: SandboxContract<DevnetElector>;
  let controller: SandboxContract<Controller>;
  let config: ControllerConfig;
  let keys: KeyPair;
  let roundIndex: number;

  /** Installs validator set #index: since = T0 - 1000 + index·ROUND. */
  function rotateValidatorSet(index: number) {
    roundIndex = index;
    const utimeSince = T0 - 1_000 + index * ROUND;
    setConfigParams(blockchain, { 34: validatorSetCell({ utimeSince, utimeUntil: utimeSince + ROUND, salt: index }) });
  }
  const since = () => T0 - 1_000 + roundIndex * ROUND;
  const until = () => since() + ROUND;
  const loanWindowMiddle = () => until() - (TIMING.electionsStartBefore + TIMING.electionsEndBefore) / 2;

  function expectTx(result: SendMessageResult, match: FlatTransactionComparable, gasLabel?: string) {
    const tx = findTransaction(result.transactions, match);
    expect(tx, JSON.stringify(match, (_key, v) => (typeof v === 'bigint' ? v.toString() : v instanceof Address ? v.toString() : v))).toBeDefined();
    if (gasLabel) gasByOperation.set(gasLabel, computeGas(tx!));
    return flattenTransaction(tx!);
  }
  const expectControllerFailure = (result: SendMessageResult, exitCode: number) =>
    expectTx(result, { to: controller.address, success: false, exitCode });

  const data = () => controller.getControllerData();

  let genesis: BlockchainSnapshot;

  // One chain per file; every test starts from the same snapshot (creating chains is the slow part).
  beforeAll(async () => {
    blockchain = await Blockchain.create();
    blockchain.now = T0;
    setConfigParams(blockchain, { 15: electionTimingCell(TIMING) });
    rotateValidatorSet(0);
    [validator, pool, governor, approver, halter, stranger, electorAdmin] = await Promise.all(
      ['validator', 'pool', 'governor', 'approver', 'halter', 'stranger', 'elector-admin'].map((seed) =>
        blockchain.treasury(seed, seed === 'validator' || seed === 'stranger' ? { workchain: -1 } : {}),
      ),
    );
    elector = await installDevnetElector(blockchain, { admin: electorAdmin.address, balance: toNano('100000') });
    keys = keyPairFromSeed(Buffer.alloc(32, 7));
    config = { controllerId: 0, validator: validator.address, pool: pool.address, governor: governor.address, approver: approver.address, halter: halter.address };
    controller = blockchain.openContract(Controller.createFromConfig(config, loadCode('controller')));
    const deployed = await controller.sendTopUp(validator.getSender(), OWN_FUNDS);
    expectTx(deployed, { from: validator.address, to: controller.address, deploy: true, success: true }, 'top_up (deploy)');
    genesis = blockchain.snapshot();
  });

  beforeEach(async () => {
    await blockchain.loadFrom(genesis);
    blockchain.now = T0;
    rotateValidatorSet(0);
  });

  async function approve() {
    const result = await controller.sendApprove(approver.getSender());
    expectTx(result, { from: approver.address, to: controller.address, success: true }, 'approve');
  }

  /** Approve, request a loan inside the window and credit it from the fake pool. */
  async function borrow(loan = MAX_LOAN, interestRate = MAX_INTEREST) {
    await approve();
    blockchain.now = loanWindowMiddle();
    const requested = await controller.sendRequestLoan(validator.getSender(), { minLoan: MIN_LOAN, maxLoan: loan, maxInterest: MAX_INTEREST, queryId: 11 });
    expectTx(requested, { from: validator.address, to: controller.address, op: Op.sendRequestLoan, success: true }, 'send_request_loan');
    expectTx(requested, { from: controller.address, to: pool.address, op: Op.requestLoan });
    const amountWithInterest = loan + (loan * BigInt(interestRate)) / SHARE_BASIS;
    const credited = await controller.sendCredit(pool.getSender(), { loan, amountWithInterest, queryId: 11 });
    expectTx(credited, { from: pool.address, to: controller.address, op: Op.credit, success: true }, 'credit');
    return amountWithInterest;
  }

  async function newStake(value = STAKE, opts: { queryId?: number; attached?: bigint } = {}) {
    const stakeAt = until();
    const signature = sign(newStakeSignedData(controller.address, { stakeAt }), keys.secretKey);
    return controller.sendNewStake(validator.getSender(), {
      value,
      validatorPubkey: keys.publicKey,
      stakeAt,
      signature,
      queryId: opts.queryId ?? 5,
      attached: opts.attached,
    });
  }

  /** Next validator set + update_validator_hash by the validator. */
  async function nextRoundWithHashUpdate(label?: string) {
    rotateValidatorSet(roundIndex + 1);
    blockchain.now = since() + 10;
    const result = await controller.sendUpdateValidatorHash(validator.getSender());
    expectTx(result, { from: validator.address, to: controller.address, op: Op.updateValidatorHash, success: true }, label);
    return result;
  }

  /** Stake → elected set → next set; then the elector unfreezes stake_held_for after that round end. */
  async function stakeAndServeRound() {
    const borrowed = await borrow();
    const staked = await newStake();
    expectTx(staked, { from: validator.address, to: controller.address, op: Op.newStake, success: true }, 'new_stake');
    expectTx(staked, { from: elector.address, to: controller.address, op: Op.electorNewStakeOk, success: true }, 'new_stake_ok (from elector)');
    await nextRoundWithHashUpdate('update_validator_hash');
    await nextRoundWithHashUpdate();
    await elector.sendMarkRoundEnd(electorAdmin.getSender(), since());
    return borrowed;
  }

  it('derives its masterchain address from the interface-4 initial data', async () => {
    expect(controller.address.workChain).toBe(-1);
    expect(controllerAddress(config, loadCode('controller')).equals(controller.address)).toBe(true);
    const d = await data();
    expect(d.state).toBe(ControllerState.rest);
    expect(d.approved).toBe(false);
    expect(d.validator.equals(validator.address)).toBe(true);
    expect(d.pool.equals(pool.address)).toBe(true);
    expect(d.sudoer).toBeNull();
  });

  it('runs a full round: loan, stake, two set changes, recover, repayment with interest', async () => {
    const borrowed = await borrow();
    let d = await data();
    expect(d.borrowedAmount).toBe(borrowed);
    expect(d.borrowingTime).toBe(loanWindowMiddle());
    expect(d.state).toBe(ControllerState.rest);

    const staked = await newStake();
    const toElector = expectTx(staked, { from: controller.address, to: elector.address, op: Op.newStake, success: true });
    expect(toElector.value).toBe(STAKE);
    expectTx(staked, { from: elector.address, to: controller.address, op: Op.electorNewStakeOk, success: true });
    d = await data();
    expect(d.state).toBe(ControllerState.fundsStaken);
    expect(d.stakeAmountSent).toBe(STAKE - ELECTOR_OPERATION_VALUE);
    expect(d.stakeAt).toBe(until());
    expect(d.stakeHeldFor).toBe(TIMING.stakeHeldFor);
    expect(d.validatorSetChanges).toBe(0);
    expect((await elector.getParticipant(controller.address))!.stake).toBe(STAKE - toNano('1'));

    // recovering before two set changes is refused
    blockchain.now = loanWindowMiddle() + 10;
    expectControllerFailure(await controller.sendRecoverStake(validator.getSender()), ControllerError.tooEarlyStakeRecoverAttemptCount);

    await nextRoundWithHashUpdate('update_validator_hash');
    expect((await data()).validatorSetChanges).toBe(1);
    await nextRoundWithHashUpdate();
    d = await data();
    expect(d.validatorSetChanges).toBe(2);
    expect(d.validatorSetChangeTime).toBe(since() + 10);

    // still frozen: stake_held_for + 60 s must pass after the second change
    blockchain.now = since() + 10 + TIMING.stakeHeldFor + 60;
    expectControllerFailure(await controller.sendRecoverStake(validator.getSender()), ControllerError.tooEarlyStakeRecoverAttemptTime);

    await elector.sendSetResult(electorAdmin.getSender(), { participant: controller.address, reward: toNano('700') });
    await elector.sendMarkRoundEnd(electorAdmin.getSender(), since());
    blockchain.now = since() + TIMING.stakeHeldFor + 200;
    expectControllerFailure(await controller.sendRecoverStake(validator.getSender(), toNano('1')), ControllerError.tooLowRecoverStakeValue);
    const recovered = await controller.sendRecoverStake(validator.getSender());
    expectTx(recovered, { from: validator.address, to: controller.address, op: Op.recoverStake, success: true }, 'recover_stake');
    expectTx(recovered, { from: elector.address, to: controller.address, op: Op.electorRecoverStakeOk, success: true }, 'recover_stake_ok → loan_repayment');
    const repayment = expectTx(recovered, { from: controller.address, to: pool.address, op: Op.loanRepayment });
    expect(repayment.value).toBe(borrowed);
    expect(repayment.inMessageBounceable).toBe(true);
    expect(borrowed - MAX_LOAN).toBe((MAX_LOAN * BigInt(MAX_INTEREST)) / SHARE_BASIS);

    d = await data();
    expect(d.state).toBe(ControllerState.rest);
    expect(d.borrowedAmount).toBe(0n);
    expect(d.borrowingTime).toBe(0);

    // the validator keeps own funds + reward − interest − the 2 TON reserve, ± leftovers of attached values and gas
    const before = (await blockchain.getContract(validator.address)).balance;
    const withdrawn = await controller.sendWithdrawValidator(validator.getSender(), toNano('1000000'));
    expectTx(withdrawn, { from: validator.address, to: controller.address, op: Op.withdrawValidator, success: true }, 'withdraw_validator');
    const gained = (await blockchain.getContract(validator.address)).balance - before;
    const expected = OWN_FUNDS + toNano('700') - (borrowed - MAX_LOAN) - toNano('2');
    expect(gained).toBeLessThan(expected + toNano('3'));
    expect(gained).toBeGreaterThan(expected - toNano('3'));
    expect((await blockchain.getContract(controller.address)).balance).toBeLessThanOrEqual(toNano('2'));
  });

  it('sends request_loan with the static data to the pool, carrying the attached value (mode 64)', async () => {
    await approve();
    blockchain.now = loanWindowMiddle();
    const result = await controller.sendRequestLoan(validator.getSender(), { minLoan: MIN_LOAN, maxLoan: MAX_LOAN, maxInterest: MAX_INTEREST, queryId: 42, value: toNano('1.5') });
    const request = expectTx(result, { from: controller.address, to: pool.address, op: Op.requestLoan });
    const body = request.body!.beginParse();
    body.skip(32);
    expect(body.loadUintBig(64)).toBe(42n);
    expect(body.loadCoins()).toBe(MIN_LOAN);
    expect(body.loadCoins()).toBe(MAX_LOAN);
    expect(body.loadUint(24)).toBe(MAX_INTEREST);
    expect(body.loadRef().equals(controllerStaticData(config))).toBe(true);
    expect(body.remainingBits + body.remainingRefs).toBe(0);
    // masterchain gas is paid from the attached value; the rest goes on
    expect(request.value!).toBeGreaterThan(toNano('1.2'));
    expect(request.value!).toBeLessThan(toNano('1.5'));
    expect((await data()).state).toBe(ControllerState.sentBorrowingRequest);
  });

  it('refuses loan requests outside the window, unapproved, repeated or unaffordable', async () => {
    const window = await controller.getRequestWindow();
    expect(window).toEqual({ since: until() - TIMING.electionsStartBefore, until: until() - TIMING.electionsEndBefore });
    const request = (maxLoan = MAX_LOAN) => controller.sendRequestLoan(validator.getSender(), { minLoan: MIN_LOAN, maxLoan, maxInterest: MAX_INTEREST });

    blockchain.now = window.since;
    expectControllerFailure(await request(), ControllerError.notApproved);
    await approve();
    expectControllerFailure(await request(), ControllerError.tooEarlyLoanRequest);
    blockchain.now = window.until;
    expectControllerFailure(await request(), ControllerError.tooLateLoanRequest);
    rotateValidatorSet(1);
    blockchain.now = loanWindowMiddle();
    expectControllerFailure(await controller.sendRequestLoan(validator.getSender(), { minLoan: 0n, maxLoan: MAX_LOAN, maxInterest: 0, value: toNano('0.5') }), ControllerError.newStakeRequestValue);
    expectControllerFailure(await request(toNano('1000000000')), ControllerError.tooHighLoanRequestAmount);
    expectControllerFailure(await controller.sendRequestLoan(stranger.getSender(), { minLoan: MIN_LOAN, maxLoan: MAX_LOAN, maxInterest: MAX_INTEREST }), ControllerError.wrongSender);

    // affordability: the getter's requirement is exactly the contract's rule
    const balance = (await blockchain.getContract(controller.address)).balance;
    const { required, validatorAmount } = await controller.getRequiredBalanceForLoan(MAX_LOAN, MAX_INTEREST);
    expect(validatorAmount).toBe(balance);
    expect(required).toBe(toNano('42') + punishmentFromConfig(blockchain, MAX_LOAN + balance) + (MAX_LOAN * BigInt(MAX_INTEREST)) / SHARE_BASIS);

    await controller.sendCredit(pool.getSender(), { loan: MAX_LOAN, amountWithInterest: MAX_LOAN });
    expectControllerFailure(await request(), ControllerError.multipleLoansProhibited);
  });

  it('goes back to REST when the pool bounces request_loan', async () => {
    const lonelyConfig = { ...config, pool: randomAddress(0) };
    const lonely = blockchain.openContract(Controller.createFromConfig(lonelyConfig, loadCode('controller')));
    await lonely.sendTopUp(validator.getSender(), OWN_FUNDS);
    await lonely.sendApprove(approver.getSender());
    blockchain.now = loanWindowMiddle();
    const result = await lonely.sendRequestLoan(validator.getSender(), { minLoan: MIN_LOAN, maxLoan: MAX_LOAN, maxInterest: MAX_INTEREST });
    expectTx(result, { to: lonely.address, inMessageBounced: true, success: true });
    expect((await lonely.getControllerData()).state).toBe(ControllerState.rest);
  });

  it('validates new_stake: query id, attached value, minimum, headroom, credit age, solvency', async () => {
    await borrow();
    expectControllerFailure(await newStake(STAKE, { queryId: 0 }), ControllerError.newStakeQueryId);
    expectControllerFailure(await newStake(STAKE, { attached: toNano('1') }), ControllerError.newStakeRequestValue);
    expectControllerFailure(await newStake(toNano('49999')), ControllerError.newStakeValueBelowMinimum);
    const maxStake = await controller.getMaxStakeValue();
    expectControllerFailure(await newStake(maxStake + toNano('3')), ControllerError.newStakeValueTooHigh);
    const staked = await newStake(maxStake);
    expectTx(staked, { from: controller.address, to: elector.address, op: Op.newStake, value: maxStake });
    expectControllerFailure(await newStake(), ControllerError.wrongState);
  });

  it('refuses to stake borrowed funds after the elections they were lent for', async () => {
    await borrow();
    blockchain.now = until() - TIMING.electionsEndBefore;
    expect(await controller.getMaxStakeValue()).toBe(0n);
    expectControllerFailure(await newStake(), ControllerError.newStakeWronglyUsedCredit);
    rotateValidatorSet(1);
    blockchain.now = loanWindowMiddle();
    expectControllerFailure(await newStake(), ControllerError.newStakeWronglyUsedCredit);
  });

  it('refuses to stake borrowed funds the validator could not cover a fine for', async () => {
    // a validator with 50 TON of its own, credited directly by the pool
    const poorConfig = { ...config, controllerId: 1 };
    const poor = blockchain.openContract(Controller.createFromConfig(poorConfig, loadCode('controller')));
    await poor.sendTopUp(validator.getSender(), toNano('50'));
    blockchain.now = loanWindowMiddle();
    await poor.sendCredit(pool.getSender(), { loan: MAX_LOAN, amountWithInterest: MAX_LOAN });
    const signature = sign(newStakeSignedData(poor.address, { stakeAt: until() }), keys.secretKey);
    const result = await poor.sendNewStake(validator.getSender(), { value: toNano('55000'), validatorPubkey: keys.publicKey, stakeAt: until(), signature });
    expectTx(result, { to: poor.address, success: false, exitCode: ControllerError.newStakeSolvencyNotGuaranteed });
  });

  it('takes the validator set current when new_stake_ok arrives as the base for counting changes', async () => {
    await borrow();
    const stakeAt = until();
    const signature = sign(newStakeSignedData(controller.address, { stakeAt }), keys.secretKey);
    const message = internal({
      from: validator.address,
      to: controller.address,
      value: ELECTOR_OPERATION_VALUE,
      body: newStakeBody({ value: STAKE, validatorPubkey: keys.publicKey, stakeAt, signature, queryId: 3 }),
    });
    const steps = await blockchain.sendMessageIter(message);
    await executeTill(steps, { from: controller.address, to: elector.address, op: Op.newStake });
    // the next set is installed before the elector's answer reaches the controller
    rotateValidatorSet(1);
    await executeFrom(steps);
    const d = await data();
    expect(d.state).toBe(ControllerState.fundsStaken);
    expect(d.savedValidatorSetHash).toBe(BigInt('0x' + getConfigParam(blockchain, 34)!.hash().toString('hex')));
    // so the set that was already current does not count as a change
    await controller.sendUpdateValidatorHash(validator.getSender());
    expect((await data()).validatorSetChanges).toBe(0);
  });

  it('returns to REST when the elector rejects the stake', async () => {
    await borrow();
    const stakeAt = until();
    const badSignature = Buffer.alloc(64, 1);
    const result = await controller.sendNewStake(validator.getSender(), { value: STAKE, validatorPubkey: keys.publicKey, stakeAt, signature: badSignature });
    const rejection = expectTx(result, { from: elector.address, to: controller.address, op: Op.electorNewStakeError, success: true });
    expect(rejection.value!).toBeGreaterThan(STAKE - toNano('0.1'));
    expect((await data()).state).toBe(ControllerState.rest);
  });

  it('returns an unused loan with interest once the next set starts', async () => {
    const borrowed = await borrow();
    expectControllerFailure(await controller.sendReturnUnusedLoan(validator.getSender()), ControllerError.tooEarlyLoanReturn);
    rotateValidatorSet(1);
    blockchain.now = since() + 5;
    expectControllerFailure(await controller.sendReturnUnusedLoan(stranger.getSender()), ControllerError.wrongSender);
    const result = await controller.sendReturnUnusedLoan(validator.getSender());
    expectTx(result, { from: validator.address, to: controller.address, op: Op.returnUnusedLoan, success: true }, 'return_unused_loan');
    const repayment = expectTx(result, { from: controller.address, to: pool.address, op: Op.loanRepayment });
    expect(repayment.value).toBe(borrowed);
    expectTx(result, { from: controller.address, to: validator.address, op: Op.excesses });
    expect((await data()).borrowedAmount).toBe(0n);
    expectControllerFailure(await controller.sendReturnUnusedLoan(validator.getSender()), ControllerError.noCredit);
  });

  it('pays a bounty to whoever returns an overdue unused loan', async () => {
    const borrowed = await borrow();
    rotateValidatorSet(1);
    blockchain.now = since() + 601;
    const result = await controller.sendReturnUnusedLoan(stranger.getSender());
    expect(expectTx(result, { from: controller.address, to: pool.address, op: Op.loanRepayment }).value).toBe(borrowed);
    const bounty = expectTx(result, { from: controller.address, to: stranger.address }).value!;
    // the forwarding fee comes out of the bounty
    expect(bounty).toBeLessThanOrEqual(STAKE_RECOVER_FINE);
    expect(bounty).toBeGreaterThan(STAKE_RECOVER_FINE - toNano('0.1'));
  });

  it('lets anyone update an overdue validator hash for a bounty, and counts at most three changes', async () => {
    await borrow();
    await newStake();
    rotateValidatorSet(1);
    blockchain.now = since() + 10;
    expectControllerFailure(await controller.sendUpdateValidatorHash(stranger.getSender()), ControllerError.wrongSender);
    blockchain.now = since() + 601;
    const result = await controller.sendUpdateValidatorHash(stranger.getSender());
    const bounty = expectTx(result, { from: controller.address, to: stranger.address }).value!;
    expect(bounty).toBeLessThanOrEqual(HASH_UPDATE_FINE);
    expect(bounty).toBeGreaterThan(HASH_UPDATE_FINE - toNano('0.1'));
    expect((await data()).validatorSetChanges).toBe(1);
    // the same set again changes nothing
    await controller.sendUpdateValidatorHash(validator.getSender());
    expect((await data()).validatorSetChanges).toBe(1);
    await nextRoundWithHashUpdate();
    await nextRoundWithHashUpdate();
    expect((await data()).validatorSetChanges).toBe(3);
    rotateValidatorSet(roundIndex + 1);
    expectControllerFailure(await controller.sendUpdateValidatorHash(validator.getSender()), ControllerError.tooManyValidatorSetChanges);
  });

  it('repays in full after a small slash: the validator absorbs the loss', async () => {
    const borrowed = await stakeAndServeRound();
    await elector.sendSetResult(electorAdmin.getSender(), { participant: controller.address, slash: toNano('3000') });
    blockchain.now = since() + TIMING.stakeHeldFor + 100;
    const result = await controller.sendRecoverStake(validator.getSender());
    expect(expectTx(result, { from: controller.address, to: pool.address, op: Op.loanRepayment }).value).toBe(borrowed);
    const balance = (await blockchain.getContract(controller.address)).balance;
    // own funds − slash − interest, ± leftovers of attached values and gas
    expect(balance).toBeLessThan(OWN_FUNDS - toNano('3000') - (borrowed - MAX_LOAN) + toNano('3'));
    expect(balance).toBeGreaterThan(OWN_FUNDS - toNano('3000') - (borrowed - MAX_LOAN) - toNano('3'));
  });

  it('becomes INSOLVENT when the slashed stake cannot cover the loan, then repays what it can', async () => {
    const borrowed = await stakeAndServeRound();
    await elector.sendSetResult(electorAdmin.getSender(), { participant: controller.address, slash: toNano('20000') });
    blockchain.now = since() + TIMING.stakeHeldFor + 100;
    const result = await controller.sendRecoverStake(validator.getSender());
    expect(findTransaction(result.transactions, { from: controller.address, to: pool.address })).toBeUndefined();
    let d = await data();
    expect(d.state).toBe(ControllerState.insolvent);
    expect(d.borrowedAmount).toBe(borrowed);

    expectControllerFailure(await controller.sendReturnAvailableFunds(stranger.getSender()), ControllerError.wrongSender);
    const balance = (await blockchain.getContract(controller.address)).balance;
    const partial = await controller.sendReturnAvailableFunds(governor.getSender());
    expectTx(partial, { from: governor.address, to: controller.address, op: Op.returnAvailableFunds, success: true }, 'return_available_funds');
    const paid = expectTx(partial, { from: controller.address, to: pool.address, op: Op.loanRepayment }).value!;
    expect(paid).toBeGreaterThan(balance - toNano('2.25') - toNano('0.1'));
    expect(paid).toBeLessThanOrEqual(balance - toNano('2.25') + toNano('0.2'));
    d = await data();
    expect(d.borrowedAmount).toBe(borrowed - paid);
    expect(d.state).toBe(ControllerState.insolvent);

    // the validator tops up enough to cover the rest: back to REST, and the loan can be returned
    await controller.sendTopUp(validator.getSender(), d.borrowedAmount + toNano('20'));
    expect((await data()).state).toBe(ControllerState.rest);
    const returned = await controller.sendReturnUnusedLoan(validator.getSender());
    expect(expectTx(returned, { from: controller.address, to: pool.address, op: Op.loanRepayment }).value).toBe(d.borrowedAmount);
  });

  it('halts itself when the elector has nothing to recover', async () => {
    await borrow();
    await newStake();
    await nextRoundWithHashUpdate();
    await nextRoundWithHashUpdate();
    blockchain.now = since() + TIMING.stakeHeldFor + 100; // the elector was never told to unlock
    const result = await controller.sendRecoverStake(validator.getSender());
    expectTx(result, { from: elector.address, to: controller.address, op: Op.electorRecoverStakeError, success: true });
    const d = await data();
    expect(d.state).toBe(ControllerState.insolvent);
    expect(d.halted).toBe(true);
  });

  it('enforces roles: approver, pool, halter, governor, validator', async () => {
    expectControllerFailure(await controller.sendApprove(stranger.getSender()), ControllerError.wrongSender);
    await approve();
    expect((await data()).approved).toBe(true);
    expectControllerFailure(await controller.sendApprove(stranger.getSender(), false), ControllerError.wrongSender);
    await controller.sendApprove(approver.getSender(), false);
    expect((await data()).approved).toBe(false);
    await approve();

    expectControllerFailure(await controller.sendCredit(stranger.getSender(), { loan: toNano('1'), amountWithInterest: toNano('1') }), ControllerError.wrongSender);
    expectControllerFailure(await controller.sendHalt(stranger.getSender()), ControllerError.wrongSender);
    await controller.sendHalt(halter.getSender());
    expect((await data()).halted).toBe(true);
    blockchain.now = loanWindowMiddle();
    expectControllerFailure(await controller.sendRequestLoan(validator.getSender(), { minLoan: MIN_LOAN, maxLoan: MAX_LOAN, maxInterest: MAX_INTEREST }), ControllerError.halted);
    expectControllerFailure(await controller.sendWithdrawValidator(validator.getSender(), toNano('1')), ControllerError.halted);
    expectControllerFailure(await controller.sendUnhalt(halter.getSender()), ControllerError.wrongSender);
    await controller.sendUnhalt(governor.getSender());
    expect((await data()).halted).toBe(false);

    expectControllerFailure(await controller.sendWithdrawValidator(stranger.getSender(), toNano('1')), ControllerError.wrongSender);
    expectControllerFailure(await controller.sendWithdrawValidator(validator.getSender(), 0n), ControllerError.incorrectWithdrawalAmount);
    await controller.sendCredit(pool.getSender(), { loan: toNano('100'), amountWithInterest: toNano('100') });
    expectControllerFailure(await controller.sendWithdrawValidator(validator.getSender(), toNano('1')), ControllerError.withdrawalWhileCredited);

    expectControllerFailure(await controller.sendSetSudoer(stranger.getSender(), stranger.address), ControllerError.wrongSender);
    await controller.sendSetSudoer(governor.getSender(), stranger.address);
    expect((await data()).sudoer?.equals(stranger.address)).toBe(true);

    const unknown = await stranger.send({ to: controller.address, value: toNano('1'), body: beginCell().storeUint(0x12345678, 32).storeUint(0, 64).endCell() });
    expectControllerFailure(unknown, ControllerError.unknownOp);
  });

  it('lets the sudoer send arbitrary messages only after the quarantine', async () => {
    await controller.sendSetSudoer(governor.getSender(), stranger.address);
    const message = beginCell()
      .storeUint(0x18, 6)
      .storeAddress(stranger.address)
      .storeCoins(toNano('5'))
      .storeUint(0, 1 + 4 + 4 + 64 + 32 + 1 + 1)
      .endCell();
    const sudoBody = beginCell().storeUint(Op.sendMessage, 32).storeUint(0, 64).storeUint(1, 8).storeRef(message).endCell();
    expectControllerFailure(await stranger.send({ to: controller.address, value: toNano('1'), body: sudoBody }), ControllerError.sudoerQuarantine);
    blockchain.now = T0 + 86_401;
    const result = await stranger.send({ to: controller.address, value: toNano('1'), body: sudoBody });
    expect(expectTx(result, { from: controller.address, to: stranger.address }).value).toBe(toNano('5'));
  });

  it('lets the sudoer replace the data (and code) after the quarantine', async () => {
    await controller.sendSetSudoer(governor.getSender(), stranger.address);
    const approvedData = controllerInitData(config).asSlice();
    approvedData.skip(8 + 1);
    const newData = beginCell().storeUint(ControllerState.rest, 8).storeBit(false).storeBit(true).storeSlice(approvedData.skip(1)).endCell();
    const body = sudoUpgradeBody({ data: newData, code: loadCode('controller') });
    expectControllerFailure(await stranger.send({ to: controller.address, value: toNano('1'), body }), ControllerError.sudoerQuarantine);
    blockchain.now = T0 + 86_401;
    expectControllerFailure(await validator.send({ to: controller.address, value: toNano('1'), body }), ControllerError.wrongSender);
    expect((await data()).approved).toBe(false);
    const result = await stranger.send({ to: controller.address, value: toNano('1'), body });
    expectTx(result, { from: stranger.address, to: controller.address, success: true });
    const d = await data();
    expect(d.approved).toBe(true);
    // the replaced data carries no sudoer: the upgrade is a one-shot
    expect(d.sudoer).toBeNull();
  });

  it('computes the elector fine from config 40 and caps it at the stake', async () => {
    expect(await controller.getMaxPunishment(toNano('50'))).toBe(punishmentFromConfig(blockchain, toNano('50')));
    expect(await controller.getMaxPunishment(toNano('1000000'))).toBe(punishmentFromConfig(blockchain, toNano('1000000')));
    expect(await controller.getMaxPunishment(1n)).toBe(1n);
  });

  it('accepts plain transfers and top-ups from anyone', async () => {
    const before = (await blockchain.getContract(controller.address)).balance;
    await stranger.send({ to: controller.address, value: toNano('3'), body: Cell.EMPTY });
    await controller.sendTopUp(stranger.getSender(), toNano('4'));
    expect((await blockchain.getContract(controller.address)).balance - before).toBeGreaterThan(toNano('6.9'));
  });

  afterAll(() => {
    if (gasByOperation.size === 0) return;
    console.log('controller gas per operation (compute phase, the controller transaction unless noted):');
    for (const [operation, gas] of gasByOperation) console.log(`  ${operation.padEnd(36)} ${gas}`);
  });
});


describe('validator controller with the real pool', () => {
  // default config 15 (65536 / 32768 / 8192 / 32768 s); PoolEnv starts set #0 at START_TIME
  const electionsStartBefore = 32_768;
  const electionsEndBefore = 8_192;
  const stakeHeldFor = 32_768;
  const loan = toNano('60000');
  const maxInterest = 2_000;

  it('deploys via the pool, borrows, stakes, recovers and repays: the pool books the interest as profit', async () => {
    const env = await PoolEnv.create({ minLoan: toNano('10000'), maxLoan: loan });
    const { blockchain, pool } = env;
    const timing = readElectionTiming(blockchain);
    expect(timing).toMatchObject({ electionsStartBefore, electionsEndBefore, stakeHeldFor });
    const electorAdmin = await blockchain.treasury('elector-admin');
    const elector = await installDevnetElector(blockchain, { admin: electorAdmin.address, balance: toNano('100000') });
    const depositor = await env.user('depositor');
    await env.deposit(depositor, toNano('200000'));
    const validator = await blockchain.treasury('validator', { workchain: -1 });
    const keys = keyPairFromSeed(Buffer.alloc(32, 9));

    const deployed = await pool.sendDeployController(validator.getSender(), 0, OWN_FUNDS);
    const controllerAddr = await pool.getControllerAddress(0, validator.address);
    const config: ControllerConfig = {
      controllerId: 0,
      validator: validator.address,
      pool: pool.address,
      governor: env.governor.address,
      approver: env.approver.address,
      halter: env.halter.address,
    };
    expect(controllerAddr.equals(controllerAddress(config, loadCode('controller')))).toBe(true);
    const topUp = findTransaction(deployed.transactions, { from: pool.address, to: controllerAddr, op: Op.topUp, deploy: true, success: true });
    expect(topUp).toBeDefined();
    const controller = blockchain.openContract(Controller.createFromAddress(controllerAddr));
    expect((await blockchain.getContract(controllerAddr)).balance).toBeGreaterThan(OWN_FUNDS - toNano('1'));

    await controller.sendApprove(env.approver.getSender());
    const setUntil = START_TIME + ROUND_SECONDS;
    blockchain.now = setUntil - electionsStartBefore + 1_000;
    const requested = await controller.sendRequestLoan(validator.getSender(), { minLoan: toNano('10000'), maxLoan: loan, maxInterest });
    const credit = findTransaction(requested.transactions, { from: pool.address, to: controllerAddr, op: Op.credit, success: true });
    expect(credit).toBeDefined();
    // the loan itself, less at most a forwarding fee
    expect(flattenTransaction(credit!).value!).toBeLessThanOrEqual(loan);
    expect(flattenTransaction(credit!).value!).toBeGreaterThan(loan - toNano('0.1'));
    const interestRate = (await env.data()).interestRate;
    const owed = loan + (loan * BigInt(interestRate)) / SHARE_BASIS;
    expect((await controller.getControllerData()).borrowedAmount).toBe(owed);

    const stakeAt = setUntil;
    const signature = sign(newStakeSignedData(controllerAddr, { stakeAt }), keys.secretKey);
    const staked = await controller.sendNewStake(validator.getSender(), { value: STAKE, validatorPubkey: keys.publicKey, stakeAt, signature });
    expect(findTransaction(staked.transactions, { from: elector.address, to: controllerAddr, op: Op.electorNewStakeOk })).toBeDefined();

    // the elected set starts; the pool rotates (our loan moves to prev); then the set after it
    env.advanceValidatorSet();
    await controller.sendUpdateValidatorHash(validator.getSender());
    await env.touch();
    env.advanceValidatorSet();
    const secondChange = blockchain.now!;
    await controller.sendUpdateValidatorHash(validator.getSender());
    expect((await controller.getControllerData()).validatorSetChanges).toBe(2);
    await elector.sendMarkRoundEnd(electorAdmin.getSender(), secondChange);
    await elector.sendSetResult(electorAdmin.getSender(), { participant: controllerAddr, reward: toNano('900') });

    const before = await env.data();
    expect(before.prevRound.borrowed).toBe(loan);
    blockchain.now = secondChange + stakeHeldFor + 100;
    const recovered = await controller.sendRecoverStake(validator.getSender());
    const repayment = findTransaction(recovered.transactions, { from: controllerAddr, to: pool.address, op: Op.loanRepayment, success: true });
    expect(repayment).toBeDefined();
    expect(flattenTransaction(repayment!).value).toBe(owed);
    const repaymentLog = poolLogs(recovered).find((log) => log.topic === 'repayment');
    expect(repaymentLog).toMatchObject({ borrowed: loan, profit: owed - loan });
    // the last borrower repaid: the pool finalises the round and its total balance grows by the net profit
    const completion = poolLogs(recovered).find((log) => log.topic === 'roundCompletion');
    expect(completion).toBeDefined();
    const after = await env.data();
    expect(after.totalBalance).toBeGreaterThan(before.totalBalance);
    expect(after.totalBalance - before.totalBalance).toBeLessThan(owed - loan);
    expect((await controller.getControllerData()).borrowedAmount).toBe(0n);
  });
});
