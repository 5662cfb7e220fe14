// Recorded toncenter exchanges from the devnet (written by scripts/capture-fixtures.ts) and a fetch that
// replays them, so unit tests run the real readers on real contract answers without a running devnet.
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

export interface RecordedExchange {
  method: string;
  params: unknown;
  status: number;
  body: unknown;
  /** Scenario step the exchange belongs to (e.g. "before-deposit"). */
  step: string;
}

export interface Fixture {
  scenario: string;
  capturedAt: string;
  devnetUrl: string;
  /** Addresses, BOCs and amounts the scenario used, by name (all strings). */
  values: Record<string, string>;
  exchanges: RecordedExchange[];
}

export const FIXTURE_DIR = dirname(fileURLToPath(import.meta.url));

export function fixturePath(scenario: string): string {
  return join(FIXTURE_DIR, `${scenario}.json`);
}

export function hasFixture(scenario: string): boolean {
  return existsSync(fixturePath(scenario));
}

export function loadFixture(scenario: string): Fixture {
  return JSON.parse(readFileSync(fixturePath(scenario), 'utf8')) as Fixture;
}

/** JSON with object keys sorted: the same request always gives the same key. */
export function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (value && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : 1));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
  }
  return JSON.stringify(value);
}

export function exchangeKey(method: string, params: unknown): string {
  return `${method} ${canonicalJson(params)}`;
}

/**
 * fetch that answers JSON-RPC POSTs from the recording. Identical requests get their recorded answers in
 * order (the last one repeats); an unrecorded request throws, naming it, so a test never reads made-up data.
 */
export function replayFetch(fixture: Fixture, steps?: string[]): typeof fetch {
  const exchanges = steps ? fixture.exchanges.filter((exchange) => steps.includes(exchange.step)) : fixture.exchanges;
  const queues = new Map<string, RecordedExchange[]>();
  for (const exchange of exchanges) {
    const key = exchangeKey(exchange.method, exchange.params);
    queues.set(key, [...(queues.get(key) ?? []), exchange]);
  }
  return (async (_url: RequestInfo | URL, init?: RequestInit) => {
    const request = JSON.parse(String(init?.body)) as { method: string; params: unknown };
    const key = exchangeKey(request.method, request.params);
    const queue = queues.get(key);
    if (!queue) throw new Error(`fixture ${fixture.scenario} has no recording for ${key}`);
    const exchange = queue.length > 1 ? queue.shift()! : queue[0];
    return new Response(JSON.stringify(exchange.body), { status: exchange.status, headers: { 'content-type': 'application/json' } });
  }) as typeof fetch;
}

/** fetch wrapper that records every JSON-RPC exchange it forwards. */
export function recordingFetch(target: typeof fetch, into: RecordedExchange[], currentStep: () => string): typeof fetch {
  return (async (url: RequestInfo | URL, init?: RequestInit) => {
    const response = await target(url, init);
    const text = await response.text();
    const request = JSON.parse(String(init?.body)) as { method: string; params: unknown };
    let body: unknown = text;
    try {
      body = JSON.parse(text);
    } catch {
      // keep non-JSON answers verbatim
    }
    into.push({ method: request.method, params: request.params, status: response.status, body, step: currentStep() });
    return new Response(text, { status: response.status, headers: response.headers });
  }) as typeof fetch;
}
