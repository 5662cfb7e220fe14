// The protocol on the devnet: genesis deployment, the validator bots and the seeded stakers of the history.
// Every action is a signed external message from a real wallet, through the real contracts; the only things
// set directly are the blockchain config (15, 32, 34, as the network would) and the devnet elector's account.
import { Address, Cell, internal, toNano, type Sender, type Transaction } from '@ton/core';
import { sign } from '@ton/crypto';
import type { Blockchain, SandboxContract } from '@ton/sandbox';
import { Controller, ControllerState, newStakeSignedData } from '../../contracts/wrappers/Controller';
import { DevnetElector, installDevnetElector } from '../../contracts/wrappers/DevnetElector';
import { DEPOSIT_FEE, BURN_ATTACHED_VALUE, FINALIZE_ROUND_FEE } from '../../contracts/wrappers/fees';
import { burnBody, type WithdrawMode } from '../../contracts/wrappers/messages';
import { poolJettonContent } from '../../contracts/wrappers/metadata';
import { electionTimingCell, validatorSetCell } from '../../contracts/wrappers/network-config';
import { ConfigCache } from './config-cache';
import {
  COHORT_LOAN_SHARE_PERCENT,
  DEVNET_GOVERNANCE_FEE,
  DEVNET_MAX_LOAN,
  DEVNET_MIN_LOAN,
  electorReward,
  GENESIS_DEPOSIT,
  interestRateFor,
  perRoundGrowth,
} from './economics';
import { Pool, setDepositSettingsBody, type PoolFullData } from '../../contracts/wrappers/Pool';
import { PoolJettonMinter } from '../../contracts/wrappers/PoolJettonMinter';
import { deployProtocol } from '../../contracts/wrappers/Protocol';
import type { Logger } from '../logger';
import { SeededRandom } from './random';
import {
  borrowsInEpoch,
  epochAt,
  epochStart,
  epochTiming,
  validatorSetFor,
  type EpochClock,
  type EpochTiming,
  type SwitchPhase,
} from './schedule';
import type { ProtocolSettings } from './settings';
import { ActorWallet, describeFailure, failedTransactions } from './wallets';

/** Pays the rotations before the first repayment (the genesis one and two switches), with room to spare. */
const GENESIS_ROTATION_RESERVE = toNano('10');
/** Liquidity the keeper brings to the side (v1) pool: it lends nothing, so this is what instant withdrawals draw on. */
/** The symbols the devnet's minters carry on-chain; /devnet/config names them with each pool (its presets). */
export const MAIN_POOL_JETTON_SYMBOL = 'pTON';
export const SIDE_POOL_JETTON_SYMBOL = 'pTON1';

export const SIDE_POOL_GENESIS_DEPOSIT = toNano('10000');
/** Own funds each validator puts in its controller: covers fines, interest and a 5 % slash of a whole cohort loan. */
export const VALIDATOR_OWN_STAKE = toNano('3000000');
const VALIDATOR_WALLET_FUNDS = toNano('3200000');
const ROLE_WALLET_FUNDS = toNano('1000');
const KEEPER_WALLET_FUNDS = GENESIS_DEPOSIT + SIDE_POOL_GENESIS_DEPOSIT + toNano('50000');
const STAKER_WALLET_FUNDS = toNano('200000');
const ELECTOR_REWARD_FUNDS = toNano('10000000');
const ELECTOR_LOW_WATERMARK = toNano('1000000');
const FUNDING_TREASURY_BALANCE = toNano('1000000000');
/** Left on the controller when staking: storage, fines and the interest come from the validator's share. */
const STAKE_KEEP_ON_CONTROLLER = toNano('1000');
const SLASH_PERCENT = 5n;
const MAX_FACTOR = 3 * 0x10000;
/** History stakers acting per epoch: enough for every mode over the history, cheap enough for a fast start. */
const STAKERS_PER_EPOCH = 2;

/**
 * A pool beside the main one: its own jetton minter, no controllers (it never lends); the bots only touch it at
 * every switch so its rounds turn and its round-end bills are paid.
 */
export interface SidePoolState {
  pool: string;
  jettonMinter: string;
  /** What /devnet/config calls it (the picker's label). */
  label: string;
  /** Its jetton's on-chain symbol (absent in state saved before it was recorded: the app then reads the minter). */
  jettonTicker?: string;
}

export interface ProtocolState {
  version: 1;
  settings: Pick<ProtocolSettings, 'roundSeconds' | 'controllers' | 'seed' | 'stakers'> & { slashRound: number | null };
  clock: EpochClock;
  /** First epoch whose switch has not run yet. */
  nextSwitchEpoch: number;
  /** First epoch whose loan phase has not run yet. */
  nextLoanEpoch: number;
  pool: string;
  jettonMinter: string;
  elector: string;
  controllers: string[];
  /** Pools beside the main one (absent in states saved before side pools existed). */
  sidePools?: SidePoolState[];
  /** Pool round id in which each controller's outstanding loan was taken (for DEVNET_SLASH_ROUND). */
  loanRounds: Record<string, number>;
  history: { rounds: number; seconds: number } | null;
}

