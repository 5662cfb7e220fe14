// The one way the app talks to a toncenter v2 endpoint: a request scheduler (throttle to maxRps, retry with
// backoff + jitter on 429/5xx/timeouts/network errors, per-call timeout, typed RpcError, request counters),
// plugged into TonClient as its axios adapter, plus a raw `runGetMethod` whose stack we parse ourselves
// (TonClient flattens nested tuples and cannot read nulls inside them).
import type { Address, Cell, TupleItem } from '@ton/core';
import type { TonClient, TonClientParameters } from '@ton/ton';
import type { RpcEndpoint } from './endpoints';
import { configuredEndpoints, type NetworkConfig } from './networks';
import { parseStack, type StackValue } from './stack';
import { nextTask } from './next-task';

export type RpcErrorKind = 'rate-limited' | 'timeout' | 'server' | 'network' | 'bad-request';

export class RpcError extends Error {
  readonly kind: RpcErrorKind;
  /** HTTP status, when the server answered. */
  readonly status?: number;
  /** JSON-RPC method, when known. */
  readonly method?: string;
  /** Attempts made, retries included. */
  readonly attempts: number;

  constructor(kind: RpcErrorKind, message: string, details: { status?: number; method?: string; attempts: number }) {
    super(message);
    this.name = 'RpcError';
    this.kind = kind;
    this.status = details.status;
    this.method = details.method;
    this.attempts = details.attempts;
  }

  get retryable(): boolean {
    return this.kind !== 'bad-request';
  }
}

/** Counters for the bench script and the dev overlay. Shared by every scheduler in the process. */
export const rpcCounters = {
  /** HTTP requests actually sent (retries included). */
  requests: 0,
  retries: 0,
  /** Calls that ended in an RpcError. */
  failures: 0,
  /** Retries sent to the next endpoint because the previous one was left for a cool-down. */
  failovers: 0,
  byMethod: {} as Record<string, number>,
};

export function resetRpcCounters(): void {
  rpcCounters.requests = 0;
  rpcCounters.retries = 0;
  rpcCounters.failures = 0;
  rpcCounters.failovers = 0;
  rpcCounters.byMethod = {};
}

export interface SchedulerOptions {
  /**
   * Endpoints in order of preference (the first is the primary). Calls go to the first one that is not cooling down,
   * whatever URL the caller names. Without it, the scheduler sends to the URL it is given at `maxRps`.
   */
  endpoints?: RpcEndpoint[];
  /** Request budget of the single-URL mode. */
  maxRps?: number;
  /** Retries after the first attempt. */
  maxRetries?: number;
  baseDelayMs?: number;
  maxDelayMs?: number;
  /** Per-attempt timeout. */
  callTimeoutMs?: number;
  /** Consecutive 5xx, timeouts or network errors after which an endpoint is left for the next one. */
  failoverAfter?: number;
  /** Consecutive 429s (a storm: its budget is overrun, or someone else's traffic shares it) with the same effect. */
  rateLimitStormAfter?: number;
  /** How long a failed endpoint is left alone; doubled each time it fails again right after, up to maxCooldownMs. */
  cooldownMs?: number;
  maxCooldownMs?: number;
  fetch?: typeof fetch;
  /** Injected in tests to run without real waiting. */
  sleep?: (ms: number) => Promise<void>;
  now?: () => number;
  random?: () => number;
}

export interface RawResponse {
  status: number;
  headers: Record<string, string>;
  /** Parsed JSON body, or the text when it is not JSON. */
  body: unknown;
}

/** Which endpoint answers: `activeIndex` is the one the last successful request went to (0 = the primary). */
export interface EndpointStatus {
  endpoints: readonly RpcEndpoint[];
  activeIndex: number;
}

export interface RpcScheduler {
  post(url: string, body: string, headers: Record<string, string>, signal?: AbortSignal): Promise<RawResponse>;
  /** The same object until something changes (for useSyncExternalStore). */
  status(): EndpointStatus;
  subscribe(listener: () => void): () => void;
  /** Replaces the list (the user added or removed one); endpoints that stay keep their health and budget. */
  setEndpoints(endpoints: RpcEndpoint[]): void;
}

const defaultSleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/** Seconds or an HTTP date, per RFC 9110; undefined when absent or unreadable. */
export function parseRetryAfterMs(value: string | null | undefined, nowMs: number): number | undefined {
  if (!value) return undefined;
  const seconds = Number(value);
  if (Number.isFinite(seconds) && seconds >= 0) return seconds * 1000;
  const date = Date.parse(value);
  return Number.isNaN(date) ? undefined : Math.max(0, date - nowMs);
}

function methodOf(body: string): string | undefined {
  try {
    const method = (JSON.parse(body) as { method?: unknown }).method;
    return typeof method === 'string' ? method : undefined;
  } catch {
    return undefined;
  }
}

/** toncenter sometimes answers HTTP 200 with {ok:false, code}; treat the code like a status. */
function effectiveStatus(status: number, body: unknown): number {
  if (status === 200 && body && typeof body === 'object' && (body as { ok?: unknown }).ok === false) {
    const code = Number((body as { code?: unknown }).code);
    if (code === 429 || code >= 500) return code;
  }
  return status;
}

function errorText(body: unknown): string {
  if (body && typeof body === 'object' && 'error' in body) return String((body as { error: unknown }).error);
  return typeof body === 'string' ? body.slice(0, 200) : '';
}

/** One endpoint's budget and health. `endpoint` is null in single-URL mode (the caller's URL is used). */
interface Lane {
  endpoint: RpcEndpoint | null;
  intervalMs: number;
  nextSlotAt: number;
  /** Consecutive 5xx/timeouts/network errors, and consecutive 429s. */
  strikes: number;
  rateStrikes: number;
  /** Left alone until then. */
  downUntil: number;
  cooldownMs: number;
  /** Back after a cool-down: one more failure sends it away again (for twice as long). */
  onProbation: boolean;
}

const sameEndpoint = (a: RpcEndpoint | null, b: RpcEndpoint | null) => a?.url === b?.url && a?.apiKey === b?.apiKey;

