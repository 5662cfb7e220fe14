// Who may talk to the devnet. It holds signing keys (dev wallets, the treasury) and moves its own clock, so a web
// page the developer happens to open must not be able to drive it:
//   - Host: loopback names only (plus explicitly configured ones), so a DNS-rebinding page is refused;
//   - Origin: browsers' cross-origin requests only from the app's origins (DEVNET_ALLOWED_ORIGINS) or the devnet's
//     own; anything else is refused before any handler runs (a "simple" request's side effect included);
//   - mutating routes: Content-Type application/json plus the X-Devnet-Request header, which no simple request can
//     carry, so a browser always sends a CORS preflight first.
// Clients without an Origin header (Node scripts, Playwright's request context, curl) pass the Origin rule; they
// still need the JSON content type and the header on mutating routes.
import type { IncomingMessage, ServerResponse } from 'node:http';
import { ApiError } from './http';

/** Header every mutating route requires (any non-empty value; callers send "1"). */
export const DEVNET_REQUEST_HEADER = 'X-Devnet-Request';
/** Headers a caller of a mutating route sends. */
export const DEVNET_MUTATION_HEADERS: Readonly<Record<string, string>> = {
  'Content-Type': 'application/json',
  [DEVNET_REQUEST_HEADER]: '1',
};

/** Vite's dev server and preview server ports (vite.config.ts). */
const DEV_SERVER_PORT = 5173;
const PREVIEW_SERVER_PORT = 4173;
/** e2e/support/env.ts's default app port, when E2E_APP_PORT is not set. */
const E2E_APP_DEFAULT_PORT = 15173;

const ALLOWED_HEADERS = ['Content-Type', 'X-Ton-Client-Version', 'X-API-Key', 'Last-Event-ID', DEVNET_REQUEST_HEADER];

export interface AccessPolicy {
  /** Exact origins (scheme://host[:port]) whose browser requests are served. */
  origins: Set<string>;
  /** Host names (no port) accepted in the Host header besides loopback ones. */
  hosts: Set<string>;
}

/** Loopback origins of the app's dev server, preview server and e2e app (E2E_APP_PORT). */
export function defaultAllowedOrigins(env: Record<string, string | undefined>): string[] {
  const ports = [DEV_SERVER_PORT, PREVIEW_SERVER_PORT, Number(env.E2E_APP_PORT || E2E_APP_DEFAULT_PORT)];
  return ports.filter((port) => Number.isInteger(port) && port > 0).flatMap(loopbackOrigins);
}

export function loopbackOrigins(port: number): string[] {
  return [`http://127.0.0.1:${port}`, `http://localhost:${port}`];
}

/**
 * DEVNET_ALLOWED_ORIGINS (comma-separated origins) replaces the defaults; DEVNET_ALLOWED_HOSTS adds Host names
 * (for a devnet reached under another name on purpose). Throws on a value that is not an origin.
 */
export function accessPolicyFromEnv(env: Record<string, string | undefined>): AccessPolicy {
  const listed = (env.DEVNET_ALLOWED_ORIGINS ?? '')
    .split(',')
    .map((origin) => origin.trim())
    .filter(Boolean);
  const origins = listed.length > 0 ? listed.map(parseOrigin) : defaultAllowedOrigins(env);
  const hosts = (env.DEVNET_ALLOWED_HOSTS ?? '')
    .split(',')
    .map((host) => host.trim().toLowerCase())
    .filter(Boolean);
  return { origins: new Set(origins), hosts: new Set(hosts) };
}

/** Normalizes an origin ("http://Localhost:5173/" → "http://localhost:5173"); throws when it is not one. */
export function parseOrigin(text: string): string {
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    throw new RangeError(`not an origin: ${JSON.stringify(text)}`);
  }
  if ((url.protocol !== 'http:' && url.protocol !== 'https:') || url.pathname.length > 1 || url.search || url.hash) {
    throw new RangeError(`not an origin (scheme://host[:port]): ${JSON.stringify(text)}`);
  }
  return url.origin;
}

export function isLoopbackHostName(name: string): boolean {
  const host = name.toLowerCase().replace(/^\[|\]$/g, '');
  if (host === 'localhost' || host.endsWith('.localhost') || host === '::1') return true;
  return /^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(host);
}

/** The host name of a Host header value ("127.0.0.1:8081" → "127.0.0.1", "[::1]:80" → "::1"). */
export function hostName(hostHeader: string): string {
  const value = hostHeader.trim().toLowerCase();
  if (value.startsWith('[')) return value.slice(1, value.indexOf(']'));
  const colon = value.lastIndexOf(':');
  return colon >= 0 ? value.slice(0, colon) : value;
}

export type AccessDecision = { ok: true } | { ok: false; status: number; message: string };

/**
 * Checks Host and Origin, and sets the CORS headers of the reply (allowed origin echoed, `Vary: Origin`).
 * A refused request gets no CORS headers, so a foreign page cannot even read the refusal.
 */
export function checkAccess(request: IncomingMessage, response: ServerResponse, policy: AccessPolicy): AccessDecision {
  const host = request.headers.host;
  if (!host) return { ok: false, status: 400, message: 'missing Host header' };
  const name = hostName(host);
  if (!isLoopbackHostName(name) && !policy.hosts.has(name)) {
    return {
      ok: false,
      status: 403,
      message: `Host "${name}" is not a loopback name (DNS rebinding?): set DEVNET_ALLOWED_HOSTS to serve it`,
    };
  }
  response.setHeader('Vary', 'Origin');
  const origin = request.headers.origin;
  if (origin === undefined) return { ok: true };
  if (!policy.origins.has(origin)) {
    return {
      ok: false,
      status: 403,
      message: `origin ${origin.slice(0, 100)} is not allowed: add it to DEVNET_ALLOWED_ORIGINS`,
    };
  }
  response.setHeader('Access-Control-Allow-Origin', origin);
  return { ok: true };
}

/** Answers a preflight of an allowed origin (checkAccess ran first). */
export function sendPreflight(response: ServerResponse): void {
  response.writeHead(204, {
    'Access-Control-Allow-Methods': 'GET, POST, OPTIONS',
    'Access-Control-Allow-Headers': ALLOWED_HEADERS.join(', '),
    'Access-Control-Max-Age': '600',
  });
  response.end();
}

/** Mutating routes: JSON body and the devnet header, so a browser can only send them after a preflight. */
export function requireMutationHeaders(request: IncomingMessage): void {
  const type = (request.headers['content-type'] ?? '').split(';')[0].trim().toLowerCase();
  if (type !== 'application/json') {
    throw new ApiError(415, 'this devnet route changes state: send Content-Type: application/json');
  }
  const marker = request.headers[DEVNET_REQUEST_HEADER.toLowerCase()];
  if (typeof marker !== 'string' || marker.trim() === '') {
    throw new ApiError(403, `this devnet route changes state: send the ${DEVNET_REQUEST_HEADER} header`);
  }
}