export interface ProtocolActors {
  validators: ActorWallet[];
  governor: ActorWallet;
  interestManager: ActorWallet;
  approver: ActorWallet;
  halter: ActorWallet;
  /** Elector admin, pool toucher and the genesis liquidity provider. */
  keeper: ActorWallet;
  stakers: ActorWallet[];
}

const actorsCache = new Map<string, ProtocolActors>();

/** Deterministic wallets of every actor; memoized, since deriving an Ed25519 key costs milliseconds. */
export function protocolActors(settings: Pick<ProtocolSettings, 'seed' | 'controllers' | 'stakers'>): ProtocolActors {
  const key = `${settings.seed}/${settings.controllers}/${settings.stakers}`;
  let actors = actorsCache.get(key);
  if (!actors) actorsCache.set(key, (actors = deriveActors(settings)));
  return actors;
}

function deriveActors(settings: Pick<ProtocolSettings, 'seed' | 'controllers' | 'stakers'>): ProtocolActors {
  const seed = settings.seed;
  return {
    validators: Array.from({ length: settings.controllers }, (_, i) => ActorWallet.deterministic(seed, 'validator', i)),
    governor: ActorWallet.deterministic(seed, 'governor'),
    interestManager: ActorWallet.deterministic(seed, 'interest-manager'),
    approver: ActorWallet.deterministic(seed, 'approver'),
    halter: ActorWallet.deterministic(seed, 'halter'),
    keeper: ActorWallet.deterministic(seed, 'keeper'),
    stakers: Array.from({ length: settings.stakers }, (_, i) => ActorWallet.deterministic(seed, 'staker', i)),
  };
}

const WITHDRAW_MODES: { name: string; mode: WithdrawMode }[] = [
  { name: 'instant', mode: { waitTillRoundEnd: false, fillOrKill: false } },
  { name: 'fill-or-kill', mode: { waitTillRoundEnd: false, fillOrKill: true } },
  { name: 'round-end bill', mode: { waitTillRoundEnd: true, fillOrKill: false } },
];

export interface PhaseOutcome {
  ok: number;
  failed: number;
}

export class ProtocolEngine {
  readonly actors: ProtocolActors;
  readonly timing: EpochTiming;
  private readonly names = new Map<string, string>();
  private readonly jettonWallets = new Map<string, Address>();

  constructor(
    readonly state: ProtocolState,
    private readonly logger: Logger,
  ) {
    this.actors = protocolActors(state.settings);
    this.timing = epochTiming(state.settings.roundSeconds);
    this.name(this.poolAddress, 'pool');
    this.name(this.minterAddress, 'pTON minter');
    this.name(this.electorAddress, 'elector');
    this.controllerAddresses.forEach((address, i) => this.name(address, `controller-${i}`));
    for (const side of this.state.sidePools ?? []) {
      this.name(Address.parse(side.pool), 'side pool');
      this.name(Address.parse(side.jettonMinter), 'side pool minter');
    }
    const { validators, stakers, ...roles } = this.actors;
    for (const wallet of [...validators, ...stakers, ...Object.values(roles)]) this.name(wallet.address, wallet.name);
  }

  get poolAddress(): Address {
    return Address.parse(this.state.pool);
  }

  get minterAddress(): Address {
    return Address.parse(this.state.jettonMinter);
  }

  get electorAddress(): Address {
    return Address.parse(this.state.elector);
  }

  /** The main pool first, then the side pools. */
  get poolAddresses(): Address[] {
    return [this.poolAddress, ...(this.state.sidePools ?? []).map((side) => Address.parse(side.pool))];
  }

  get controllerAddresses(): Address[] {
    return this.state.controllers.map((address) => Address.parse(address));
  }

