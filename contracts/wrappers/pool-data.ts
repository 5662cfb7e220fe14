// The pool's full data, one type for every released layout of `get_pool_full_data` / `_raw` (spec §6.1, §11):
// 30 entries (v1), 32 (the intermediate `more_custom_parameters` release) and 34 (v2). The layout is told by the
// entry count alone; any other count is an unsupported pool (UnsupportedPoolError), never a guess. The wrappers,
// the devnet and the app (src/ton/pool.ts) all read the pool through parsePoolFullData.
import type { Address, Cell, TupleItem } from '@ton/core';
import { StackReader } from './stack-reader';

export type PoolVersion = 'v1' | 'intermediate' | 'v2';

/** Entry count of get_pool_full_data per release (spec §11.1). */
export const POOL_LAYOUT_ENTRIES: Readonly<Record<PoolVersion, number>> = { v1: 30, intermediate: 32, v2: 34 };

/** One lending round record: `[borrowers, round_id, active_borrowers, borrowed, expected, returned, profit]`. */
export interface PoolRound {
  /** HashmapE 256 → (borrowed, interest); null when nobody borrowed. */
  borrowers: Cell | null;
  roundId: number;
  activeBorrowers: number;
  borrowed: bigint;
  expected: bigint;
  returned: bigint;
  /** Signed: a round can lose. */
  profit: bigint;
}

export interface PoolFullData {
  /** Which release's layout the getter returned. */
  version: PoolVersion;
  state: number;
  halted: boolean;
  totalBalance: bigint;
  /** Per lending round, as a fraction of 2^24. */
  interestRate: number;
  optimistic: boolean;
  depositsOpen: boolean;
  /** v2 only: share of 2^24 kept from each instant (optimistic) withdrawal; undefined on v1 and intermediate. */
  instantWithdrawalFee?: number;
  savedValidatorSetHash: bigint;
  prevRound: PoolRound;
  currentRound: PoolRound;
  minLoanPerValidator: bigint;
  maxLoanPerValidator: bigint;
  /** Share of round profit, as a fraction of 2^24. */
  governanceFee: number;
  /** v2 only: governance fees (instant withdrawal fees included) waiting for the next rotation's payout. */
  accruedGovernanceFee?: bigint;
  /** Intermediate and v2: how far a round's loans may exceed half the pool (governance parameter). */
  disbalanceTolerance?: number;
  /** Intermediate and v2: no credit earlier than this many seconds before elections end (0 = no check). */
  creditStartPriorElectionsEnd?: number;
  jettonMinter: Address;
  /** The pool's own pTON count: use it (not the minter's total_supply) for rates. */
  supply: bigint;
  depositPayout: Address | null;
  /** TON waiting in deposit bills for the round end. */
  requestedForDeposit: bigint;
  withdrawalPayout: Address | null;
  /** pTON waiting in withdrawal bills for the round end. */
  requestedForWithdrawal: bigint;
  sudoer: Address | null;
  sudoerSetAt: number;
  governor: Address;
  governorUpdateAfter: number;
  interestManager: Address;
  halter: Address;
  approver: Address;
  /** May be a library cell; jetton wallet addresses use it as-is. */
  poolJettonWalletCode: Cell;
  projectedTotalBalance: bigint;
  projectedSupply: bigint;
}

/** The getter answered with a layout no known release has: show the pool read-only, never guess its fields. */
export class UnsupportedPoolError extends Error {
  readonly entries: number;
  readonly method: string;
  /** The stack as answered, for what a client can still verify on its own (never read by position). */
  readonly entriesAnswered: readonly TupleItem[];

  constructor(method: string, stack: readonly TupleItem[]) {
    const known = Object.values(POOL_LAYOUT_ENTRIES).join(', ');
    super(`${method}: ${stack.length} entries, not a known pool layout (${known}): unsupported pool version`);
    this.name = 'UnsupportedPoolError';
    this.entries = stack.length;
    this.method = method;
    this.entriesAnswered = stack;
  }
}

