// The devnet HTTP server: toncenter v2 API (/jsonRPC, /api/v2/*), devnet admin routes (/devnet/*) and the
// Node-side dev wallet (/devwallet/*), all over one sandbox chain.
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { TonConnectBridge } from './bridge';
import { DEVNET_GLOBAL_ID, DevnetChain } from './chain';
import { CLOCK_MARGIN_S, LATEST_DEVNET_TIME } from './clock';
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
import {
  accessPolicyFromEnv,
  checkAccess,
  isLoopbackHostName,
  loopbackOrigins,
  parseOrigin,
  requireMutationHeaders,
  sendPreflight,
  type AccessPolicy,
} from './access';
import { ApiError, isRecord, readJsonBody, sendJson, sleep } from './http';
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
/** Longest single time jump: ten years (the clock's ceiling, LATEST_DEVNET_TIME, applies too). */
const MAX_ADVANCE_S = 10 * 366 * 24 * 3600;
const GENESIS_STATE_KEY = 'devnet:genesis-done';

export interface StartDevnetOptions {
  /** Port to listen on; 0 picks a free one. Default 8081. */
  port?: number;
  /**
   * More ports serving the same routes through the same request handler (so under the same rules), e.g. a second RPC
   * endpoint for fail-over tests. 0 picks a free one.
   */
  extraApiPorts?: number[];
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
  /** Origins whose browser requests are served (default: DEVNET_ALLOWED_ORIGINS, else the app's dev/preview/e2e origins). */
  allowedOrigins?: string[];
  /** Extra Host names accepted besides loopback ones (default: DEVNET_ALLOWED_HOSTS). */
  allowedHosts?: string[];
  /** The emulator crashed during a state change: the chain stopped (every request now gets a 503). */
  onFatal?: (message: string) => void;
}

export interface RunningDevnet {
  url: string;
  port: number;
  /** The ports of `extraApiPorts`, as bound. */
  extraPorts: number[];
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
  const fromEnv = accessPolicyFromEnv(process.env);
  const policy: AccessPolicy = {
    origins: new Set(options.allowedOrigins?.map(parseOrigin) ?? fromEnv.origins),
    hosts: new Set(options.allowedHosts ?? fromEnv.hosts),
  };

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
    const access = checkAccess(request, response, policy);
    if (!access.ok) {
      logger.warn(`${request.method} ${request.url} refused: ${access.message}`);
      return sendJson(response, access.status, { ok: false, error: access.message, code: access.status });
    }
    if (request.method === 'OPTIONS') return sendPreflight(response);
    if (!handler) return sendJson(response, 503, { ok: false, error: 'the devnet is starting', code: 503 });
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
  // Pages the devnet serves itself (same origin) may call it; a non-loopback bind name is a Host it answers to.
  for (const origin of [state.url, ...loopbackOrigins(port)]) policy.origins.add(origin);
  if (!isLoopbackHostName(host)) policy.hosts.add(host.toLowerCase());
  // Each extra listener hands its requests to the main server's handler: one code path, one set of rules.
  const servers = [server];
  const stopServer = async () => {
    for (const each of servers) each.closeAllConnections();
    await Promise.all(servers.map((each) => new Promise<void>((resolve) => each.close(() => resolve()))));
  };
  const extraPorts: number[] = [];
  try {
    for (const extraPort of options.extraApiPorts ?? []) {
      const extra = createServer((request, response) => server.emit('request', request, response));
      await new Promise<void>((resolve, reject) => {
        extra.once('error', reject);
        extra.listen(extraPort, options.host ?? '127.0.0.1', () => resolve());
      });
      servers.push(extra);
      const bound = (extra.address() as AddressInfo).port;
      extraPorts.push(bound);
      for (const origin of loopbackOrigins(bound)) policy.origins.add(origin);
    }
  } catch (error) {
    await stopServer();
    throw error;
  }