  /**
   * First start: deploys and wires the whole protocol at devnet time `at` (before epoch 0 of `clock`).
   * Runs inside the chain mutex with `blockchain.now` under our control.
   */
  static async genesis(
    blockchain: Blockchain,
    settings: ProtocolSettings,
    clock: EpochClock,
    at: number,
    logger: Logger,
  ): Promise<ProtocolEngine> {
    blockchain.now = at;
    const actors = protocolActors(settings);
    const timing = epochTiming(settings.roundSeconds);
    // Our own funding wallet: the devnet's treasury may already have transacted at wall-clock time, and the
    // history runs before that.
    const funds = await fundingTreasury(blockchain, settings.seed);

    // The sandbox's default config carries mainnet-sized validator sets (32, 34, 36: ~800 cells each); small
    // sets keep every config write cheap. 36 (next set) is absent outside elections.
    ConfigCache.of(blockchain).set({
      15: electionTimingCell(timing.election),
      32: validatorSetCell(validatorSetFor(clock, -2, 'unfreeze')),
      34: validatorSetCell(validatorSetFor(clock, -1, 'unfreeze')),
      36: null,
    });

    const fundings: [ActorWallet, bigint][] = [
      ...actors.validators.map((wallet): [ActorWallet, bigint] => [wallet, VALIDATOR_WALLET_FUNDS]),
      ...actors.stakers.map((wallet): [ActorWallet, bigint] => [wallet, STAKER_WALLET_FUNDS]),
      [actors.governor, ROLE_WALLET_FUNDS],
      [actors.interestManager, ROLE_WALLET_FUNDS],
      [actors.approver, ROLE_WALLET_FUNDS],
      [actors.halter, ROLE_WALLET_FUNDS],
      [actors.keeper, KEEPER_WALLET_FUNDS],
    ];
    await funds.sendMessages(fundings.map(([wallet, amount]) => internal({ to: wallet.address, value: amount, bounce: false })));

    const elector = await installDevnetElector(blockchain, { admin: actors.keeper.address, balance: ELECTOR_REWARD_FUNDS });

    // The main pool runs the v2 release; its instant withdrawal fee is set by the governor below.
    const protocol = await deployProtocol(blockchain, {
      poolVersion: 'v2',
      deployer: funds,
      roles: {
        governor: actors.governor.address,
        interestManager: actors.interestManager.address,
        halter: actors.halter.address,
        approver: actors.approver.address,
      },
      interestRate: interestRateFor(settings.roundSeconds),
      governanceFee: DEVNET_GOVERNANCE_FEE,
      minLoan: DEVNET_MIN_LOAN,
      maxLoan: DEVNET_MAX_LOAN,
      jettonContent: poolJettonContent({
        name: 'Devnet Pool TON',
        symbol: MAIN_POOL_JETTON_SYMBOL,
        description: 'Liquid staking pool jetton of the local LSt devnet',
        decimals: 9,
      }),
    });
    const pool = protocol.pool;
    // The governor sets the instant withdrawal fee (DEVNET_INSTANT_WITHDRAWAL_FEE) as on a live pool: set_deposit_settings (§11.3).
    if (settings.instantWithdrawalFee > 0) {
      await expectSuccess(
        'set_deposit_settings (instant withdrawal fee)',
        await collect(
          (via) => pool.sendAdmin(via, setDepositSettingsBody(true, true, 0n, settings.instantWithdrawalFee)),
          actors.governor,
          blockchain,
        ),
      );
    }
    const fee = (await pool.getPoolFullData()).instantWithdrawalFee ?? 0;
    if (fee !== settings.instantWithdrawalFee) throw new Error(`genesis: the pool's instant withdrawal fee is ${fee}, not ${settings.instantWithdrawalFee}`);

    const controllers: Address[] = [];
    for (const [index, validator] of actors.validators.entries()) {
      const address = await pool.getControllerAddress(0, validator.address);
      controllers.push(address);
      await expectSuccess(
        `validator-${index} deploy_controller`,
        await collect((via) => pool.sendDeployController(via, 0, VALIDATOR_OWN_STAKE), validator, blockchain),
      );
      const controller = blockchain.openContract(Controller.createFromAddress(address));
      await expectSuccess(
        `approve controller-${index}`,
        await collect((via) => controller.sendApprove(via, true), actors.approver, blockchain),
      );
    }

    await expectSuccess(
      'genesis deposit',
      await collect((via) => pool.sendDeposit(via, GENESIS_DEPOSIT + DEPOSIT_FEE), actors.keeper, blockchain),
    );
    // The first loans come back two switches after they are taken; until then each rotation costs the pool 1 TON.
    // A small donation pays those rotations, so the rate never starts below 1.
    await expectSuccess(
      'genesis rotation reserve',
      await collect((via) => pool.sendDonate(via, DEPOSIT_FEE + GENESIS_ROTATION_RESERVE), actors.keeper, blockchain),
    );

    // The side pool: the v1 release beside the main one, with its own minter and jetton.
    const side = await deployProtocol(blockchain, {
      poolVersion: 'v1',
      deployer: funds,
      roles: {
        governor: actors.governor.address,
        interestManager: actors.interestManager.address,
        halter: actors.halter.address,
        approver: actors.approver.address,
      },
      interestRate: interestRateFor(settings.roundSeconds),
      governanceFee: DEVNET_GOVERNANCE_FEE,
      minLoan: DEVNET_MIN_LOAN,
      maxLoan: DEVNET_MAX_LOAN,
      jettonContent: poolJettonContent({
        name: 'Devnet Pool TON (v1 pool)',
        symbol: SIDE_POOL_JETTON_SYMBOL,
        description: 'Liquid staking jetton of the LSt devnet side pool, which runs the v1 release of the protocol',
        decimals: 9,
      }),
    });
    await expectSuccess(
      'side pool genesis deposit',
      await collect((via) => side.pool.sendDeposit(via, SIDE_POOL_GENESIS_DEPOSIT + DEPOSIT_FEE), actors.keeper, blockchain),
    );

    const state: ProtocolState = {
      version: 1,
      settings: {
        roundSeconds: settings.roundSeconds,
        controllers: settings.controllers,
        seed: settings.seed,
        stakers: settings.stakers,
        slashRound: settings.slashRound ?? null,
      },
      clock,
      nextSwitchEpoch: 0,
      nextLoanEpoch: 0,
      pool: pool.address.toString(),
      jettonMinter: protocol.minter.address.toString(),
      elector: elector.address.toString(),
      controllers: controllers.map((address) => address.toString()),
      sidePools: [{ pool: side.pool.address.toString(), jettonMinter: side.minter.address.toString(), label: 'Devnet side pool', jettonTicker: SIDE_POOL_JETTON_SYMBOL }],
      loanRounds: {},
      history: null,
    };
    return new ProtocolEngine(state, logger);
  }

