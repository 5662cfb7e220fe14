import { Card } from '../../../components/ui/card';

/** The stake panel without a wallet; also painted by the static shell, so the two match exactly. */
export function StakeConnectPrompt({ nativeTicker }: { nativeTicker: string }) {
  return (
    <Card title="Stake" className="min-w-0">
      {/* The wallet panel above holds the one "Connect wallet" button. */}
      <p className="text-slate-600 dark:text-slate-400">Connect a wallet to stake {nativeTicker}.</p>
    </Card>
  );
}
