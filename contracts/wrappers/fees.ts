// Fee and protocol constants in nanoTON, per ../shared/protocol/lst-interface.md §3.4. Pure data.
export const ONE_TON = 1_000_000_000n;

/** Reserved by the pool from every deposit (mostly refunded as excess). */
export const DEPOSIT_FEE = ONE_TON;
/** A withdrawal request must bring more than this to the pool. */
export const WITHDRAWAL_FEE = ONE_TON / 2n;
/** TON attached to a pTON burn (the reference tests and Tonstakers use 1.05 TON). */
export const BURN_ATTACHED_VALUE = 1_050_000_000n;
/** Pool keeps this much liquid for storage; never paid out instantly. */
export const POOL_MIN_TONS_FOR_STORAGE = 10n * ONE_TON;
/** Charged from total_balance at every rotation. */
export const FINALIZE_ROUND_FEE = ONE_TON;
/** TON carried by the transfer_notification of a pool mint. */
export const TRANSFER_NOTIFICATION_AMOUNT = ONE_TON / 10n;
/** Kept by each bill for storage; returned at payout. */
export const BILL_STORAGE_RESERVE = 90_000_000n;
/** Fixed-point basis of interest_rate, governance_fee and max_interest. */
export const SHARE_BASIS = 1n << 24n;

/**
 * Network fees a staker pays per operation, estimated from `npm run bench:gas` on our v2 pool (deposit 0.0150 TON,
 * instant withdrawal 0.0142, withdrawal to a bill 0.0236 beyond the bill's returned reserve, at 400 nanoTON per gas)
 * plus the wallet's own fee, rounded up. Shown to users as an estimate ("≈"): the exact figure follows the chain's
 * gas prices and the pool's code.
 */
export const STAKE_COST_ESTIMATE = 20_000_000n;
export const UNSTAKE_INSTANT_COST_ESTIMATE = 20_000_000n;
export const UNSTAKE_BILL_COST_ESTIMATE = 30_000_000n;
