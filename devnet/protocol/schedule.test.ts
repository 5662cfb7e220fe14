import { describe, expect, it } from 'vitest';
import {
  anchorForHistory,
  borrowsInEpoch,
  boundCatchUp,
  epochAt,
  epochStart,
  epochTiming,
  validatorSetFor,
  type EpochClock,
} from './schedule';
import { DEFAULT_INSTANT_WITHDRAWAL_FEE, FEE_SHARE_BASIS, parseInstantWithdrawalFee, protocolSettingsFromEnv } from './settings';
import { SeededRandom } from './random';

describe('epoch timing', () => {
  for (const roundSeconds of [4, 8, 10, 120, 65536]) {
    it(`fits loans and stakes inside the controller's loan window for ${roundSeconds}-second rounds`, () => {
      const timing = epochTiming(roundSeconds);
      const clock: EpochClock = { anchor: 1_000_000, roundSeconds };
      const set = validatorSetFor(clock, 7, 'switch');
      const loanAt = epochStart(clock, 7) + timing.loanOffset;
      // Controller rule: utime_until - start_before < now < utime_until - end_before.
      expect(loanAt).toBeGreaterThan(set.utimeUntil - timing.election.electionsStartBefore);
      expect(loanAt).toBeLessThan(set.utimeUntil - timing.election.electionsEndBefore);
      // new_stake additionally needs borrowing_time > utime_since.
      expect(loanAt).toBeGreaterThan(set.utimeSince);
      // History stakers act later in the same epoch.
      expect(timing.stakersOffset).toBeGreaterThan(timing.loanOffset);
      expect(timing.stakersOffset).toBeLessThan(roundSeconds);
    });
  }

  it('lets a cohort recover exactly at the switch two epochs after it staked (controller recover rule)', () => {
    const clock: EpochClock = { anchor: 0, roundSeconds: 10 };
    // Model of the controller: it counts distinct config-34 hashes it sees via update_validator_hash, starting
    // from the set current when it staked; recover needs 3 changes (we never rely on the 60 s alternative).
    const stakedEpoch = 4;
    const seen = new Set([JSON.stringify(validatorSetFor(clock, stakedEpoch, 'unfreeze'))]);
    let changes = 0;
    const recoverableAt: string[] = [];
    for (let epoch = stakedEpoch + 1; epoch <= stakedEpoch + 3; epoch += 1) {
      for (const phase of ['switch', 'unfreeze'] as const) {
        const key = JSON.stringify(validatorSetFor(clock, epoch, phase));
        if (changes < 3 && !seen.has(key)) {
          seen.add(key);
          changes += 1;
        }
        if (changes >= 3) recoverableAt.push(`${epoch}:${phase}`);
      }
    }
    expect(recoverableAt[0]).toBe(`${stakedEpoch + 2}:switch`);
  });

  it('alternates controllers between even and odd epochs', () => {
    expect([0, 1, 2, 3].map((epoch) => borrowsInEpoch(0, epoch))).toEqual([true, false, true, false]);
    expect([0, 1, 2, 3].map((epoch) => borrowsInEpoch(1, epoch))).toEqual([false, true, false, true]);
    expect(borrowsInEpoch(3, -1)).toBe(true);
  });

  it('puts the history before now and the live epoch at now', () => {
    const now = 1_800_000_000;
    const clock = { anchor: anchorForHistory(now, 120, 30), roundSeconds: 120 };
    expect(epochAt(clock, now)).toBe(30);
    expect(epochAt(clock, now - 1)).toBe(29);
    expect(epochStart(clock, 0)).toBe(now - 3600);
  });

  it('bounds the catch-up after a long stop and keeps the epoch numbering', () => {
    const clock = { anchor: 0, roundSeconds: 10 };
    // 5 missed epochs with a bound of 30: unchanged.
    expect(boundCatchUp(clock, 10, 145, 30)).toEqual(clock);
    // 1000 missed epochs, bound 30: epochs 10..39 are replayed, ending at now, the first after the stop.
    const bounded = boundCatchUp(clock, 10, 10_000, 30);
    expect(epochAt(bounded, 10_000)).toBe(39);
    expect(epochStart(bounded, 10)).toBeGreaterThan(epochStart(clock, 10));
    expect(epochStart(bounded, 10)).toBeGreaterThan(10_000 - 31 * 10);
  });
});

