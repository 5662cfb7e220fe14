// Exit codes of the pool (spec §9) and their names, for tests, the devnet and user-facing messages.

export const PoolError = {
  /** Cell underflow: e.g. a burn without the two-bit custom payload (caught and re-minted). */
  cellUnderflow: 9,
  /** Withdraw: round-end solvency guard failed (caught and re-minted). */
  withdrawalsUnfundable: 100,
  /** Withdraw: fill_or_kill could not be filled now (caught and re-minted). */
  fillOrKill: 105,
  wrongSender: 0x9283,
  wrongState: 0x9284,
  halted: 0x9285,
  sudoerQuarantine: 0xa000,
  governorUpdateTooSoon: 0xa001,
  governorUpdateNotMatured: 0xa003,
  interestTooLow: 0xf100,
  contradictingBorrowingParams: 0xf101,
  notEnoughFundsForLoan: 0xf102,
  totalCreditTooHigh: 0xf103,
  borrowingRequestInClosedRound: 0xf104,
  tooEarlyBorrowingRequest: 0xf105, // v2
  contradictingOperationalParams: 0xfc00, // v2
  depositAmountTooLow: 0xf200,
  depositsAreClosed: 0xf201,
  outputAmountIsZero: 0xf202,
  notEnoughTonToProcess: 0xf300,
  controllerInWrongWorkchain: 0xf400,
  creditBookTooDeep: 0xf401,
  noSuchBorrower: 0xf402,
  finalizingActiveCreditRound: 0xf500,
  unknownOp: 0xffff,
} as const;

export type PoolErrorName = keyof typeof PoolError;

const namesByCode = new Map<number, PoolErrorName>(
  Object.entries(PoolError).map(([name, code]) => [code, name as PoolErrorName]),
);

/** Name of a pool exit code, or undefined for codes the pool does not define (TVM or other contracts). */
export function poolErrorName(exitCode: number): PoolErrorName | undefined {
  return namesByCode.get(exitCode);
}
