// DEVNET ONLY. Wrapper for contracts/devnet-elector.tolk, the stand-in elector that sandbox tests and
// the local devnet place at the config-1 address. Never deploy it on a real network.
import { Address, beginCell, Cell, type Contract, type ContractProvider, type Sender, SendMode, toNano } from '@ton/core';
import { type Blockchain, createShardAccount } from '@ton/sandbox';
import { loadCode } from './code';
import { electorAddress } from './network-config';

/** Devnet-only admin op-codes (the real elector has no such ops). */
export const DevnetElectorOp = {
  setResult: 0xde7e0001,
  unlock: 0xde7e0002,
  markRoundEnd: 0xde7e0003,
  setMinStake: 0xde7e0004,
} as const;

/** Reject reasons carried by new_stake_error, numbered like the real elector's. */
export const NewStakeRejectReason = { notAccepted: 0, badSignature: 1, stakeTooSmall: 5, maxFactorTooLow: 6 } as const;

/** What the elector keeps from a new_stake message value and sends back with new_stake_ok. */
export const ELECTOR_CONFIRMATION_VALUE = toNano('1');

export const DevnetElectorError = { notAdmin: 0x9283, unknownParticipant: 0xf00d, unknownOp: 0xffff } as const;

export interface DevnetElectorConfig {
  admin: Address;
  /** Smallest accepted stake (after the 1 TON the elector keeps). */
  minStake?: bigint;
}

export function devnetElectorData(config: DevnetElectorConfig): Cell {
  return beginCell()
    .storeAddress(config.admin)
    .storeCoins(config.minStake ?? 0n)
    .storeBit(false) // no participants
    .endCell();
}

export interface DevnetParticipant {
  stake: bigint;
  reward: bigint;
  slash: bigint;
  /** 0 while locked. */
  unlockAt: number;
  stakeAt: number;
}

function adminHeader(op: number, queryId: bigint | number = 0) {
  return beginCell().storeUint(op, 32).storeUint(BigInt(queryId), 64);
}

export class DevnetElector implements Contract {
  constructor(readonly address: Address) {}

  static createFromAddress(address: Address) {
    return new DevnetElector(address);
  }

  /** Sets what `participant` gets on recover: stake + reward − slash (never below 0). */
  async sendSetResult(provider: ContractProvider, via: Sender, params: { participant: Address; reward?: bigint; slash?: bigint }) {
    await provider.internal(via, {
      value: toNano('0.1'),
      sendMode: SendMode.PAY_GAS_SEPARATELY,
      body: adminHeader(DevnetElectorOp.setResult)
        .storeBuffer(params.participant.hash)
        .storeCoins(params.reward ?? 0n)
        .storeCoins(params.slash ?? 0n)
        .endCell(),
    });
  }

  /** Makes the stake recoverable from `unlockAt` (unix time; omitted = now). */
  async sendUnlock(provider: ContractProvider, via: Sender, params: { participant: Address; unlockAt?: number }) {
    await provider.internal(via, {
      value: toNano('0.1'),
      sendMode: SendMode.PAY_GAS_SEPARATELY,
      body: adminHeader(DevnetElectorOp.unlock).storeBuffer(params.participant.hash).storeUint(params.unlockAt ?? 0, 32).endCell(),
    });
  }

  /** Every still-locked stake unlocks at `roundEnd` + stake_held_for (config 15). */
  async sendMarkRoundEnd(provider: ContractProvider, via: Sender, roundEnd: number) {
    await provider.internal(via, {
      value: toNano('0.1'),
      sendMode: SendMode.PAY_GAS_SEPARATELY,
      body: adminHeader(DevnetElectorOp.markRoundEnd).storeUint(roundEnd, 32).endCell(),
    });
  }

  async sendSetMinStake(provider: ContractProvider, via: Sender, minStake: bigint) {
    await provider.internal(via, {
      value: toNano('0.1'),
      sendMode: SendMode.PAY_GAS_SEPARATELY,
      body: adminHeader(DevnetElectorOp.setMinStake).storeCoins(minStake).endCell(),
    });
  }

  /** Plain top-up: rewards are paid out of the elector's balance. */
  async sendFund(provider: ContractProvider, via: Sender, value: bigint) {
    await provider.internal(via, { value, sendMode: SendMode.PAY_GAS_SEPARATELY, body: Cell.EMPTY });
  }

  async getReturnedStake(provider: ContractProvider, participant: Address): Promise<bigint> {
    const { stack } = await provider.get('compute_returned_stake', [{ type: 'int', value: BigInt('0x' + participant.hash.toString('hex')) }]);
    return stack.readBigNumber();
  }

  async getParticipant(provider: ContractProvider, participant: Address): Promise<DevnetParticipant | null> {
    const { stack } = await provider.get('get_devnet_participant', [{ type: 'int', value: BigInt('0x' + participant.hash.toString('hex')) }]);
    if (!stack.readBoolean()) return null;
    return {
      stake: stack.readBigNumber(),
      reward: stack.readBigNumber(),
      slash: stack.readBigNumber(),
      unlockAt: stack.readNumber(),
      stakeAt: stack.readNumber(),
    };
  }

  async getElectorData(provider: ContractProvider) {
    const { stack } = await provider.get('get_devnet_elector_data', []);
    return { admin: stack.readAddress(), minStake: stack.readBigNumber() };
  }
}

/**
 * Puts the devnet elector at the config-1 address of `blockchain` (replacing whatever is there)
 * and returns an opened wrapper. `balance` funds rewards; top it up later with sendFund.
 */
export async function installDevnetElector(
  blockchain: Blockchain,
  opts: DevnetElectorConfig & { balance: bigint; code?: Cell },
) {
  const address = electorAddress(blockchain);
  await blockchain.setShardAccount(
    address,
    createShardAccount({
      address,
      code: opts.code ?? loadCode('devnet-elector'),
      data: devnetElectorData(opts),
      balance: opts.balance,
      workchain: -1,
    }),
  );
  return blockchain.openContract(DevnetElector.createFromAddress(address));
}
