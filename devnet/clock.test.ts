import { describe, expect, it } from 'vitest';
import { DevnetClock } from './clock';

describe('DevnetClock', () => {
  it('is wall clock plus offset and never goes back, even when the wall clock does', () => {
    let wall = 1_000;
    const clock = new DevnetClock(undefined, () => wall);
    expect(clock.now()).toBe(1_000);
    expect(clock.advance(500)).toBe(1_500);
    wall = 900; // NTP step backwards
    expect(clock.now()).toBe(1_500);
    wall = 1_100;
    expect(clock.now()).toBe(1_600);
    expect(() => clock.advance(-1)).toThrow(RangeError);
    expect(() => clock.advance(0.5)).toThrow(RangeError);
  });

  it('restores offset and last time from saved state', () => {
    const saved = new DevnetClock(undefined, () => 2_000);
    saved.advance(86_400);
    const state = saved.toJSON();
    // Restarted on a machine whose clock is behind the saved one: time still continues from where it was.
    const restored = new DevnetClock(state, () => 1_000);
    expect(restored.offset).toBe(86_400);
    expect(restored.now()).toBe(88_400);
  });
});
