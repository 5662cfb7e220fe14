// The devnet's chain: a @ton/sandbox Blockchain plus what a long-running node needs and the sandbox lacks —
// a forward-only clock, one mutex around every state change, our own transaction index, and persistence.
import {
  Blockchain,
  Executor,
  snapshotFromSerializable,
  snapshotToSerializable,
  type BlockchainTransaction,
  type GetMethodResult,
  type SandboxContract,
  type SmartContract,
  TreasuryContract,
  internal,
} from '@ton/sandbox';
import {
  Address,
  beginCell,
  Cell,
  Dictionary,
  loadMessage,
  toNano,
  type Message,
  type StateInit,
  type TupleItem,
} from '@ton/core';
import { mkdirSync, renameSync, writeFileSync, readFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { AsyncMutex } from './mutex';
import { DevnetClock, type ClockState } from './clock';
import { TransactionIndex, type IndexedTransaction } from './tx-index';
import type { Logger } from './logger';

export const TREASURY_SEED = 'lst-devnet-treasury';
/** Plenty for any faucet use: 1e9 TON. */
export const TREASURY_BALANCE = toNano('1000000000');
const STATE_FILE = 'state.json';
/** 2: the chain's global id is -3 (state of version 1 ran as -239, with other dev wallet addresses). */
const STATE_VERSION = 2;
/**
 * The devnet's network global id (config param 19): testnet's. Dev wallets sign V5R1 for it, so no devnet key is a
 * mainnet wallet's, and TON Connect shows the test-only `0Q…` form the app shows.
 */
export const DEVNET_GLOBAL_ID = -3;
const GLOBAL_ID_PARAM = 19;

type SerializableSnapshot = ReturnType<typeof snapshotToSerializable>;

export interface DevnetChainOptions {
  stateDir: string;
  /** Ignore any saved state and start from genesis. */
  reset?: boolean;
  logger: Logger;
  /** Delay between a change and the save it triggers (default 2000 ms: a save of a busy chain costs ~0.1-0.2 s of CPU). */
  saveDebounceMs?: number;
  /**
   * Called once when the emulator crashed during a state change: the chain then refuses every operation and never
   * saves again (state.json keeps the last state saved before the crash). `npm run devnet` exits non-zero.
   */
  onFatal?: (message: string) => void;
}

/**
 * A trap inside the emulator's WebAssembly (out-of-bounds access, `unreachable`, an emscripten abort). Unlike a
 * refused message (EmulationError) it may leave the emulator, and a half-applied message tree, behind.
 */
export function isEmulatorCrash(error: unknown): boolean {
  return error instanceof WebAssembly.RuntimeError;
}

/** Every operation of a chain that stopped after an emulator crash fails with this. */
export class ChainHaltedError extends Error {}

interface PersistedState {
  version: number;
  savedAt: string;
  clock: ClockState;
  blockSeqno: number;
  snapshot: SerializableSnapshot;
  /** Transaction BOCs (base64) in execution order; the index is rebuilt from them. */
  transactions: readonly string[];
  extensions: Record<string, unknown>;
}

export interface ExecutionResult {
  /** Every transaction the message tree produced, in execution order. */
  transactions: IndexedTransaction[];
}

interface PendingExternal {
  cell: Cell;
  timer: NodeJS.Timeout | undefined;
  done: Promise<void>;
  finish: () => void;
}

export interface ExternalFees {
  inForwardFee: bigint;
  storageFee: bigint;
  gasFee: bigint;
  forwardFee: bigint;
}

export class DevnetChain {
  readonly transactions = new TransactionIndex();
  private readonly mutex = new AsyncMutex();
  private readonly extensionState = new Map<string, unknown>();
  private saveTimer: NodeJS.Timeout | undefined;
  private closed = false;
  /** Externals accepted but not yet executed (block delay mode), by receiver. */
  private readonly pendingExternals = new Map<string, PendingExternal[]>();
  private blockDelay = 0;
  /** Set while a dry run's state is live (between execution and rollback). */
  private dryRunning: Promise<void> | undefined;
  /** Off until startup (genesis included) completes, so a crash mid-genesis never leaves a half-built state. */
  private autosave = false;
  private seqno: number;
  /** Set when an emulator crash stopped the chain. */
  private haltReason: string | undefined;

  private constructor(
    readonly blockchain: Blockchain,
    readonly treasury: SandboxContract<TreasuryContract>,
    private readonly clock: DevnetClock,
    /** True when this process built the chain from genesis (no saved state was used). */
    readonly fresh: boolean,
    private readonly options: DevnetChainOptions,
    blockSeqno: number,
  ) {
    this.seqno = blockSeqno;
  }

  static async open(options: DevnetChainOptions): Promise<DevnetChain> {
    const file = join(options.stateDir, STATE_FILE);
    const saved = !options.reset && existsSync(file) ? readState(file) : undefined;
    const blockchain = await Blockchain.create();
    // Only our index holds history; keep sandbox logs off so memory does not grow with every transaction.
    blockchain.verbosity = { print: false, blockchainLogs: false, vmLogs: 'none', debugLogs: false };
    let clock: DevnetClock;
    try {
      clock = new DevnetClock(saved?.clock);
    } catch (error) {
      throw new Error(`${join(options.stateDir, STATE_FILE)}: ${(error as Error).message}: start with --reset`, { cause: error });
    }
    if (saved) {
      await blockchain.loadFrom(snapshotFromSerializable(saved.snapshot));
    } else {
      setGlobalId(blockchain, DEVNET_GLOBAL_ID);
    }
    if (globalId(blockchain) !== DEVNET_GLOBAL_ID) {
      throw new Error(
        `${join(options.stateDir, STATE_FILE)} runs as global id ${globalId(blockchain)}, not ${DEVNET_GLOBAL_ID}: start with --reset`,
      );
    }
    blockchain.now = clock.now();
    const treasury = await blockchain.treasury(TREASURY_SEED, { balance: TREASURY_BALANCE });
    const chain = new DevnetChain(blockchain, treasury, clock, !saved, options, saved?.blockSeqno ?? 0);
    if (saved) {
      for (const boc of saved.transactions) chain.transactions.addBoc(boc);
      for (const [name, value] of Object.entries(saved.extensions)) chain.extensionState.set(name, value);
    }
    chain.indexNewTransactions();
    return chain;
  }

  /** Devnet time in unix seconds (wall clock + offset, never decreasing). */
  now(): number {
    return this.clock.now();
  }

  get clockOffset(): number {
    return this.clock.offset;
  }

  /** Synthetic masterchain seqno: bumped by every operation that produced transactions. */
  get blockSeqno(): number {
    return this.seqno;
  }

  async advance(seconds: number): Promise<number> {
    return this.exclusive(async () => {
      const now = this.clock.advance(seconds);
      this.blockchain.now = now;
      this.scheduleSave();
      return now;
    });
  }

  /**
   * Runs `fn` holding the chain mutex with `blockchain.now` set to the devnet clock, then indexes every transaction
   * it produced and schedules a save. Extensions that drive the sandbox directly (openContract(...).send*) must do
   * it inside this; calls from inside are re-entrant.
   */
  async exclusive<T>(fn: (blockchain: Blockchain) => Promise<T>): Promise<T> {
    this.assertRunning();
    if (this.mutex.isHeld()) return fn(this.blockchain);
    return this.mutex.run(async () => {
      this.assertRunning();
      this.blockchain.now = this.clock.now();
      try {
        return await fn(this.blockchain);
      } catch (error) {
        // A crash mid-tree may have applied part of it: stop here rather than serve (or save) that state.
        if (isEmulatorCrash(error)) this.halt(error);
        throw error;
      } finally {
        if (!this.haltReason) this.indexNewTransactions();
      }
    });
  }

  /** Why the chain stopped (an emulator crash), or undefined while it runs. */
  get halted(): string | undefined {
    return this.haltReason;
  }

  private assertRunning(): void {
    if (this.haltReason) {
      throw new ChainHaltedError(
        `the devnet chain stopped after an emulator crash (${this.haltReason}); restart it: ` +
          `${join(this.options.stateDir, STATE_FILE)} holds the last state saved before the crash`,
      );
    }
  }

  private halt(error: unknown): void {
    if (this.haltReason) return;
    this.haltReason = error instanceof Error ? error.message : String(error);
    this.autosave = false;
    if (this.saveTimer) clearTimeout(this.saveTimer);
    this.saveTimer = undefined;
    const message =
      `emulator crash during a state change (${this.haltReason}): the chain stopped, nothing more is saved; ` +
      `restart the devnet to continue from ${join(this.options.stateDir, STATE_FILE)}`;
    this.options.logger.error(message);
    this.options.onFatal?.(message);
  }

  /** Executes an external-in message (full BOC of the Message cell) and everything it triggers. */
  async sendExternal(messageCell: Cell): Promise<ExecutionResult> {
    const message = loadMessage(messageCell.beginParse());
    if (message.info.type !== 'external-in') throw new Error('not an external-in message');
    return this.exclusive(async (blockchain) => this.collect(await blockchain.sendMessage(message)));
  }

  /**
   * Milliseconds between accepting an external (sendBoc, dev wallet) and executing it, like waiting for the next
   * block on a real chain. 0 (default) executes before replying.
   */
  get blockDelayMs(): number {
    return this.blockDelay;
  }

  set blockDelayMs(ms: number) {
    if (!Number.isInteger(ms) || ms < 0 || ms > 600_000)
      throw new RangeError('block delay must be 0..600000 ms');
    this.blockDelay = ms;
  }

  /**
   * Submits an external message the way a node does: it must be accepted now (emulated and rolled back when a block
   * delay is set; EmulationError otherwise), then it executes after the block delay.
   */
  async submitExternal(messageCell: Cell): Promise<void> {
    if (this.blockDelay === 0) {
      await this.sendExternal(messageCell);
      return;
    }
    const message = loadMessage(messageCell.beginParse());
    if (message.info.type !== 'external-in') throw new Error('not an external-in message');
    await this.dryRun(message, {}, () => undefined);
    const key = message.info.dest.toRawString();
    const queue = this.pendingExternals.get(key) ?? [];
    this.pendingExternals.set(key, queue);
    let finish!: () => void;
    const done = new Promise<void>((resolve) => (finish = resolve));
    const entry: PendingExternal = { cell: messageCell, done, finish, timer: undefined };
    entry.timer = setTimeout(() => void this.executePending(key, entry), this.blockDelay);
    queue.push(entry);
  }

  /** Resolves once every external submitted to `address` so far has executed (or failed). */
  async settled(address: Address): Promise<void> {
    await Promise.all((this.pendingExternals.get(address.toRawString()) ?? []).map((entry) => entry.done));
  }

  private async executePending(key: string, entry: PendingExternal) {
    clearTimeout(entry.timer);
    const queue = this.pendingExternals.get(key) ?? [];
    const position = queue.findIndex((queued) => queued === entry);
    if (position < 0) return; // already executed by a flush
    queue.splice(position, 1);
    if (queue.length === 0) this.pendingExternals.delete(key);
    try {
      await this.sendExternal(entry.cell);
    } catch (error) {
      // Accepted earlier but refused now (e.g. another message used the seqno first): dropped, as on a real chain.
      this.options.logger.warn(`delayed external to ${key} was not executed: ${String(error)}`);
    } finally {
      entry.finish();
    }
  }

  /** Executes every pending external now (on close, so accepted messages are not lost). */
  private async flushPending(): Promise<void> {
    for (const [key, queue] of [...this.pendingExternals]) {
      for (const entry of [...queue]) await this.executePending(key, entry);
    }
  }

  /**
   * Injects an internal message as if `from` had sent it. The sender is not charged: use `fund` for a real
   * transfer out of the treasury.
   */
  async sendInternal(args: {
    from: Address;
    to: Address;
    value: bigint;
    body?: Cell;
    init?: StateInit;
    bounce?: boolean;
  }): Promise<ExecutionResult> {
    const message = internal({
      from: args.from,
      to: args.to,
      value: args.value,
      body: args.body,
      stateInit: args.init,
      bounce: args.bounce ?? false,
    });
    return this.exclusive(async (blockchain) => this.collect(await blockchain.sendMessage(message)));
  }

  /** A real internal transfer from the treasury wallet (non-bounceable, so it also reaches undeployed accounts). */
  async fund(to: Address, amount: bigint, body?: Cell): Promise<ExecutionResult> {
    return this.exclusive(async () => {
      const before = this.transactions.size;
      await this.treasury.send({ to, value: amount, bounce: false, body });
      this.indexNewTransactions();
      const produced = this.transactions.size - before;
      return { transactions: this.transactions.latest(produced) };
    });
  }

  async runGetMethod(
    address: Address,
    method: string | number,
    stack: TupleItem[] = [],
  ): Promise<GetMethodResult> {
    this.assertRunning();
    await this.afterDryRun();
    try {
      return await this.blockchain.runGetMethod(address, method, stack, { now: this.clock.now() });
    } catch (error) {
      // A get-method changes no state: a fresh emulator is all it takes (inside a state change, exclusive halts).
      if (isEmulatorCrash(error) && !this.mutex.isHeld()) await this.replaceEmulator(error);
      throw error;
    }
  }

  /** Swaps in a new emulator instance (the old one's memory may be corrupt), under the mutex. */
  private async replaceEmulator(error: unknown): Promise<void> {
    await this.mutex.run(async () => {
      this.options.logger.error(`emulator crash in a get-method (${String(error)}): emulator replaced`);
      (this.blockchain as unknown as { executor: Executor }).executor = await Executor.create();
    });
  }

  async getAccount(address: Address): Promise<SmartContract> {
    this.assertRunning();
    await this.afterDryRun();
    return this.blockchain.getContract(address);
  }

  /**
   * Reads do not take the mutex, but must not see the state of a dry run (estimateFee, acceptance checks) before it
   * is rolled back: that would show balances that never existed.
   */
  private async afterDryRun(): Promise<void> {
    if (this.mutex.isHeld()) return;
    while (this.dryRunning) await this.dryRunning;
  }

  /**
   * Fees of an external message, measured by really executing it and rolling back. The rollback runs under the
   * mutex so it cannot erase anyone else's transactions.
   */
  async estimateExternalFees(message: Message, ignoreSignature: boolean): Promise<ExternalFees> {
    return this.dryRun(message, { ignoreChksig: ignoreSignature }, (result) => {
      const first = result.transactions[0];
      const description = first.description;
      if (description.type !== 'generic') throw new Error(`unexpected transaction type ${description.type}`);
      const storageFee = description.storagePhase?.storageFeesCollected ?? 0n;
      const gasFee = description.computePhase.type === 'vm' ? description.computePhase.gasFees : 0n;
      const forwardFee = description.actionPhase?.totalFwdFees ?? 0n;
      const actionFees = description.actionPhase?.totalActionFees ?? 0n;
      // The import fee is not reported separately: it is what remains of the total after the phase fees.
      const inForwardFee = first.totalFees.coins - storageFee - gasFee - actionFees;
      return { inForwardFee, storageFee, gasFee, forwardFee };
    });
  }

  /** Executes a message, reads the result, and rolls everything back — all under the mutex. */
  private async dryRun<T>(
    message: Message,
    params: { ignoreChksig?: boolean },
    read: (result: { transactions: BlockchainTransaction[] }) => T,
  ): Promise<T> {
    return this.exclusive(async (blockchain) => {
      const snapshot = blockchain.snapshot();
      let finished!: () => void;
      this.dryRunning = new Promise<void>((resolve) => (finished = resolve));
      try {
        return read(await blockchain.sendMessage(message, params));
      } finally {
        await blockchain.loadFrom(snapshot);
        this.dryRunning = undefined;
        finished();
      }
    });
  }

  getExtensionState<T>(name: string): T | undefined {
    return this.extensionState.get(name) as T | undefined;
  }

  setExtensionState(name: string, value: unknown): void {
    // A JSON round trip now, so a value that cannot be persisted fails here rather than at save time.
    this.extensionState.set(name, JSON.parse(JSON.stringify(value)));
    this.scheduleSave();
  }

  /** Writes state.json now (under the mutex, so it never captures half an operation). */
  async save(): Promise<void> {
    if (this.saveTimer) clearTimeout(this.saveTimer);
    this.saveTimer = undefined;
    await this.mutex.run(async () => {
      if (!this.haltReason) this.writeState();
    });
  }

  /** Saves now and from then on after every change (debounced). Call once startup has fully succeeded. */
  async enableAutosave(): Promise<void> {
    this.autosave = true;
    await this.save();
  }

  /**
   * Stops the save timer and, unless `save` is false (a failed startup), flushes state first.
   * The chain must not be used afterwards.
   */
  async close({ save = true }: { save?: boolean } = {}): Promise<void> {
    if (this.closed) return;
    if (this.haltReason) save = false;
    if (save) await this.flushPending();
    if (save) await this.save();
    if (this.saveTimer) clearTimeout(this.saveTimer);
    this.closed = true;
  }

  private writeState(): void {
    const state: PersistedState = {
      version: STATE_VERSION,
      savedAt: new Date().toISOString(),
      clock: this.clock.toJSON(),
      blockSeqno: this.seqno,
      snapshot: snapshotToSerializable({ ...this.blockchain.snapshot(), transactions: [] }),
      transactions: this.transactions.bocs(),
      extensions: Object.fromEntries(this.extensionState),
    };
    mkdirSync(this.options.stateDir, { recursive: true });
    const file = join(this.options.stateDir, STATE_FILE);
    const temporary = `${file}.tmp`;
    // Write then rename: a crash mid-write leaves the previous state intact.
    writeFileSync(temporary, JSON.stringify(state));
    renameSync(temporary, file);
  }

  private scheduleSave(): void {
    if (!this.autosave || this.closed || this.saveTimer) return;
    this.saveTimer = setTimeout(() => {
      this.saveTimer = undefined;
      this.save().catch((error: unknown) =>
        this.options.logger.error(`saving state failed: ${String(error)}`),
      );
    }, this.options.saveDebounceMs ?? 2000);
  }

  /** Moves transactions the sandbox recorded into our index and empties its list (it would only grow). */
  private indexNewTransactions(): number {
    const recorded = (this.blockchain as unknown as { transactions: BlockchainTransaction[] }).transactions;
    if (recorded.length === 0) return 0;
    for (const transaction of recorded) this.transactions.add(transaction);
    const count = recorded.length;
    recorded.length = 0;
    this.seqno += 1;
    this.scheduleSave();
    return count;
  }

  private collect(result: { transactions: BlockchainTransaction[] }): ExecutionResult {
    this.indexNewTransactions();
    return {
      transactions: result.transactions.map(
        (transaction) =>
          this.transactions.byTransactionHash(transaction.hash()) ?? this.transactions.add(transaction),
      ),
    };
  }
}

type ConfigParams = Dictionary<number, Cell>;

function configParams(blockchain: Blockchain): ConfigParams {
  return Dictionary.loadDirect(Dictionary.Keys.Int(32), Dictionary.Values.Cell(), blockchain.config);
}

/** Config param 19, `global_id:int32`. */
export function globalId(blockchain: Blockchain): number | undefined {
  return configParams(blockchain).get(GLOBAL_ID_PARAM)?.beginParse().loadInt(32);
}

function setGlobalId(blockchain: Blockchain, id: number): void {
  const params = configParams(blockchain);
  params.set(GLOBAL_ID_PARAM, beginCell().storeInt(id, 32).endCell());
  blockchain.setConfig(beginCell().storeDictDirect(params).endCell());
}

function readState(file: string): PersistedState {
  let state: PersistedState;
  try {
    state = JSON.parse(readFileSync(file, 'utf8')) as PersistedState;
  } catch (error) {
    throw new Error(`${file} is not readable devnet state (${String(error)}): start with --reset`, {
      cause: error,
    });
  }
  if (state.version !== STATE_VERSION) {
    throw new Error(
      `${file} has state version ${state.version}, expected ${STATE_VERSION}: start with --reset`,
    );
  }
  return state;
}
