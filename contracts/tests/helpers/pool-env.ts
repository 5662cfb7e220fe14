// Sandbox environment for the pool specs: the real protocol (minter, wallets, payout collections) deployed with
// deployProtocol, role treasuries, round rotation via config 34, and fake controllers (spec §7.2 recipes).
import { Address, beginCell, Cell, toNano } from '@ton/core';
import { Blockchain, createShardAccount, internal, SandboxContract, SendMessageResult, TreasuryContract } from '@ton/sandbox';
import { listBills, BillInfo } from '../../wrappers/PayoutCollection';
import { controllerAddress, controllerStaticData } from '../../wrappers/Controller';
import { burnBody, depositBody } from '../../wrappers/messages';
import { setConfigParams, validatorSetCell } from '../../wrappers/network-config';
import { loanRepaymentBody, parsePoolLog, parsePoolStorage, PoolFullData, PoolLog, PoolStorageData, requestLoanBody } from '../../wrappers/Pool';
import { PoolJettonWallet } from '../../wrappers/PoolJettonWallet';
import { deployProtocol, DeployProtocolOptions, Protocol } from '../../wrappers/Protocol';
import { BURN_ATTACHED_VALUE, DEPOSIT_FEE } from '../../wrappers/fees';

export const START_TIME = 1_800_000_000;
export const ROUND_SECONDS = 65_536;

export interface WithdrawOptions {
  waitTillRoundEnd?: boolean;
  fillOrKill?: boolean;
  value?: bigint;
}

export interface FakeController {
  address: Address;
  validator: Address;
  controllerId: number;
  staticData: Cell;
}

export type PoolEnvOptions = Partial<Omit<DeployProtocolOptions, 'deployer' | 'roles'>>;

export class PoolEnv {
  private vsetSalt = 0;
  private constructor(
    readonly blockchain: Blockchain,
    readonly protocol: Protocol,
    readonly deployer: SandboxContract<TreasuryContract>,
    readonly governor: SandboxContract<TreasuryContract>,
    readonly interestManager: SandboxContract<TreasuryContract>,
    readonly halter: SandboxContract<TreasuryContract>,
    readonly approver: SandboxContract<TreasuryContract>,
  ) {}

  static async create(options: PoolEnvOptions = {}): Promise<PoolEnv> {
    const blockchain = await Blockchain.create();
    blockchain.now = START_TIME;
    // a fresh validator set so the pool's first touch rotates into round 1 deterministically
    setConfigParams(blockchain, { 34: validatorSetCell({ utimeSince: START_TIME, utimeUntil: START_TIME + ROUND_SECONDS, salt: 0 }) });
    const deployer = await blockchain.treasury('deployer');
    const governor = await blockchain.treasury('governor');
    const interestManager = await blockchain.treasury('interest-manager');
    const halter = await blockchain.treasury('halter');
    const approver = await blockchain.treasury('approver');
    const protocol = await deployProtocol(blockchain, {
      deployer,
      roles: { governor: governor.address, interestManager: interestManager.address, halter: halter.address, approver: approver.address },
      // small bounds so test-sized pools can lend
      minLoan: toNano('1'),
      maxLoan: toNano('1000000'),
      ...options,
    });
    return new PoolEnv(blockchain, protocol, deployer, governor, interestManager, halter, approver);
  }

  get pool() {
    return this.protocol.pool;
  }

  get minter() {
    return this.protocol.minter;
  }

  async user(name: string): Promise<SandboxContract<TreasuryContract>> {
    return this.blockchain.treasury(name);
  }

  walletOf(owner: Address): SandboxContract<PoolJettonWallet> {
    return this.blockchain.openContract(PoolJettonWallet.createFromAddress(this.minter.walletAddressOf(owner, this.protocol.codes.walletLibrary)));
  }

  /** Jetton balance from get_wallet_data; 0 for a wallet that does not exist yet. */
  async jettonBalance(owner: Address): Promise<bigint> {
    const wallet = this.walletOf(owner);
    const state = (await this.blockchain.getContract(wallet.address)).accountState;
    if (state?.type !== 'active') return 0n;
    return wallet.getJettonBalance();
  }

  /** Jetton balance straight from wallet storage (`balance:Coins` comes first, DAO layout); 0 if none. */
  async jettonBalanceRaw(owner: Address): Promise<bigint> {
    const state = (await this.blockchain.getContract(this.walletOf(owner).address)).accountState;
    if (state?.type !== 'active' || !state.state.data) return 0n;
    return state.state.data.beginParse().loadCoins();
  }

  async data(): Promise<PoolFullData> {
    return this.pool.getPoolFullDataRaw();
  }

  /** The pool's storage decoded in TS: no get-method run, so cheap enough to call after every fuzz step. */
  async storage(): Promise<PoolStorageData> {
    return parsePoolStorage(await this.accountData(this.pool.address), this.protocol.poolVersion);
  }