describe('settings', () => {
  it('reads the environment, lets overrides win, and rejects nonsense', () => {
    const settings = protocolSettingsFromEnv({ DEVNET_ROUND_SECONDS: '60', DEVNET_CONTROLLERS: '5', DEVNET_SLASH_ROUND: '7' }, { controllers: 2 });
    expect(settings).toMatchObject({ roundSeconds: 60, controllers: 2, slashRound: 7, historyRounds: 30 });
    expect(protocolSettingsFromEnv({}).roundSeconds).toBe(120);
    expect(() => protocolSettingsFromEnv({ DEVNET_ROUND_SECONDS: '2' })).toThrow(/DEVNET_ROUND_SECONDS/);
    expect(() => protocolSettingsFromEnv({ DEVNET_CONTROLLERS: 'three' })).toThrow(/DEVNET_CONTROLLERS/);
  });

  it('DEVNET_INSTANT_WITHDRAWAL_FEE: 0.25 % by default, a share of 2^24 or a percentage, bad values named', () => {
    expect(protocolSettingsFromEnv({}).instantWithdrawalFee).toBe(DEFAULT_INSTANT_WITHDRAWAL_FEE);
    expect(DEFAULT_INSTANT_WITHDRAWAL_FEE).toBe(Math.floor(0.0025 * FEE_SHARE_BASIS));
    expect(protocolSettingsFromEnv({ DEVNET_INSTANT_WITHDRAWAL_FEE: '83886' }).instantWithdrawalFee).toBe(83886);
    expect(protocolSettingsFromEnv({ DEVNET_INSTANT_WITHDRAWAL_FEE: '0.5%' }).instantWithdrawalFee).toBe(Math.floor(0.005 * FEE_SHARE_BASIS));
    expect(protocolSettingsFromEnv({ DEVNET_INSTANT_WITHDRAWAL_FEE: ' 0 ' }).instantWithdrawalFee).toBe(0);
    expect(parseInstantWithdrawalFee('50%')).toBe(FEE_SHARE_BASIS / 2);
    // empty means "default", as for the other variables
    expect(protocolSettingsFromEnv({ DEVNET_INSTANT_WITHDRAWAL_FEE: '' }).instantWithdrawalFee).toBe(DEFAULT_INSTANT_WITHDRAWAL_FEE);
    for (const bad of ['abc', '-1', '0.25', '1e3', '41943.5', '60%', '-0.1%', String(FEE_SHARE_BASIS), '%']) {
      expect(() => protocolSettingsFromEnv({ DEVNET_INSTANT_WITHDRAWAL_FEE: bad }), bad).toThrow(
        new RegExp(`^DEVNET_INSTANT_WITHDRAWAL_FEE=${JSON.stringify(bad).replace(/[.*+?^${}()|[\]\\%]/g, '\\$&')}: expected a share of 2\\^24`),
      );
    }
    expect(() => protocolSettingsFromEnv({}, { instantWithdrawalFee: -5 })).toThrow(/instantWithdrawalFee -5/);
  });
});

describe('seeded randomness', () => {
  it('is reproducible per label and differs across labels and seeds', () => {
    const draw = (seed: string, round: number) => SeededRandom.forLabels(seed, 'reward', round).bigint(0n, 10n ** 12n);
    expect(draw('a', 1)).toBe(draw('a', 1));
    expect(new Set([draw('a', 1), draw('a', 2), draw('b', 1)]).size).toBe(3);
    const random = SeededRandom.forLabels('x');
    const values = Array.from({ length: 200 }, () => random.integer(3, 5));
    expect(Math.min(...values)).toBe(3);
    expect(Math.max(...values)).toBe(5);
  });
});
