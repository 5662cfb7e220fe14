// The devnet HTTP server: toncenter v2 API (/jsonRPC, /api/v2/*), devnet admin routes (/devnet/*) and the
// Node-side dev wallet (/devwallet/*), all over one sandbox chain.
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { TonConnectBridge } from './bridge';
import { DevnetChain } from './chain';
import { DEFAULT_DEV_WALLET, DevWalletError, DevWallets, TON_CONNECT_ERROR } from './dev-wallet';
import type { DevnetContext, DevnetExtension } from './extension';
import {
  faultsForRequest,
  INJECTED_500_BODY,
  NO_FAULTS,
  parseFaults,
  pickFault,
  RATE_LIMIT_BODY,
  type FaultSettings,
} from './faults';
import { ApiError, isRecord, readJsonBody, sendJson, sendPreflight, sleep } from './http';
import { consoleLogger, type Logger } from './logger';
import { MobileWallet } from './mobile-wallet';
import { BRIDGE_PATH, MOBILE_WALLET_APP_NAME, MOBILE_WALLET_PATH } from './mobile-wallet-info';
import { parseHash, requireAddress, requireString, type Params } from './params';
import {
  createToncenterMethods,
  errorEnvelope,
  handleJsonRpc,
  toApiError,
  transactionJson,
} from './toncenter';

/** The faucet's per-request cap: 1,000,000 TON. */
export const FAUCET_MAX_NANO = 1_000_000n * 1_000_000_000n;
/** Longest single time jump: ten years. */
const MAX_ADVANCE_S = 10 * 366 * 24 * 3600;
const GENESIS_STATE_KEY = 'devnet:genesis-done';

export interface StartDevnetOptions {
  /** Port to listen on; 0 picks a free one. Default 8081. */
  port?: number;
  host?: string;
  stateDir: string;
  reset?: boolean;
  extensions?: DevnetExtension[];
  logger?: Logger;
  faults?: FaultSettings;
  /** Log every request with its status and duration. */
  logRequests?: boolean;
  /** Delay between accepting an external and executing it (see DevnetChain.blockDelayMs). */
  blockDelayMs?: number;
  saveDebounceMs?: number;
  /** Interval of the TON Connect bridge's SSE heartbeats (default 15 s). */
  bridgeHeartbeatMs?: number;
}

export interface RunningDevnet {
  url: string;
  port: number;
  chain: DevnetChain;
  devWallets: DevWallets;
  bridge: TonConnectBridge;
  mobileWallet: MobileWallet;
  /** Time from the call to listening, in ms. */
  startupMs: number;
  /** Current fault-injection settings (mutable through POST /devnet/faults too). */
  faults: FaultSettings;
  close(): Promise<void>;
}

