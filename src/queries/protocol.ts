// Where the pool is and how long its rounds are. On devnet both come from GET /devnet/config at runtime (the
// pool is deployed at genesis, so its address changes on every reset); elsewhere from the build config.
import { queryOptions } from '@tanstack/react-query';
import type { NetworkConfig } from '../ton/networks';
import { publicPresets, type PoolPreset } from '../ton/pool-presets';

export interface ProtocolInfo {
  /** The network's default pool, as text (any form Address.parse accepts). */
  pool: string;
  /** The pools the picker offers on this network, the default first (devnet: `pools` of /devnet/config). */
  presets: PoolPreset[];
  /** Devnet: seconds per round; null where the chain's validator schedule decides. */
  roundSeconds: number | null;
  /** Devnet: unix seconds of the next round switch (bills are paid then); null when unknown. */
  nextRoundAt: number | null;
  /** Devnet clock minus the wall clock, in seconds (the devnet clock can be advanced); 0 elsewhere. */
  clockOffsetS: number;
}

/** No pool to show: the devnet has not deployed one yet, or a testnet/mainnet build names none. */
export class PoolNotConfiguredError extends Error {
  constructor(
    readonly reason: 'devnet-not-deployed' | 'not-configured',
    readonly networkLabel: string,
  ) {
    super(reason === 'devnet-not-deployed' ? 'The devnet has no staking pool deployed yet.' : `No pool address is configured for ${networkLabel}.`);
    this.name = 'PoolNotConfiguredError';
  }
}

function optionalNumber(value: unknown): number | null {
  return typeof value === 'number' && Number.isFinite(value) ? value : null;
}

const VERSIONS = new Set(['v1', 'intermediate', 'v2']);

/** `pools: [{address, version, label, jettonTicker?}]` of /devnet/config; malformed entries are skipped. */
function devnetPresets(value: unknown): PoolPreset[] {
  if (!Array.isArray(value)) return [];
  return value.flatMap((entry): PoolPreset[] => {
    const item = (entry && typeof entry === 'object' ? entry : {}) as Record<string, unknown>;
    if (typeof item.address !== 'string' || item.address === '') return [];
    const label = typeof item.label === 'string' && item.label !== '' ? item.label : 'Pool';
    const version = typeof item.version === 'string' && VERSIONS.has(item.version) ? (item.version as PoolPreset['version']) : undefined;
    const jettonTicker = typeof item.jettonTicker === 'string' && /^[\w.-]{1,16}$/.test(item.jettonTicker) ? item.jettonTicker : undefined;
    return [{ address: item.address, label, ...(version ? { version } : {}), ...(jettonTicker ? { jettonTicker } : {}) }];
  });
}

/** Reads the parts of /devnet/config the staking flows need; throws a clear error while no pool is deployed. */
export function parseDevnetProtocol(body: unknown, nowS = Date.now() / 1000): ProtocolInfo {
  const config = (body && typeof body === 'object' ? body : {}) as Record<string, unknown>;
  if (typeof config.pool !== 'string' || config.pool === '') {
    throw new PoolNotConfiguredError('devnet-not-deployed', 'Devnet');
  }
  const devnetNow = optionalNumber(config.now);
  const listed = devnetPresets(config.pools);
  // `pool` is the main one: first, whether or not `pools` lists it
  const main = listed.find((preset) => preset.address === config.pool) ?? { address: config.pool, label: 'Devnet pool' };
  return {
    pool: config.pool,
    presets: [main, ...listed.filter((preset) => preset !== main)],
    roundSeconds: optionalNumber(config.roundSeconds),
    nextRoundAt: optionalNumber(config.nextRoundAt),
    clockOffsetS: devnetNow === null ? 0 : Math.round(devnetNow - nowS),
  };
}

export async function fetchProtocolInfo(network: NetworkConfig, fetchImpl: typeof fetch = (...args) => globalThis.fetch(...args)): Promise<ProtocolInfo> {
  const presets = publicPresets(network);
  if (presets.length > 0) return { pool: presets[0].address, presets, roundSeconds: null, nextRoundAt: null, clockOffsetS: 0 };
  // VITE_NETWORK is inlined at build time, so testnet/mainnet bundles drop the devnet route below entirely.
  const devnetBuild = (import.meta.env.VITE_NETWORK ?? 'devnet') === 'devnet';
  if (!devnetBuild || !network.devnetUrl) {
    throw new PoolNotConfiguredError('not-configured', network.label);
  }
  const response = await fetchImpl(`${network.devnetUrl}/devnet/config`, { signal: AbortSignal.timeout(10_000) });
  if (!response.ok) throw new Error(`The devnet answered ${response.status} for its configuration.`);
  return parseDevnetProtocol(await response.json());
}

export function protocolInfoQuery(network: NetworkConfig, fetchImpl?: typeof fetch) {
  return queryOptions({
    queryKey: ['ton', network.name, 'protocol'] as const,
    queryFn: () => fetchProtocolInfo(network, fetchImpl),
    // Configured and public pools never move; the devnet's next round time does, once per round.
    staleTime: network.name !== 'devnet' || network.poolAddress ? Number.POSITIVE_INFINITY : 15_000,
    refetchInterval: network.name !== 'devnet' || network.poolAddress ? false : 30_000,
  });
}

/** Wall-clock unix seconds when bills of the current round should be paid; null when the chain decides. */
export function expectedPayoutAt(protocol: ProtocolInfo | undefined): number | null {
  if (!protocol || protocol.nextRoundAt === null) return null;
  return protocol.nextRoundAt - protocol.clockOffsetS;
}
