// toncenter-v2-compatible RPC endpoints: the configured list (VITE_TON_ENDPOINTS), the user's own additions, and the
// probe that decides whether a URL is one. Pure functions: src/config/network.ts and the CSP plugin pass the env in.
import type { NetworkConfig } from './networks';

export interface RpcEndpoint {
  /** JSON-RPC URL (…/jsonRPC). */
  url: string;
  /** Sent as X-API-Key to this endpoint only. */
  apiKey?: string;
  /** Requests per second this endpoint allows. */
  maxRps: number;
  /** Where it comes from: the build's config or the user's settings (local storage). */
  source: 'config' | 'user';
}

/** Budget of an endpoint that names none: toncenter's keyless 1 rps, 10 rps with a (free) key. */
export function defaultMaxRps(apiKey: string | undefined, keylessRps: number): number {
  return apiKey ? Math.max(10, keylessRps) : keylessRps;
}

/** Why an endpoint cannot be used: data, so the app can say it in the reader's language (endpointProblemText: English). */
export type EndpointProblem =
  | { code: 'not-a-url'; value: string }
  | { code: 'protocol'; protocol: string }
  | { code: 'credentials' }
  | { code: 'unreachable'; detail: string }
  | { code: 'timeout'; seconds: number }
  | { code: 'not-json'; status: number }
  | { code: 'refused'; status: number }
  | { code: 'no-result'; status: number; detail: string }
  | { code: 'not-a-block' };

export const EXAMPLE_ENDPOINT = 'https://toncenter.com/api/v2/jsonRPC';

/** The problem in English: configuration errors (VITE_TON_ENDPOINTS) and logs. */
export function endpointProblemText(problem: EndpointProblem): string {
  switch (problem.code) {
    case 'not-a-url':
      return `"${problem.value}" is not a URL; an endpoint looks like ${EXAMPLE_ENDPOINT}`;
    case 'protocol':
      return `only http(s) endpoints are supported (got ${problem.protocol})`;
    case 'credentials':
      return 'put the API key in its own field, not in the URL';
    case 'unreachable':
      return `could not reach it (${problem.detail})`;
    case 'timeout':
      return `could not reach it (no answer within ${problem.seconds} s)`;
    case 'not-json':
      return `it answered HTTP ${problem.status} with something that is not JSON`;
    case 'refused':
      return `it refused the request (HTTP ${problem.status}): check the API key`;
    case 'no-result':
      return `it answered HTTP ${problem.status} without a toncenter v2 result${problem.detail ? `: ${problem.detail}` : ''}`;
    case 'not-a-block':
      return 'its getMasterchainInfo answer is not a toncenter v2 masterchain block';
  }
}

/** Why a URL cannot be an RPC endpoint, or null when it can. */
export function endpointUrlProblem(value: string): EndpointProblem | null {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    return { code: 'not-a-url', value };
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') return { code: 'protocol', protocol: url.protocol };
  if (url.username || url.password) return { code: 'credentials' };
  return null;
}

/**
 * One entry of VITE_TON_ENDPOINTS: `<url>` or `<url>#key=<api key>&rps=<requests per second>` (both optional). The
 * fragment is never sent over HTTP, so it cannot be mistaken for part of the endpoint.
 */
export function parseEndpointEntry(entry: string, defaults: { keylessRps: number; maxRps?: number }): RpcEndpoint {
  const hashAt = entry.indexOf('#');
  const url = (hashAt < 0 ? entry : entry.slice(0, hashAt)).trim();
  const problem = endpointUrlProblem(url);
  if (problem) throw new Error(`VITE_TON_ENDPOINTS: ${endpointProblemText(problem)}`);
  const options = new URLSearchParams(hashAt < 0 ? '' : entry.slice(hashAt + 1));
  for (const name of options.keys()) {
    if (name !== 'key' && name !== 'rps')
      throw new Error(`VITE_TON_ENDPOINTS: unknown option "${name}" in "${url}" (use #key=…&rps=…)`);
  }
  const apiKey = options.get('key') || undefined;
  const rps = options.has('rps') ? Number(options.get('rps')) : undefined;
  if (rps !== undefined && !(rps > 0)) throw new Error(`VITE_TON_ENDPOINTS: rps of "${url}" must be a positive number`);
  return { url, apiKey, maxRps: rps ?? defaults.maxRps ?? defaultMaxRps(apiKey, defaults.keylessRps), source: 'config' };
}

/** The comma-separated list; the first entry is the primary. Duplicated URLs are dropped (the first one wins). */
export function parseEndpointList(value: string, defaults: { keylessRps: number; maxRps?: number }): RpcEndpoint[] {
  const endpoints = value
    .split(',')
    .map((entry) => entry.trim())
    .filter(Boolean)
    .map((entry) => parseEndpointEntry(entry, defaults));
  return dedupeEndpoints(endpoints);
}

