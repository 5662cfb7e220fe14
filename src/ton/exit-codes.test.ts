import { describe, expect, it } from 'vitest';
import { PoolError } from '../../contracts/wrappers/errors';
import { exitCodeReason } from './exit-codes';

describe('exitCodeReason', () => {
  it('names codes by the contract that raised them', () => {
    expect(exitCodeReason(PoolError.depositsAreClosed, 'pool')).toMatch(/Deposits are closed/);
    expect(exitCodeReason(711, 'jetton-wallet')).toMatch(/burn/);
    // 74 is an unauthorized burn notification in the minter, unknown to the pool
    expect(exitCodeReason(74, 'jetton-minter')).toMatch(/burn notification/);
    expect(exitCodeReason(74, 'pool')).toBe('The transaction failed with exit code 74.');
  });

  it('falls back to common TVM/action codes, then to the bare number', () => {
    expect(exitCodeReason(37, 'wallet')).toMatch(/enough TON/);
    expect(exitCodeReason(0xffff, 'bill')).toMatch(/does not recognise/);
    expect(exitCodeReason(12345)).toBe('The transaction failed with exit code 12345.');
  });
});
