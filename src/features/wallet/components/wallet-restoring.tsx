import { Card } from '../../../components/ui/card';
import { Skeleton } from '../../../components/ui/skeleton';

/** The wallet panel until TON Connect has restored (or not) the last session; also the static first paint's. */
export function WalletRestoring() {
  return (
    <Card title="Wallet">
      <Skeleton className="h-6 w-56" label="Restoring wallet connection" />
    </Card>
  );
}
