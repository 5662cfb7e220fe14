// Blockchain config helpers for sandbox chains (tests and devnet): read and replace config params,
// build the validator-set (34) and election timing (15) params the pool and controllers read.
import { Address, beginCell, Cell, Dictionary } from '@ton/core';
import type { Blockchain } from '@ton/sandbox';

function loadParams(config: Cell) {
  return Dictionary.loadDirect(Dictionary.Keys.Int(32), Dictionary.Values.Cell(), config);
}

export function getConfigParam(blockchain: Blockchain, id: number): Cell | undefined {
  return loadParams(blockchain.config).get(id);
}

export function setConfigParams(blockchain: Blockchain, params: Record<number, Cell>): void {
  const dict = loadParams(blockchain.config);
  for (const [id, cell] of Object.entries(params)) dict.set(Number(id), cell);
  blockchain.setConfig(beginCell().storeDictDirect(dict).endCell());
}

/**
 * validators_ext#12 utime_since:uint32 utime_until:uint32 total:uint16 main:uint16 total_weight:uint64 list:HashmapE.
 * The pool only checks the tag and hashes the cell; controllers read the times. `salt` makes each set distinct.
 */
export function validatorSetCell(params: { utimeSince: number; utimeUntil: number; salt?: number }): Cell {
  return beginCell()
    .storeUint(0x12, 8)
    .storeUint(params.utimeSince, 32)
    .storeUint(params.utimeUntil, 32)
    .storeUint(1, 16)
    .storeUint(1, 16)
    .storeUint(BigInt(params.salt ?? 0) + 1n, 64)
    .storeBit(false) // empty list
    .endCell();
}

export interface ValidatorSet {
  utimeSince: number;
  utimeUntil: number;
}

export function readValidatorSet(blockchain: Blockchain, id = 34): ValidatorSet | undefined {
  const cell = getConfigParam(blockchain, id);
  if (!cell) return undefined;
  const s = cell.beginParse();
  s.loadUint(8);
  return { utimeSince: s.loadUint(32), utimeUntil: s.loadUint(32) };
}

/** Config 15: validators_elected_for elections_start_before elections_end_before stake_held_for (all uint32). */
export function electionTimingCell(t: {
  validatorsElectedFor: number;
  electionsStartBefore: number;
  electionsEndBefore: number;
  stakeHeldFor: number;
}): Cell {
  return beginCell()
    .storeUint(t.validatorsElectedFor, 32)
    .storeUint(t.electionsStartBefore, 32)
    .storeUint(t.electionsEndBefore, 32)
    .storeUint(t.stakeHeldFor, 32)
    .endCell();
}

export function readElectionTiming(blockchain: Blockchain) {
  const s = getConfigParam(blockchain, 15)!.beginParse();
  return {
    validatorsElectedFor: s.loadUint(32),
    electionsStartBefore: s.loadUint(32),
    electionsEndBefore: s.loadUint(32),
    stakeHeldFor: s.loadUint(32),
  };
}

/** Config 1 holds the elector's masterchain account id. */
export function electorAddress(blockchain: Blockchain): Address {
  const hash = getConfigParam(blockchain, 1)!.beginParse().loadBuffer(32);
  return new Address(-1, hash);
}
