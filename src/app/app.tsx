import { lazy, Suspense, type ReactNode } from 'react';
import { network } from '../config/network';
import { Card } from '../components/ui/card';
import { Skeleton } from '../components/ui/skeleton';
import { WalletPanel } from '../features/wallet/components/wallet-panel';
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
      <Suspense
        fallback={
          <Card label={`${label} (loading)`}>
            <Skeleton className="h-32 w-full" label={`Loading ${label}`} />
          </Card>
        }
      >
        {children}
      </Suspense>
    </ErrorBoundary>
  );
}

export function App() {
  return (
    <Layout network={network}>
      <div className="grid gap-6">
        <ErrorBoundary label="the wallet panel">
          <WalletPanel />
        </ErrorBoundary>
        <Panel label="pool stats">
          <PoolStatsPanel />
        </Panel>
        <div className="grid gap-6 md:grid-cols-2">
          <Panel label="staking">
            <StakePanel network={network} />
          </Panel>
          <Panel label="unstaking">
            <UnstakePanel network={network} />
          </Panel>
        </div>
        <Panel label="bills">
          <BillsPanel network={network} />
        </Panel>
        <Panel label="my position">
          <PositionPanel />
        </Panel>
        <Panel label="round history">
          <RoundsPanel />
        </Panel>
      </div>
    </Layout>
  );
}
