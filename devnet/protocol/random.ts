// Seeded randomness. Every draw is derived from (seed, labels), never from a running generator state, so a
// restarted devnet makes the same choices for the same round without persisting anything.
import { createHash } from 'node:crypto';

export class SeededRandom {
  private counter = 0;

  constructor(private readonly key: string) {}

  /** A generator for one purpose, e.g. `forLabels(seed, 'reward', round, controllerIndex)`. */
  static forLabels(seed: string, ...labels: (string | number)[]): SeededRandom {
    return new SeededRandom([seed, ...labels].join('/'));
  }

  /** 64 uniformly random bits. */
  nextBits64(): bigint {
    const digest = createHash('sha256').update(`${this.key}#${this.counter++}`).digest();
    return digest.readBigUInt64BE(0);
  }

  /** Uniform in [0, 1). */
  next(): number {
    return Number(this.nextBits64() >> 11n) / 2 ** 53;
  }

  /** Uniform integer in [min, max] (inclusive). */
  integer(min: number, max: number): number {
    if (max < min) throw new RangeError(`empty range [${min}, ${max}]`);
    return min + Math.floor(this.next() * (max - min + 1));
  }

  /** Uniform bigint in [min, max] (inclusive); modulo bias is negligible for ranges far below 2^64. */
  bigint(min: bigint, max: bigint): bigint {
    if (max < min) throw new RangeError(`empty range [${min}, ${max}]`);
    return min + (this.nextBits64() % (max - min + 1n));
  }

  pick<T>(items: readonly T[]): T {
    if (items.length === 0) throw new RangeError('cannot pick from an empty list');
    return items[this.integer(0, items.length - 1)];
  }
}
