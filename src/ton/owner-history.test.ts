import { Address, beginCell, type Cell, type Message, type Transaction } from '@ton/core';
import { describe, expect, it } from 'vitest';
import { Op } from '../../contracts/wrappers/opcodes';
import { assignedItems, ownerEvents, payoutEvents } from './owner-history';

const owner = Address.parse('0:' + 'aa'.repeat(32));
const pool = Address.parse('0:' + 'bb'.repeat(32));
const ptonWallet = Address.parse('0:' + 'cc'.repeat(32));
const collection = Address.parse('0:' + 'dd'.repeat(32));
const item = Address.parse('0:' + 'ee'.repeat(32));
const stranger = Address.parse('0:' + 'ff'.repeat(32));

function incoming(lt: number, src: Address, coins: bigint, body: Cell): Transaction {
  const message: Message = {
    info: { type: 'internal', ihrDisabled: true, bounce: false, bounced: false, src, dest: owner, value: { coins }, ihrFee: 0n, forwardFee: 0n, createdLt: 0n, createdAt: 0 },
    body,
  };
  return { lt: BigInt(lt), now: lt, inMessage: message, outMessages: new Map(), hash: () => Buffer.alloc(32, lt) } as unknown as Transaction;
}

/** transfer_notification from `from` with `forward` as the forward payload's op (inline, or in a ref). */
function notification(amount: bigint, from: Address, forward: { op: number; inRef: boolean } | null): Cell {
  const body = beginCell().storeUint(Op.jettonTransferNotification, 32).storeUint(0, 64).storeCoins(amount).storeAddress(from);
  if (!forward) return body.storeBit(false).endCell();
  const payload = beginCell().storeUint(forward.op, 32).endCell();
  return (forward.inRef ? body.storeBit(true).storeRef(payload) : body.storeBit(false).storeUint(forward.op, 32)).endCell();
}

describe('owner events', () => {
  const context = { pool, ptonWallet };
  const transactions = [
    incoming(1, item, 10n, beginCell().storeUint(Op.ownershipAssigned, 32).storeUint(7, 64).storeAddress(null).storeBit(false).endCell()),
    incoming(2, collection, 5_000n, beginCell().storeUint(Op.distributedAsset, 32).storeUint(0, 64).endCell()),
    incoming(3, ptonWallet, 1n, notification(300n, collection, { op: Op.distributedAsset, inRef: false })),
    incoming(4, ptonWallet, 1n, notification(400n, collection, { op: Op.distributedAsset, inRef: true })),
    // pTON from the collection without the payout op, and a notification sent by someone else's wallet: no payouts
    incoming(5, ptonWallet, 1n, notification(500n, collection, null)),
    incoming(6, stranger, 1n, notification(600n, collection, { op: Op.distributedAsset, inRef: false })),
    // a plain transfer from a stranger is not kept at all (nor, above, its jetton notification)
    incoming(7, stranger, 9n, beginCell().endCell()),
  ];

  it('keeps the messages that matter, ascending, and finds the assigned items and the payouts among them', () => {
    const events = ownerEvents([...transactions].reverse(), context);
    expect(events.map((event) => event.lt)).toEqual([1n, 2n, 3n, 4n, 5n]);
    expect(assignedItems(events).map((event) => event.peer)).toEqual([item.toRawString()]);
    expect(payoutEvents(events, context).map(({ collection: from, asset, amount }) => ({ from, asset, amount }))).toEqual([
      { from: collection.toRawString(), asset: 'ton', amount: 5_000n },
      { from: collection.toRawString(), asset: 'jetton', amount: 300n },
      { from: collection.toRawString(), asset: 'jetton', amount: 400n },
    ]);
  });
});