  /** Minter total supply straight from its storage (`total_supply:Coins` comes first). */
  async minterSupply(): Promise<bigint> {
    return (await this.accountData(this.minter.address)).beginParse().loadCoins();
  }

  private async accountData(address: Address): Promise<Cell> {
    const state = (await this.blockchain.getContract(address)).accountState;
    if (state?.type !== 'active' || !state.state.data) throw new Error(`${address} is not active`);
    return state.state.data;
  }

  async balanceOf(address: Address): Promise<bigint> {
    return (await this.blockchain.getContract(address)).balance;
  }

  /** Deposits `amount` TON (plus the 1 TON fee). */
  async deposit(user: SandboxContract<TreasuryContract>, amount: bigint, queryId = 0n): Promise<SendMessageResult> {
    return user.send({ to: this.pool.address, value: amount + DEPOSIT_FEE, body: depositBody(queryId) });
  }

  /** Burns `amount` pTON from the user's wallet with the two withdrawal flags. */
  async withdraw(user: SandboxContract<TreasuryContract>, amount: bigint, options: WithdrawOptions = {}): Promise<SendMessageResult> {
    return user.send({
      to: this.walletOf(user.address).address,
      value: options.value ?? BURN_ATTACHED_VALUE,
      body: burnBody({
        amount,
        responseAddress: user.address,
        mode: { waitTillRoundEnd: options.waitTillRoundEnd ?? false, fillOrKill: options.fillOrKill ?? false },
      }),
    });
  }

  /** Installs a new validator set (the pool rotates on the next message that reaches it). */
  advanceValidatorSet(): void {
    this.vsetSalt += 1;
    const now = (this.blockchain.now ?? START_TIME) + ROUND_SECONDS;
    this.blockchain.now = now;
    setConfigParams(this.blockchain, { 34: validatorSetCell({ utimeSince: now, utimeUntil: now + ROUND_SECONDS, salt: this.vsetSalt }) });
  }

  async touch(): Promise<SendMessageResult> {
    return this.pool.sendTouch(this.deployer.getSender());
  }

  /** New validator set + touch: rotates when the previous round is fully repaid. */
  async rotate(): Promise<SendMessageResult> {
    this.advanceValidatorSet();
    return this.touch();
  }

  fakeController(validator: Address, controllerId = 0): FakeController {
    const config = {
      controllerId,
      validator,
      pool: this.pool.address,
      governor: this.governor.address,
      approver: this.approver.address,
      halter: this.halter.address,
    };
    return { address: controllerAddress(config, this.protocol.codes.controller), validator, controllerId, staticData: controllerStaticData(config) };
  }

  /**
   * A fake controller with an account that accepts everything (empty code), so the pool's bounceable credit
   * lands instead of bouncing; its TON balance is what the "controller" received.
   */
  async installedFakeController(validator: Address, controllerId = 0): Promise<FakeController> {
    const controller = this.fakeController(validator, controllerId);
    await this.blockchain.setShardAccount(
      controller.address,
      createShardAccount({ address: controller.address, code: beginCell().endCell(), data: beginCell().endCell(), balance: 0n }),
    );
    return controller;
  }

  /** Bills of `owner` in a payout collection (empty when the collection is gone or null). */
  async billsOf(collection: Address | null, owner: Address): Promise<BillInfo[]> {
    if (!collection) return [];
    return listBills((a) => this.blockchain.provider(a), collection, owner);
  }

  /** request_loan as if sent by the controller (mode 64 with ~1 TON, like the real one). */
  async requestLoan(
    controller: FakeController,
    params: { minLoan: bigint; maxLoan: bigint; maxInterest: number; queryId?: bigint; from?: Address; value?: bigint },
  ): Promise<SendMessageResult> {
    return this.blockchain.sendMessage(
      internal({
        from: params.from ?? controller.address,
        to: this.pool.address,
        value: params.value ?? toNano('1'),
        body: requestLoanBody({ ...params, staticData: controller.staticData }),
      }),
    );
  }

  async repayLoan(controller: FakeController, amount: bigint): Promise<SendMessageResult> {
    return this.blockchain.sendMessage(internal({ from: controller.address, to: this.pool.address, value: amount, body: loanRepaymentBody() }));
  }
}

export function poolLogs(result: SendMessageResult): PoolLog[] {
  return result.externals.map((e) => parsePoolLog(e)).filter((l): l is PoolLog => l !== null);
}

/** Exit code of the pool's compute phase in the first transaction on the pool of this result. */
export function poolTxs(result: SendMessageResult, pool: Address) {
  return result.transactions.filter((tx) => tx.inMessage?.info.dest instanceof Address && tx.inMessage.info.dest.equals(pool));
}

/** Logs with addresses as raw strings, for deep equality (Address objects carry caches). */
export function plainLogs(result: SendMessageResult): Record<string, unknown>[] {
  return poolLogs(result).map((log) =>
    Object.fromEntries(Object.entries(log).map(([k, v]) => [k, v instanceof Address ? v.toRawString() : v])),
  );
}
