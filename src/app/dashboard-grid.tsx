import type { ReactNode } from 'react';
import { useT } from '../i18n/messages';
import { appMessages, type PanelName } from './messages';
import { Card } from '../components/ui/card';
import { Skeleton } from '../components/ui/skeleton';
import { Tabs } from '../components/ui/tabs';
import type { NetworkConfig } from '../ton/networks';

export interface DashboardSlots {
  network: NetworkConfig;
  /** A wallet is (likely) connected: Stake and Unstake share the widget as tabs; without one, the stake prompt alone. */
  connected: boolean;
  wallet: ReactNode;
  stats: ReactNode;
  stake: ReactNode;
  unstake: ReactNode;
  bills: ReactNode;
  position: ReactNode;
  rounds: ReactNode;
}

/**
 * The dashboard's geometry, shared by the static first paint (shell.tsx) and the live app (app.tsx), so the swap
 * from skeletons to panels moves nothing that does not have to move.
 */
export function DashboardGrid({ network, connected, wallet, stats, stake, unstake, bills, position, rounds }: DashboardSlots) {
  // The staking widget comes first (on a phone its amount field is on the first screen); what the app is, the wallet,
  // the pool's figures and the user's history follow.
  // One element whether connected or not, so connecting does not remount the stake form (and cancel its reads).
  const t = useT(appMessages);
  const widget = (
    <Tabs
      label={t('widget')}
      testId="stake-widget"
      items={[
        { id: 'stake', label: t('stakeTab'), content: stake },
        ...(connected ? [{ id: 'unstake', label: t('unstakeTab'), content: unstake }] : []),
      ]}
    />
  );
  return (
    <div className="grid gap-6">
      <div className="grid gap-6 md:grid-cols-2 md:items-start">
        <div className="min-w-0">{widget}</div>
        <div className="grid min-w-0 gap-6">
          <Intro network={network} />
          {wallet}
        </div>
      </div>
      {stats}
      {bills}
      {position}
      {rounds}
    </div>
  );
}

/** A panel whose code or data is still on its way; `bodyClassName` sets its height (see placeholders.tsx). */
export function PanelSkeleton({ panel, bodyClassName = 'h-32' }: { panel: PanelName; bodyClassName?: string }) {
  const t = useT(appMessages);
  const name = t(`panel.${panel}`);
  return (
    <Card label={t('loadingCard', { panel: name })}>
      <Skeleton className={`w-full ${bodyClassName}`} label={t('loading', { panel: name })} />
    </Card>
  );
}

/**
 * What the app is for, in the first paint. Tickers come from the network config: the pool jetton's on-chain symbol is
 * not known yet when this renders, and the intro must not change when it arrives.
 */
function Intro({ network }: { network: NetworkConfig }) {
  const native = network.nativeTicker;
  const jetton = network.poolJettonTicker;
  const t = useT(appMessages);
  return (
    <div>
      <h1 className="text-2xl font-bold tracking-tight sm:text-3xl">
        {t('introTitle', { native, jetton })}
      </h1>
      <p className="mt-2 max-w-3xl text-slate-600 dark:text-slate-400">
        {t('intro', { native, jetton })}
      </p>
    </div>
  );
}
