// The owner's bills, found in the owner's own history (queries/owner-history.ts) instead of by walking the pool's
// payout collections: every item tells its owner when it is minted (`ownership_assigned`, §4.2). Each new candidate
// costs one get_nft_data, checked against the pool's collections as stored (get_pool_full_data_raw, read only when
// there is a candidate); a bill is paid once its payout arrived at the owner and its item is gone. Everything
// learned is kept in localStorage, so the list and its history survive reloads and cost nothing when nothing is new.
import { queryOptions, skipToken } from '@tanstack/react-query';
import { Address } from '@ton/core';
import { poolBillCheck, readBillData, type BillKind } from '../ton/bills';
import type { TonRpc } from '../ton/client';
import type { NetworkConfig } from '../ton/networks';
import { assignedItems, payoutEvents } from '../ton/owner-history';
import { readPoolFullData, type PoolFullData } from '../ton/pool';
import type { OwnerHistory } from './owner-history';
import { persistKey, readPersisted, writePersisted, type PersistStorage } from './persisted';
import { loadTonRpc, type RpcLoader } from './rpc';

const BILLS_STORE_VERSION = 1;

export interface TxRef {
  lt: bigint;
  /** Unix seconds. */
  time: number;
  /** Hex hash of the owner's transaction. */
  tx: string;
}

export interface BillRecord {
  /** Raw address of the item. */
  address: string;
  kind: BillKind;
  /** Raw address of the pool's payout collection it belongs to. */
  collection: string;
  index: bigint;
  /** Deposit bill: TON deposited. Withdrawal bill: pTON burned. */
  amount: bigint;
  /** The owner's transaction that received the item's ownership_assigned. */
  created: TxRef;
  /** Set once the payout arrived and the item is gone: TON (withdrawal bill) or pTON (deposit bill). */
  payout?: TxRef & { amount: bigint };
}

export interface BillBook {
  /** Newest first by creation. */
  bills: BillRecord[];
  /** Items checked once and found not to be this owner's bills of this pool: never asked about again. */
  ignored: string[];
}

export type BillStatus = 'pending' | 'round-ended' | 'paid';

/**
 * Where a bill stands. `pool` is the pool as the app shows it (get_pool_full_data): once its collection for the bill's
 * kind is another one, the round the bill belongs to has ended (really, or in the getter's simulation) and the payout
 * is on its way, but the bill is paid only when the payout arrived.
 */
export function billStatus(bill: Pick<BillRecord, 'kind' | 'collection' | 'payout'>, pool: Pick<PoolFullData, 'depositPayout' | 'withdrawalPayout'> | undefined): BillStatus {
  if (bill.payout) return 'paid';
  const current = bill.kind === 'deposit' ? pool?.depositPayout : pool?.withdrawalPayout;
  if (!pool || current?.toRawString() === bill.collection) return 'pending';
  return 'round-ended';
}

function isTxRef(value: unknown): value is TxRef {
  const t = value as Record<string, unknown> | undefined;
  return !!t && typeof t.lt === 'bigint' && typeof t.time === 'number' && typeof t.tx === 'string';
}

function isBillBook(value: unknown): value is BillBook {
  if (!value || typeof value !== 'object') return false;
  const book = value as Record<string, unknown>;
  return (
    Array.isArray(book.ignored) &&
    book.ignored.every((item) => typeof item === 'string') &&
    Array.isArray(book.bills) &&
    book.bills.every((bill: Record<string, unknown>) => {
      return (
        typeof bill.address === 'string' &&
        (bill.kind === 'deposit' || bill.kind === 'withdrawal') &&
        typeof bill.collection === 'string' &&
        typeof bill.index === 'bigint' &&
        typeof bill.amount === 'bigint' &&
        isTxRef(bill.created) &&
        (bill.payout === undefined || (isTxRef(bill.payout) && typeof (bill.payout as unknown as Record<string, unknown>).amount === 'bigint'))
      );
    })
  );
}

export function billBookStorageKey(network: Pick<NetworkConfig, 'name'>, owner: string, pool: string): string {
  return persistKey('bills', BILLS_STORE_VERSION, network, Address.parse(owner).toRawString(), Address.parse(pool).toRawString());
}

export interface BillBookDeps {
  loadRpc?: RpcLoader;
  /** localStorage by default; null: memory only. */
  storage?: PersistStorage | null;
}

export interface BillBookParams {
  network: NetworkConfig;
  owner: string;
  pool: string;
  ptonWallet: string;
  history: OwnerHistory;
}

const EMPTY_BOOK: BillBook = { bills: [], ignored: [] };

