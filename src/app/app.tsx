import { lazy, Suspense, type ReactNode } from 'react';
import { WatchAddressForm, WatchingCard } from '../components/watch/watch';
import { useWatchAddress } from '../stores/watch-address';
import { Notices } from '../components/notifications/notices';
import { NetworkStatus } from '../components/tx/network-status';
import { useConnectionRestored, useWallet } from '../stores/wallet-connection';
import { network } from '../config/network';
import { useLocale } from '../i18n/locale';
import { DeferUntilVisible } from '../components/ui/defer-until-visible';
import { WalletPanel } from '../features/wallet/components/wallet-panel';
import { WalletButton } from '../features/wallet/components/wallet-button';
import { EndpointNotice } from '../features/settings/components/endpoint-notice';
import { NetworkSettings } from '../features/settings/components/network-settings';
import { DashboardGrid } from './dashboard-grid';
import { ErrorBoundary } from './error-boundary';
import { Layout } from './layout';
import type { PanelName } from './messages';
import { panelPlaceholders } from './placeholders';
import { ConnectButtonPlaceholder } from './shell';

// The chain panels pull @ton/core, the contract wrappers and the RPC layer; loading them lazily keeps that out of
// the app shell. The first-screen ones share one chunk (dashboard-panels.ts).
const loadPanels = () => import('./dashboard-panels');
const StakePanel = lazy(() => loadPanels().then((module) => ({ default: module.StakePanel })));
const UnstakePanel = lazy(() => loadPanels().then((module) => ({ default: module.UnstakePanel })));
const BillsPanel = lazy(() => loadPanels().then((module) => ({ default: module.BillsPanel })));
const PoolStatsPanel = lazy(() => loadPanels().then((module) => ({ default: module.PoolStatsPanel })));
const PositionPanel = lazy(() => loadPanels().then((module) => ({ default: module.PositionPanel })));
const RoundsPanel = lazy(() =>
  import('../features/rounds/components/rounds-panel').then((module) => ({ default: module.RoundsPanel })),
);

function Panel({ panel, fallback, children }: { panel: PanelName; fallback: ReactNode; children: ReactNode }) {
  return (
    <ErrorBoundary panel={panel}>
      <Suspense fallback={fallback}>{children}</Suspense>
    </ErrorBoundary>
  );
}

/** `likelyConnected`: the first paint's guess (features/wallet/session-hint.ts), used until TON Connect has restored the session. */
export function App({ likelyConnected }: { likelyConnected: boolean }) {
  // a new language re-renders the whole dashboard: formatters read the language at render time
  useLocale();
  const restored = useConnectionRestored();
  const wallet = useWallet();
  const watching = useWatchAddress((state) => state.watched !== null);
  // watching an address: read-only, the staking widget gives way to what is watched
  const connected = !watching && (restored ? wallet !== null : likelyConnected);
  const placeholders = panelPlaceholders(network, connected);
  return (
    <Layout network={network} walletSlot={<WalletButton placeholder={<ConnectButtonPlaceholder />} />}>
      <NetworkStatus />
      <Notices />
      <DashboardGrid
        network={network}
        connected={connected}
        wallet={
          <ErrorBoundary panel="wallet">
            <WalletPanel expectConnected={likelyConnected} />
          </ErrorBoundary>
        }
        stats={
          <Panel panel="stats" fallback={placeholders.stats}>
            <PoolStatsPanel />
          </Panel>
        }
        stake={
          watching ? (
            <WatchingCard network={network} />
          ) : (
            <Panel panel="stake" fallback={placeholders.stake}>
              <StakePanel network={network} />
            </Panel>
          )
        }
        unstake={
          <Panel panel="unstake" fallback={placeholders.unstake}>
            <UnstakePanel network={network} />
          </Panel>
        }
        bills={
          <Panel panel="bills" fallback={placeholders.bills}>
            <BillsPanel network={network} />
          </Panel>
        }
        position={
          <Panel panel="position" fallback={placeholders.position}>
            <PositionPanel />
          </Panel>
        }
        rounds={
          <Panel panel="rounds" fallback={placeholders.rounds}>
            <DeferUntilVisible placeholder={placeholders.rounds} rootMargin="0px">
              <RoundsPanel />
            </DeferUntilVisible>
          </Panel>
        }
      />
      <WatchAddressForm />
      <NetworkSettings network={network} />
      <EndpointNotice />
    </Layout>
  );
}