  /** Runs every phase due at or before `now`, in schedule order. `replay` runs each at its scheduled time. */
  async runDue(
    blockchain: Blockchain,
    now: number,
    options: { replay: boolean; stakers: boolean; notBefore?: number },
  ): Promise<number> {
    let phases = 0;
    // Replayed phases run at their scheduled time, but never before the chain's last transaction: an account
    // cannot transact earlier than it last did (a user may have acted in the second before a stop).
    const at = (scheduled: number) => (options.replay ? Math.max(scheduled, options.notBefore ?? scheduled) : now);
    for (;;) {
      const switchAt = epochStart(this.state.clock, this.state.nextSwitchEpoch);
      const loanAt = epochStart(this.state.clock, this.state.nextLoanEpoch) + this.timing.loanOffset;
      // A loan phase belongs to the epoch already switched to; never lend for an epoch before its switch.
      const loanDue = this.state.nextLoanEpoch < this.state.nextSwitchEpoch && loanAt <= now;
      if (loanDue && loanAt < switchAt) {
        const epoch = this.state.nextLoanEpoch;
        blockchain.now = at(loanAt);
        await this.runLoans(blockchain, epoch);
        if (options.stakers) {
          blockchain.now = at(epochStart(this.state.clock, epoch) + this.timing.stakersOffset);
          await this.runStakers(blockchain, epoch);
        }
        this.state.nextLoanEpoch = epoch + 1;
      } else if (switchAt <= now) {
        const epoch = this.state.nextSwitchEpoch;
        blockchain.now = at(switchAt);
        const outcome = await this.runSwitch(blockchain, epoch);
        this.state.nextSwitchEpoch = epoch + 1;
        if (!options.stakers) {
          // One line per round outside the history: what a devnet user watches to see the protocol moving.
          const pool = await this.poolData(blockchain, true);
          const rate = pool.supply === 0n ? 1 : Number(pool.totalBalance) / Number(pool.supply);
          this.logger.info(
            `epoch ${epoch}: pool round ${pool.currentRound.roundId}, rate ${rate.toFixed(9)}, ` +
              `${pool.prevRound.activeBorrowers} loan(s) out, bot ops: ${outcome.ok} done, ${outcome.failed} refused`,
          );
        }
        // A loan phase whose window has passed is skipped rather than run late.
        if (this.state.nextLoanEpoch < epoch) this.state.nextLoanEpoch = epoch;
      } else {
        return phases;
      }
      phases += 1;
    }
  }

  /** The devnet epoch the clock is in. */
  epochAt(now: number): number {
    return epochAt(this.state.clock, now);
  }

  /**
   * Switch of `epoch`: the new validator set, then its "unfreeze" revision; hash updates after each; the cohort
   * of epoch-2 gets its reward (or slash) and recovers, repaying the pool; stuck controllers are repaired; and
   * the pool is touched if no repayment rotated it.
   */
  async runSwitch(blockchain: Blockchain, epoch: number): Promise<PhaseOutcome> {
    const outcome: PhaseOutcome = { ok: 0, failed: 0 };
    for (const phase of ['switch', 'unfreeze'] as SwitchPhase[]) {
      ConfigCache.of(blockchain).set({
        32: validatorSetCell(validatorSetFor(this.state.clock, epoch - 1, 'unfreeze')),
        34: validatorSetCell(validatorSetFor(this.state.clock, epoch, phase)),
      });
      await this.updateValidatorHashes(blockchain, outcome);
    }
    await this.ensureElectorFunds(blockchain);
    await this.recoverStakes(blockchain, epoch, outcome);
    await this.repairControllers(blockchain, epoch, outcome);
    await this.touchPoolIfStale(blockchain, this.poolAddress, outcome);
    for (const side of this.state.sidePools ?? []) await this.sponsorSidePool(blockchain, Address.parse(side.pool), outcome);
    return outcome;
  }