export function createRpcScheduler(options: SchedulerOptions): RpcScheduler {
  const maxRetries = options.maxRetries ?? 4;
  const baseDelayMs = options.baseDelayMs ?? 500;
  const maxDelayMs = options.maxDelayMs ?? 10_000;
  const callTimeoutMs = options.callTimeoutMs ?? 15_000;
  const failoverAfter = options.failoverAfter ?? 3;
  const rateLimitStormAfter = options.rateLimitStormAfter ?? 6;
  const baseCooldownMs = options.cooldownMs ?? 60_000;
  const maxCooldownMs = Math.max(baseCooldownMs, options.maxCooldownMs ?? 10 * 60_000);
  const fetchImpl = options.fetch ?? ((...args: Parameters<typeof fetch>) => globalThis.fetch(...args));
  const sleep = options.sleep ?? defaultSleep;
  const now = options.now ?? (() => Date.now());
  const random = options.random ?? Math.random;

  const newLane = (endpoint: RpcEndpoint | null): Lane => ({
    endpoint,
    intervalMs: 1000 / Math.max(endpoint?.maxRps ?? options.maxRps ?? 1, 0.001),
    nextSlotAt: 0,
    strikes: 0,
    rateStrikes: 0,
    downUntil: 0,
    cooldownMs: baseCooldownMs,
    onProbation: false,
  });
  let lanes: Lane[] = options.endpoints?.length ? options.endpoints.map(newLane) : [newLane(null)];
  let activeLane = lanes[0];
  let snapshot: EndpointStatus = makeStatus();
  const listeners = new Set<() => void>();

  function makeStatus(): EndpointStatus {
    return {
      endpoints: lanes.flatMap((lane) => (lane.endpoint ? [lane.endpoint] : [])),
      activeIndex: Math.max(0, lanes.indexOf(activeLane)),
    };
  }
  function changed(): void {
    snapshot = makeStatus();
    for (const listener of listeners) listener();
  }

  /** The first endpoint not cooling down; when all are, the one that comes back first. */
  function pickLane(): Lane {
    const t = now();
    return lanes.find((lane) => lane.downUntil <= t) ?? lanes.reduce((a, b) => (b.downUntil < a.downUntil ? b : a));
  }

  // Slots are handed out in call order, intervalMs apart per endpoint; a 429 pushes every later slot back too.
  async function takeSlot(lane: Lane): Promise<void> {
    const at = Math.max(now(), lane.nextSlotAt);
    lane.nextSlotAt = at + lane.intervalMs;
    const wait = at - now();
    if (wait > 0) await sleep(wait);
  }

  function succeeded(lane: Lane): void {
    lane.strikes = 0;
    lane.rateStrikes = 0;
    lane.onProbation = false;
    lane.cooldownMs = baseCooldownMs;
    if (activeLane !== lane && lanes.includes(lane)) {
      activeLane = lane;
      changed();
    }
  }

  function failed(lane: Lane, kind: RpcErrorKind): void {
    if (kind === 'bad-request') return; // the request's fault, not the endpoint's
    if (kind === 'rate-limited') lane.rateStrikes++;
    else lane.strikes++;
    const storm = lane.strikes >= failoverAfter || lane.rateStrikes >= rateLimitStormAfter;
    if (lanes.length < 2 || !(storm || lane.onProbation)) return;
    lane.downUntil = now() + lane.cooldownMs;
    lane.cooldownMs = Math.min(maxCooldownMs, lane.cooldownMs * 2);
    lane.strikes = 0;
    lane.rateStrikes = 0;
    lane.onProbation = true;
  }

  function backoffMs(attempt: number): number {
    const exponential = Math.min(maxDelayMs, baseDelayMs * 2 ** attempt);
    return exponential / 2 + random() * (exponential / 2); // "equal jitter": spread retries, keep a floor
  }

  function headersFor(lane: Lane, headers: Record<string, string>): Record<string, string> {
    if (!lane.endpoint) return headers;
    const result = Object.fromEntries(Object.entries(headers).filter(([name]) => name.toLowerCase() !== 'x-api-key'));
    if (lane.endpoint.apiKey) result['X-API-Key'] = lane.endpoint.apiKey;
    return result;
  }

  async function attempt(url: string, body: string, headers: Record<string, string>, signal?: AbortSignal) {
    const controller = new AbortController();
    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      controller.abort();
    }, callTimeoutMs);
    const onCallerAbort = () => controller.abort();
    if (signal?.aborted) controller.abort();
    signal?.addEventListener('abort', onCallerAbort);
    try {
      const response = await fetchImpl(url, { method: 'POST', body, headers, signal: controller.signal });
      const text = await response.text();
      let parsed: unknown = text;
      try {
        parsed = JSON.parse(text);
      } catch {
        // not JSON: keep the text for the error message
      }
      const responseHeaders: Record<string, string> = {};
      response.headers.forEach((value, key) => (responseHeaders[key] = value));
      return { ok: true as const, response: { status: response.status, headers: responseHeaders, body: parsed } };
    } catch (error) {
      if (signal?.aborted) throw error; // the caller gave up: no retry, no RpcError
      return { ok: false as const, kind: timedOut ? ('timeout' as const) : ('network' as const), error };
    } finally {
      clearTimeout(timer);
      signal?.removeEventListener('abort', onCallerAbort);
    }
  }

  return {
    async post(url, body, headers, signal) {
      const method = methodOf(body);
      for (let attemptIndex = 0; ; attemptIndex++) {
        const lane = pickLane();
        await takeSlot(lane);
        rpcCounters.requests++;
        if (method) rpcCounters.byMethod[method] = (rpcCounters.byMethod[method] ?? 0) + 1;
        const result = await attempt(lane.endpoint?.url ?? url, body, headersFor(lane, headers), signal);

        let failure: RpcError;
        let retryAfterMs: number | undefined;
        const attempts = attemptIndex + 1;
        if (!result.ok) {
          const reason = result.error instanceof Error ? result.error.message : String(result.error);
          failure = new RpcError(
            result.kind,
            result.kind === 'timeout' ? `${method ?? 'request'} timed out after ${callTimeoutMs} ms` : `${method ?? 'request'} failed: ${reason}`,
            { method, attempts },
          );
        } else {
          const status = effectiveStatus(result.response.status, result.response.body);
          if (status < 400) {
            succeeded(lane);
            // The caller parses the answer (BOCs, cells hashed one by one): in a task of its own, not this one's.
            await nextTask();
            return result.response;
          }
          const kind: RpcErrorKind = status === 429 ? 'rate-limited' : status >= 500 ? 'server' : 'bad-request';
          const detail = errorText(result.response.body);
          failure = new RpcError(kind, `${method ?? 'request'}: HTTP ${status}${detail ? `: ${detail}` : ''}`, { status, method, attempts });
          retryAfterMs = parseRetryAfterMs(result.response.headers['retry-after'], now());
        }
        failed(lane, failure.kind);

        if (!failure.retryable || attemptIndex >= maxRetries) {
          rpcCounters.failures++;
          throw failure;
        }
        rpcCounters.retries++;
        if (retryAfterMs !== undefined) lane.nextSlotAt = Math.max(lane.nextSlotAt, now() + Math.max(backoffMs(attemptIndex), retryAfterMs));
        // The next endpoint is fresh: retry there at once (its own budget still applies). The same one: back off.
        if (pickLane() !== lane) {
          rpcCounters.failovers++;
          continue;
        }
        await sleep(Math.max(backoffMs(attemptIndex), retryAfterMs ?? 0));
      }
    },
    status: () => snapshot,
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    setEndpoints(endpoints) {
      if (!endpoints.length) return;
      const previous = lanes;
      lanes = endpoints.map((endpoint) => {
        const kept = previous.find((lane) => sameEndpoint(lane.endpoint, endpoint));
        if (!kept) return newLane(endpoint);
        kept.endpoint = endpoint;
        kept.intervalMs = 1000 / Math.max(endpoint.maxRps, 0.001);
        return kept;
      });
      activeLane = pickLane();
      changed();
    },
  };
}

