import { network } from '../config/network';
import { WalletPanel } from '../features/wallet/components/wallet-panel';
import { ErrorBoundary } from './error-boundary';
import { Layout } from './layout';

export function App() {
  return (
    <Layout network={network}>
      <div className="grid gap-6">
        <ErrorBoundary label="the wallet panel">
          <WalletPanel />
        </ErrorBoundary>
      </div>
    </Layout>
  );
}
