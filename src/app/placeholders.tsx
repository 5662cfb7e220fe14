// What each dashboard slot shows before its panel can: painted by the static shell and reused as the live app's
// Suspense fallbacks, sized like the panels they stand for (measured at desktop width) so little moves on the swap.
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
    stats: <PanelSkeleton panel="stats" bodyClassName="h-56" />,
    rounds: <PanelSkeleton panel="rounds" bodyClassName="h-87" />,
  };
  return connected
    ? {
        ...shared,
        stake: <PanelSkeleton panel="stake" bodyClassName="h-121" />,
        unstake: <PanelSkeleton panel="unstake" bodyClassName="h-121" />,
        bills: <PanelSkeleton panel="bills" bodyClassName="h-22" />,
        position: <PanelSkeleton panel="position" bodyClassName="h-31" />,
      }
    : {
        ...shared,
        stake: <StakeConnectPrompt nativeTicker={network.nativeTicker} />,
        unstake: null,
        bills: null,
        position: <PositionConnectPrompt jettonTicker={network.poolJettonTicker} />,
      };
}