  /** Loan window of `epoch`: the cohort with the epoch's parity borrows from the pool and stakes with the elector. */
  async runLoans(blockchain: Blockchain, epoch: number): Promise<PhaseOutcome> {
    const outcome: PhaseOutcome = { ok: 0, failed: 0 };
    const poolData = await this.poolData(blockchain, false);
    if (poolData.halted) {
      this.logger.warn(`epoch ${epoch}: pool is halted, no loans`);
      return outcome;
    }
    const cohort: number[] = [];
    for (const index of this.controllerAddresses.keys()) {
      if (!borrowsInEpoch(index, epoch)) continue;
      const data = await this.controllerData(blockchain, index);
      // Approval is not checked here: a refused request is logged with its reason, as a real validator would see it.
      if (data.state === ControllerState.rest && data.borrowedAmount === 0n && !data.halted) {
        cohort.push(index);
      }
    }
    if (cohort.length === 0) return outcome;
    // Two cohorts are out at once (the previous one is still validating), so each takes a third of the pool:
    // about 30 % stays liquid for instant withdrawals. The pool's own cap is 286/512 per round.
    const lendable = (poolData.totalBalance * COHORT_LOAN_SHARE_PERCENT) / 100n - poolData.currentRound.borrowed;
    const perController = lendable / BigInt(cohort.length);
    const maxLoan = perController < poolData.maxLoanPerValidator ? perController : poolData.maxLoanPerValidator;
    if (maxLoan < poolData.minLoanPerValidator) {
      this.logger.info(`epoch ${epoch}: pool too small to lend (${maxLoan} < min loan ${poolData.minLoanPerValidator})`);
      return outcome;
    }
    for (const index of cohort) {
      const validator = this.actors.validators[index];
      const controller = this.controller(blockchain, index);
      const requested = await this.act(blockchain, `epoch ${epoch} controller-${index} request_loan`, validator, (via) =>
        controller.sendRequestLoan(via, { minLoan: poolData.minLoanPerValidator, maxLoan, maxInterest: poolData.interestRate }),
      );
      const data = await this.controllerData(blockchain, index);
      if (!requested || data.borrowedAmount === 0n) {
        outcome.failed += 1;
        continue;
      }
      this.state.loanRounds[String(index)] = poolData.currentRound.roundId;
      const balance = (await blockchain.getContract(controller.address)).balance;
      const stakeAt = epochStart(this.state.clock, epoch + 1);
      const adnlAddress = SeededRandom.forLabels(this.state.settings.seed, 'adnl', index).bigint(1n, (1n << 256n) - 1n);
      const signature = sign(newStakeSignedData(controller.address, { stakeAt, maxFactor: MAX_FACTOR, adnlAddress }), validator.keyPair.secretKey);
      const staked = await this.act(blockchain, `epoch ${epoch} controller-${index} new_stake`, validator, (via) =>
        controller.sendNewStake(via, {
          value: balance - STAKE_KEEP_ON_CONTROLLER,
          validatorPubkey: validator.keyPair.publicKey,
          stakeAt,
          maxFactor: MAX_FACTOR,
          adnlAddress,
          queryId: BigInt(epoch) + 1n,
          signature,
        }),
      );
      const after = await this.controllerData(blockchain, index);
      if (staked && after.state === ControllerState.fundsStaken) outcome.ok += 1;
      else {
        outcome.failed += 1;
        this.logger.warn(`epoch ${epoch}: controller-${index} holds an unstaked loan (state ${after.state}); it is returned next epoch`);
      }
    }
    return outcome;
  }

  /** History only: a seeded pair of stakers deposit or withdraw (in every mode) each epoch. */
  async runStakers(blockchain: Blockchain, epoch: number): Promise<PhaseOutcome> {
    const outcome: PhaseOutcome = { ok: 0, failed: 0 };
    const pool = blockchain.openContract(Pool.createFromAddress(this.poolAddress));
    const picker = SeededRandom.forLabels(this.state.settings.seed, 'stakers', epoch);
    const stakers = [...this.actors.stakers];
    const acting = Math.min(STAKERS_PER_EPOCH, stakers.length);
    for (let turn = 0; turn < acting; turn += 1) {
      const staker = stakers.splice(picker.integer(0, stakers.length - 1), 1)[0];
      const random = SeededRandom.forLabels(this.state.settings.seed, 'staker', epoch, staker.name);
      const walletAddress = await this.jettonWalletOf(blockchain, staker.address);
      const balance = await jettonBalance(blockchain, walletAddress);
      let ok: boolean;
      if (balance === 0n || random.next() < 0.4) {
        const amount = toNano(random.integer(20, 3000));
        ok = await this.act(blockchain, `epoch ${epoch} ${staker.name} deposit`, staker, (via) =>
          pool.sendDeposit(via, amount + DEPOSIT_FEE),
        );
      } else {
        const { name, mode } = random.pick(WITHDRAW_MODES);
        const amount = (balance * BigInt(random.integer(10, 60))) / 100n;
        ok = await this.act(blockchain, `epoch ${epoch} ${staker.name} withdraw (${name})`, staker, (via) =>
          via.send({
            to: walletAddress,
            value: BURN_ATTACHED_VALUE,
            body: burnBody({ amount, responseAddress: staker.address, mode }),
          }),
        );
      }
      count(outcome, ok);
    }
    return outcome;
  }

