import { lazy, Suspense, useState } from 'react';
import type { NetworkConfig } from '../../../ton/networks';
import { useT } from '../../../i18n/messages';
import { settingsMessages } from '../messages';

const RpcEndpointsPanel = lazy(() => import('./rpc-endpoints-panel').then((module) => ({ default: module.RpcEndpointsPanel })));

/** Collapsed below the dashboard; the panel's code loads when it is opened. */
export function NetworkSettings({ network }: { network: NetworkConfig }) {
  const t = useT(settingsMessages);
  const [open, setOpen] = useState(false);
  return (
    <details
      className="mt-6 rounded-2xl border border-slate-200 bg-white p-5 shadow-sm dark:border-slate-800 dark:bg-slate-900"
      onToggle={(event) => setOpen(event.currentTarget.open)}
    >
      <summary className="cursor-pointer text-lg font-semibold">{t('title')}</summary>
      {open && (
        <div className="mt-4">
          <Suspense fallback={<p className="text-sm text-slate-500 dark:text-slate-400">{t('loading')}</p>}>
            <RpcEndpointsPanel network={network} />
          </Suspense>
        </div>
      )}
    </details>
  );
}
