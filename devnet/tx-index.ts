// Our own transaction index. Sandbox 0.41's Blockchain.getTransactions reverses its array in place on every call
// and compares hashes with Buffer ===, so the devnet keeps this index instead: per account in lt order, by hash,
// and by the TEP-467 normalized hash of the external-in message that started a transaction.
import { Address, beginCell, Cell, loadTransaction, type Message, type Transaction } from '@ton/core';

export interface IndexedTransaction {
  account: Address;
  lt: bigint;
  hash: Buffer;
  transaction: Transaction;
}

export interface AccountTransactionsQuery {
  limit: number;
  /** Start at this lt (inclusive); rows come newest first. */
  lt?: bigint;
  /** With `lt`: the start row must have this hash, else the result is empty. */
  hash?: Buffer;
  /** Stop before reaching this lt (exclusive lower bound, as toncenter does). */
  toLt?: bigint;
}

export class TransactionIndex {
  private readonly ordered: IndexedTransaction[] = [];
  /** Base64 BOCs, a prefix of `ordered`: encoded lazily at save time, and only once (every save writes all). */
  private readonly orderedBocs: string[] = [];
  private readonly byAccount = new Map<string, IndexedTransaction[]>();
  private readonly byHash = new Map<string, IndexedTransaction>();
  private readonly byNormalizedInHash = new Map<string, IndexedTransaction>();

  get size(): number {
    return this.ordered.length;
  }

  add(transaction: Transaction, boc?: string): IndexedTransaction {
    const entry: IndexedTransaction = {
      account: transactionAccount(transaction),
      lt: transaction.lt,
      hash: transaction.hash(),
      transaction,
    };
    const key = entry.account.toRawString();
    let list = this.byAccount.get(key);
    if (!list) this.byAccount.set(key, (list = []));
    list.push(entry);
    this.ordered.push(entry);
    if (boc !== undefined && this.orderedBocs.length === this.ordered.length - 1) this.orderedBocs.push(boc);
    this.byHash.set(entry.hash.toString('hex'), entry);
    const inMessage = transaction.inMessage;
    if (inMessage?.info.type === 'external-in') {
      this.byNormalizedInHash.set(normalizedExternalMessageHash(inMessage).toString('hex'), entry);
    }
    return entry;
  }

  addBoc(boc: string): IndexedTransaction {
    return this.add(loadTransaction(Cell.fromBase64(boc).beginParse()), boc);
  }

  /** Newest first, toncenter getTransactions semantics. */
  forAccount(account: Address, query: AccountTransactionsQuery): IndexedTransaction[] {
    const list = this.byAccount.get(account.toRawString()) ?? [];
    let start = list.length - 1;
    if (query.lt !== undefined) {
      start = lastIndexAtOrBelow(list, query.lt);
      if (query.hash && (start < 0 || list[start].lt !== query.lt || !list[start].hash.equals(query.hash)))
        return [];
    }
    const rows: IndexedTransaction[] = [];
    for (let i = start; i >= 0 && rows.length < query.limit; i--) {
      if (query.toLt !== undefined && list[i].lt <= query.toLt) break;
      rows.push(list[i]);
    }
    return rows;
  }

  latestForAccount(account: Address): IndexedTransaction | undefined {
    const list = this.byAccount.get(account.toRawString());
    return list?.[list.length - 1];
  }

  byTransactionHash(hash: Buffer): IndexedTransaction | undefined {
    return this.byHash.get(hash.toString('hex'));
  }

  byNormalizedExternalHash(hash: Buffer): IndexedTransaction | undefined {
    return this.byNormalizedInHash.get(hash.toString('hex'));
  }

  /** The last `count` transactions in execution order. */
  latest(count: number): IndexedTransaction[] {
    return count > 0 ? this.ordered.slice(-count) : [];
  }

  /** Transaction BOCs in execution order, for persistence. */
  bocs(): readonly string[] {
    for (let i = this.orderedBocs.length; i < this.ordered.length; i++) {
      this.orderedBocs.push(this.ordered[i].transaction.raw.toBoc().toString('base64'));
    }
    return this.orderedBocs;
  }
}

/**
 * TEP-467 normalized hash of an external-in message: src addr_none, import_fee 0, no init, body always in a ref.
 * Wallets and explorers use it to track a message regardless of how the sender serialized it.
 */
export function normalizedExternalMessageHash(message: Message): Buffer {
  if (message.info.type !== 'external-in') throw new Error('not an external-in message');
  return beginCell()
    .storeUint(0b10, 2) // ext_in_msg_info$10
    .storeUint(0, 2) // src: addr_none$00
    .storeAddress(message.info.dest)
    .storeCoins(0) // import_fee
    .storeBit(false) // init: nothing
    .storeBit(true) // body: in a ref
    .storeRef(message.body)
    .endCell()
    .hash();
}

function transactionAccount(transaction: Transaction): Address {
  const dest = transaction.inMessage?.info.dest;
  // Only tick-tock transactions lack an inbound message, and those run on masterchain special accounts.
  const workchain = Address.isAddress(dest) ? dest.workChain : -1;
  return new Address(workchain, Buffer.from(transaction.address.toString(16).padStart(64, '0'), 'hex'));
}

function lastIndexAtOrBelow(list: IndexedTransaction[], lt: bigint): number {
  let low = 0;
  let high = list.length - 1;
  let found = -1;
  while (low <= high) {
    const mid = (low + high) >> 1;
    if (list[mid].lt <= lt) {
      found = mid;
      low = mid + 1;
    } else {
      high = mid - 1;
    }
  }
  return found;
}
