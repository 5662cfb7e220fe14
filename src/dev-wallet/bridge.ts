// The Devnet Wallet: a TON Connect "injected" wallet whose key lives in the devnet server.
// The page only relays requests; signing happens in Node (POST /devwallet/sendTransaction), so no key or crypto here.
// Every sendTransaction is first shown to the user (`approve`, the approval sheet): nothing reaches the signer unasked.
import { DEVNET_MUTATION_HEADERS } from '../ton/devnet-request';
import { decodeSendTransaction, type DecodedRequest } from './decode';

export const DEVNET_WALLET_APP_NAME = 'devnet-wallet';
export const DEVNET_WALLET_BRIDGE_KEY = 'devnetWallet';
/** localStorage key that picks which devnet-held wallet to use (each e2e test sets its own). */
export const WALLET_NAME_STORAGE_KEY = 'devnet-wallet-name';
/** localStorage key that remembers which wallet name is connected, for restoreConnection after a reload. */
export const SESSION_STORAGE_KEY = 'devnet-wallet-session';
export const DEFAULT_WALLET_NAME = 'dev';

const PROTOCOL_VERSION = 2;
const MAX_MESSAGES = 4;

/** TON Connect wallet error codes the dApp SDK understands. */
export const WalletErrorCode = {
  unknown: 0,
  badRequest: 1,
  userRejects: 300,
  methodNotSupported: 400,
} as const;

export interface DeviceInfo {
  platform: 'browser';
  appName: string;
  appVersion: string;
  maxProtocolVersion: number;
  features: (string | { name: 'SendTransaction'; maxMessages: number })[];
}

/** GET /devwallet/account response. */
export interface DevnetWalletAccount {
  address: string;
  friendly: string;
  publicKey: string;
  walletStateInit: string;
  network: string;
  balance: string;
}

interface TonAddressReply {
  name: 'ton_addr';
  address: string;
  network: string;
  publicKey: string;
  walletStateInit: string;
}
interface ItemErrorReply {
  name: string;
  error: { code: number; message: string };
}

export type ConnectEvent =
  | {
      event: 'connect';
      id: number;
      payload: { device: DeviceInfo; items: (TonAddressReply | ItemErrorReply)[] };
    }
  | { event: 'connect_error'; id: number; payload: { code: number; message: string } };
export type WalletEvent = ConnectEvent | { event: 'disconnect'; id: number; payload: Record<string, never> };

export interface ConnectRequest {
  manifestUrl: string;
  items: { name: string; payload?: string }[];
}
export interface AppRequest {
  method: string;
  params: string[];
  id: string;
}
export type WalletResponse =
  | { id: string; result: string | Record<string, never> }
  | { id: string; error: { code: number; message: string } };

export interface DevnetWalletBridge {
  deviceInfo: DeviceInfo;
  protocolVersion: number;
  isWalletBrowser: boolean;
  connect(protocolVersion: number, request: ConnectRequest): Promise<ConnectEvent>;
  restoreConnection(): Promise<ConnectEvent>;
  send(request: AppRequest): Promise<WalletResponse>;
  listen(callback: (event: WalletEvent) => void): () => void;
  disconnect(): Promise<void>;
}

export interface BridgeDependencies {
  /** Base URL of the devnet server, e.g. http://127.0.0.1:8081. */
  devnetUrl: string;
  storage: Pick<Storage, 'getItem' | 'setItem' | 'removeItem'>;
  fetch: typeof fetch;
  /** Shows what a request would sign and resolves with the user's answer (approval-sheet.ts in the page). */
  approve: (request: DecodedRequest) => Promise<boolean>;
}

export const devnetWalletDeviceInfo: DeviceInfo = {
  platform: 'browser',
  appName: DEVNET_WALLET_APP_NAME,
  appVersion: '0.1.0',
  maxProtocolVersion: PROTOCOL_VERSION,
  // The bare string is the legacy form older SDKs look for; the object form is what walletsRequiredFeatures checks.
  features: ['SendTransaction', { name: 'SendTransaction', maxMessages: MAX_MESSAGES }],
};

