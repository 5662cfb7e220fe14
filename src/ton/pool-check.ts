// What the app can tell about any pool address on this network, before using it: the account (balance, code
// hash), the getter's layout (version) and the pool jetton, with the check that the minter's get_wallet_address
// equals the wallet address the app computes from the pool's wallet code (the address every pTON read uses).
// An unknown layout still yields the account and, when one of the getter's addresses is a minter whose admin is
// the pool, the jetton: proven on chain, never read by position.
import { Address, Cell, type TupleItem } from '@ton/core';
import { parsePoolFullData, type PoolFullData, UnsupportedPoolError } from '../../contracts/wrappers/pool-data';
import { GetMethodError, runGetMethodOk, type TonRpc } from './client';
import { fetchJettonWalletAddress, jettonWalletAddress, readJettonData, resolveJettonMetadata } from './jetton';

export interface PoolAccount {
  balance: bigint;
  state: 'active' | 'uninitialized' | 'frozen';
  /** Hex hash of the account's code; null without code. */
  codeHash: string | null;
}

export interface PoolJetton {
  minter: Address;
  /** On-chain symbol, or '' when the minter's metadata has none (off-chain metadata is not fetched here). */
  symbol: string;
}

export type PoolInspection =
  | { kind: 'pool'; account: PoolAccount; data: PoolFullData; jetton: PoolJetton; walletCheck: 'match' | 'mismatch' }
  | { kind: 'unsupported'; account: PoolAccount; entries: number; jetton: PoolJetton | null }
  | ({ kind: 'not-a-pool'; account: PoolAccount } & NotAPoolReason);

/** Why an address is not a pool, as data the UI words: with the getter's exit code, or why its answer is not a pool's. */
export type NotAPoolReason = { why: 'frozen' } | { why: 'empty' } | { why: 'no-getter'; exitCode: number } | { why: 'bad-getter'; parseError: string };

export async function readPoolAccount(rpc: Pick<TonRpc, 'client'>, address: Address): Promise<PoolAccount> {
  const state = await rpc.client.getContractState(address);
  return {
    balance: state.balance,
    state: state.state,
    codeHash: state.code ? Cell.fromBoc(state.code)[0].hash().toString('hex') : null,
  };
}

/** Addresses among the top-level entries of an unknown stack, in order. */
function stackAddresses(stack: readonly TupleItem[]): Address[] {
  const out: Address[] = [];
  for (const item of stack) {
    if (item.type !== 'cell' && item.type !== 'slice') continue;
    try {
      const address = item.cell.beginParse().loadAddressAny();
      if (Address.isAddress(address)) out.push(address);
    } catch {
      // not an address
    }
  }
  return out;
}

async function symbolOf(content: Cell): Promise<string> {
  return (await resolveJettonMetadata(content, { fallbackSymbol: '' })).symbol;
}

/** The pool's jetton among an unknown stack's addresses: the first minter whose admin is the pool (≤ `tries` reads). */
async function findOwnJetton(rpc: Pick<TonRpc, 'runGetMethod'>, pool: Address, stack: readonly TupleItem[], tries = 3): Promise<PoolJetton | null> {
  const candidates = stackAddresses(stack).filter((address) => !address.equals(pool));
  for (const candidate of candidates.slice(0, tries)) {
    const data = await readJettonData(rpc, candidate).catch(() => null);
    if (data?.admin?.equals(pool)) return { minter: candidate, symbol: await symbolOf(data.content) };
  }
  return null;
}

/**
 * Inspects `address` as a pool on this RPC's network. `probeOwner` is the address whose pTON wallet is compared
 * (the connected wallet when there is one; any address proves the minter and the wallet code agree).
 */
export async function inspectPool(rpc: Pick<TonRpc, 'client' | 'runGetMethod'>, address: Address, probeOwner: Address = address): Promise<PoolInspection> {
  const account = await readPoolAccount(rpc, address);
  if (account.state !== 'active') {
    return account.state === 'frozen'
      ? { kind: 'not-a-pool', account, why: 'frozen' }
      : { kind: 'not-a-pool', account, why: 'empty' };
  }
  let stack: TupleItem[];
  try {
    stack = await runGetMethodOk(rpc, address, 'get_pool_full_data');
  } catch (error) {
    if (error instanceof GetMethodError) return { kind: 'not-a-pool', account, why: 'no-getter', exitCode: error.exitCode };
    throw error;
  }
  let data: PoolFullData;
  try {
    data = parsePoolFullData(stack);
  } catch (error) {
    if (error instanceof UnsupportedPoolError) {
      return { kind: 'unsupported', account, entries: error.entries, jetton: await findOwnJetton(rpc, address, error.entriesAnswered) };
    }
    return { kind: 'not-a-pool', account, why: 'bad-getter', parseError: (error as Error).message };
  }
  const computed = jettonWalletAddress({ owner: probeOwner, minter: data.jettonMinter, walletCode: data.poolJettonWalletCode });
  const asked = await fetchJettonWalletAddress(rpc, data.jettonMinter, probeOwner).catch(() => null);
  const minter = await readJettonData(rpc, data.jettonMinter).catch(() => null);
  return {
    kind: 'pool',
    account,
    data,
    jetton: { minter: data.jettonMinter, symbol: minter ? await symbolOf(minter.content) : '' },
    walletCheck: asked?.equals(computed) ? 'match' : 'mismatch',
  };
}