export function dedupeEndpoints(endpoints: RpcEndpoint[]): RpcEndpoint[] {
  const seen = new Set<string>();
  return endpoints.filter((endpoint) => {
    if (seen.has(endpoint.url)) return false;
    seen.add(endpoint.url);
    return true;
  });
}

/** The VITE_* variables the endpoint list is read from. */
export type EndpointEnv = Partial<Record<'VITE_TON_ENDPOINTS' | 'VITE_TON_ENDPOINT' | 'VITE_TON_API_KEY' | 'VITE_TON_MAX_RPS', string>>;

/**
 * The configured RPC endpoints, primary first: VITE_TON_ENDPOINTS (`url[#key=…&rps=…]`, comma-separated), else
 * VITE_TON_ENDPOINT with VITE_TON_API_KEY as a one-entry list, else the network's default. VITE_TON_MAX_RPS is the
 * budget of every entry that names none.
 */
export function readEndpoints(env: EndpointEnv, preset: Pick<NetworkConfig, 'endpoint' | 'maxRps'>): RpcEndpoint[] {
  const maxRps = Number(env.VITE_TON_MAX_RPS) > 0 ? Number(env.VITE_TON_MAX_RPS) : undefined;
  const list = env.VITE_TON_ENDPOINTS?.trim();
  if (list) {
    const endpoints = parseEndpointList(list, { keylessRps: preset.maxRps, maxRps });
    if (endpoints.length > 0) return endpoints;
  }
  const apiKey = env.VITE_TON_API_KEY || undefined;
  return [
    {
      url: env.VITE_TON_ENDPOINT || preset.endpoint,
      apiKey,
      maxRps: maxRps ?? defaultMaxRps(apiKey, preset.maxRps),
      source: 'config',
    },
  ];
}

/** The list the scheduler uses: the user's own endpoints first (they chose them), then the configured ones. */
export function effectiveEndpoints(configured: RpcEndpoint[], user: RpcEndpoint[]): RpcEndpoint[] {
  return dedupeEndpoints([...user, ...configured]);
}

/** Host and path, for the UI: which endpoint is in use, never its key. */
export function endpointLabel(endpoint: Pick<RpcEndpoint, 'url'>): string {
  try {
    const url = new URL(endpoint.url);
    return `${url.host}${url.pathname === '/' ? '' : url.pathname}`;
  } catch {
    return endpoint.url;
  }
}

export type ProbeResult = { ok: true; seqno: number } | { ok: false; problem: EndpointProblem };

/**
 * Asks the endpoint for the masterchain head (`getMasterchainInfo`, one request) and accepts it only if the answer is
 * toncenter v2's shape. Called before a user endpoint is added, so garbage never replaces a working list.
 */
export async function probeEndpoint(
  endpoint: Pick<RpcEndpoint, 'url' | 'apiKey'>,
  { fetch: fetchImpl = (...args) => globalThis.fetch(...args), timeoutMs = 10_000 }: { fetch?: typeof fetch; timeoutMs?: number } = {},
): Promise<ProbeResult> {
  const problem = endpointUrlProblem(endpoint.url);
  if (problem) return { ok: false, problem };
  const headers: Record<string, string> = { 'Content-Type': 'application/json' };
  if (endpoint.apiKey) headers['X-API-Key'] = endpoint.apiKey;
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(), timeoutMs);
  let status: number;
  let text: string;
  try {
    const response = await fetchImpl(endpoint.url, {
      method: 'POST',
      headers,
      body: JSON.stringify({ id: 'probe', jsonrpc: '2.0', method: 'getMasterchainInfo', params: {} }),
      signal: controller.signal,
    });
    status = response.status;
    text = await response.text();
  } catch (error) {
    if (controller.signal.aborted) return { ok: false, problem: { code: 'timeout', seconds: timeoutMs / 1000 } };
    return { ok: false, problem: { code: 'unreachable', detail: error instanceof Error ? error.message : String(error) } };
  } finally {
    clearTimeout(timer);
  }
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch {
    return { ok: false, problem: { code: 'not-json', status } };
  }
  const envelope = body as { ok?: unknown; result?: { last?: { seqno?: unknown; workchain?: unknown } }; error?: unknown };
  if (status === 401 || status === 403) return { ok: false, problem: { code: 'refused', status } };
  if (envelope?.ok !== true) {
    const detail = typeof envelope?.error === 'string' ? envelope.error.slice(0, 120) : '';
    return { ok: false, problem: { code: 'no-result', status, detail } };
  }
  const seqno = envelope.result?.last?.seqno;
  if (typeof seqno !== 'number' || !Number.isInteger(seqno) || seqno < 0 || envelope.result?.last?.workchain !== -1)
    return { ok: false, problem: { code: 'not-a-block' } };
  return { ok: true, seqno };
}