  private async jettonWalletOf(blockchain: Blockchain, owner: Address): Promise<Address> {
    const key = owner.toRawString();
    let address = this.jettonWallets.get(key);
    if (!address) {
      const minter = blockchain.openContract(PoolJettonMinter.createFromAddress(this.minterAddress));
      address = await minter.getWalletAddress(owner);
      this.jettonWallets.set(key, address);
    }
    return address;
  }

  async poolData(blockchain: Blockchain, raw: boolean, address: Address = this.poolAddress): Promise<PoolFullData> {
    const pool = blockchain.openContract(Pool.createFromAddress(address));
    return raw ? pool.getPoolFullDataRaw() : pool.getPoolFullData();
  }

  /**
   * The controller's storage, parsed from its data cell (layout of the contracts' interface item 4) instead of
   * running get_validator_controller_data: the bots read controllers dozens of times per round.
   */
  async controllerData(blockchain: Blockchain, index: number): Promise<ControllerStorage> {
    const account = await blockchain.getContract(this.controllerAddresses[index]);
    const state = account.accountState;
    if (state?.type !== 'active' || !state.state.data) throw new Error(`controller-${index} is not active`);
    return parseControllerStorage(state.state.data);
  }

  private controller(blockchain: Blockchain, index: number): SandboxContract<Controller> {
    return blockchain.openContract(Controller.createFromAddress(this.controllerAddresses[index]));
  }

  private elector(blockchain: Blockchain): SandboxContract<DevnetElector> {
    return blockchain.openContract(DevnetElector.createFromAddress(this.electorAddress));
  }

  private async updateValidatorHashes(blockchain: Blockchain, outcome: PhaseOutcome): Promise<void> {
    const currentHash = currentValidatorSetHash(blockchain);
    for (const index of this.controllerAddresses.keys()) {
      const data = await this.controllerData(blockchain, index);
      if (data.state !== ControllerState.fundsStaken || data.validatorSetChanges >= 3) continue;
      if (data.savedValidatorSetHash === currentHash) continue;
      const controller = this.controller(blockchain, index);
      count(
        outcome,
        await this.act(blockchain, `controller-${index} update_validator_hash`, this.actors.validators[index], (via) =>
          controller.sendUpdateValidatorHash(via),
        ),
      );
    }
  }

  private async recoverStakes(blockchain: Blockchain, epoch: number, outcome: PhaseOutcome): Promise<void> {
    const elector = this.elector(blockchain);
    const slashRound = this.state.settings.slashRound;
    let slashed = false;
    const recovering: number[] = [];
    const results: { index: number; reward: bigint; slash: bigint }[] = [];
    const { interestRate } = await this.poolData(blockchain, true);
    for (const index of this.controllerAddresses.keys()) {
      const data = await this.controllerData(blockchain, index);
      if (data.state !== ControllerState.fundsStaken || data.validatorSetChanges < 3) continue;
      recovering.push(index);
      // The elector holds the stake sent minus nothing (it kept 1 TON of the 1.03 TON fee): close enough to scale
      // the reward, without a get-method per controller.
      const stake = data.stakeAmountSent;
      const loanRound = this.state.loanRounds[String(index)];
      if (!slashed && slashRound !== null && loanRound === slashRound) {
        slashed = true;
        const slash = (stake * SLASH_PERCENT) / 100n;
        this.logger.warn(`epoch ${epoch}: controller-${index} is slashed ${slash} nanoTON (loan of pool round ${loanRound})`);
        results.push({ index, reward: 0n, slash });
      } else {
        // Above the pool's interest rate (scaled to the round length), so loans pay.
        const reward = electorReward(stake, interestRate, rewardFactorPercent(this.state.settings.seed, epoch, index));
        results.push({ index, reward, slash: 0n });
      }
    }
    if (results.length > 0) {
      // The devnet elector's stand-in for elections: the admin sets each result and unfreezes the stakes.
      count(
        outcome,
        await this.act(
          blockchain,
          `epoch ${epoch} elector results`,
          this.actors.keeper,
          async (via) => {
            for (const { index, reward, slash } of results) {
              const participant = this.controllerAddresses[index];
              await elector.sendSetResult(via, { participant, reward, slash });
              await elector.sendUnlock(via, { participant });
            }
          },
          { batch: true },
        ),
      );
    }
    for (const index of recovering) {
      const controller = this.controller(blockchain, index);
      count(
        outcome,
        await this.act(blockchain, `epoch ${epoch} controller-${index} recover_stake`, this.actors.validators[index], (via) =>
          controller.sendRecoverStake(via),
        ),
      );
      delete this.state.loanRounds[String(index)];
    }
  }