/** Brings the stored book up to date with `history`: new candidates checked, arrived payouts matched. */
export async function updateBillBook(params: BillBookParams, deps: BillBookDeps = {}): Promise<BillBook> {
  const { network, owner, pool, ptonWallet, history } = params;
  const key = billBookStorageKey(network, owner, pool);
  const tag = Address.parse(ptonWallet).toRawString();
  const stored = readPersisted(key, { tag, check: isBillBook, storage: deps.storage })?.data ?? EMPTY_BOOK;
  const known = new Set([...stored.bills.map((bill) => bill.address), ...stored.ignored]);
  const bills = stored.bills.map((bill) => ({ ...bill }));
  const ignored = [...stored.ignored];
  let rpc: TonRpc | undefined;
  const getRpc = async () => (rpc ??= await (deps.loadRpc ?? loadTonRpc)(network));
  const ownerAddress = Address.parse(owner);

  // New candidates: items that assigned themselves to the owner, each checked once against the pool's own collections.
  const candidates = new Map(assignedItems(history.events).filter((event) => !known.has(event.peer)).map((event) => [event.peer, event]));
  if (candidates.size > 0) {
    const client = await getRpc();
    // The pool's stored collections and the items' own answers, read side by side (one round trip).
    const items = [...candidates.keys()];
    const [raw, answers] = await Promise.all([
      readPoolFullData(client, Address.parse(pool), { raw: true }),
      Promise.all(items.map((item) => readBillData(client, Address.parseRaw(item)))),
    ]);
    const checks = items.map((item, i) => ({ item, check: poolBillCheck(raw, Address.parseRaw(item), answers[i]) }));
    for (const { item, check } of checks) {
      const event = candidates.get(item)!;
      if (check.status === 'bill' && check.bill.owner.equals(ownerAddress)) {
        const { kind, collection, index, amount } = check.bill;
        bills.push({ address: item, kind, collection: collection.toRawString(), index, amount, created: { lt: event.lt, time: event.time, tx: event.tx } });
      } else {
        // Someone else's item, another collection's, or one already gone before we could check it.
        ignored.push(item);
      }
    }
  }

  // Payouts: from the bill's collection, after the bill was created, one payout per bill. A collection pays its bills
  // from the highest index down, so within a collection the earliest payout goes to the highest index.
  const used = new Set(bills.flatMap((bill) => (bill.payout ? [bill.payout.tx] : [])));
  const open = bills.filter((bill) => !bill.payout).sort((a, b) => (a.index > b.index ? -1 : a.index < b.index ? 1 : 0));
  const payouts = payoutEvents(history.events, { ptonWallet: Address.parse(ptonWallet) });
  const matched: { bill: BillRecord; payout: (typeof payouts)[number] }[] = [];
  for (const bill of open) {
    const asset = bill.kind === 'deposit' ? 'jetton' : 'ton';
    const payout = payouts.find((p) => p.collection === bill.collection && p.asset === asset && p.event.lt > bill.created.lt && !used.has(p.event.tx));
    if (!payout) continue;
    used.add(payout.event.tx);
    matched.push({ bill, payout });
  }
  if (matched.length > 0) {
    const client = await getRpc();
    // Paid means both: the payout arrived and the item is destroyed.
    const gone = await Promise.all(matched.map(async ({ bill }) => (await readBillData(client, Address.parseRaw(bill.address))) === null));
    matched.forEach(({ bill, payout }, i) => {
      if (gone[i]) bill.payout = { lt: payout.event.lt, time: payout.event.time, tx: payout.event.tx, amount: payout.amount };
    });
  }

  bills.sort((a, b) => (a.created.lt > b.created.lt ? -1 : a.created.lt < b.created.lt ? 1 : 0));
  const book = { bills, ignored };
  writePersisted(key, book, { tag, storage: deps.storage });
  return book;
}

/** Stored book for an initial render (no request): the last known bills while the history is brought up to date. */
export function storedBillBook(network: Pick<NetworkConfig, 'name'>, owner: string, pool: string, ptonWallet: string, storage?: PersistStorage | null): BillBook | undefined {
  return readPersisted(billBookStorageKey(network, owner, pool), { tag: Address.parse(ptonWallet).toRawString(), check: isBillBook, storage })?.data;
}

/**
 * The owner's bills, pending and paid, as of `history` (its newest transaction is part of the key: the book changes
 * only when the owner's history does). Nothing is read when the history holds nothing new for it.
 */
export function billBookQuery(
  network: NetworkConfig,
  owner: string | undefined,
  pool: string | undefined,
  ptonWallet: string | undefined,
  history: OwnerHistory | undefined,
  deps: BillBookDeps = {},
) {
  const ready = owner && pool && ptonWallet && history;
  return queryOptions({
    queryKey: ['ton', network.name, 'bills', pool, owner, history ? (history.newest?.lt.toString() ?? 'none') : undefined] as const,
    queryFn: ready ? () => updateBillBook({ network, owner, pool, ptonWallet, history }, deps) : skipToken,
    staleTime: Number.POSITIVE_INFINITY,
    gcTime: 10 * 60_000,
    refetchOnWindowFocus: false,
  });
}
