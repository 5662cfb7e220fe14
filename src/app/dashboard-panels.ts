// The dashboard's first-screen panels, one lazy chunk: they all load at start, so one chunk (and the modules only
// they share) instead of five, each with its own request and preload links. The round history, with recharts, stays
// apart: it loads when scrolled to.
export { StakePanel } from '../features/staking/components/stake-panel';
export { UnstakePanel } from '../features/withdrawals/components/unstake-panel';
export { BillsPanel } from '../features/bills/components/bills-panel';
export { PoolStatsPanel } from '../features/pool-stats/components/pool-stats-panel';
export { PositionPanel } from '../features/position/components/position-panel';
