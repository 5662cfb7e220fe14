import { describe, expect, it } from 'vitest';
import { networkPreset } from '../../../ton/networks';
import { restoreUnstakePlan, unstakePlan } from './unstake-plan';

const network = networkPreset('devnet');
const params = {
  network,
  pool: '0:' + '11'.repeat(32),
  owner: '0:' + '22'.repeat(32),
  ptonWallet: '0:' + '33'.repeat(32),
  amount: 5_000_000_000n,
  mode: 'fill-or-kill' as const,
  expectedBillTon: 5_100_000_000n,
  tickers: { native: 'TON', jetton: 'pTON' },
};

describe('restoreUnstakePlan', () => {
  it('rebuilds the plan from its JSON round trip around the very request that was sent', () => {
    const plan = unstakePlan(params);
    const [saved, request] = JSON.parse(JSON.stringify([plan.saved, plan.request]));
    const restored = restoreUnstakePlan(network, saved, request)!;
    expect(restored.request).toEqual(plan.request);
    expect(restored.saved).toEqual(plan.saved);
  });

  it('refuses an unknown mode or a malformed amount', () => {
    const plan = unstakePlan(params);
    expect(restoreUnstakePlan(network, { ...plan.saved, mode: 'all-at-once' }, plan.request)).toBeNull();
    expect(restoreUnstakePlan(network, { ...plan.saved, expectedBillTon: '1.5' }, plan.request)).toBeNull();
  });
});
