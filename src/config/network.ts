// The app's network, from Vite env (see README "Configuration"). Everything chain-specific starts here.
import { readEndpoints, type EndpointEnv } from '../ton/endpoints';
import { isNetworkName, networkPreset, type NetworkConfig } from '../ton/networks';

export function readNetwork(env: EndpointEnv & Partial<Record<string, string>>): NetworkConfig {
  const name = env.VITE_NETWORK ?? 'devnet';
  if (!isNetworkName(name)) throw new Error(`VITE_NETWORK must be devnet, testnet or mainnet (got "${name}")`);
  const preset = networkPreset(name, env.VITE_DEVNET_URL || undefined);
  const endpoints = readEndpoints(env, preset);
  return {
    ...preset,
    endpoint: endpoints[0].url,
    apiKey: endpoints[0].apiKey,
    maxRps: endpoints[0].maxRps,
    endpoints,
    poolAddress: env.VITE_POOL_ADDRESS || preset.poolAddress,
    nativeTicker: env.VITE_NATIVE_TICKER || preset.nativeTicker,
    poolJettonTicker: env.VITE_POOL_JETTON_TICKER || preset.poolJettonTicker,
  };
}

export const network: NetworkConfig = readNetwork(import.meta.env);
/** Build-time constant: false in testnet/mainnet builds, so devnet-only code is dropped from the bundle. */
export const IS_DEVNET = import.meta.env.VITE_NETWORK === undefined || import.meta.env.VITE_NETWORK === 'devnet';
