// Per-network settings. Pure data and functions: the env is read in src/config/network.ts.
import type { RpcEndpoint } from './endpoints';

export type NetworkName = 'devnet' | 'testnet' | 'mainnet';
/** TON Connect chain ids (CHAIN.MAINNET / CHAIN.TESTNET). The devnet runs as testnet: global id -3. */
export type ChainId = '-239' | '-3';

export interface NetworkConfig {
  name: NetworkName;
  label: string;
  chain: ChainId;
  /** Show addresses with the testOnly flag (kQ…/0Q…). */
  testOnly: boolean;
  /** toncenter API v2 JSON-RPC endpoint: the primary one. */
  endpoint: string;
  /** The primary endpoint's key. */
  apiKey?: string;
  /**
   * Every configured endpoint in fail-over order, the primary (`endpoint`, `apiKey`, `maxRps`) first. Absent: the
   * primary alone.
   */
  endpoints?: RpcEndpoint[];
  /** Pool address; on devnet it comes from GET /devnet/config at runtime. */
  poolAddress?: string;
  /** Ticker of the native coin, from config (some wallets show GRAM since 2026). */
  nativeTicker: string;
  /** Pool jetton ticker shown when its metadata has no symbol (or is still loading). */
  poolJettonTicker: string;
  explorerUrl?: string;
  /** Devnet only: base URL of the devnet server (config, faucet, dev wallet). */
  devnetUrl?: string;
  /** Requests per second the primary endpoint allows (toncenter keyless: 1; with a key: 10). */
  maxRps: number;
}

/** The configured endpoints, primary first: `endpoints`, or the primary alone. */
export function configuredEndpoints(network: NetworkConfig): RpcEndpoint[] {
  if (network.endpoints?.length) return network.endpoints;
  return [{ url: network.endpoint, apiKey: network.apiKey, maxRps: network.maxRps, source: 'config' }];
}

export const DEFAULT_DEVNET_URL = 'http://127.0.0.1:8081';

export function networkPreset(name: NetworkName, devnetUrl = DEFAULT_DEVNET_URL): NetworkConfig {
  switch (name) {
    case 'devnet':
      return {
        name,
        label: 'Devnet',
        // The devnet's global id (config 19) and its dev wallets' V5R1 network id: TON Connect then shows the same
        // test-only 0Q… address as the app.
        chain: '-3',
        testOnly: true,
        endpoint: `${devnetUrl}/jsonRPC`,
        nativeTicker: 'TON',
        poolJettonTicker: 'pTON',
        devnetUrl,
        maxRps: 50,
      };
    case 'testnet':
      return {
        name,
        label: 'Testnet',
        chain: '-3',
        testOnly: true,
        endpoint: 'https://testnet.toncenter.com/api/v2/jsonRPC',
        nativeTicker: 'TON',
        poolJettonTicker: 'pTON',
        explorerUrl: 'https://testnet.tonviewer.com',
        maxRps: 1,
      };
    case 'mainnet':
      return {
        name,
        label: 'Mainnet',
        chain: '-239',
        testOnly: false,
        endpoint: 'https://toncenter.com/api/v2/jsonRPC',
        nativeTicker: 'TON',
        poolJettonTicker: 'pTON',
        explorerUrl: 'https://tonviewer.com',
        maxRps: 1,
      };
  }
}

export function isNetworkName(value: unknown): value is NetworkName {
  return value === 'devnet' || value === 'testnet' || value === 'mainnet';
}
