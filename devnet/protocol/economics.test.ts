// The devnet's default economics, run for a dozen rounds on a bare sandbox chain: the pool's rate grows every round
// once loans are repaid, and the APY the app's "Current APY" tile would show (the same shared function over the
// rate after each rotation) lands in 2–8 %, for the default 2-minute rounds and for the e2e's 20-second ones.
import { describe, expect, it } from 'vitest';
import { Blockchain } from '@ton/sandbox';
import { recentApyEstimate } from '../../contracts/wrappers/apy';
import { SHARE_BASIS } from '../../contracts/wrappers/fees';
import { memoryLogger } from '../logger';
import { GENESIS_DEPOSIT, interestRateFor } from './economics';
import { ProtocolEngine } from './engine';
import { epochStart, type EpochClock } from './schedule';
import { protocolSettingsFromEnv } from './settings';

const RATE_BASIS = 1_000_000_000n;

async function runRounds(roundSeconds: number, epochs: number) {
  const blockchain = await Blockchain.create();
  blockchain.verbosity = { print: false, blockchainLogs: false, vmLogs: 'none', debugLogs: false };
  const logger = memoryLogger();
  const settings = protocolSettingsFromEnv({}, { roundSeconds, seed: 'economics-test' });
  const clock: EpochClock = { anchor: 1_800_000_000, roundSeconds };
  const engine = await ProtocolEngine.genesis(blockchain, settings, clock, clock.anchor - 2, logger);
  const rounds: { roundId: number; rate: bigint; endTime: number }[] = [];
  const sideRates: bigint[] = [];
  for (let epoch = 0; epoch < epochs; epoch += 1) {
    // the switch of `epoch` rotates the pool: the rate it leaves is the completed round's
    await engine.runDue(blockchain, epochStart(clock, epoch), { replay: true, stakers: true });
    const data = await engine.poolData(blockchain, true);
    rounds.push({ roundId: data.currentRound.roundId - 1, rate: (data.totalBalance * RATE_BASIS) / data.supply, endTime: epochStart(clock, epoch) });
    const side = await engine.poolData(blockchain, true, engine.poolAddresses[1]);
    sideRates.push((side.totalBalance * RATE_BASIS) / side.supply);
    await engine.runDue(blockchain, epochStart(clock, epoch) + roundSeconds - 1, { replay: true, stakers: true });
  }
  const failures = logger.lines.filter((line) => /^(warn|error)/.test(line));
  return { engine, blockchain, rounds, sideRates, failures };
}

describe('devnet economics (defaults)', () => {
  it.each([
    ['the default 2-minute rounds', 120],
    ['the e2e 20-second rounds', 20],
  ])('with %s: the rate grows every round once loans are repaid, and the app would show an APY in 2–8 %', async (_, roundSeconds) => {
    const { engine, blockchain, rounds, sideRates, failures } = await runRounds(roundSeconds, 14);
    expect(failures).toEqual([]);
    const data = await engine.poolData(blockchain, true);
    expect(data.interestRate).toBe(interestRateFor(roundSeconds));
    // big enough that the 1 TON a rotation costs is small beside a round's interest
    expect(data.totalBalance).toBeGreaterThanOrEqual(GENESIS_DEPOSIT);
    const perRoundInterest = (data.totalBalance * BigInt(data.interestRate) * 35n) / (SHARE_BASIS * 100n);
    expect(perRoundInterest).toBeGreaterThan(2n * 1_000_000_000n);
    // repayments start at the switch of epoch 2 (the cohort of epoch 0): visible growth from then on
    const steady = rounds.slice(3);
    for (let i = 1; i < steady.length; i += 1) expect(steady[i].rate, `round ${steady[i].roundId}`).toBeGreaterThan(steady[i - 1].rate);
    const estimate = recentApyEstimate(steady);
    expect(estimate.unavailable).toBeNull();
    expect(estimate.apy!).toBeGreaterThan(0.02);
    expect(estimate.apy!).toBeLessThan(0.08);
    // the side pool lends nothing, yet its sponsor keeps its rate from falling
    for (let i = 1; i < sideRates.length; i += 1) expect(sideRates[i]).toBeGreaterThanOrEqual(sideRates[i - 1]);
  });
});
