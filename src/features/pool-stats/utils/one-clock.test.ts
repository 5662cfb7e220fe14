import { describe, expect, it } from 'vitest';
import { payoutTimeText } from '../../../components/tx/payout-time';
import { formatDuration } from '../../../components/time/clock';
import { expectedPayoutAt } from '../../../queries/protocol';
import { nextRoundEnd } from './pool-metrics';

describe('one clock for the round tile and the bills', () => {
  // The devnet's clock runs 8 s ahead of the browser's: its next round at devnet time 1_000_066 is 1_000_058 here.
  const protocol = { pool: 'EQ', presets: [], roundSeconds: 120, nextRoundAt: 1_000_066, clockOffsetS: 8 };
  const now = 1_000_000;

  it('the tile and a bill show the same wait from the same inputs', () => {
    const payoutAt = expectedPayoutAt(protocol);
    const tile = nextRoundEnd({ nextRoundAt: payoutAt, lastRoundEnd: null, typicalRoundSeconds: null, nowS: now });
    expect(tile?.at).toBe(1_000_058);
    const tileText = formatDuration(tile!.at - now);
    expect(tileText).toBe('58 s');
    expect(payoutTimeText(payoutAt, now)).toContain(`(in ${tileText})`);
    // a fractional clock reading floors the same way on both sides
    expect(payoutTimeText(payoutAt, now + 0.9)).toContain(`(in ${formatDuration(tile!.at - now)})`);
  });

  it('says what a round that is due waits for', () => {
    const text = payoutTimeText(expectedPayoutAt(protocol), 1_000_058);
    expect(text).toMatch(/^at the round switch, due now/);
    expect(text).toContain('waiting for the validators to repay');
  });

  it('falls back to the protocol rule when the chain decides', () => {
    expect(payoutTimeText(null, now)).toContain('end of the current validation round');
  });
});
