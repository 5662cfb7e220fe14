import { describe, expect, it } from 'vitest';
import { formatDuration } from './clock';

describe('formatDuration', () => {
  it('formats durations at a useful precision', () => {
    expect(formatDuration(12.7)).toBe('12 s');
    expect(formatDuration(249)).toBe('4 min 09 s');
    expect(formatDuration(3900)).toBe('1 h 05 min');
    expect(formatDuration(2 * 86_400 + 3 * 3600)).toBe('2 d 03 h');
    expect(formatDuration(-5)).toBe('0 s');
  });
});