  let chain: DevnetChain;
  try {
    chain = await DevnetChain.open({
      stateDir: options.stateDir,
      reset: options.reset,
      logger: logger.child('chain'),
      saveDebounceMs: options.saveDebounceMs,
      onFatal: options.onFatal,
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
      extraPorts,
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

/**
 * How a route may be called; the dispatcher enforces it (devnet/access.ts), on top of the Host and Origin rules
 * that apply to every request.
 */
export type RouteAccess =
  /** No state change worth guarding (GET). */
  | 'read'
  /** Changes chain state or server settings, or signs with a devnet-held key: JSON + X-Devnet-Request required. */
  | 'mutating'
  /**
   * A published protocol whose unmodified clients cannot add our header: toncenter v2 (TonClient) and the TON Connect
   * bridge (the SDK posts text/plain and listens with EventSource). Such a route holds no key and signs nothing.
   */
  | 'open';

export interface RouteCall {
  request: IncomingMessage;
  response: ServerResponse;
  url: URL;
  path: string;
  /** The path's match when the route's path is a RegExp. */
  match: RegExpExecArray | null;
}

export interface DevnetRoute {
  method: 'GET' | 'POST';
  /** Exact path, or a pattern (anchored) for families such as /api/v2/<method>. */
  path: string | RegExp;
  access: RouteAccess;
  /** Subject to fault injection (the toncenter API only). */
  faults?: boolean;
  /** Error body: toncenter's envelope (default) or a TON Connect wallet error (dev wallet routes). */
  errors?: 'toncenter' | 'wallet';
  /** Returns the 200 reply's body, or undefined when it answered by itself. */
  handle(call: RouteCall): Promise<unknown>;
}

/** Every route of the devnet, in one place: path, method, and whether it mutates. */
function devnetRoutes(deps: HandlerDeps): DevnetRoute[] {
  const { chain, devWallets, logger } = deps;
  const walletName = (url: URL) => url.searchParams.get('name') ?? DEFAULT_DEV_WALLET;
  const routes: DevnetRoute[] = [
    { method: 'GET', path: '/', access: 'read', handle: async () => ({ ok: true, result: index() }) },

    // toncenter API v2 (the only routes subject to fault injection).
    ...(['/jsonRPC', '/api/v2/jsonRPC'] as const).map(
      (path): DevnetRoute => ({
        method: 'POST',
        path,
        access: 'open',
        faults: true,
        handle: async ({ request, response }) => {
          const { status, body } = await handleJsonRpc(deps.methods, await readJsonBody(request), logger);
          sendJson(response, status, body);
        },
      }),
    ),
    ...(['GET', 'POST'] as const).map(
      (method): DevnetRoute => ({
        method,
        path: /^\/(?:api\/v2\/)?(?!jsonRPC$)([A-Za-z][A-Za-z0-9]*)$/,
        access: 'open',
        faults: true,
        handle: async ({ request, url, match }) => {
          const params = method === 'POST' ? await readJsonBody(request) : queryParams(url);
          if (!isRecord(params)) throw new ApiError(400, 'parameters must be a JSON object');
          const name = match![1];
          const handler = Object.hasOwn(deps.methods, name) ? deps.methods[name] : undefined;
          if (!handler) throw new ApiError(404, `unknown method "${name}"`);
          return { ok: true, result: await handler(params) };
        },
      }),
    ),

    // Devnet administration.
    { method: 'GET', path: '/devnet/config', access: 'read', handle: () => devnetConfig(deps) },
    {
      method: 'POST',
      path: '/devnet/faucet',
      access: 'mutating',
      handle: async ({ request }) => {
        const body = await readJsonObject(request);
        const address = requireAddress(body, 'address');
        const amount = parseNanoAmount(body.amount);
        const { transactions } = await chain.fund(address, amount);
        const received = transactions.find((row) => row.account.equals(address));
        logger.info(`faucet: ${amount} nanoTON to ${address.toRawString()}`);
        return {
          ok: true,
          result: {
            address: address.toRawString(),
            amount: amount.toString(),
            balance: (await chain.getAccount(address)).balance.toString(),
            transaction: received ? { lt: received.lt.toString(), hash: received.hash.toString('base64') } : null,
          },
        };
      },
    },
    {
      method: 'POST',
      path: '/devnet/time/advance',
      access: 'mutating',
      handle: async ({ request }) => {
        const body = await readJsonObject(request);
        const seconds = body.seconds;
        if (typeof seconds !== 'number' || !Number.isInteger(seconds) || seconds < 0 || seconds > MAX_ADVANCE_S) {
          throw new ApiError(400, `"seconds" must be an integer between 0 and ${MAX_ADVANCE_S}`);
        }
        if (chain.now() + seconds > LATEST_DEVNET_TIME) {
          throw new ApiError(
            400,
            `advancing ${seconds} s would take the clock past ${LATEST_DEVNET_TIME} (2^32 − 1 less a margin of ` +
              `${CLOCK_MARGIN_S} s; 32-bit times in contracts and messages would overflow)`,
          );
        }
        const now = await chain.advance(seconds);
        logger.info(`clock advanced by ${seconds} s`);
        return { ok: true, result: { now, offset: chain.clockOffset } };
      },
    },
    { method: 'GET', path: '/devnet/faults', access: 'read', handle: async () => ({ ok: true, result: deps.state.faults }) },
    {
      method: 'POST',
      path: '/devnet/faults',
      access: 'mutating',
      handle: async ({ request }) => {
        deps.state.faults = parseFaults(await readJsonObject(request), deps.state.faults);
        logger.info(`faults set to ${JSON.stringify(deps.state.faults)}`);
        return { ok: true, result: deps.state.faults };
      },
    },
    {
      method: 'GET',
      path: '/devnet/mode',
      access: 'read',
      handle: async () => ({ ok: true, result: { blockDelayMs: chain.blockDelayMs } }),
    },
    {
      method: 'POST',
      path: '/devnet/mode',
      access: 'mutating',
      handle: async ({ request }) => {
        const body = await readJsonObject(request);
        const delay = body.blockDelayMs;
        if (typeof delay !== 'number' || !Number.isInteger(delay) || delay < 0 || delay > 600_000) {
          throw new ApiError(400, '"blockDelayMs" must be an integer between 0 and 600000');
        }
        chain.blockDelayMs = delay;
        logger.info(`block delay set to ${delay} ms`);
        return { ok: true, result: { blockDelayMs: delay } };
      },
    },
    {
      method: 'GET',
      path: '/devnet/tx-by-msg-hash',
      access: 'read',
      handle: async ({ url }) => {
        const hash = parseHash(requireString(queryParams(url), 'hash'), 'hash');
        const row = chain.transactions.byNormalizedExternalHash(hash);
        if (!row) throw new ApiError(404, 'no transaction processed a message with this normalized hash');
        return { ok: true, result: transactionJson(row) };
      },
    },

    // Dev wallet (TON Connect error bodies). GET account funds a wallet the first time its name is seen.
    {
      method: 'GET',
      path: '/devwallet/account',
      access: 'read',
      errors: 'wallet',
      handle: ({ url }) => devWallets.account(walletName(url)),
    },
    {
      method: 'POST',
      path: '/devwallet/sendTransaction',
      access: 'mutating',
      errors: 'wallet',
      handle: async ({ request, url }) => {
        const name = walletName(url);
        const reply = await devWallets.sendTransaction(name, await readJsonBody(request));
        if ('error' in reply) logger.warn(`devwallet "${name}": wallet error ${reply.error.code}: ${reply.error.message}`);
        return reply;
      },
    },
    {
      method: 'GET',
      path: '/devwallet/mode',
      access: 'read',
      errors: 'wallet',
      handle: async ({ url }) => devWallets.mode(walletName(url)),
    },
    {
      method: 'POST',
      path: '/devwallet/mode',
      access: 'mutating',
      errors: 'wallet',
      handle: async ({ request, url }) => devWallets.setMode(walletName(url), await readJsonBody(request)),
    },

    // Devnet Mobile Wallet: its page and reads are GETs; every POST (connect, approve/reject a request, mode) acts
    // for the wallet's key, so its page (same origin as the devnet) sends JSON + X-Devnet-Request like any caller.
    ...(['GET', 'POST'] as const).map(
      (method): DevnetRoute => ({
        method,
        path: new RegExp(`^${MOBILE_WALLET_PATH}(?:/.*)?$`),
        access: method === 'GET' ? 'read' : 'mutating',
        handle: async ({ request, response, path }) => {
          if (!(await deps.mobileWallet.handle(request, response, path))) throw new ApiError(404, `no route ${path}`);
        },
      }),
    ),

    // TON Connect HTTP bridge: called cross-origin by the app (an allowed origin) and by the mobile wallet page
    // (the devnet's own origin); the Host and Origin rules apply, the header rule cannot (see 'open').
    ...(['GET', 'POST'] as const).map(
      (method): DevnetRoute => ({
        method,
        path: new RegExp(`^${BRIDGE_PATH}(?:/.*)?$`),
        access: 'open',
        handle: async ({ request, response, url, path }) => {
          deps.bridge.handle(request, response, url, path);
        },
      }),
    ),
  ];
  const index = () => ({
    service: 'lst-devnet',
    methods: Object.keys(deps.methods),
    routes: routes.map((route) => ({ method: route.method, path: String(route.path), access: route.access })),
  });
  return routes;
}

function matchRoute(route: DevnetRoute, path: string): RegExpExecArray | null | false {
  if (typeof route.path === 'string') return route.path === path ? null : false;
  return route.path.exec(path) ?? false;
}

function createRequestHandler(deps: HandlerDeps) {
  const { logger } = deps;
  const routes = devnetRoutes(deps);
  return async function handle(request: IncomingMessage, response: ServerResponse): Promise<void> {
    const url = new URL(request.url ?? '/', 'http://devnet.local');
    const path = url.pathname.replace(/\/+$/, '') || '/';
    const context = `${request.method} ${path}`;
    if (deps.chain.halted) {
      return sendError(response, new ApiError(503, `the devnet stopped after an emulator crash: restart it`), logger, context);
    }
    const matching = routes.flatMap((route) => {
      const match = matchRoute(route, path);
      return match === false ? [] : [{ route, match }];
    });
    const found = matching.find(({ route }) => route.method === request.method);
    const errors = found?.route.errors ?? (path.startsWith('/devwallet/') ? 'wallet' : 'toncenter');
    const fail = (error: unknown) => {
      if (errors === 'wallet') return sendWalletError(response, error, logger, context);
      sendError(response, error, logger, context);
    };
    if (!found) {
      return fail(
        matching.length === 0
          ? new ApiError(404, `no route ${context}`)
          : new ApiError(405, `use ${[...new Set(matching.map(({ route }) => route.method))].join(' or ')} for ${path}`),
      );
    }
    const { route, match } = found;
    try {
      if (route.access === 'mutating') requireMutationHeaders(request);
      if (route.faults) {
        const faults = faultsForRequest(url, deps.state.faults);
        if (faults.latencyMs > 0) await sleep(faults.latencyMs);
        const fault = pickFault(faults);
        if (fault === '429') return sendJson(response, 429, RATE_LIMIT_BODY);
        if (fault === '500') {
          logger.warn(`${context}: injected 500`);
          return sendJson(response, 500, INJECTED_500_BODY);
        }
      }
      const body = await route.handle({ request, response, url, path, match });
      if (body !== undefined && !response.headersSent) sendJson(response, 200, body);
    } catch (error) {
      fail(error);
    }
  };
}

async function devnetConfig(deps: HandlerDeps): Promise<Record<string, unknown>> {
  const { chain, devWallets, state } = deps;
  const devAccount = await devWallets.account(DEFAULT_DEV_WALLET);
  const mobileAccount = await devWallets.account(deps.mobileWallet.walletName);
  const config: Record<string, unknown> = {
    network: 'devnet',
    chain: String(DEVNET_GLOBAL_ID),
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

/** Dev wallet routes answer errors the way a TON Connect wallet does: `{error:{code:1 (bad request), message}}`. */
function sendWalletError(response: ServerResponse, error: unknown, logger: Logger, context: string): void {
  if (error instanceof DevWalletError) error = new ApiError(400, error.message);
  const apiError = toApiError(error, logger, context);
  sendJson(response, apiError.status, { error: { code: TON_CONNECT_ERROR.badRequest, message: apiError.message } });
}
