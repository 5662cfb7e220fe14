// The devnet publishes its runtime facts (pool address, dev wallet, clock) at GET <devnetUrl>/devnet/config.
// On other networks the pool address comes from the build config only.
import { Address } from '@ton/core';
import type { NetworkConfig } from './networks';

export interface DevnetConfig {
  chain: string;
  endpoint: string;
  /** Devnet clock, unix seconds (may run ahead of the wall clock after time travel). */
  now: number;
  pool: Address | null;
  devWallet: Address | null;
}

function optionalAddress(value: unknown): Address | null {
  if (typeof value !== 'string' || value === '') return null;
  try {
    return Address.parse(value);
  } catch {
    return null;
  }
}

export async function fetchDevnetConfig(devnetUrl: string, fetchImpl: typeof fetch = (...args) => globalThis.fetch(...args)): Promise<DevnetConfig> {
  const response = await fetchImpl(`${devnetUrl.replace(/\/+$/, '')}/devnet/config`);
  if (!response.ok) throw new Error(`devnet config: HTTP ${response.status}`);
  const raw = (await response.json()) as Record<string, unknown>;
  return {
    chain: String(raw.chain ?? ''),
    endpoint: String(raw.endpoint ?? ''),
    now: Number(raw.now ?? 0),
    pool: optionalAddress(raw.pool ?? raw.poolAddress),
    devWallet: optionalAddress((raw.devWallet as { address?: unknown } | undefined)?.address),
  };
}

/** The pool to read: the configured one, else (devnet only) the one the devnet announces; null when unknown. */
export async function resolvePoolAddress(network: NetworkConfig, fetchImpl?: typeof fetch): Promise<Address | null> {
  if (network.poolAddress) return Address.parse(network.poolAddress);
  if (network.name !== 'devnet' || !network.devnetUrl) return null;
  return (await fetchDevnetConfig(network.devnetUrl, fetchImpl)).pool;
}
