// What each dashboard slot shows before its panel can: painted by the static shell and reused as the live app's
// Suspense fallbacks, sized like the panels they stand for, as first loaded (a new wallet, no position), at desktop
// width and on a phone (below md, where the stat tiles take two columns and the charts stack), so nothing moves on
// the swap. Heights measured at 1280 and 390 px wide.
import type { ReactNode } from 'react';
import type { NetworkConfig } from '../ton/networks';
import { PositionConnectPrompt } from '../features/position/components/position-connect-prompt';
import { StakeConnectPrompt } from '../features/staking/components/stake-connect-prompt';
import { WalletRestoring } from '../features/wallet/components/wallet-restoring';
import { PanelSkeleton } from './dashboard-grid';
import type { DashboardSlots } from './dashboard-grid';

export type PanelSlot = Exclude<keyof DashboardSlots, 'network' | 'connected'>;

/**
 * `connected`: whether a wallet session is likely to be restored (features/wallet/session-hint.ts). Without one, the wallet-only
 * panels are known already: a prompt or nothing at all.
 */
export function panelPlaceholders(network: NetworkConfig, connected: boolean): Record<PanelSlot, ReactNode> {
  const shared = {
    wallet: <WalletRestoring expectConnected={connected} />,
    stats: <PanelSkeleton panel="stats" bodyClassName="h-[395px] max-md:h-[690px]" />,
    rounds: <PanelSkeleton panel="rounds" bodyClassName="h-[361px] max-md:h-[845px]" />,
  };
  return connected
    ? {
        ...shared,
        stake: <PanelSkeleton panel="stake" bodyClassName="h-[337px] max-md:h-[351px]" />,
        unstake: <PanelSkeleton panel="unstake" bodyClassName="h-[337px] max-md:h-[351px]" />,
        bills: <PanelSkeleton panel="bills" bodyClassName="h-22 max-md:h-[129px]" />,
        position: <PanelSkeleton panel="position" bodyClassName="h-[181px] max-md:h-[389px]" />,
      }
    : {
        ...shared,
        stake: <StakeConnectPrompt nativeTicker={network.nativeTicker} />,
        unstake: null,
        bills: null,
        position: <PositionConnectPrompt jettonTicker={network.poolJettonTicker} />,
      };
}
