// The pool jetton's ticker: the preset's when the pool list names it (no request), else the minter's on-chain symbol
// (read once, kept in localStorage), else the configured one while that read is on its way.
import { useQuery } from './use-query';
import type { NetworkConfig } from '../ton/networks';
import { isConfusableWithTicker } from '../ton/jetton';
import type { PoolPreset } from '../ton/pool-presets';
import { ptonMetadataQuery } from './pool';

/** The preset's ticker, unless it could pass for the native coin (then the minter is read and guarded like any). */
export function presetJettonTicker(network: Pick<NetworkConfig, 'nativeTicker'>, preset: Pick<PoolPreset, 'jettonTicker'> | null): string | undefined {
  const ticker = preset?.jettonTicker;
  return ticker && !isConfusableWithTicker(ticker, network.nativeTicker) ? ticker : undefined;
}

export function usePoolJettonTicker(network: NetworkConfig, preset: PoolPreset | null, minter: string | undefined): string {
  const known = presetJettonTicker(network, preset);
  const metadata = useQuery(ptonMetadataQuery(network, known ? undefined : minter));
  return known ?? metadata.data?.symbol ?? network.poolJettonTicker;
}
