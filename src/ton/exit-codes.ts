// Human reasons for the exit codes a staker can hit (lst-interface.md §9), by the contract that raised them.
// Codes overlap between contracts (74 means different things in the minter and a collection), so the
// caller says which contract failed when it knows.
import { PoolError } from '../../contracts/wrappers/errors';

export type FailingContract = 'pool' | 'jetton-wallet' | 'jetton-minter' | 'bill' | 'collection' | 'wallet' | 'unknown';

const POOL: Record<number, string> = {
  [PoolError.halted]: 'The pool is halted by its governance; try again later.',
  [PoolError.wrongState]: 'The pool is not accepting user operations right now.',
  [PoolError.wrongSender]: 'The request reached the pool from an unexpected sender.',
  [PoolError.depositsAreClosed]: 'Deposits are closed on this pool.',
  [PoolError.depositAmountTooLow]: 'The deposit must be more than the 1 TON deposit fee.',
  [PoolError.outputAmountIsZero]: 'The amount is too small: it converts to zero.',
  [PoolError.notEnoughTonToProcess]: 'Not enough TON reached the pool to process the withdrawal.',
  [PoolError.fillOrKill]: 'The pool cannot pay instantly right now and the request was fill-or-kill; your pTON was returned.',
  [PoolError.withdrawalsUnfundable]: 'The pool could not cover queued withdrawals at round end; your pTON was returned.',
  4: 'The pool has no balance to convert against (its total balance is zero).',
};

const JETTON_WALLET: Record<number, string> = {
  705: 'Only the owner can move these pTON.',
  706: 'Not enough pTON in the wallet.',
  707: 'The jetton wallet refused a transfer from an unknown sender.',
  708: 'Malformed forward payload.',
  709: 'Not enough TON attached to the jetton transfer.',
  711: 'Not enough TON attached to the burn.',
  333: 'pTON can only be sent to basechain addresses.',
};

const JETTON_MINTER: Record<number, string> = {
  83: 'Not enough TON attached to the mint.',
  73: 'Unauthorized mint.',
  74: 'Unauthorized burn notification.',
  75: 'Not enough TON for wallet discovery.',
};

const BILL: Record<number, string> = {
  401: 'Only the owner can transfer this bill.',
  402: 'Not enough TON attached to the bill transfer.',
  708: 'A bill transfer needs a forward payload.',
  333: 'Bills can only be sent to basechain addresses.',
};

const COMMON: Record<number, string> = {
  0xffff: 'The contract does not recognise this operation.',
  9: 'The message was malformed (cell underflow).',
  13: 'The transaction ran out of gas.',
  37: 'The wallet does not have enough TON for this transaction.',
  38: 'The wallet does not have enough extra currency for this transaction.',
};

export function exitCodeReason(exitCode: number, contract: FailingContract = 'unknown'): string {
  const table =
    contract === 'pool'
      ? POOL
      : contract === 'jetton-wallet'
        ? JETTON_WALLET
        : contract === 'jetton-minter'
          ? JETTON_MINTER
          : contract === 'bill'
            ? BILL
            : contract === 'unknown'
              ? { ...JETTON_MINTER, ...BILL, ...JETTON_WALLET, ...POOL }
              : {};
  return table[exitCode] ?? COMMON[exitCode] ?? `The transaction failed with exit code ${exitCode}.`;
}
