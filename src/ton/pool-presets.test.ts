import { Address } from '@ton/core';
import { describe, expect, it } from 'vitest';
import { networkPreset } from './networks';
import { checkPoolAddressText, findPreset, PUBLIC_POOL_PRESETS, publicPresets } from './pool-presets';

const mainnet = networkPreset('mainnet');
const testnet = networkPreset('testnet');
const devnet = networkPreset('devnet');
const mainnetPool = PUBLIC_POOL_PRESETS.mainnet[0].address;
const testnetPool = PUBLIC_POOL_PRESETS.testnet[0].address;
const reason = (text: string, network = mainnet) => {
  const check = checkPoolAddressText(text, network);
  return check.ok ? 'ok' : check.reason;
};

describe('pool presets (spec §11.5)', () => {
  it('mainnet and testnet builds offer the Tonstakers pool of their own network', () => {
    expect(publicPresets(mainnet).map((preset) => preset.address)).toEqual([mainnetPool]);
    expect(publicPresets(testnet).map((preset) => preset.address)).toEqual([testnetPool]);
    // flags as published: the mainnet pool is a plain bounceable address, the testnet one is flagged test-only
    expect(Address.parseFriendly(mainnetPool).isTestOnly).toBe(false);
    expect(Address.parseFriendly(testnetPool).isTestOnly).toBe(true);
  });

  it('finds a preset in any address form', () => {
    const raw = Address.parse(mainnetPool).toRawString();
    expect(findPreset(PUBLIC_POOL_PRESETS.mainnet, raw)?.label).toBe('Tonstakers');
    expect(findPreset(PUBLIC_POOL_PRESETS.mainnet, testnetPool)).toBeNull();
  });
});

describe('checkPoolAddressText: what can be checked before any read', () => {
  it('a mainnet build refuses a testnet pool, by its flag or, in raw form, as the testnet preset', () => {
    expect(reason(testnetPool, mainnet)).toBe('testnet-address');
    expect(reason(Address.parse(testnetPool).toRawString(), mainnet)).toBe('other-network-preset');
    // the refusal names the preset and its network, for the picker's sentence
    expect(checkPoolAddressText(Address.parse(testnetPool).toRawString(), mainnet)).toMatchObject({ otherNetwork: 'testnet', presetLabel: 'Tonstakers (testnet)' });
    expect(reason(mainnetPool, mainnet)).toBe('ok');
  });

  it('a testnet build refuses a mainnet pool the same two ways', () => {
    expect(reason(mainnetPool, testnet)).toBe('mainnet-address');
    expect(reason(Address.parse(mainnetPool).toRawString(), testnet)).toBe('other-network-preset');
    expect(reason(testnetPool, testnet)).toBe('ok');
  });

  it('refuses what is not a basechain address, with its reason', () => {
    expect(reason('')).toBe('empty');
    expect(reason('not an address')).toBe('invalid');
    expect(reason(`-1:${'ab'.repeat(32)}`)).toBe('masterchain');
    expect(reason('EQ-nope')).toBe('invalid');
  });

  it('devnet accepts either flag: its pools are checked on its own chain', () => {
    const address = Address.parse(`0:${'12'.repeat(32)}`);
    expect(reason(address.toString({ testOnly: true }), devnet)).toBe('ok');
    expect(reason(address.toString({ testOnly: false }), devnet)).toBe('ok');
  });
});
