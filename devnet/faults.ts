// Fault injection for reliability tests: a share of toncenter requests fails with 429 or 500, and every request can
// be delayed. Off by default; set from env, at runtime (POST /devnet/faults) or per request (?fault429=0.5).
import { ApiError } from './http';

export interface FaultSettings {
  /** Share (0..1) of requests answered with toncenter's 429 rate-limit reply. */
  rate429: number;
  /** Share (0..1) of requests answered with a 500. */
  rate500: number;
  /** Delay added before every toncenter request is handled. */
  latencyMs: number;
}

export const NO_FAULTS: FaultSettings = { rate429: 0, rate500: 0, latencyMs: 0 };
const MAX_LATENCY_MS = 60_000;

export function faultsFromEnv(env: NodeJS.ProcessEnv): FaultSettings {
  return parseFaults(
    { rate429: env.DEVNET_FAULT_429, rate500: env.DEVNET_FAULT_500, latencyMs: env.DEVNET_LATENCY_MS },
    NO_FAULTS,
  );
}

/** Merges an update (numbers or numeric strings) into `base`; throws a 400 ApiError on bad values. */
export function parseFaults(update: Record<string, unknown>, base: FaultSettings): FaultSettings {
  const next = { ...base };
  const read = (key: keyof FaultSettings, max: number) => {
    const raw = update[key];
    if (raw === undefined || raw === null || raw === '') return;
    const value = typeof raw === 'string' ? Number(raw) : raw;
    if (typeof value !== 'number' || !Number.isFinite(value) || value < 0 || value > max) {
      throw new ApiError(400, `fault setting "${key}" must be a number between 0 and ${max}`);
    }
    next[key] = value;
  };
  read('rate429', 1);
  read('rate500', 1);
  read('latencyMs', MAX_LATENCY_MS);
  return next;
}

/** Per-request overrides from the query string: ?fault429=&fault500=&latencyMs= */
export function faultsForRequest(url: URL, base: FaultSettings): FaultSettings {
  const query = url.searchParams;
  if (!query.has('fault429') && !query.has('fault500') && !query.has('latencyMs')) return base;
  return parseFaults(
    { rate429: query.get('fault429'), rate500: query.get('fault500'), latencyMs: query.get('latencyMs') },
    base,
  );
}

export type InjectedFault = '429' | '500' | undefined;

/** Picks the fault for one request. `random` is injectable so tests are deterministic. */
export function pickFault(settings: FaultSettings, random: () => number = Math.random): InjectedFault {
  if (settings.rate429 > 0 && random() < settings.rate429) return '429';
  if (settings.rate500 > 0 && random() < settings.rate500) return '500';
  return undefined;
}

/** toncenter's exact rate-limit body. */
export const RATE_LIMIT_BODY = { ok: false, result: 'Ratelimit exceed', code: 429 } as const;
export const INJECTED_500_BODY = {
  ok: false,
  error: 'devnet fault injection: internal server error',
  code: 500,
} as const;