  /** Rewards come out of the elector's balance: top it up from the protocol's treasury before it runs dry. */
  private async ensureElectorFunds(blockchain: Blockchain): Promise<void> {
    // What the elector must be able to return: every stake still with it, plus room for the rewards.
    let staked = 0n;
    for (const index of this.controllerAddresses.keys()) {
      const data = await this.controllerData(blockchain, index);
      if (data.state === ControllerState.fundsStaken) staked += data.stakeAmountSent;
    }
    const balance = (await blockchain.getContract(this.electorAddress)).balance;
    if (balance >= staked + ELECTOR_LOW_WATERMARK) return;
    const topUp = staked + ELECTOR_REWARD_FUNDS - balance;
    const funds = await fundingTreasury(blockchain, this.state.settings.seed);
    await funds.send({ to: this.electorAddress, value: topUp, bounce: false });
    this.logger.info(`elector topped up with ${topUp} nanoTON for stakes and rewards`);
  }

  /** Brings controllers that a failure left behind back to a state where they can borrow again. */
  private async repairControllers(blockchain: Blockchain, epoch: number, outcome: PhaseOutcome): Promise<void> {
    const set = validatorSetFor(this.state.clock, epoch, 'unfreeze');
    for (const index of this.controllerAddresses.keys()) {
      let data = await this.controllerData(blockchain, index);
      const controller = this.controller(blockchain, index);
      const validator = this.actors.validators[index];
      if (data.halted) {
        count(outcome, await this.act(blockchain, `controller-${index} unhalt`, this.actors.governor, (via) => controller.sendUnhalt(via)));
        data = await this.controllerData(blockchain, index);
      }
      if (data.state === ControllerState.insolvent) {
        // The validator tops the controller up from its own wallet so the loan can be returned in full.
        const balance = (await blockchain.getContract(controller.address)).balance;
        const needed = data.borrowedAmount + toNano('50') - balance;
        const walletBalance = (await blockchain.getContract(validator.address)).balance;
        if (needed > walletBalance - toNano('5')) {
          this.logger.error(`controller-${index} is insolvent and its validator cannot cover ${needed} nanoTON`);
          continue;
        }
        count(
          outcome,
          await this.act(blockchain, `controller-${index} top_up after insolvency`, validator, (via) =>
            controller.sendTopUp(via, needed > toNano('1') ? needed : toNano('1')),
          ),
        );
        data = await this.controllerData(blockchain, index);
      }
      if (data.state === ControllerState.rest && data.borrowedAmount > 0n && set.utimeSince > data.borrowingTime) {
        count(
          outcome,
          await this.act(blockchain, `controller-${index} return_unused_loan`, validator, (via) => controller.sendReturnUnusedLoan(via)),
        );
        delete this.state.loanRounds[String(index)];
      }
    }
  }

  /** Rotation is lazy: when no repayment triggered it, a touch does (anyone may send one). */
  private async touchPoolIfStale(blockchain: Blockchain, address: Address, outcome: PhaseOutcome): Promise<void> {
    const data = await this.poolData(blockchain, true, address);
    if (data.savedValidatorSetHash === currentValidatorSetHash(blockchain)) return;
    const pool = blockchain.openContract(Pool.createFromAddress(address));
    const name = this.nameOf(address);
    count(outcome, await this.act(blockchain, `${name} touch`, this.actors.keeper, (via) => pool.sendTouch(via)));
    const after = await this.poolData(blockchain, true, address);
    if (after.savedValidatorSetHash !== currentValidatorSetHash(blockchain)) {
      this.logger.warn(
        `${name} round ${after.currentRound.roundId} cannot rotate yet: ${after.prevRound.activeBorrowers} borrower(s) of round ${after.prevRound.roundId} have not repaid`,
      );
    }
  }

