import { describe, expect, it } from 'vitest';
import { faultsForRequest, faultsFromEnv, NO_FAULTS, parseFaults, pickFault } from './faults';

describe('fault injection settings', () => {
  it('reads shares and latency from env, off when unset', () => {
    expect(faultsFromEnv({})).toEqual(NO_FAULTS);
    expect(
      faultsFromEnv({ DEVNET_FAULT_429: '0.25', DEVNET_FAULT_500: '0.1', DEVNET_LATENCY_MS: '300' }),
    ).toEqual({
      rate429: 0.25,
      rate500: 0.1,
      latencyMs: 300,
    });
    expect(() => faultsFromEnv({ DEVNET_FAULT_429: '1.5' })).toThrow(/rate429/);
    expect(() => faultsFromEnv({ DEVNET_LATENCY_MS: 'slow' })).toThrow(/latencyMs/);
  });

  it('lets query flags override the current settings for one request', () => {
    const base = parseFaults({ rate500: 0.5 }, NO_FAULTS);
    expect(faultsForRequest(new URL('http://x/jsonRPC'), base)).toBe(base);
    expect(faultsForRequest(new URL('http://x/jsonRPC?fault429=1&latencyMs=20'), base)).toEqual({
      rate429: 1,
      rate500: 0.5,
      latencyMs: 20,
    });
  });

  it('picks 429 before 500 according to the shares', () => {
    const rolls = (values: number[]) => () => values.shift()!;
    const settings = { rate429: 0.3, rate500: 0.5, latencyMs: 0 };
    expect(pickFault(settings, rolls([0.2]))).toBe('429');
    expect(pickFault(settings, rolls([0.3, 0.49]))).toBe('500');
    expect(pickFault(settings, rolls([0.9, 0.5]))).toBeUndefined();
    expect(pickFault(NO_FAULTS, () => 0)).toBeUndefined();
  });
});
