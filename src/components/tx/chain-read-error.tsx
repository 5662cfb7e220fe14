import { Button } from '../ui/button';
import { PoolNotConfiguredError } from '../../queries/protocol';
import { GetMethodError, RpcError } from '../../ton/client';
import { UnsupportedPoolError } from '../../ton/pool';
import { isUnreachable, UNREACHABLE_TEXT } from './read-error';

/** A failed chain read in plain words, with Retry (the scheduler already backed off before giving up). */
export function ChainReadError({ error, onRetry, retrying }: { error: Error; onRetry: () => void; retrying: boolean }) {
  const message =
    error instanceof PoolNotConfiguredError
      ? error.message
      : error instanceof UnsupportedPoolError
        ? `This pool runs a version of the staking protocol this app does not support (its get_pool_full_data has ${error.entries} entries). It can be viewed, but not staked into or unstaked from here.`
        : error instanceof GetMethodError
          ? 'The selected address is not a staking pool on this network.'
      : error instanceof RpcError && error.kind === 'rate-limited'
        ? 'The network is busy right now. Please retry in a moment.'
        : isUnreachable(error)
          ? UNREACHABLE_TEXT
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
