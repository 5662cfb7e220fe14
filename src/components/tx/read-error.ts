// Chain-read failures in words a staker understands: "Failed to fetch" and friends never reach the screen.
import { RpcError } from '../../ton/client';
import { tNow } from '../../i18n/messages';
import { readErrorMessages } from './messages';

export function unreachableText(): string {
  return tNow(readErrorMessages)('unreachable');
}

/** The network (or the RPC endpoint) could not be reached or did not answer: nothing wrong with the request itself. */
export function isUnreachable(error: unknown): boolean {
  if (error instanceof RpcError) return error.kind === 'network' || error.kind === 'timeout' || error.kind === 'server';
  // fetch's own failure ("Failed to fetch", "NetworkError when attempting to fetch resource", "Load failed") and aborts
  if (error instanceof TypeError) return /fetch|network|load failed/i.test(error.message);
  return error instanceof Error && (error.name === 'TimeoutError' || error.name === 'AbortError');
}

/**
 * queries/protocol's PoolNotConfiguredError, recognised by shape: importing the class would pull the pool presets (and
 * @ton/core) into the app chunk, which must stay free of them (vite.config.ts).
 */
function isPoolNotConfigured(error: Error): error is Error & { reason: 'devnet-not-deployed' | 'not-configured'; networkLabel: string } {
  const candidate = error as Error & { reason?: unknown; networkLabel?: unknown };
  return (
    error.name === 'PoolNotConfiguredError' &&
    (candidate.reason === 'devnet-not-deployed' || candidate.reason === 'not-configured') &&
    typeof candidate.networkLabel === 'string'
  );
}

/** What to show for a failed read: the unreachable notice for connectivity, the error's own words otherwise. */
export function readErrorText(error: Error): string {
  if (isUnreachable(error)) return unreachableText();
  if (error instanceof RpcError && error.kind === 'rate-limited') return tNow(readErrorMessages)('busy');
  if (isPoolNotConfigured(error)) return tNow(readErrorMessages)(`noPool.${error.reason}`, { network: error.networkLabel });
  return error.message;
}

/** The part of a query's state the notice reads (TanStack Query's QueryState). */
export interface ReadState {
  status: 'pending' | 'error' | 'success';
  error: unknown;
  fetchFailureCount: number;
  fetchFailureReason: unknown;
}

/** True while some read last failed because the network could not be reached (and is being retried). */
export function networkUnreachable(states: ReadState[]): boolean {
  return states.some(
    (state) => (state.status === 'error' && isUnreachable(state.error)) || (state.fetchFailureCount > 0 && isUnreachable(state.fetchFailureReason)),
  );
}
