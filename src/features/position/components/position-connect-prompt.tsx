import { Card } from '../../../components/ui/card';

/** The position panel without a wallet; also painted by the static shell, so the two match exactly. */
export function PositionConnectPrompt({ jettonTicker }: { jettonTicker: string }) {
  return (
    <Card title="My position">
      <p className="text-slate-600 dark:text-slate-400">Connect a wallet to see your {jettonTicker}, its value and your rewards.</p>
    </Card>
  );
}
