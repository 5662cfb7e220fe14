import { describe, expect, it } from 'vitest';
import { presetJettonTicker } from './use-jetton-ticker';

describe('presetJettonTicker', () => {
  const network = { nativeTicker: 'TON' };

  it("uses the preset's ticker when the list names one", () => {
    expect(presetJettonTicker(network, { jettonTicker: 'tsTON' })).toBe('tsTON');
  });

  it('leaves the symbol to the minter when there is no preset, no ticker, or one that passes for the native coin', () => {
    expect(presetJettonTicker(network, null)).toBeUndefined();
    expect(presetJettonTicker(network, {})).toBeUndefined();
    expect(presetJettonTicker(network, { jettonTicker: 'TON' })).toBeUndefined();
    expect(presetJettonTicker(network, { jettonTicker: 'T0N' })).toBeUndefined();
  });
});
