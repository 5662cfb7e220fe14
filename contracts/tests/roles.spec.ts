import { Address, beginCell, toNano } from '@ton/core';
import { BlockchainSnapshot, SandboxContract, TreasuryContract } from '@ton/sandbox';
import { beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { PoolError } from '../wrappers/errors';
import {
  haltBody,
  prepareGovernanceMigrationBody,
  setDepositSettingsBody,
  setGovernanceFeeBody,
  setInterestBody,
  setRolesBody,
  setSudoerBody,
  sudoSendMessageBody,
  sudoUpgradeBody,
  unhaltBody,
} from '../wrappers/Pool';
import { expectTx } from './helpers/expect-tx';
import { PoolEnv } from './helpers/pool-env';

const DAY = 86_400;

describe('roles', () => {
  let env: PoolEnv;
  let stranger: SandboxContract<TreasuryContract>;
  let snapshot: BlockchainSnapshot;
  beforeAll(async () => {
    env = await PoolEnv.create();
    stranger = await env.user('stranger');
    snapshot = env.blockchain.snapshot();
  });
  beforeEach(async () => {
    await env.blockchain.loadFrom(snapshot);
  });

  async function expectRefused(sender: SandboxContract<TreasuryContract>, body: ReturnType<typeof haltBody>, exitCode: number = PoolError.wrongSender) {
    const result = await env.pool.sendAdmin(sender.getSender(), body);
    expectTx(result.transactions, { from: sender.address, to: env.pool.address, success: false, exitCode });
  }

  it('halter halts, governor unhalts, nobody else may', async () => {
    await expectRefused(stranger, haltBody());
    await expectRefused(env.governor, haltBody());
    await env.pool.sendAdmin(env.halter.getSender(), haltBody());
    expect((await env.data()).halted).toBe(true);
    await expectRefused(env.halter, unhaltBody());
    await env.pool.sendAdmin(env.governor.getSender(), unhaltBody());
    expect((await env.data()).halted).toBe(false);
  });

  it('governor sets deposit settings and the governance fee', async () => {
    await expectRefused(stranger, setDepositSettingsBody(false, false));
    await env.pool.sendAdmin(env.governor.getSender(), setDepositSettingsBody(false, false));
    let data = await env.data();
    expect(data.optimistic).toBe(false);
    expect(data.depositsOpen).toBe(false);
    await expectRefused(stranger, setGovernanceFeeBody(1234));
    await env.pool.sendAdmin(env.governor.getSender(), setGovernanceFeeBody(1234));
    data = await env.data();
    expect(data.governanceFee).toBe(1234);
  });

  it('interest manager (only) sets the interest rate, as a uint24', async () => {
    await expectRefused(env.governor, setInterestBody(5000));
    await env.pool.sendAdmin(env.interestManager.getSender(), setInterestBody(0xabcdef));
    expect((await env.data()).interestRate).toBe(0xabcdef);
  });

  it('governor replaces the other roles; controller addresses follow halter and approver', async () => {
    const validator = new Address(-1, Buffer.alloc(32, 1));
    const controllerBefore = await env.pool.getControllerAddress(0, validator);
    const newManager = await env.user('new-manager');
    const newHalter = await env.user('new-halter');
    const newApprover = await env.user('new-approver');
    await expectRefused(stranger, setRolesBody({ halter: stranger.address }));
    await env.pool.sendAdmin(
      env.governor.getSender(),
      setRolesBody({ interestManager: newManager.address, halter: newHalter.address, approver: newApprover.address }),
    );
    const data = await env.data();
    expect(data.interestManager.equals(newManager.address)).toBe(true);
    expect(data.halter.equals(newHalter.address)).toBe(true);
    expect(data.approver.equals(newApprover.address)).toBe(true);
    expect(data.governor.equals(env.governor.address)).toBe(true);
    expect((await env.pool.getControllerAddress(0, validator)).equals(controllerBefore)).toBe(false);
    await env.pool.sendAdmin(newHalter.getSender(), haltBody());
    expect((await env.data()).halted).toBe(true);
  });

  it('replaces the governor only after a prepared migration matures', async () => {
    const successor = await env.user('successor');
    await expectRefused(env.governor, setRolesBody({ governor: successor.address }), PoolError.governorUpdateNotMatured);
    const now = env.blockchain.now!;
    await expectRefused(env.governor, prepareGovernanceMigrationBody(now + DAY - 10), PoolError.governorUpdateTooSoon);
    await expectRefused(stranger, prepareGovernanceMigrationBody(now + 2 * DAY));
    await env.pool.sendAdmin(env.governor.getSender(), prepareGovernanceMigrationBody(now + 2 * DAY));
    expect((await env.data()).governorUpdateAfter).toBe(now + 2 * DAY);
    await expectRefused(env.governor, setRolesBody({ governor: successor.address }), PoolError.governorUpdateNotMatured);
    env.blockchain.now = now + 2 * DAY + 1;
    await env.pool.sendAdmin(env.governor.getSender(), setRolesBody({ governor: successor.address }));
    expect((await env.data()).governor.equals(successor.address)).toBe(true);
    await expectRefused(env.governor, unhaltBody());
  });

  it('sudoer acts only after a 24 h quarantine (0xa000)', async () => {
    const sudoer = await env.user('sudoer');
    const target = await env.user('target');
    await expectRefused(stranger, setSudoerBody(sudoer.address));
    await env.pool.sendAdmin(env.governor.getSender(), setSudoerBody(sudoer.address));
    const data = await env.data();
    expect(data.sudoer?.equals(sudoer.address)).toBe(true);
    const message = beginCell()
      .storeUint(0x10, 6)
      .storeAddress(target.address)
      .storeCoins(toNano('1'))
      .storeUint(0, 1 + 4 + 4 + 64 + 32 + 1 + 1)
      .endCell();
    await expectRefused(sudoer, sudoSendMessageBody(message, 1), PoolError.sudoerQuarantine);
    env.blockchain.now = env.blockchain.now! + DAY + 1;
    await expectRefused(stranger, sudoSendMessageBody(message, 1));
    const result = await env.pool.sendAdmin(sudoer.getSender(), sudoSendMessageBody(message, 1));
    expectTx(result.transactions, { from: env.pool.address, to: target.address, value: toNano('1') });
  });

  it('sudoer can replace the data; a pool outside NORMAL state refuses deposits and loans (0x9284)', async () => {
    const sudoer = await env.user('sudoer');
    await env.pool.sendAdmin(env.governor.getSender(), setSudoerBody(sudoer.address));
    env.blockchain.now = env.blockchain.now! + DAY + 1;
    const account = (await env.blockchain.getContract(env.pool.address)).accountState;
    if (account?.type !== 'active' || !account.state.data) throw new Error('pool not active');
    // same storage with state = 1
    const data = account.state.data.beginParse();
    data.skip(8);
    const stateOne = beginCell().storeUint(1, 8).storeSlice(data).endCell();
    await env.pool.sendAdmin(sudoer.getSender(), sudoUpgradeBody({ data: stateOne }));
    expect((await env.data()).state).toBe(1);
    const alice = await env.user('alice');
    const deposit = await env.deposit(alice, toNano('10'));
    expectTx(deposit.transactions, { to: env.pool.address, success: false, exitCode: PoolError.wrongState });
    await expectRefused(env.interestManager, setInterestBody(5), PoolError.wrongState);
  });
});
