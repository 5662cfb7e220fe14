// Real wallets for the protocol's actors (validators, role holders, seeded stakers): wallet v4 contracts with
// deterministic keys, driven by signed external messages, so every bot action is an ordinary on-chain transfer.
import {
  Address,
  Cell,
  SendMode,
  external,
  internal,
  type Sender,
  type SenderArguments,
  type StateInit,
  type Transaction,
} from '@ton/core';
import { keyPairFromSeed, sha256_sync, type KeyPair } from '@ton/crypto';
import { WalletContractV4 } from '@ton/ton';
import type { Blockchain } from '@ton/sandbox';
import { ControllerError } from '../../contracts/wrappers/Controller';
import { PoolError } from '../../contracts/wrappers/errors';

/** Same (seed, role, index), same key: addresses survive restarts and are reproducible from the seed alone. */
export function deterministicKeyPair(seed: string, role: string, index = 0): KeyPair {
  return keyPairFromSeed(sha256_sync(`lst-devnet-key/${seed}/${role}/${index}`));
}

/** Wallet v4 carries at most 4 messages per external. */
export const MAX_MESSAGES_PER_EXTERNAL = 4;

export interface OutgoingMessage {
  to: Address;
  value: bigint;
  body?: Cell;
  bounce?: boolean;
  init?: StateInit;
}

export interface FailedTransaction {
  account: Address;
  /** Compute-phase exit code, or the action-phase result code when the action phase failed. */
  exitCode: number;
  phase: 'compute' | 'action' | 'bounce';
  op: number | undefined;
}

/** Failed transactions of a message tree, with the op of the message each one processed. */
export function failedTransactions(transactions: Transaction[]): FailedTransaction[] {
  const failures: FailedTransaction[] = [];
  for (const transaction of transactions) {
    const description = transaction.description;
    if (description.type !== 'generic') continue;
    const inMessage = transaction.inMessage;
    if (!inMessage || inMessage.info.type !== 'internal') continue; // externals that fail never become transactions
    const account = inMessage.info.dest;
    const body = inMessage.body.beginParse();
    const op = body.remainingBits >= 32 ? body.preloadUint(32) : undefined;
    if (inMessage.info.bounced) continue; // a bounce arriving back is the consequence of a failure already listed
    const compute = description.computePhase;
    if (compute.type === 'vm' && !compute.success) {
      failures.push({ account, exitCode: compute.exitCode, phase: 'compute', op });
    } else if (description.actionPhase && !description.actionPhase.success) {
      failures.push({ account, exitCode: description.actionPhase.resultCode, phase: 'action', op });
    }
  }
  return failures;
}

const exitCodeNames = new Map<number, string>([
  ...Object.entries(ControllerError).map(([name, code]): [number, string] => [code, name]),
  ...Object.entries(PoolError).map(([name, code]): [number, string] => [code, name]),
]);

export function describeFailure(failure: FailedTransaction, names: (address: Address) => string): string {
  const op = failure.op === undefined ? 'no op' : `op 0x${failure.op.toString(16).padStart(8, '0')}`;
  const name = failure.phase === 'compute' ? exitCodeNames.get(failure.exitCode) : undefined;
  return `${names(failure.account)} ${failure.phase} exit ${failure.exitCode}${name ? ` ${name}` : ''} (${op})`;
}

export class ActorWallet {
  readonly contract: WalletContractV4;

  constructor(
    readonly name: string,
    readonly keyPair: KeyPair,
  ) {
    this.contract = WalletContractV4.create({ workchain: 0, publicKey: keyPair.publicKey });
  }

  static deterministic(seed: string, role: string, index = 0): ActorWallet {
    const name = index === 0 && !/\d$/.test(role) ? role : `${role}-${index}`;
    return new ActorWallet(name, deterministicKeyPair(seed, role, index));
  }

  get address(): Address {
    return this.contract.address;
  }

  /**
   * Signs and executes one external message carrying `messages`; returns every transaction it caused.
   * Throws when the wallet itself rejects it (e.g. not deployed and not funded).
   */
  async send(blockchain: Blockchain, messages: OutgoingMessage[]): Promise<Transaction[]> {
    const account = await blockchain.getContract(this.address);
    const state = account.accountState;
    const deployed = state?.type === 'active';
    // Wallet v4 storage starts with seqno:uint32; reading it beats a get-method run per message.
    const seqno = state?.type === 'active' && state.state.data ? state.state.data.beginParse().loadUint(32) : 0;
    // The wallet checks valid_until against the chain's clock, which is the devnet clock, not the wall clock.
    const now = blockchain.now ?? Math.floor(Date.now() / 1000);
    const body = this.contract.createTransfer({
      seqno,
      secretKey: this.keyPair.secretKey,
      sendMode: SendMode.PAY_GAS_SEPARATELY,
      timeout: now + 60,
      messages: messages.map((message) =>
        internal({
          to: message.to,
          value: message.value,
          body: message.body,
          bounce: message.bounce ?? true,
          init: message.init,
        }),
      ),
    });
    const result = await blockchain.sendMessage(
      external({ to: this.address, init: deployed ? undefined : this.contract.init, body }),
    );
    return result.transactions;
  }

  /** A @ton/core Sender, so contract wrappers' send* methods can be driven from this wallet. */
  sender(blockchain: Blockchain, record?: (transactions: Transaction[]) => void): Sender {
    return {
      address: this.address,
      send: async (args: SenderArguments) => {
        const transactions = await this.send(blockchain, [
          { to: args.to, value: args.value, body: args.body ?? undefined, bounce: args.bounce ?? true, init: args.init ?? undefined },
        ]);
        record?.(transactions);
      },
    };
  }

  /**
   * Runs `build` against a Sender that only records, then sends everything it recorded in as few externals as
   * the wallet allows (4 messages each): e.g. several admin ops in one transaction instead of one each.
   */
  async batch(blockchain: Blockchain, build: (via: Sender) => Promise<unknown>): Promise<Transaction[]> {
    const messages: OutgoingMessage[] = [];
    await build({
      address: this.address,
      send: async (args: SenderArguments) => {
        messages.push({ to: args.to, value: args.value, body: args.body ?? undefined, bounce: args.bounce ?? true, init: args.init ?? undefined });
      },
    });
    const transactions: Transaction[] = [];
    for (let start = 0; start < messages.length; start += MAX_MESSAGES_PER_EXTERNAL) {
      transactions.push(...(await this.send(blockchain, messages.slice(start, start + MAX_MESSAGES_PER_EXTERNAL))));
    }
    return transactions;
  }

  async seqno(blockchain: Blockchain): Promise<number> {
    const result = await blockchain.runGetMethod(this.address, 'seqno');
    return result.stackReader.readNumber();
  }
}