type AxiosAdapter = NonNullable<TonClientParameters['httpAdapter']>;
type AxiosAdapterConfig = Parameters<AxiosAdapter>[0];
type AxiosAdapterResponse = Awaited<ReturnType<AxiosAdapter>>;

function plainHeaders(headers: AxiosAdapterConfig['headers']): Record<string, string> {
  const source: Record<string, unknown> = typeof headers?.toJSON === 'function' ? headers.toJSON() : { ...headers };
  const result: Record<string, string> = {};
  for (const [key, value] of Object.entries(source)) {
    if (typeof value === 'string' || typeof value === 'number') result[key] = String(value);
  }
  return result;
}

/** axios adapter that routes TonClient's HTTP calls through the scheduler. Failures surface as RpcError. */
export function createAxiosAdapter(scheduler: RpcScheduler): AxiosAdapter {
  return async (config: AxiosAdapterConfig): Promise<AxiosAdapterResponse> => {
    const body = typeof config.data === 'string' ? config.data : JSON.stringify(config.data ?? {});
    const signal = config.signal instanceof AbortSignal ? config.signal : undefined;
    const response = await scheduler.post(config.url ?? '', body, plainHeaders(config.headers), signal);
    return { data: response.body, status: response.status, statusText: '', headers: response.headers, config, request: undefined };
  };
}

/** A TonClient plus the scheduler behind it and a get-method call with a faithfully parsed stack. */
export interface TonRpc {
  network: NetworkConfig;
  client: TonClient;
  scheduler: RpcScheduler;
  /** Raw toncenter JSON-RPC call; returns `result` or throws (RpcError, or Error for {ok:false}). */
  call(method: string, params: Record<string, unknown>): Promise<unknown>;
  runGetMethod(address: Address, method: string, args?: TupleItem[]): Promise<GetMethodResult>;
}

export interface GetMethodResult {
  exitCode: number;
  gasUsed: number;
  stack: StackValue[];
}

export class GetMethodError extends Error {
  constructor(
    readonly method: string,
    readonly exitCode: number,
  ) {
    super(`get-method ${method} exited with code ${exitCode}`);
    this.name = 'GetMethodError';
  }
}

function serializeArg(item: TupleItem): [string, string] {
  const boc = (cell: Cell) => cell.toBoc().toString('base64');
  switch (item.type) {
    case 'int':
      return ['num', item.value.toString()];
    case 'cell':
      return ['tvm.Cell', boc(item.cell)];
    case 'slice':
      return ['tvm.Slice', boc(item.cell)];
    default:
      throw new Error(`get-method argument of type ${item.type} is not supported by toncenter v2`);
  }
}

export interface TonRpcOptions extends Partial<Omit<SchedulerOptions, 'maxRps'>> {
  /** Use an existing scheduler (e.g. shared by several clients for one endpoint). */
  scheduler?: RpcScheduler;
}

