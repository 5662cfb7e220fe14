// What became of a pTON burn, read from the messages the user's wallet received after it (lst-interface.md §3.3):
// the pool's `withdrawal` (TON paid now), a bill's `ownership_assigned` (paid at round end), or a re-mint
// notification from the user's own pTON wallet (the pool refused; the pTON is back).
import type { Address, Transaction } from '@ton/core';
import { Op } from '../../../../contracts/wrappers/opcodes';

export type UnstakeOutcome = { kind: 'instant'; received: bigint } | { kind: 'bill' } | { kind: 'returned' };

function incomingOp(tx: Transaction): { source: Address; op: number | null; value: bigint } | null {
  const message = tx.inMessage;
  if (!message || message.info.type !== 'internal') return null;
  const body = message.body.beginParse();
  const op = body.remainingBits >= 32 ? body.loadUint(32) : null;
  return { source: message.info.src, op, value: message.info.value.coins };
}

/** The first decisive message after `afterLt` (the wallet's own burn transaction), or null while none arrived. */
export function classifyUnstakeOutcome(
  transactions: readonly Transaction[],
  context: { afterLt: bigint; pool: Address; jettonWallet: Address },
): UnstakeOutcome | null {
  const later = transactions.filter((tx) => tx.lt > context.afterLt).sort((a, b) => (a.lt < b.lt ? -1 : 1));
  for (const tx of later) {
    const incoming = incomingOp(tx);
    if (!incoming) continue;
    if (incoming.op === Op.withdrawal && incoming.source.equals(context.pool)) return { kind: 'instant', received: incoming.value };
    if (incoming.op === Op.ownershipAssigned) return { kind: 'bill' };
    if (incoming.op === Op.jettonTransferNotification && incoming.source.equals(context.jettonWallet)) return { kind: 'returned' };
  }
  return null;
}
