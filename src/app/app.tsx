import { network } from '../config/network';
import { WalletPanel } from '../features/wallet/components/wallet-panel';
import { StakePanel } from '../features/staking/components/stake-panel';
import { UnstakePanel } from '../features/withdrawals/components/unstake-panel';
import { BillsPanel } from '../features/bills/components/bills-panel';
import { ErrorBoundary } from './error-boundary';
import { Layout } from './layout';

export function App() {
  return (
    <Layout network={network}>
      <div className="grid gap-6">
        <ErrorBoundary label="the wallet panel">
          <WalletPanel />
        </ErrorBoundary>
        <div className="grid gap-6 md:grid-cols-2">
          <ErrorBoundary label="staking">
            <StakePanel network={network} />
          </ErrorBoundary>
          <ErrorBoundary label="unstaking">
            <UnstakePanel network={network} />
          </ErrorBoundary>
        </div>
        <ErrorBoundary label="bills">
          <BillsPanel network={network} />
        </ErrorBoundary>
      </div>
    </Layout>
  );
}
