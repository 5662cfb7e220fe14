import { lazy, Suspense, type ReactNode } from 'react';
import { TonConnectButton } from '@tonconnect/ui-react';
import { network } from '../config/network';
import { DeferUntilVisible } from '../components/ui/defer-until-visible';
import { WalletPanel } from '../features/wallet/components/wallet-panel';
import { DashboardGrid, PanelSkeleton } from './dashboard-grid';
import { ErrorBoundary } from './error-boundary';
import { Layout } from './layout';

// The chain panels pull @ton/core, the contract wrappers and the RPC layer; loading them lazily keeps that out of
// the app shell, which only needs React and TON Connect to restore the wallet session on first paint.
const StakePanel = lazy(() =>
  import('../features/staking/components/stake-panel').then((module) => ({ default: module.StakePanel })),
);
const UnstakePanel = lazy(() =>
  import('../features/withdrawals/components/unstake-panel').then((module) => ({
    default: module.UnstakePanel,
  })),
);
const BillsPanel = lazy(() =>
  import('../features/bills/components/bills-panel').then((module) => ({ default: module.BillsPanel })),
);
const PoolStatsPanel = lazy(() =>
  import('../features/pool-stats/components/pool-stats-panel').then((module) => ({ default: module.PoolStatsPanel })),
);
const PositionPanel = lazy(() =>
  import('../features/position/components/position-panel').then((module) => ({ default: module.PositionPanel })),
);
const RoundsPanel = lazy(() =>
  import('../features/rounds/components/rounds-panel').then((module) => ({ default: module.RoundsPanel })),
);

function Panel({ label, children }: { label: string; children: ReactNode }) {
  return (
    <ErrorBoundary label={label}>
      <Suspense fallback={<PanelSkeleton label={label} />}>{children}</Suspense>
    </ErrorBoundary>
  );
}

export function App() {
  return (
    <Layout network={network} walletSlot={<TonConnectButton />}>
      <DashboardGrid
        network={network}
        wallet={
          <ErrorBoundary label="the wallet panel">
            <WalletPanel />
          </ErrorBoundary>
        }
        stats={
          <Panel label="pool stats">
            <PoolStatsPanel />
          </Panel>
        }
        stake={
          <Panel label="staking">
            <StakePanel network={network} />
          </Panel>
        }
        unstake={
          <Panel label="unstaking">
            <UnstakePanel network={network} />
          </Panel>
        }
        bills={
          <Panel label="bills">
            <BillsPanel network={network} />
          </Panel>
        }
        position={
          <Panel label="my position">
            <PositionPanel />
          </Panel>
        }
        rounds={
          <Panel label="round history">
            <DeferUntilVisible placeholder={<PanelSkeleton label="round history" />}>
              <RoundsPanel />
            </DeferUntilVisible>
          </Panel>
        }
      />
    </Layout>
  );
}