  /**
   * A side pool lends nothing, so nothing pays for its rounds: the keeper donates what a round of loans would have
   * earned its stakers at the devnet's target APY, plus the 1 TON the rotation costs. The donation also rotates the
   * pool (any message does once the validator set changed); a touch follows if it did not.
   */
  private async sponsorSidePool(blockchain: Blockchain, address: Address, outcome: PhaseOutcome): Promise<void> {
    const data = await this.poolData(blockchain, true, address);
    if (data.savedValidatorSetHash !== currentValidatorSetHash(blockchain)) {
      const growth = BigInt(Math.round(Number(data.totalBalance) * perRoundGrowth(this.state.settings.roundSeconds)));
      const pool = blockchain.openContract(Pool.createFromAddress(address));
      count(
        outcome,
        await this.act(blockchain, `${this.nameOf(address)} donation`, this.actors.keeper, (via) =>
          pool.sendDonate(via, DEPOSIT_FEE + FINALIZE_ROUND_FEE + growth),
        ),
      );
    }
    await this.touchPoolIfStale(blockchain, address, outcome);
  }

  /** Sends through `wallet`; logs and reports false when the wallet refused or any transaction failed. */
  private async act(
    blockchain: Blockchain,
    label: string,
    wallet: ActorWallet,
    send: (via: Sender) => Promise<unknown>,
    options: { batch?: boolean } = {},
  ): Promise<boolean> {
    let transactions: Transaction[];
    try {
      transactions = options.batch ? await wallet.batch(blockchain, send) : await collect(send, wallet, blockchain);
    } catch (error) {
      this.logger.warn(`${label}: rejected: ${errorReason(error)}`);
      return false;
    }
    const failures = failedTransactions(transactions);
    if (failures.length === 0) return true;
    this.logger.warn(`${label}: failed: ${failures.map((failure) => describeFailure(failure, (a) => this.nameOf(a))).join('; ')}`);
    return false;
  }

  private name(address: Address, name: string): void {
    this.names.set(address.toRawString(), name);
  }

  nameOf(address: Address): string {
    return this.names.get(address.toRawString()) ?? address.toString();
  }
}

export interface ControllerStorage {
  state: number;
  halted: boolean;
  approved: boolean;
  stakeAmountSent: bigint;
  savedValidatorSetHash: bigint;
  validatorSetChanges: number;
  borrowedAmount: bigint;
  borrowingTime: number;
}

export function parseControllerStorage(data: Cell): ControllerStorage {
  const s = data.beginParse();
  const state = s.loadUint(8);
  const halted = s.loadBit();
  const approved = s.loadBit();
  const stakeAmountSent = s.loadCoins();
  s.skip(48); // stake_at
  const savedValidatorSetHash = s.loadUintBig(256);
  const validatorSetChanges = s.loadUint(8);
  s.skip(48 + 48); // change time, stake_held_for
  const borrowedAmount = s.loadCoins();
  const borrowingTime = s.loadUint(48);
  return { state, halted, approved, stakeAmountSent, savedValidatorSetHash, validatorSetChanges, borrowedAmount, borrowingTime };
}

/** The protocol's own funding wallet (a sandbox treasury, refilled when empty). */
function fundingTreasury(blockchain: Blockchain, seed: string) {
  return blockchain.treasury(`lst-devnet-protocol/${seed}`, { balance: FUNDING_TREASURY_BALANCE });
}

async function collect(send: (via: Sender) => Promise<unknown>, wallet: ActorWallet, blockchain: Blockchain): Promise<Transaction[]> {
  const transactions: Transaction[] = [];
  await send(wallet.sender(blockchain, (produced) => transactions.push(...produced)));
  return transactions;
}

async function expectSuccess(label: string, transactions: Transaction[]): Promise<void> {
  const failures = failedTransactions(transactions);
  if (failures.length > 0) {
    throw new Error(`genesis: ${label} failed: ${failures.map((failure) => describeFailure(failure, (a) => a.toString())).join('; ')}`);
  }
}

/** A pTON wallet's balance from its storage (first field), 0 when never deployed. */
async function jettonBalance(blockchain: Blockchain, wallet: Address): Promise<bigint> {
  const state = (await blockchain.getContract(wallet)).accountState;
  if (state?.type !== 'active' || !state.state.data) return 0n;
  return state.state.data.beginParse().loadCoins();
}

function count(outcome: PhaseOutcome, ok: boolean): void {
  if (ok) outcome.ok += 1;
  else outcome.failed += 1;
}

function currentValidatorSetHash(blockchain: Blockchain): bigint {
  return ConfigCache.of(blockchain).validatorSetHash();
}

function errorReason(error: unknown): string {
  if (error && typeof error === 'object' && 'exitCode' in error) {
    return `exit code ${(error as { exitCode: number }).exitCode}`;
  }
  return error instanceof Error ? error.message : String(error);
}

/** Validator reward of a round as a percentage of the pool's interest rate, seeded per (epoch, controller): 150–250 %. */
export function rewardFactorPercent(seed: string, epoch: number, controllerIndex: number): number {
  return SeededRandom.forLabels(seed, 'reward', epoch, controllerIndex).integer(150, 250);
}
