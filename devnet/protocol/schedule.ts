// Round timing of the devnet. One devnet round ("epoch") = one validator-set period of `roundSeconds`:
//
//   T_e                switch: config 34 takes the epoch's validator set, then a second update marks the stakes of
//                      the set before the previous one as unfrozen (see below); cohort e-2 recovers and repays, the
//                      pool rotates.
//   T_e + loanOffset   loan window is open: cohort e (controllers whose index has the epoch's parity) borrow and stake.
//   T_e + R - endBefore  elections close (config 15 elections_end_before): no more loans or stakes this epoch.
//
// Why two config-34 updates per switch: the controller lets a stake be recovered after 3 validator-set changes,
// or after 2 changes plus stake_held_for plus 60 s. A 60 s margin does not fit a fast clock (the test runs
// 8-second rounds), so each switch publishes the new set and then an "unfreeze" revision of it. A cohort that
// staked in epoch e sees changes at T_{e+1} (2) and T_{e+2} (the 3rd), and recovers at T_{e+2}, before the pool,
// whose prev round holds exactly that cohort, needs it repaid to rotate. So every controller borrows every other
// epoch, as mainnet validators do with their two controllers.
import type { ValidatorSet } from '../../contracts/wrappers/network-config';

export interface EpochClock {
  /** Devnet unix time at which epoch 0 starts. */
  anchor: number;
  roundSeconds: number;
}

export interface ElectionTiming {
  validatorsElectedFor: number;
  electionsStartBefore: number;
  electionsEndBefore: number;
  stakeHeldFor: number;
}

export interface EpochTiming {
  /** Seconds after the switch when cohort e asks for loans and stakes. */
  loanOffset: number;
  /** Seconds after the switch when the seeded stakers of the history act. */
  stakersOffset: number;
  /** Config 15 for this round length. */
  election: ElectionTiming;
}

export function epochTiming(roundSeconds: number): EpochTiming {
  const quarter = Math.max(1, Math.floor(roundSeconds / 4));
  return {
    loanOffset: quarter,
    stakersOffset: Math.max(quarter + 1, Math.floor(roundSeconds / 2)),
    election: {
      validatorsElectedFor: roundSeconds,
      // Loan window (utime_until - start_before, utime_until - end_before) = (T_e, T_e + R - quarter).
      electionsStartBefore: roundSeconds,
      electionsEndBefore: quarter,
      stakeHeldFor: quarter,
    },
  };
}

export function epochStart(clock: EpochClock, epoch: number): number {
  return clock.anchor + epoch * clock.roundSeconds;
}

/** Epoch that contains `now` (negative before the anchor). */
export function epochAt(clock: EpochClock, now: number): number {
  return Math.floor((now - clock.anchor) / clock.roundSeconds);
}

export type SwitchPhase = 'switch' | 'unfreeze';

/**
 * Config 34 of an epoch. The salt makes every revision hash differently and never repeats across epochs; it
 * is offset so that the genesis sets (epochs -2 and -1) stay non-negative.
 */
export function validatorSetFor(clock: EpochClock, epoch: number, phase: SwitchPhase): ValidatorSet & { salt: number } {
  const utimeSince = epochStart(clock, epoch);
  return {
    utimeSince,
    utimeUntil: utimeSince + clock.roundSeconds,
    salt: (epoch + 2) * 2 + (phase === 'switch' ? 0 : 1),
  };
}

/** Controllers alternate: controller i borrows in the epochs with its parity. */
export function borrowsInEpoch(controllerIndex: number, epoch: number): boolean {
  return ((epoch - controllerIndex) % 2 + 2) % 2 === 0;
}

/**
 * Where to put the epoch clock so that `rounds` whole epochs lie before `now`: epoch 0 starts
 * `rounds` rounds ago, and epoch `rounds` is the live one.
 */
export function anchorForHistory(now: number, roundSeconds: number, rounds: number): number {
  return now - rounds * roundSeconds;
}

/**
 * After a restart with epochs missed: replay at most `maxRounds` of them. When more were missed, the anchor is
 * moved forward so the next epoch to run starts `maxRounds` rounds before `now` (the skipped period simply did
 * not happen on the devnet). Returns the clock to use from now on.
 */
export function boundCatchUp(clock: EpochClock, nextEpoch: number, now: number, maxRounds: number): EpochClock {
  const missed = epochAt(clock, now) - nextEpoch + 1;
  if (missed <= maxRounds) return clock;
  return { ...clock, anchor: now - maxRounds * clock.roundSeconds - nextEpoch * clock.roundSeconds + 1 };
}
