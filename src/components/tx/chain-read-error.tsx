import { Button } from '../ui/button';
import { PoolNotConfiguredError } from '../../queries/protocol';
import { RpcError } from '../../ton/client';

/** A failed chain read in plain words, with Retry (the scheduler already backed off before giving up). */
export function ChainReadError({ error, onRetry, retrying }: { error: Error; onRetry: () => void; retrying: boolean }) {
  const message =
    error instanceof PoolNotConfiguredError
      ? error.message
      : error instanceof RpcError && error.kind === 'rate-limited'
        ? 'The network is busy right now. Please retry in a moment.'
        : error instanceof RpcError && error.kind === 'timeout'
          ? 'The network did not answer in time.'
          : 'Could not read the staking pool from the network.';
  return (
    <div role="alert" className="flex flex-wrap items-center gap-3 text-sm text-red-700 dark:text-red-300">
      <span data-testid="chain-read-error">{message}</span>
      <Button variant="secondary" size="sm" onClick={onRetry} disabled={retrying}>
        Retry
      </Button>
    </div>
  );
}