export function createDevnetWalletBridge({
  devnetUrl,
  storage,
  fetch,
  approve,
}: BridgeDependencies): DevnetWalletBridge {
  const listeners = new Set<(event: WalletEvent) => void>();
  let nextEventId = 1;

  const walletName = () => storage.getItem(WALLET_NAME_STORAGE_KEY) || DEFAULT_WALLET_NAME;
  const query = (name: string) => `?name=${encodeURIComponent(name)}`;

  const connectError = (message: string, code: number = WalletErrorCode.unknown): ConnectEvent => ({
    event: 'connect_error',
    id: nextEventId++,
    payload: { code, message },
  });

  async function connectEvent(name: string, requestedItems: ConnectRequest['items']): Promise<ConnectEvent> {
    let account: DevnetWalletAccount;
    try {
      const response = await fetch(`${devnetUrl}/devwallet/account${query(name)}`);
      if (!response.ok) return connectError(`devnet answered ${response.status} for wallet "${name}"`);
      account = (await response.json()) as DevnetWalletAccount;
    } catch (error) {
      return connectError(`devnet unreachable: ${String(error)}`);
    }
    const items: (TonAddressReply | ItemErrorReply)[] = [
      {
        name: 'ton_addr',
        address: account.address,
        network: account.network,
        publicKey: account.publicKey,
        walletStateInit: account.walletStateInit,
      },
    ];
    // ton_proof is not implemented; say so per item rather than failing the whole connection.
    for (const item of requestedItems) {
      if (item.name !== 'ton_addr') {
        items.push({
          name: item.name,
          error: { code: WalletErrorCode.methodNotSupported, message: 'not supported' },
        });
      }
    }
    storage.setItem(SESSION_STORAGE_KEY, name);
    return { event: 'connect', id: nextEventId++, payload: { device: devnetWalletDeviceInfo, items } };
  }

  async function sendTransaction(id: string, paramsJson: string | undefined): Promise<WalletResponse> {
    if (paramsJson === undefined)
      return { id, error: { code: WalletErrorCode.badRequest, message: 'missing params' } };
    let decoded: DecodedRequest;
    try {
      decoded = decodeSendTransaction(paramsJson);
    } catch (error) {
      return { id, error: { code: WalletErrorCode.badRequest, message: `cannot read the request: ${String(error)}` } };
    }
    if (!(await approve(decoded))) {
      return { id, error: { code: WalletErrorCode.userRejects, message: 'User rejected the transaction' } };
    }
    try {
      const response = await fetch(`${devnetUrl}/devwallet/sendTransaction${query(walletName())}`, {
        method: 'POST',
        headers: { ...DEVNET_MUTATION_HEADERS },
        body: paramsJson,
      });
      const reply = (await response.json()) as { boc?: string; error?: { code: number; message: string } };
      if (reply.error) return { id, error: reply.error };
      if (typeof reply.boc !== 'string') {
        return {
          id,
          error: {
            code: WalletErrorCode.unknown,
            message: `devnet answered ${response.status} without a boc`,
          },
        };
      }
      return { id, result: reply.boc };
    } catch (error) {
      return {
        id,
        error: { code: WalletErrorCode.unknown, message: `devnet unreachable: ${String(error)}` },
      };
    }
  }

  return {
    deviceInfo: devnetWalletDeviceInfo,
    protocolVersion: PROTOCOL_VERSION,
    isWalletBrowser: false,

    async connect(protocolVersion, request) {
      if (protocolVersion > PROTOCOL_VERSION)
        return connectError(`protocol ${protocolVersion} not supported`, WalletErrorCode.badRequest);
      return connectEvent(walletName(), request.items);
    },

    async restoreConnection() {
      const sessionName = storage.getItem(SESSION_STORAGE_KEY);
      // A session belongs to one wallet name: switching the dev wallet drops it instead of silently changing accounts.
      if (sessionName === null || sessionName !== walletName()) return connectError('no session');
      return connectEvent(sessionName, [{ name: 'ton_addr' }]);
    },

    async send(request) {
      switch (request.method) {
        case 'sendTransaction':
          return sendTransaction(request.id, request.params[0]);
        case 'disconnect':
          storage.removeItem(SESSION_STORAGE_KEY);
          return { id: request.id, result: {} };
        default:
          return {
            id: request.id,
            error: { code: WalletErrorCode.methodNotSupported, message: `${request.method} not supported` },
          };
      }
    },

    // The devnet never pushes wallet-side events, but the SDK needs a working subscribe/unsubscribe pair.
    listen(callback) {
      listeners.add(callback);
      return () => {
        listeners.delete(callback);
      };
    },

    // dApp-initiated: the SDK already knows, so no 'disconnect' event goes back to the listeners.
    async disconnect() {
      storage.removeItem(SESSION_STORAGE_KEY);
    },
  };
}
