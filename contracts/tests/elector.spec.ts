// DEVNET ONLY elector (contracts/devnet-elector.tolk): wire format towards stakers and admin ops.
import { Address, beginCell, Cell, toNano } from '@ton/core';
import { keyPairFromSeed, sign, type KeyPair } from '@ton/crypto';
import { Blockchain, type BlockchainSnapshot, type SandboxContract, type TreasuryContract } from '@ton/sandbox';
import { findTransaction, flattenTransaction } from '@ton/test-utils';
import { beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { newStakeBody, newStakeSignedData } from '../wrappers/Controller';
import { DevnetElector, DevnetElectorError, ELECTOR_CONFIRMATION_VALUE, installDevnetElector, NewStakeRejectReason } from '../wrappers/DevnetElector';
import { Op } from '../wrappers/opcodes';
import { electionTimingCell, electorAddress, setConfigParams } from '../wrappers/network-config';

const T0 = 1_900_000_000;
const STAKE_HELD_FOR = 1_000;

/** new_stake as the elector receives it (the controller strips the leading `value`). */
function stakeMessageBody(staker: Address, keys: KeyPair, opts: { queryId?: bigint; maxFactor?: number; badSignature?: boolean } = {}) {
  const stakeAt = T0 + 5_000;
  const maxFactor = opts.maxFactor ?? 0x30000;
  const signed = newStakeSignedData(staker, { stakeAt, maxFactor });
  const signature = sign(opts.badSignature ? Buffer.concat([signed, Buffer.from([1])]) : signed, keys.secretKey);
  const controllerFormat = newStakeBody({ value: 0n, validatorPubkey: keys.publicKey, stakeAt, maxFactor, signature, queryId: opts.queryId ?? 7n }).beginParse();
  const header = controllerFormat.loadUintBig(96);
  controllerFormat.loadCoins();
  return beginCell().storeUint(header, 96).storeSlice(controllerFormat).endCell();
}

function readBody(body: Cell | undefined) {
  const s = body!.beginParse();
  return { op: s.loadUint(32), queryId: s.loadUintBig(64), rest: s };
}

describe('devnet elector', () => {
  let blockchain: Blockchain;
  let admin: SandboxContract<TreasuryContract>;
  let staker: SandboxContract<TreasuryContract>;
  let elector: SandboxContract<DevnetElector>;
  let keys: KeyPair;

  let genesis: BlockchainSnapshot;

  // One chain per file, restored from a snapshot before each test (creating chains is the slow part).
  beforeAll(async () => {
    blockchain = await Blockchain.create();
    blockchain.now = T0;
    setConfigParams(blockchain, {
      15: electionTimingCell({ validatorsElectedFor: 4_000, electionsStartBefore: 2_000, electionsEndBefore: 500, stakeHeldFor: STAKE_HELD_FOR }),
    });
    admin = await blockchain.treasury('elector-admin');
    staker = await blockchain.treasury('staker', { workchain: -1 });
    elector = await installDevnetElector(blockchain, { admin: admin.address, balance: toNano('1000'), minStake: toNano('100') });
    keys = keyPairFromSeed(Buffer.alloc(32, 3));
    genesis = blockchain.snapshot();
  });

  beforeEach(async () => {
    await blockchain.loadFrom(genesis);
    blockchain.now = T0;
  });

  async function stake(value: bigint, opts: Parameters<typeof stakeMessageBody>[2] = {}, from = staker) {
    return from.send({ to: elector.address, value: value, body: stakeMessageBody(from.address, keys, opts) });
  }

  it('sits at the config-1 address and reports its admin', async () => {
    expect(elector.address.equals(electorAddress(blockchain))).toBe(true);
    const data = await elector.getElectorData();
    expect(data.admin.equals(admin.address)).toBe(true);
    expect(data.minStake).toBe(toNano('100'));
  });

  it('accepts a signed stake, keeps all but 1 TON and confirms with new_stake_ok + 1 TON', async () => {
    const result = await stake(toNano('500'));
    const answer = findTransaction(result.transactions, { from: elector.address, to: staker.address, op: Op.electorNewStakeOk });
    expect(answer).toBeDefined();
    const flat = flattenTransaction(answer!);
    expect(flat.value).toBe(ELECTOR_CONFIRMATION_VALUE);
    const body = readBody(flat.body);
    expect(body.queryId).toBe(7n);
    expect(body.rest.loadUint(32)).toBe(0);
    const participant = await elector.getParticipant(staker.address);
    expect(participant).toEqual({ stake: toNano('499'), reward: 0n, slash: 0n, unlockAt: 0, stakeAt: T0 + 5_000 });
  });

  it('merges a second stake from the same account', async () => {
    await stake(toNano('200'));
    await stake(toNano('300'));
    expect((await elector.getParticipant(staker.address))!.stake).toBe(toNano('498'));
  });

  it('returns malformed stakes with new_stake_error and the reason code', async () => {
    const cases: Array<[string, () => Promise<unknown>, number, bigint]> = [
      ['bad signature', () => stake(toNano('500'), { badSignature: true }), NewStakeRejectReason.badSignature, toNano('500')],
      ['max_factor < 1', () => stake(toNano('500'), { maxFactor: 0xffff }), NewStakeRejectReason.maxFactorTooLow, toNano('500')],
      ['below min stake', () => stake(toNano('50')), NewStakeRejectReason.stakeTooSmall, toNano('50')],
      [
        'truncated body',
        () => staker.send({ to: elector.address, value: toNano('500'), body: beginCell().storeUint(Op.newStake, 32).storeUint(7, 64).storeUint(1, 16).endCell() }),
        NewStakeRejectReason.badSignature,
        toNano('500'),
      ],
    ];
    for (const [name, run, reason, sent] of cases) {
      const result = (await run()) as Awaited<ReturnType<typeof stake>>;
      const answer = findTransaction(result.transactions, { from: elector.address, to: staker.address, op: Op.electorNewStakeError });
      expect(answer, name).toBeDefined();
      const flat = flattenTransaction(answer!);
      const body = readBody(flat.body);
      expect(body.rest.loadUint(32), name).toBe(reason);
      // the whole stake comes back, less fees
      expect(flat.value!, name).toBeGreaterThan(sent - toNano('0.1'));
    }
    expect(await elector.getParticipant(staker.address)).toBeNull();
  });

  it('refuses stakes from the basechain', async () => {
    const basechainStaker = await blockchain.treasury('basechain-staker');
    const result = await stake(toNano('500'), {}, basechainStaker);
    const answer = findTransaction(result.transactions, { from: elector.address, to: basechainStaker.address, op: Op.electorNewStakeError });
    expect(readBody(flattenTransaction(answer!).body).rest.loadUint(32)).toBe(NewStakeRejectReason.notAccepted);
  });

  it('answers recover_stake with 0xfffffffe until the stake is unlocked, then pays stake + reward', async () => {
    await stake(toNano('500'));
    const recoverBody = beginCell().storeUint(Op.electorRecoverStake, 32).storeUint(9, 64).endCell();
    let result = await staker.send({ to: elector.address, value: toNano('1'), body: recoverBody });
    const refusal = findTransaction(result.transactions, { from: elector.address, to: staker.address, op: Op.electorRecoverStakeError });
    const refusalBody = readBody(flattenTransaction(refusal!).body);
    expect(refusalBody.queryId).toBe(9n);
    expect(refusalBody.rest.loadUint(32)).toBe(Op.electorRecoverStake);

    await elector.sendSetResult(admin.getSender(), { participant: staker.address, reward: toNano('25') });
    await elector.sendUnlock(admin.getSender(), { participant: staker.address });
    expect(await elector.getReturnedStake(staker.address)).toBe(toNano('524'));

    result = await staker.send({ to: elector.address, value: toNano('1'), body: recoverBody });
    const payout = findTransaction(result.transactions, { from: elector.address, to: staker.address, op: Op.electorRecoverStakeOk });
    const flat = flattenTransaction(payout!);
    // stake + reward + what is left of the 1 TON request after gas
    expect(flat.value!).toBeGreaterThan(toNano('524.9'));
    expect(flat.value!).toBeLessThanOrEqual(toNano('525'));
    expect(readBody(flat.body).queryId).toBe(9n);
    expect(await elector.getParticipant(staker.address)).toBeNull();
  });

  it('pays stake − slash, and nothing below zero', async () => {
    await stake(toNano('500'));
    await elector.sendSetResult(admin.getSender(), { participant: staker.address, slash: toNano('100') });
    await elector.sendUnlock(admin.getSender(), { participant: staker.address });
    expect(await elector.getReturnedStake(staker.address)).toBe(toNano('399'));
    await elector.sendSetResult(admin.getSender(), { participant: staker.address, slash: toNano('10000') });
    expect(await elector.getReturnedStake(staker.address)).toBe(0n);
  });

  it('marking a round end unlocks locked stakes stake_held_for seconds later', async () => {
    await stake(toNano('500'));
    await elector.sendMarkRoundEnd(admin.getSender(), T0 + 100);
    expect((await elector.getParticipant(staker.address))!.unlockAt).toBe(T0 + 100 + STAKE_HELD_FOR);
    blockchain.now = T0 + 100 + STAKE_HELD_FOR - 1;
    expect(await elector.getReturnedStake(staker.address)).toBe(0n);
    blockchain.now = T0 + 100 + STAKE_HELD_FOR;
    expect(await elector.getReturnedStake(staker.address)).toBe(toNano('499'));
  });

  it('only the admin may run devnet ops', async () => {
    await stake(toNano('500'));
    const result = await elector.sendSetResult(staker.getSender(), { participant: staker.address, reward: toNano('1000') });
    expect(findTransaction(result.transactions, { to: elector.address, success: false, exitCode: DevnetElectorError.notAdmin })).toBeDefined();
    const unknown = await elector.sendUnlock(admin.getSender(), { participant: admin.address });
    expect(findTransaction(unknown.transactions, { to: elector.address, exitCode: DevnetElectorError.unknownParticipant })).toBeDefined();
    await elector.sendSetMinStake(admin.getSender(), toNano('1000'));
    expect((await elector.getElectorData()).minStake).toBe(toNano('1000'));
  });

  it('accepts plain top-ups that fund rewards', async () => {
    const before = (await blockchain.getContract(elector.address)).balance;
    await elector.sendFund(admin.getSender(), toNano('50'));
    expect((await blockchain.getContract(elector.address)).balance - before).toBeGreaterThan(toNano('49.9'));
  });
});
