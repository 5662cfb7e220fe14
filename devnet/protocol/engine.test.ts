// The bots on a bare sandbox chain (no server): rotations, rewards, the slash round, and recovery from a failure.
import { beforeAll, describe, expect, it } from 'vitest';
import { Blockchain } from '@ton/sandbox';
import { toNano } from '@ton/core';
import { Controller, ControllerState } from '../../contracts/wrappers/Controller';
import { memoryLogger } from '../logger';
import { ProtocolEngine } from './engine';
import { epochStart, type EpochClock } from './schedule';
import { protocolSettingsFromEnv } from './settings';

const ROUND_SECONDS = 10;
const SLASH_ROUND = 4;
const clock: EpochClock = { anchor: 1_800_000_000, roundSeconds: ROUND_SECONDS };
const logger = memoryLogger();
let blockchain: Blockchain;
let engine: ProtocolEngine;

/** Runs every phase of `epoch` (switch, loans, stakers) at its scheduled time. */
async function runEpoch(epoch: number) {
  await engine.runDue(blockchain, epochStart(clock, epoch) + ROUND_SECONDS - 1, { replay: true, stakers: true });
}

async function poolView() {
  const data = await engine.poolData(blockchain, true);
  return { roundId: data.currentRound.roundId, rate: Number(data.totalBalance) / Number(data.supply), data };
}

beforeAll(async () => {
  blockchain = await Blockchain.create();
  blockchain.verbosity = { print: false, blockchainLogs: false, vmLogs: 'none', debugLogs: false };
  const settings = protocolSettingsFromEnv({}, { roundSeconds: ROUND_SECONDS, controllers: 3, stakers: 2, slashRound: SLASH_ROUND, seed: 'engine-test' });
  engine = await ProtocolEngine.genesis(blockchain, settings, clock, clock.anchor - 2, logger);
});

describe('validator bots', () => {
  it('rotate the pool once per epoch, alternate cohorts, and raise the rate once loans are repaid', async () => {
    const rounds: number[] = [];
    const rates: number[] = [];
    for (let epoch = 0; epoch <= 4; epoch += 1) {
      await runEpoch(epoch);
      const view = await poolView();
      rounds.push(view.roundId);
      rates.push(view.rate);
      // The cohort with the epoch's parity holds a loan and a stake; the other cohort is recovered or staked earlier.
      for (const index of [0, 1, 2]) {
        const data = await engine.controllerData(blockchain, index);
        if ((index - epoch) % 2 === 0) {
          expect(data.state).toBe(ControllerState.fundsStaken);
          expect(data.borrowedAmount).toBeGreaterThan(0n);
        }
      }
    }
    // Genesis opened round 1; each epoch's switch rotated once.
    expect(rounds).toEqual([2, 3, 4, 5, 6]);
    // Repayments start at epoch 2 (cohort 0 recovers); the finalized profit shows from then on.
    for (let epoch = 3; epoch <= 4; epoch += 1) expect(rates[epoch]).toBeGreaterThan(rates[epoch - 1]);
    expect(rates[4]).toBeGreaterThan(1);
  });

  it('slashes one validator of the loans taken in DEVNET_SLASH_ROUND, and the pool is still repaid in full', async () => {
    // Loans of pool round 4 were taken in epoch 2 (controllers 0 and 2) and recovered at the switch of epoch 4.
    const slashLine = logger.lines.find((line) => line.includes('is slashed'));
    expect(slashLine).toMatch(new RegExp(`loan of pool round ${SLASH_ROUND}\\)`));
    const slashed = Number(/controller-(\d)/.exec(slashLine!)![1]);
    const peer = slashed === 0 ? 2 : 0;
    // The validator's own funds absorbed the slash: the loan was repaid in full, so the controller could borrow
    // again in epoch 4 (a second loan is refused while one is outstanding) and is staked with it.
    const [mine, theirs] = [await engine.controllerData(blockchain, slashed), await engine.controllerData(blockchain, peer)];
    expect(mine.state).toBe(ControllerState.fundsStaken);
    expect(mine.borrowedAmount).toBe(theirs.borrowedAmount);
    // Same loan, same own funds at genesis: the slashed validator stakes less, having lost 5 % of its last stake
    // where its peer earned a reward.
    expect(mine.stakeAmountSent).toBeLessThan(theirs.stakeAmountSent);
    expect(logger.lines.filter((line) => /failed|rejected/.test(line))).toEqual([]);
  });

  it('logs a failing bot operation with its reason and recovers in a later epoch', async () => {
    // The approver withdraws its approval from controller 1, whose cohort borrows in odd epochs.
    const controller = blockchain.openContract(Controller.createFromAddress(engine.controllerAddresses[1]));
    const approver = engine.actors.approver;
    await controller.sendApprove(approver.sender(blockchain), false);
    expect((await engine.controllerData(blockchain, 1)).approved).toBe(false);
    await runEpoch(5);
    // The bot still asks; the controller refuses (0xfa00 = 64000, not approved) and the refusal is logged.
    const refusal = logger.lines.find((line) => line.includes('epoch 5 controller-1 request_loan: failed'));
    expect(refusal).toContain('exit 64000 notApproved');
    expect((await engine.controllerData(blockchain, 1)).borrowedAmount).toBe(0n);

    // Approved again: the next odd epoch borrows and stakes as usual, and the pool kept rotating meanwhile.
    await controller.sendApprove(approver.sender(blockchain), true);
    await runEpoch(6);
    await runEpoch(7);
    const data = await engine.controllerData(blockchain, 1);
    expect(data.state).toBe(ControllerState.fundsStaken);
    expect(data.borrowedAmount).toBeGreaterThan(0n);
    expect((await poolView()).roundId).toBe(9);
  });

  it('tops up the elector before rewards run dry, so recoveries keep paying', async () => {
    const elector = await blockchain.getContract(engine.electorAddress);
    elector.balance = toNano('100'); // far below what the recovering cohort's stakes and rewards need
    await runEpoch(8);
    expect((await blockchain.getContract(engine.electorAddress)).balance).toBeGreaterThan(toNano('1000000'));
    expect(logger.lines.filter((line) => line.includes('epoch 8') && /failed|rejected/.test(line))).toEqual([]);
    // Cohort 0 of epoch 6 recovered and repaid at this switch.
    expect((await engine.controllerData(blockchain, 0)).state).toBe(ControllerState.fundsStaken);
    expect((await poolView()).roundId).toBe(10);
  });

  it('sets DEVNET_INSTANT_WITHDRAWAL_FEE on the v2 main pool through the governor at genesis; the side pool runs v1', async () => {
    const other = await Blockchain.create();
    other.verbosity = { print: false, blockchainLogs: false, vmLogs: 'none', debugLogs: false };
    const settings = protocolSettingsFromEnv({ DEVNET_INSTANT_WITHDRAWAL_FEE: '0.5%' }, { roundSeconds: ROUND_SECONDS, controllers: 1, stakers: 0, seed: 'fee-test' });
    const deployed = await ProtocolEngine.genesis(other, settings, clock, clock.anchor - 2, memoryLogger());
    const main = await deployed.poolData(other, false);
    expect(main.version).toBe('v2');
    expect(main.instantWithdrawalFee).toBe(83886); // ⌊0.005 · 2^24⌋, the 0.5 %
    expect((await deployed.poolData(other, false, deployed.poolAddresses[1])).version).toBe('v1');
    // set by the governor's set_deposit_settings, as on a live pool: its wallet's one message at genesis
    expect(await deployed.actors.governor.seqno(other)).toBe(1);
  });
});
