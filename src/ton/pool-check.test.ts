// inspectPool on made-up chain answers around the v1 getter stack recorded from our contract: each case changes
// one thing a pasted address can get wrong.
import { Address, beginCell, Cell } from '@ton/core';
import { describe, expect, it } from 'vitest';
import { buildOnchainMetadata } from '../../contracts/wrappers/metadata';
import { parsePoolFullData } from '../../contracts/wrappers/pool-data';
import { loadFixture } from './__fixtures__/fixture';
import type { TonRpc } from './client';
import { jettonWalletAddress } from './jetton';
import { inspectPool } from './pool-check';
import { parseStack, type StackValue } from './stack';

const fixture = loadFixture('devnet-pool-data-v1');
const recorded = fixture.exchanges.find((e) => (e.params as { method: string }).method === 'get_pool_full_data')!;
const v1Stack = parseStack((recorded.body as { result: { stack: unknown[] } }).result.stack);
const pool = Address.parse(fixture.values.pool);
const data = parsePoolFullData(v1Stack);
const owner = Address.parse(`0:${'0e'.repeat(32)}`);
const code = beginCell().storeUint(0xc0de, 16).endCell();

interface Chain {
  state?: 'active' | 'uninitialized' | 'frozen';
  poolStack?: StackValue[];
  poolExit?: number;
  walletAnswer?: Address;
  /** get_jetton_data admin per minter (raw). */
  admins?: Record<string, Address | null>;
}

function fakeRpc(chain: Chain) {
  const calls: string[] = [];
  const slice = (address: Address): StackValue => ({ type: 'cell', cell: beginCell().storeAddress(address).endCell(), kind: 'slice' });
  const rpc = {
    client: {
      async getContractState() {
        calls.push('getAddressInformation');
        return { balance: 123n, state: chain.state ?? 'active', code: chain.state === 'uninitialized' ? null : code.toBoc() };
      },
    },
    async runGetMethod(address: Address, method: string) {
      calls.push(method);
      if (method === 'get_pool_full_data') return { exitCode: chain.poolExit ?? 0, gasUsed: 0, stack: chain.poolExit ? [] : (chain.poolStack ?? v1Stack) };
      if (method === 'get_wallet_address') {
        const computed = jettonWalletAddress({ owner, minter: data.jettonMinter, walletCode: data.poolJettonWalletCode });
        return { exitCode: 0, gasUsed: 0, stack: [slice(chain.walletAnswer ?? computed)] };
      }
      if (method === 'get_jetton_data') {
        const admin = (chain.admins ?? { [data.jettonMinter.toRawString()]: pool })[address.toRawString()];
        if (admin === undefined) return { exitCode: 11, gasUsed: 0, stack: [] };
        const content = buildOnchainMetadata({ symbol: 'pTON', name: 'Pool TON', decimals: '9' });
        return {
          exitCode: 0,
          gasUsed: 0,
          stack: [{ type: 'int', value: 1n }, { type: 'int', value: -1n }, admin ? slice(admin) : { type: 'null' }, { type: 'cell', cell: content, kind: 'cell' }, { type: 'cell', cell: Cell.EMPTY, kind: 'cell' }],
        };
      }
      throw new Error(`unexpected ${method}`);
    },
  } as unknown as TonRpc;
  return { rpc, calls };
}

describe('inspectPool', () => {
  it('a pool: version, code hash, jetton, and the minter agreeing with the computed wallet address', async () => {
    const { rpc } = fakeRpc({});
    const result = await inspectPool(rpc, pool, owner);
    expect(result).toMatchObject({ kind: 'pool', walletCheck: 'match', account: { balance: 123n, state: 'active', codeHash: code.hash().toString('hex') } });
    if (result.kind !== 'pool') return;
    expect(result.data.version).toBe('v1');
    expect(result.jetton.minter.equals(data.jettonMinter)).toBe(true);
    expect(result.jetton.symbol).toBe('pTON');
  });

  it('a minter that computes other wallets than the pool\'s wallet code is flagged', async () => {
    const { rpc } = fakeRpc({ walletAnswer: Address.parse(`0:${'99'.repeat(32)}`) });
    expect(await inspectPool(rpc, pool, owner)).toMatchObject({ kind: 'pool', walletCheck: 'mismatch' });
  });

  it('nothing deployed (e.g. an address of the other network) is not a pool, without running the getter', async () => {
    const { rpc, calls } = fakeRpc({ state: 'uninitialized' });
    expect(await inspectPool(rpc, pool, owner)).toMatchObject({ kind: 'not-a-pool', why: 'empty' });
    expect(calls).toEqual(['getAddressInformation']);
  });

  it('a contract without the getter, or with a getter of the wrong shape, is not a pool', async () => {
    expect(await inspectPool(fakeRpc({ poolExit: 11 }).rpc, pool, owner)).toMatchObject({ kind: 'not-a-pool', why: 'no-getter', exitCode: 11 });
    const wrongShape = [...v1Stack.slice(0, 7), { type: 'int', value: 5n }, ...v1Stack.slice(8)] as StackValue[];
    expect(await inspectPool(fakeRpc({ poolStack: wrongShape }).rpc, pool, owner)).toMatchObject({ kind: 'not-a-pool', why: 'bad-getter', parseError: expect.stringMatching(/expected tuple/) });
  });

  it('an unknown layout is unsupported; its jetton is the stack address whose minter names the pool as admin', async () => {
    const stranger = Address.parse(`0:${'77'.repeat(32)}`);
    const unknown = [...v1Stack, { type: 'int', value: 0n }] as StackValue[]; // 31 entries
    const admins = { [data.jettonMinter.toRawString()]: pool, [stranger.toRawString()]: stranger };
    const result = await inspectPool(fakeRpc({ poolStack: unknown, admins }).rpc, pool, owner);
    expect(result).toMatchObject({ kind: 'unsupported', entries: 31 });
    expect(result.kind === 'unsupported' && result.jetton?.minter.equals(data.jettonMinter)).toBe(true);
    // a minter that does not name the pool as admin is not taken for its jetton
    const none = await inspectPool(fakeRpc({ poolStack: unknown, admins: { [data.jettonMinter.toRawString()]: stranger } }).rpc, pool, owner);
    expect(none).toMatchObject({ kind: 'unsupported', jetton: null });
  });
});
