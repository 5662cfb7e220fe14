import { endpointLabel } from '../../../ton/endpoints';
import { useRpcStatus } from '../../../stores/rpc-endpoints';

/**
 * Says which RPC endpoint answers when it is not the first of the list (the primary failed and the app moved on).
 * Fixed to the viewport's bottom so its arrival moves nothing on the page.
 */
export function EndpointNotice() {
  const { endpoints, activeIndex } = useRpcStatus();
  const active = endpoints[activeIndex];
  if (activeIndex === 0 || !active) return null;
  return (
    <p
      role="status"
      data-testid="rpc-endpoint-notice"
      className="fixed inset-x-4 bottom-4 z-40 mx-auto max-w-xl rounded-xl border border-amber-300 bg-amber-50 px-4 py-3 text-sm text-amber-900 shadow-lg dark:border-amber-800 dark:bg-amber-950 dark:text-amber-100"
    >
      {endpointLabel(endpoints[0])} is not answering: reading from {endpointLabel(active)}
      {active.source === 'user' ? ' (your endpoint)' : ''} until it recovers.
    </p>
  );
}
