import { describe, expect, it } from 'vitest';
import { networkPreset } from '../../../ton/networks';
import { requestQueryId } from '../../../ton/outcomes';
import { restoreStakePlan, stakePlan } from './stake-plan';

const network = networkPreset('devnet');
const params = {
  network,
  pool: '0:' + '11'.repeat(32),
  owner: '0:' + '22'.repeat(32),
  ptonWallet: '0:' + '33'.repeat(32),
  amount: 5_000_000_000n,
  tickers: { native: 'TON', jetton: 'pTON' },
};

// Regression (issue 12 item 6): a reload lost the transaction; the plan is now rebuilt from what was persisted.
describe('restoreStakePlan', () => {
  it('rebuilds the plan from its JSON round trip around the very request that was sent', () => {
    const plan = stakePlan(params);
    const [saved, request] = JSON.parse(JSON.stringify([plan.saved, plan.request]));
    const restored = restoreStakePlan(network, saved, request)!;
    expect(restored.request).toEqual(plan.request);
    expect(restored.amount).toBe(plan.amount);
    expect(restored.saved).toEqual(plan.saved);
    expect(requestQueryId(restored.request.messages[0].payload!)).toBe(requestQueryId(plan.request.messages[0].payload!));
  });

  it('two stakes never share a query_id', () => {
    expect(requestQueryId(stakePlan(params).request.messages[0].payload!)).not.toBe(requestQueryId(stakePlan(params).request.messages[0].payload!));
  });

  it('refuses saved parameters it did not write', () => {
    const plan = stakePlan(params);
    expect(restoreStakePlan(network, { ...plan.saved, amount: '-1' }, plan.request)).toBeNull();
    expect(restoreStakePlan(network, { ...plan.saved, pool: 'not an address' }, plan.request)).toBeNull();
    expect(restoreStakePlan(network, {}, plan.request)).toBeNull();
  });
});
