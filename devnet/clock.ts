// Devnet time = wall clock + offset. The sandbox refuses to run an account's transaction earlier than its last one
// (TimeError), so the clock only moves forward: the offset only grows and `now()` never returns less than before,
// even if the wall clock steps back or a restored state was saved "in the future".

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
