// The app's network, from Vite env (see README "Configuration"). Everything chain-specific starts here.
import { isNetworkName, networkPreset, type NetworkConfig } from '../ton/networks';

function readNetwork(): NetworkConfig {
  const env = import.meta.env;
  const name = env.VITE_NETWORK ?? 'devnet';
  if (!isNetworkName(name)) throw new Error(`VITE_NETWORK must be devnet, testnet or mainnet (got "${name}")`);
  const preset = networkPreset(name, env.VITE_DEVNET_URL || undefined);
  const maxRps = Number(env.VITE_TON_MAX_RPS);
  return {
    ...preset,
    endpoint: env.VITE_TON_ENDPOINT || preset.endpoint,
    apiKey: env.VITE_TON_API_KEY || undefined,
    poolAddress: env.VITE_POOL_ADDRESS || preset.poolAddress,
    nativeTicker: env.VITE_NATIVE_TICKER || preset.nativeTicker,
    poolJettonTicker: env.VITE_POOL_JETTON_TICKER || preset.poolJettonTicker,
    maxRps: maxRps > 0 ? maxRps : env.VITE_TON_API_KEY ? 10 : preset.maxRps,
  };
}

export const network: NetworkConfig = readNetwork();
/** Build-time constant: false in testnet/mainnet builds, so devnet-only code is dropped from the bundle. */
export const IS_DEVNET = import.meta.env.VITE_NETWORK === undefined || import.meta.env.VITE_NETWORK === 'devnet';
