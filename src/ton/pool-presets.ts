// Which pools the app offers per network, and the static checks a pool address must pass before any read: it
// parses, its user-friendly flags do not name the other network, and it is not a preset of the other network.
// What can really tell the networks apart is the chain itself: a pool address of the other network is no pool on
// this network's endpoint, which inspectPool (pool-check.ts) finds out with the getter.
import { Address } from '@ton/core';
import type { PoolVersion } from '../../contracts/wrappers/pool-data';
import type { NetworkConfig, NetworkName } from './networks';

export interface PoolPreset {
  /** As published (any form Address.parse accepts). */
  address: string;
  label: string;
  /** The release the preset is known to run, when known (the getter decides at run time). */
  version?: PoolVersion;
  /**
   * Its jetton's symbol, when the list knows it: shown without reading the minter (a first visit saves a request).
   * A pool without one has its symbol read from the minter's on-chain metadata.
   */
  jettonTicker?: string;
}

/** Tonstakers, from its SDK's constants (lst-interface.md §11.5). Which release each runs is read at run time. */
export const PUBLIC_POOL_PRESETS: Readonly<Record<Exclude<NetworkName, 'devnet'>, readonly PoolPreset[]>> = {
  mainnet: [{ address: 'EQCkWxfyhAkim3g2DjKQQg8T5P4g-Q1-K_jErGcDJZ4i-vqR', label: 'Tonstakers', jettonTicker: 'tsTON' }],
  testnet: [{ address: 'kQANFsYyYn-GSZ4oajUJmboDURZU-udMHf9JxzO4vYM_hFP3', label: 'Tonstakers (testnet)' }],
};

/** The presets of a testnet or mainnet build: the configured pool first (VITE_POOL_ADDRESS), then the public ones. */
export function publicPresets(network: Pick<NetworkConfig, 'name' | 'poolAddress'>): PoolPreset[] {
  if (network.name === 'devnet') return network.poolAddress ? [{ address: network.poolAddress, label: 'Configured pool' }] : [];
  const known = [...PUBLIC_POOL_PRESETS[network.name]];
  if (network.poolAddress && !known.some((preset) => samePool(preset.address, network.poolAddress!))) {
    known.unshift({ address: network.poolAddress, label: 'Configured pool' });
  }
  return known;
}

export function samePool(a: string, b: string): boolean {
  try {
    return Address.parse(a).equals(Address.parse(b));
  } catch {
    return false;
  }
}

export function findPreset(presets: readonly PoolPreset[], address: string): PoolPreset | null {
  return presets.find((preset) => samePool(preset.address, address)) ?? null;
}

/** Why a text is not a pool address for this network, as data the UI words (the pool picker's catalog). */
export type PoolAddressProblem = {
  ok: false;
  reason: 'empty' | 'invalid' | 'masterchain' | 'testnet-address' | 'mainnet-address' | 'other-network-preset';
  /** other-network-preset: the network whose preset it is, and the preset's label. */
  otherNetwork?: string;
  presetLabel?: string;
};

export type PoolAddressCheck = { ok: true; address: Address } | PoolAddressProblem;

function flagsOf(text: string): { testOnly: boolean } | null {
  return Address.isFriendly(text) ? { testOnly: Address.parseFriendly(text).isTestOnly } : null;
}

/**
 * Static checks of a pasted pool address for `network`. Raw addresses (0:…) carry no network flag: only the
 * presets and the on-chain check can place them. Devnet accepts either flag (it mirrors testnet tooling).
 */
export function checkPoolAddressText(text: string, network: Pick<NetworkConfig, 'name'>): PoolAddressCheck {
  const trimmed = text.trim();
  if (trimmed === '') return { ok: false, reason: 'empty' };
  let address: Address;
  try {
    address = Address.parse(trimmed);
  } catch {
    return { ok: false, reason: 'invalid' };
  }
  if (address.workChain !== 0) return { ok: false, reason: 'masterchain' };
  const flags = flagsOf(trimmed);
  if (network.name === 'mainnet' && flags?.testOnly) {
    return { ok: false, reason: 'testnet-address' };
  }
  if (network.name === 'testnet' && flags && !flags.testOnly) {
    return { ok: false, reason: 'mainnet-address' };
  }
  for (const [other, presets] of Object.entries(PUBLIC_POOL_PRESETS)) {
    if (other === network.name) continue;
    const preset = findPreset(presets, trimmed);
    if (preset) return { ok: false, reason: 'other-network-preset', otherNetwork: other, presetLabel: preset.label };
  }
  return { ok: true, address };
}
