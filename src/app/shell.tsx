// The first paint: header, footer and the dashboard's skeletons. A build writes it into index.html (rendered at build
// time, see vite/prerender-shell-plugin.ts); otherwise React paints it. React Query and the panels arrive with the app
// chunk (root.tsx), which replaces it in the same React root; TON Connect later, when wanted (stores/wallet-connection).
import type { NetworkConfig } from '../ton/networks';
import { useT } from '../i18n/messages';
import { appMessages } from './messages';
import { Button } from '../components/ui/button';
import { Card } from '../components/ui/card';
import { DashboardGrid } from './dashboard-grid';
import { Layout } from './layout';
import { panelPlaceholders } from './placeholders';

/** Holds the connect button's place in the header, so the button appears without pushing anything. */
export function ConnectButtonPlaceholder() {
  return <span aria-hidden="true" className="inline-block h-10 w-40 animate-pulse rounded-lg bg-slate-200 dark:bg-slate-800" />;
}

/** `staticCopy`: rendered to HTML at build time (app/prerender-shell.tsx), where its controls cannot work yet. */
export function AppShell({ network, likelyConnected, staticCopy = false }: { network: NetworkConfig; likelyConnected: boolean; staticCopy?: boolean }) {
  return (
    <Layout network={network} walletSlot={<ConnectButtonPlaceholder />} staticCopy={staticCopy}>
      <DashboardGrid network={network} connected={likelyConnected} {...panelPlaceholders(network, likelyConnected)} />
    </Layout>
  );
}

/** The app chunk did not load (offline, or a deploy replaced it): say so instead of skeletons forever. */
export function AppLoadFailed({ network }: { network: NetworkConfig }) {
  const t = useT(appMessages);
  return (
    <Layout network={network} walletSlot={null}>
      <Card title={t('loadFailedTitle')}>
        <p role="alert" className="text-slate-700 dark:text-slate-300">
          {t('loadFailed')}
        </p>
        <Button className="mt-4" onClick={() => window.location.reload()}>
          {t('reload')}
        </Button>
      </Card>
    </Layout>
  );
}
