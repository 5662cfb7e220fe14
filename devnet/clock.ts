// Devnet time = wall clock + offset. The sandbox refuses to run an account's transaction earlier than its last one
// (TimeError), so the clock only moves forward: the offset only grows and `now()` never returns less than before,
// even if the wall clock steps back or a restored state was saved "in the future".

/** Contracts and messages keep times in 32 bits (utime, valid_until, round ends): the clock stays below that. */
export const MAX_UINT32_TIME = 2 ** 32 - 1;
/** Room left under 2^32 − 1 for what is computed ahead of now: round ends, stake_at, validity windows, fees. */
export const CLOCK_MARGIN_S = 366 * 24 * 3600;
/** Latest devnet time the clock may reach. */
export const LATEST_DEVNET_TIME = MAX_UINT32_TIME - CLOCK_MARGIN_S;

export interface ClockState {
  offsetSeconds: number;
  lastNow: number;
}

export class DevnetClock {
  private offsetSeconds: number;
  private lastNow: number;

  constructor(
    state: ClockState = { offsetSeconds: 0, lastNow: 0 },
    private readonly wallSeconds = defaultWallSeconds,
  ) {
    if (!Number.isSafeInteger(state.offsetSeconds) || !Number.isSafeInteger(state.lastNow)) {
      throw new RangeError(`invalid clock state ${JSON.stringify(state)}`);
    }
    const latest = Math.max(state.lastNow, wallSeconds() + state.offsetSeconds);
    if (latest > LATEST_DEVNET_TIME) {
      throw new RangeError(
        `the saved clock (${latest}) is past ${LATEST_DEVNET_TIME} (2^32 − 1 less a ${CLOCK_MARGIN_S} s margin)`,
      );
    }
    this.offsetSeconds = state.offsetSeconds;
    this.lastNow = state.lastNow;
  }

  now(): number {
    this.lastNow = Math.max(this.lastNow, this.wallSeconds() + this.offsetSeconds);
    return this.lastNow;
  }

  advance(seconds: number): number {
    if (!Number.isSafeInteger(seconds) || seconds < 0)
      throw new RangeError(`cannot advance the clock by ${seconds} s`);
    if (this.now() + seconds > LATEST_DEVNET_TIME) {
      throw new RangeError(`advancing ${seconds} s would take the clock past ${LATEST_DEVNET_TIME}`);
    }
    this.offsetSeconds += seconds;
    return this.now();
  }

  get offset(): number {
    return this.offsetSeconds;
  }

  toJSON(): ClockState {
    return { offsetSeconds: this.offsetSeconds, lastNow: this.now() };
  }
}

function defaultWallSeconds(): number {
  return Math.floor(Date.now() / 1000);
}