export async function startDevnet(options: StartDevnetOptions): Promise<RunningDevnet> {
  const startedAt = performance.now();
  const logger = options.logger ?? consoleLogger();
  const state = { faults: { ...(options.faults ?? NO_FAULTS) }, url: '' };

  // Listen first: a busy port fails in milliseconds, not after a long genesis, and until the chain is ready every
  // request gets a 503 (readiness probes such as Playwright's webServer.url and scripts/start.ts wait for a 2xx).
  let handler: ((request: IncomingMessage, response: ServerResponse) => Promise<void>) | undefined;
  const server = createServer((request, response) => {
    if (options.logRequests) {
      const began = performance.now();
      response.on('finish', () =>
        logger.info(
          `${request.method} ${request.url} → ${response.statusCode} in ${Math.round(performance.now() - began)} ms`,
        ),
      );
    }
    if (!handler) {
      if (request.method === 'OPTIONS') return sendPreflight(response);
      return sendJson(response, 503, { ok: false, error: 'the devnet is starting', code: 503 });
    }
    handler(request, response).catch((error: unknown) => {
      const apiError = toApiError(error, logger, `${request.method} ${request.url}`);
      if (!response.headersSent) sendJson(response, apiError.status, errorEnvelope(apiError));
      else response.end();
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 8081, options.host ?? '127.0.0.1', () => resolve());
  });
  const port = (server.address() as AddressInfo).port;
  // Listening on all interfaces still means clients on this machine reach it at 127.0.0.1.
  const host =
    !options.host || options.host === '0.0.0.0' || options.host === '::' ? '127.0.0.1' : options.host;
  state.url = `http://${host.includes(':') ? `[${host}]` : host}:${port}`;
  const stopServer = async () => {
    server.closeAllConnections();
    await new Promise<void>((resolve) => server.close(() => resolve()));
  };

  let chain: DevnetChain;
  try {
    chain = await DevnetChain.open({
      stateDir: options.stateDir,
      reset: options.reset,
      logger: logger.child('chain'),
      saveDebounceMs: options.saveDebounceMs,
    });
  } catch (error) {
    await stopServer();
    throw error;
  }
  const stops: Array<() => void | Promise<void>> = [];
  try {
    chain.blockDelayMs = options.blockDelayMs ?? 0;
    const devWallets = new DevWallets(chain, logger.child('wallet'));
    await devWallets.ensureFunded(DEFAULT_DEV_WALLET);
    const bridge = new TonConnectBridge({
      stateDir: options.stateDir,
      reset: options.reset,
      logger: logger.child('bridge'),
      heartbeatMs: options.bridgeHeartbeatMs,
    });
    stops.push(() => bridge.close());
    const mobileWallet = new MobileWallet({ bridge, chain, devWallets, logger: logger.child('mobile-wallet') });
    await mobileWallet.start();
    stops.push(() => mobileWallet.stop());

    const extensions = options.extensions ?? [];
    const contexts = new Map<DevnetExtension, DevnetContext>();
    for (const extension of extensions) {
      contexts.set(extension, {
        chain,
        devWallets,
        logger: logger.child(extension.name),
        url: state.url,
        state: {
          get: <T>() => chain.getExtensionState<T>(extension.name),
          set: (value: unknown) => chain.setExtensionState(extension.name, value),
        },
      });
    }
    for (const extension of extensions) {
      const done = chain.getExtensionState<string[]>(GENESIS_STATE_KEY) ?? [];
      if (!extension.genesis || done.includes(extension.name)) continue;
      const began = performance.now();
      await extension.genesis(contexts.get(extension)!);
      chain.setExtensionState(GENESIS_STATE_KEY, [...done, extension.name]);
      logger.info(`genesis of "${extension.name}" done in ${Math.round(performance.now() - began)} ms`);
    }
    await chain.enableAutosave();
    for (const extension of extensions) {
      if (extension.start) stops.push(await extension.start(contexts.get(extension)!));
    }

    const methods = createToncenterMethods(chain);
    handler = createRequestHandler({
      chain,
      devWallets,
      bridge,
      mobileWallet,
      methods,
      logger,
      state,
      extensions,
      contexts,
    });

    let closing: Promise<void> | undefined;
    return {
      url: state.url,
      port,
      chain,
      devWallets,
      bridge,
      mobileWallet,
      startupMs: Math.round(performance.now() - startedAt),
      get faults() {
        return state.faults;
      },
      set faults(value: FaultSettings) {
        state.faults = value;
      },
      close() {
        closing ??= (async () => {
          for (const stop of stops.reverse()) await stop();
          await stopServer();
          await chain.close();
        })();
        return closing;
      },
    };
  } catch (error) {
    for (const stop of stops.reverse()) await stop();
    await stopServer();
    await chain.close({ save: false });
    throw error;
  }
}

interface HandlerDeps {
  chain: DevnetChain;
  devWallets: DevWallets;
  bridge: TonConnectBridge;
  mobileWallet: MobileWallet;
  methods: ReturnType<typeof createToncenterMethods>;
  logger: Logger;
  state: { faults: FaultSettings; url: string };
  extensions: DevnetExtension[];
  contexts: Map<DevnetExtension, DevnetContext>;
}

function createRequestHandler(deps: HandlerDeps) {
  const { logger } = deps;
  return async function handle(request: IncomingMessage, response: ServerResponse): Promise<void> {
    const url = new URL(request.url ?? '/', 'http://devnet.local');
    const path = url.pathname.replace(/\/+$/, '') || '/';
    // The TON Connect bridge answers its own preflights and CORS (see bridge.ts for why it is open to any origin).
    if (deps.bridge.handle(request, response, url, path)) return;
    if (request.method === 'OPTIONS') return sendPreflight(response);
    if (await deps.mobileWallet.handle(request, response, path)) return;
    if (path.startsWith('/devnet/')) return handleAdmin(deps, request, response, url, path);
    if (path.startsWith('/devwallet/')) return handleDevWallet(deps, request, response, url, path);

    if (path === '/' && request.method === 'GET') {
      return sendJson(response, 200, {
        ok: true,
        result: {
          service: 'lst-devnet',
          jsonRpc: ['/jsonRPC', '/api/v2/jsonRPC'],
          rest: '/api/v2/<method>?…',
          methods: Object.keys(deps.methods),
          devnet: [
            '/devnet/config',
            '/devnet/faucet',
            '/devnet/time/advance',
            '/devnet/faults',
            '/devnet/mode',
            '/devnet/tx-by-msg-hash',
          ],
          devWallet: ['/devwallet/account', '/devwallet/sendTransaction', '/devwallet/mode'],
          mobileWallet: [MOBILE_WALLET_PATH, `${MOBILE_WALLET_PATH}/state`, `${MOBILE_WALLET_PATH}/mode`],
          bridge: [`${BRIDGE_PATH}/events`, `${BRIDGE_PATH}/message`],
        },
      });
    }

    // toncenter API: the only routes subject to fault injection.
    const context = `${request.method} ${path}`;
    let faults: FaultSettings;
    try {
      faults = faultsForRequest(url, deps.state.faults);
    } catch (error) {
      const apiError = toApiError(error, logger, context);
      return sendJson(response, apiError.status, errorEnvelope(apiError));
    }
    if (faults.latencyMs > 0) await sleep(faults.latencyMs);
    const fault = pickFault(faults);
    if (fault === '429') return sendJson(response, 429, RATE_LIMIT_BODY);
    if (fault === '500') {
      logger.warn(`${context}: injected 500`);
      return sendJson(response, 500, INJECTED_500_BODY);
    }

    if (path === '/jsonRPC' || path === '/api/v2/jsonRPC') {
      if (request.method !== 'POST')
        return sendError(response, new ApiError(405, 'use POST for JSON-RPC'), logger, context);
      let body: unknown;
      try {
        body = await readJsonBody(request);
      } catch (error) {
        return sendError(response, error, logger, context);
      }
      const { status, body: reply } = await handleJsonRpc(deps.methods, body, logger);
      return sendJson(response, status, reply);
    }

    const method = /^\/(?:api\/v2\/)?([A-Za-z][A-Za-z0-9]*)$/.exec(path)?.[1];
    if (!method) return sendError(response, new ApiError(404, `no route ${path}`), logger, context);
    try {
      if (request.method !== 'GET' && request.method !== 'POST') throw new ApiError(405, 'use GET or POST');
      const params = request.method === 'POST' ? await readJsonBody(request) : queryParams(url);
      if (!isRecord(params)) throw new ApiError(400, 'parameters must be a JSON object');
      const handler = Object.hasOwn(deps.methods, method) ? deps.methods[method] : undefined;
      if (!handler) throw new ApiError(404, `unknown method "${method}"`);
      sendJson(response, 200, { ok: true, result: await handler(params) });
    } catch (error) {
      sendError(response, error, logger, context);
    }
  };
}

async function handleAdmin(
  deps: HandlerDeps,
  request: IncomingMessage,
  response: ServerResponse,
  url: URL,
  path: string,
): Promise<void> {
  const { chain, logger } = deps;
  const route = `${request.method} ${path}`;
  try {
    switch (route) {
      case 'GET /devnet/config':
        return sendJson(response, 200, await devnetConfig(deps));
      case 'POST /devnet/faucet': {
        const body = await readJsonObject(request);
        const address = requireAddress(body, 'address');
        const amount = parseNanoAmount(body.amount);
        const { transactions } = await chain.fund(address, amount);
        const received = transactions.find((row) => row.account.equals(address));
        logger.info(`faucet: ${amount} nanoTON to ${address.toRawString()}`);
        return sendJson(response, 200, {
          ok: true,
          result: {
            address: address.toRawString(),
            amount: amount.toString(),
            balance: (await chain.getAccount(address)).balance.toString(),
            transaction: received
              ? { lt: received.lt.toString(), hash: received.hash.toString('base64') }
              : null,
          },
        });
      }
      case 'POST /devnet/time/advance': {
        const body = await readJsonObject(request);
        const seconds = body.seconds;
        if (
          typeof seconds !== 'number' ||
          !Number.isInteger(seconds) ||
          seconds < 0 ||
          seconds > MAX_ADVANCE_S
        ) {
          throw new ApiError(400, `"seconds" must be an integer between 0 and ${MAX_ADVANCE_S}`);
        }
        const now = await chain.advance(seconds);
        logger.info(`clock advanced by ${seconds} s`);
        return sendJson(response, 200, { ok: true, result: { now, offset: chain.clockOffset } });
      }
      case 'GET /devnet/faults':
        return sendJson(response, 200, { ok: true, result: deps.state.faults });
      case 'POST /devnet/faults': {
        deps.state.faults = parseFaults(await readJsonObject(request), deps.state.faults);
        logger.info(`faults set to ${JSON.stringify(deps.state.faults)}`);
        return sendJson(response, 200, { ok: true, result: deps.state.faults });
      }
      case 'GET /devnet/mode':
        return sendJson(response, 200, { ok: true, result: { blockDelayMs: chain.blockDelayMs } });
      case 'POST /devnet/mode': {
        const body = await readJsonObject(request);
        const delay = body.blockDelayMs;
        if (typeof delay !== 'number' || !Number.isInteger(delay) || delay < 0 || delay > 600_000) {
          throw new ApiError(400, '"blockDelayMs" must be an integer between 0 and 600000');
        }
        chain.blockDelayMs = delay;
        logger.info(`block delay set to ${delay} ms`);
        return sendJson(response, 200, { ok: true, result: { blockDelayMs: delay } });
      }
      case 'GET /devnet/tx-by-msg-hash': {
        const hash = parseHash(requireString(queryParams(url), 'hash'), 'hash');
        const row = chain.transactions.byNormalizedExternalHash(hash);
        if (!row) throw new ApiError(404, 'no transaction processed a message with this normalized hash');
        return sendJson(response, 200, { ok: true, result: transactionJson(row) });
      }
      default:
        throw new ApiError(404, `no route ${route}`);
    }
  } catch (error) {
    sendError(response, error, logger, route);
  }
}

async function handleDevWallet(
  deps: HandlerDeps,
  request: IncomingMessage,
  response: ServerResponse,
  url: URL,
  path: string,
): Promise<void> {
  const { devWallets, logger } = deps;
  const route = `${request.method} ${path}`;
  const name = url.searchParams.get('name') ?? DEFAULT_DEV_WALLET;
  const badRequest = (message: string, status = 400) => {
    logger.warn(`${route}: ${status} ${message}`);
    sendJson(response, status, { error: { code: TON_CONNECT_ERROR.badRequest, message } });
  };
  try {
    switch (route) {
      case 'GET /devwallet/account':
        return sendJson(response, 200, await devWallets.account(name));
      case 'POST /devwallet/sendTransaction': {
        let body: unknown;
        try {
          body = await readJsonBody(request);
        } catch (error) {
          return badRequest(error instanceof Error ? error.message : String(error));
        }
        const reply = await devWallets.sendTransaction(name, body);
        if ('error' in reply)
          logger.warn(`${route} (${name}): wallet error ${reply.error.code}: ${reply.error.message}`);
        return sendJson(response, 200, reply);
      }
      case 'GET /devwallet/mode':
        return sendJson(response, 200, devWallets.mode(name));
      case 'POST /devwallet/mode':
        return sendJson(response, 200, devWallets.setMode(name, await readJsonBody(request)));
      default:
        return badRequest(`no route ${route}`, 404);
    }
  } catch (error) {
    if (error instanceof DevWalletError || error instanceof ApiError) {
      return badRequest(error.message, error instanceof ApiError ? error.status : 400);
    }
    throw error;
  }
}

async function devnetConfig(deps: HandlerDeps): Promise<Record<string, unknown>> {
  const { chain, devWallets, state } = deps;
  const devAccount = await devWallets.account(DEFAULT_DEV_WALLET);
  const mobileAccount = await devWallets.account(deps.mobileWallet.walletName);
  const config: Record<string, unknown> = {
    network: 'devnet',
    chain: '-239',
    url: state.url,
    endpoint: `${state.url}/jsonRPC`,
    now: chain.now(),
    clockOffset: chain.clockOffset,
    treasury: chain.treasury.address.toRawString(),
    devWallet: {
      name: devAccount.name,
      address: devAccount.address,
      friendly: devAccount.friendly,
      publicKey: devAccount.publicKey,
    },
    mobileWallet: {
      name: deps.mobileWallet.walletName,
      appName: MOBILE_WALLET_APP_NAME,
      address: mobileAccount.address,
      friendly: mobileAccount.friendly,
      universalLink: `${state.url}${MOBILE_WALLET_PATH}`,
      bridgeUrl: `${state.url}${BRIDGE_PATH}`,
    },
    faucetMaxNano: FAUCET_MAX_NANO.toString(),
    blockDelayMs: chain.blockDelayMs,
  };
  for (const extension of deps.extensions) {
    if (extension.config) Object.assign(config, extension.config(deps.contexts.get(extension)!));
  }
  return config;
}

/** Faucet amounts are nanoTON as a decimal string (bigint-safe), 1 ≤ amount ≤ FAUCET_MAX_NANO. */
function parseNanoAmount(value: unknown): bigint {
  if (typeof value !== 'string' || !/^[0-9]{1,40}$/.test(value)) {
    throw new ApiError(400, '"amount" must be a decimal string of nanoTON');
  }
  const amount = BigInt(value);
  if (amount <= 0n || amount > FAUCET_MAX_NANO) {
    throw new ApiError(400, `"amount" must be between 1 and ${FAUCET_MAX_NANO} nanoTON`);
  }
  return amount;
}

async function readJsonObject(request: IncomingMessage): Promise<Params> {
  const body = await readJsonBody(request);
  if (!isRecord(body)) throw new ApiError(400, 'the request body must be a JSON object');
  return body;
}

/** Query-string params; `stack` (runGetMethod over GET) is JSON in the query. */
function queryParams(url: URL): Params {
  const params: Params = Object.fromEntries(url.searchParams);
  if (typeof params.stack === 'string') {
    try {
      params.stack = JSON.parse(params.stack);
    } catch {
      throw new ApiError(400, 'parameter "stack" must be JSON');
    }
  }
  return params;
}

function sendError(response: ServerResponse, error: unknown, logger: Logger, context: string): void {
  const apiError = toApiError(error, logger, context);
  sendJson(response, apiError.status, errorEnvelope(apiError));
}
