import { endpointLabel } from '../../../ton/endpoints';
import { useRpcStatus } from '../../../stores/rpc-endpoints';
import { useT } from '../../../i18n/messages';
import { settingsMessages } from '../messages';

/**
 * Says which RPC endpoint answers when it is not the first of the list (the primary failed and the app moved on).
 * Fixed to the viewport's bottom so its arrival moves nothing on the page.
 */
export function EndpointNotice() {
  const t = useT(settingsMessages);
  const { endpoints, activeIndex } = useRpcStatus();
  const active = endpoints[activeIndex];
  if (activeIndex === 0 || !active) return null;
  return (
    <p
      role="status"
      data-testid="rpc-endpoint-notice"
      className="fixed inset-x-4 bottom-4 z-40 mx-auto max-w-xl rounded-xl border border-amber-300 bg-amber-50 px-4 py-3 text-sm text-amber-900 shadow-lg dark:border-amber-800 dark:bg-amber-950 dark:text-amber-100"
    >
      {t(active.source === 'user' ? 'failedOverYours' : 'failedOver', { primary: endpointLabel(endpoints[0]), active: endpointLabel(active) })}
    </p>
  );
}