/** The release whose getter returns `entries` entries, or null for an unknown one. */
export function poolVersionOf(entries: number): PoolVersion | null {
  const found = (Object.entries(POOL_LAYOUT_ENTRIES) as [PoolVersion, number][]).find(([, count]) => count === entries);
  return found ? found[0] : null;
}

function readRound(tuple: StackReader): PoolRound {
  const round: PoolRound = {
    borrowers: tuple.readCellOrNull(),
    roundId: tuple.readNumber(),
    activeBorrowers: tuple.readNumber(),
    borrowed: tuple.readBigInt(),
    expected: tuple.readBigInt(),
    returned: tuple.readBigInt(),
    profit: tuple.readBigInt(),
  };
  tuple.end();
  return round;
}

/**
 * The getter's three code cells, controller, pool jetton wallet and payout collection: only the jetton wallet's is
 * read (wallet addresses are computed from it). The other two are stepped over unread. Read through toncenter, a cell
 * is parsed, every one of its cells hashed in JS, only when read, and those two are 80 of the getter's ~90 cells on
 * every poll.
 */
function readCodes(r: StackReader): Pick<PoolFullData, 'poolJettonWalletCode'> {
  r.skipCell();
  const poolJettonWalletCode = r.readCell();
  r.skipCell();
  return { poolJettonWalletCode };
}

/**
 * Parses the stack of get_pool_full_data (or _raw: same layout) of any known release. Throws UnsupportedPoolError
 * for an unknown entry count, and a positioned error when a known count holds the wrong types.
 */
export function parsePoolFullData(stack: readonly TupleItem[], method = 'get_pool_full_data'): PoolFullData {
  const version = poolVersionOf(stack.length);
  if (!version) throw new UnsupportedPoolError(method, stack);
  const r = new StackReader(stack, `${method} (${version})`);
  const v2 = version === 'v2';
  const withTolerance = version !== 'v1';
  const head = {
    version,
    state: r.readNumber(),
    halted: r.readBool(),
    totalBalance: r.readBigInt(),
    interestRate: r.readNumber(),
    optimistic: r.readBool(),
    depositsOpen: r.readBool(),
  };
  const instantWithdrawalFee = v2 ? r.readNumber() : undefined;
  const middle = {
    savedValidatorSetHash: r.readBigInt(),
    prevRound: readRound(r.readTuple('prev_round_borrowers')),
    currentRound: readRound(r.readTuple('current_round_borrowers')),
    minLoanPerValidator: r.readBigInt(),
    maxLoanPerValidator: r.readBigInt(),
    governanceFee: r.readNumber(),
  };
  const accruedGovernanceFee = v2 ? r.readBigInt() : undefined;
  const disbalanceTolerance = withTolerance ? r.readNumber() : undefined;
  const creditStartPriorElectionsEnd = withTolerance ? r.readNumber() : undefined;
  const data: PoolFullData = {
    ...head,
    ...middle,
    jettonMinter: r.readAddress(),
    supply: r.readBigInt(),
    depositPayout: r.readAddressOrNull(),
    requestedForDeposit: r.readBigInt(),
    withdrawalPayout: r.readAddressOrNull(),
    requestedForWithdrawal: r.readBigInt(),
    sudoer: r.readAddressOrNull(),
    sudoerSetAt: r.readNumber(),
    governor: r.readAddress(),
    governorUpdateAfter: r.readNumber(),
    interestManager: r.readAddress(),
    halter: r.readAddress(),
    approver: r.readAddress(),
    ...readCodes(r),
    projectedTotalBalance: r.readBigInt(),
    projectedSupply: r.readBigInt(),
  };
  if (instantWithdrawalFee !== undefined) data.instantWithdrawalFee = instantWithdrawalFee;
  if (accruedGovernanceFee !== undefined) data.accruedGovernanceFee = accruedGovernanceFee;
  if (disbalanceTolerance !== undefined) data.disbalanceTolerance = disbalanceTolerance;
  if (creditStartPriorElectionsEnd !== undefined) data.creditStartPriorElectionsEnd = creditStartPriorElectionsEnd;
  r.end();
  return data;
}
