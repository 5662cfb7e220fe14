// Pure body builders for the user-facing messages of the LSt protocol. No I/O: the app and the devnet share them.
import { Address, beginCell, Cell } from '@ton/core';
import { Op } from './opcodes';

/** deposit#47d54391 query_id:uint64 — sent to the pool with amount + DEPOSIT_FEE. */
export function depositBody(queryId: bigint = 0n): Cell {
  return beginCell().storeUint(Op.deposit, 32).storeUint(queryId, 64).endCell();
}

/** touch#4bc7c2df query_id:uint64 — lets anyone trigger a pending round rotation. */
export function touchBody(queryId: bigint = 0n): Cell {
  return beginCell().storeUint(Op.touch, 32).storeUint(queryId, 64).endCell();
}

export interface WithdrawMode {
  /** Always take a bill paid at the round-end rate. */
  waitTillRoundEnd: boolean;
  /** Instant or nothing: the pTON is re-minted when the pool cannot pay now. */
  fillOrKill: boolean;
}

/** The pool reads exactly two bits from the burn's custom payload; it must always be present. */
export function withdrawPayload({ waitTillRoundEnd, fillOrKill }: WithdrawMode): Cell {
  return beginCell().storeBit(waitTillRoundEnd).storeBit(fillOrKill).endCell();
}

/** burn#595f07bc query_id amount:Coins response_destination custom_payload:(Maybe ^Cell) — sent to the user's pTON wallet. */
export function burnBody(params: { amount: bigint; responseAddress: Address; mode: WithdrawMode; queryId?: bigint }): Cell {
  return beginCell()
    .storeUint(Op.jettonBurn, 32)
    .storeUint(params.queryId ?? 0n, 64)
    .storeCoins(params.amount)
    .storeAddress(params.responseAddress)
    .storeMaybeRef(withdrawPayload(params.mode))
    .endCell();
}