export function createTonRpcWith(TonClientClass: typeof TonClient, network: NetworkConfig, options: TonRpcOptions = {}): TonRpc {
  return buildTonRpc((parameters) => new TonClientClass(parameters), network, options);
}

/**
 * A TonClient whose module loads on its first call. Every TonClient method the app uses is async, so each call
 * simply awaits the real client first. Not thenable, so it can be returned from an async function.
 */
function deferredTonClient(load: () => Promise<TonClient>): TonClient {
  return new Proxy({} as TonClient, {
    get: (_target, property) => {
      if (typeof property !== 'string' || property === 'then') return undefined;
      return async (...args: unknown[]) => {
        const client = await load();
        return (client[property as keyof TonClient] as (...values: unknown[]) => unknown).apply(client, args);
      };
    },
  });
}

/**
 * The app's RPC. @ton/ton (57 KB gzip, with zod and axios) is imported on TonClient's first call, not here: a visit
 * without a wallet needs only `call` and `runGetMethod`, so it never downloads or evaluates it.
 */
export function createTonRpc(network: NetworkConfig, options: TonRpcOptions = {}): TonRpc {
  return buildTonRpc(
    (parameters) => {
      let client: Promise<TonClient> | undefined;
      return deferredTonClient(() => {
        client ??= import('@ton/ton').then(({ TonClient }) => new TonClient(parameters));
        client.catch(() => (client = undefined)); // a failed download (offline) is tried again by the next call
        return client;
      });
    },
    network,
    options,
  );
}

function buildTonRpc(makeClient: (parameters: TonClientParameters) => TonClient, network: NetworkConfig, options: TonRpcOptions): TonRpc {
  const endpoints = configuredEndpoints(network);
  const scheduler = options.scheduler ?? createRpcScheduler({ ...options, endpoints });
  const headers: Record<string, string> = { 'Content-Type': 'application/json' };
  // The scheduler sends each request to the endpoint in use with that endpoint's key, whatever URL is named here.
  const client = makeClient({
    endpoint: endpoints[0].url,
    httpAdapter: createAxiosAdapter(scheduler),
    timeout: (options.callTimeoutMs ?? 15_000) * ((options.maxRetries ?? 4) + 2), // the scheduler enforces the real per-call limit
  });

  async function call(method: string, params: Record<string, unknown>): Promise<unknown> {
    const response = await scheduler.post(endpoints[0].url, JSON.stringify({ id: '1', jsonrpc: '2.0', method, params }), headers);
    const body = response.body as { ok?: boolean; result?: unknown; error?: unknown };
    if (!body || body.ok !== true) throw new Error(`${method}: ${JSON.stringify(body)}`);
    return body.result;
  }

  async function runGetMethod(address: Address, method: string, args: TupleItem[] = []): Promise<GetMethodResult> {
    const result = (await call('runGetMethod', { address: address.toString(), method, stack: args.map(serializeArg) })) as {
      exit_code: number;
      gas_used: number;
      stack: unknown[];
    };
    return { exitCode: result.exit_code, gasUsed: result.gas_used, stack: parseStack(result.stack) };
  }

  return { network, client, scheduler, call, runGetMethod };
}

const sharedRpcs = new Map<string, TonRpc>();

/**
 * One TonRpc per network and configured endpoint list for the whole app, so every feature shares each endpoint's
 * request budget and health. (A failed download of @ton/ton is retried by TonClient's next call, see createTonRpc.)
 */
export function getTonRpc(network: NetworkConfig): TonRpc {
  const key = `${network.name}|${JSON.stringify(configuredEndpoints(network))}`;
  let rpc = sharedRpcs.get(key);
  if (!rpc) {
    rpc = createTonRpc(network);
    sharedRpcs.set(key, rpc);
  }
  return rpc;
}

/** runGetMethod that throws GetMethodError on a non-zero exit code. */
export async function runGetMethodOk(rpc: Pick<TonRpc, 'runGetMethod'>, address: Address, method: string, args?: TupleItem[]) {
  const result = await rpc.runGetMethod(address, method, args);
  if (result.exitCode !== 0 && result.exitCode !== 1) throw new GetMethodError(method, result.exitCode);
  return result.stack;
}
