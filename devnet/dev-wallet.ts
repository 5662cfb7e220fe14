// Node-side signer behind the injected "Devnet Wallet": the key never reaches the page. Keys derive from a name,
// so `dev`, `alice`, `e2e-1`… are stable across restarts and machines. Wallets are V5R1 on global id -3 (the
// devnet's, DEVNET_GLOBAL_ID: testnet's, so no devnet key is a mainnet wallet), funded by the treasury the first time
// their name is seen.
import {
  Address,
  beginCell,
  Cell,
  external,
  internal,
  loadStateInit,
  type MessageRelaxed,
  SendMode,
  storeMessage,
  storeStateInit,
  toNano,
} from '@ton/core';
import { WalletContractV5R1 } from '@ton/ton';
import { keyPairFromSeed, type KeyPair } from '@ton/crypto';
import { createHash } from 'node:crypto';
import { DEVNET_GLOBAL_ID, type DevnetChain } from './chain';
import { isRecord, sleep } from './http';
import type { Logger } from './logger';

export const DEFAULT_DEV_WALLET = 'dev';
export const DEV_WALLET_FUNDING = toNano('10000');
export const DEV_WALLET_NETWORK = String(DEVNET_GLOBAL_ID) as ChainId;
const MAX_MESSAGES = 4;
/** The wallet's own expiry for the signed external, counted on the devnet clock. */
const EXTERNAL_TIMEOUT_S = 60;
const STATE_KEY = 'devnet:dev-wallets';
const NAME_PATTERN = /^[A-Za-z0-9_.-]{1,64}$/;

/** TON Connect wallet error codes. */
export const TON_CONNECT_ERROR = { unknown: 0, badRequest: 1, userRejects: 300 } as const;

export type ChainId = '-239' | '-3';

export interface DevWalletMode {
  /** Answer every sendTransaction with "user rejects" (code 300). */
  reject: boolean;
  /** The network the wallet claims in its account (a wrong one makes the dApp's SDK refuse to send). */
  network: ChainId;
  /** Wait this long before answering, like a user reading the confirmation. */
  approveDelayMs: number;
}

export interface DevWalletAccount {
  name: string;
  address: string;
  friendly: string;
  publicKey: string;
  walletStateInit: string;
  network: ChainId;
  balance: string;
}

export type SendTransactionReply = { boc: string } | { error: { code: number; message: string } };

export class DevWalletError extends Error {}

interface DevWallet {
  name: string;
  keyPair: KeyPair;
  contract: WalletContractV5R1;
}

export class DevWallets {
  private readonly wallets = new Map<string, DevWallet>();
  private readonly modes = new Map<string, DevWalletMode>();

  constructor(
    private readonly chain: DevnetChain,
    private readonly logger: Logger,
  ) {}

  /** Key pair and contract for a name; throws DevWalletError on a bad name. */
  get(name: string = DEFAULT_DEV_WALLET): DevWallet {
    if (!NAME_PATTERN.test(name))
      throw new DevWalletError(`invalid wallet name ${JSON.stringify(name).slice(0, 80)}`);
    let wallet = this.wallets.get(name);
    if (!wallet) {
      const seed = createHash('sha256').update(`lst-devnet-wallet:${name}`).digest();
      const keyPair = keyPairFromSeed(seed);
      const contract = WalletContractV5R1.create({
        publicKey: keyPair.publicKey,
        walletId: { networkGlobalId: Number(DEV_WALLET_NETWORK) },
      });
      wallet = { name, keyPair, contract };
      this.wallets.set(name, wallet);
    }
    return wallet;
  }

  /** Funds the wallet from the treasury the first time its name is seen (remembered across restarts). */
  async ensureFunded(name: string = DEFAULT_DEV_WALLET): Promise<DevWallet> {
    const wallet = this.get(name);
    // Fast path without the mutex: /devnet/config and /devwallet/account must not queue behind busy bots.
    if ((this.chain.getExtensionState<string[]>(STATE_KEY) ?? []).includes(name)) return wallet;
    await this.chain.exclusive(async () => {
      const funded = this.chain.getExtensionState<string[]>(STATE_KEY) ?? [];
      if (funded.includes(name)) return;
      await this.chain.fund(wallet.contract.address, DEV_WALLET_FUNDING);
      this.chain.setExtensionState(STATE_KEY, [...funded, name]);
      this.logger.info(`dev wallet "${name}" ${wallet.contract.address.toRawString()} funded`);
    });
    return wallet;
  }

  mode(name: string = DEFAULT_DEV_WALLET): DevWalletMode {
    this.get(name);
    return { ...(this.modes.get(name) ?? { reject: false, network: DEV_WALLET_NETWORK, approveDelayMs: 0 }) };
  }

  setMode(name: string, update: unknown): DevWalletMode {
    if (!isRecord(update)) throw new DevWalletError('mode must be an object');
    const mode = this.mode(name);
    if (update.reject !== undefined) {
      if (typeof update.reject !== 'boolean') throw new DevWalletError('"reject" must be a boolean');
      mode.reject = update.reject;
    }
    if (update.network !== undefined) {
      if (update.network !== '-239' && update.network !== '-3')
        throw new DevWalletError('"network" must be "-239" or "-3"');
      mode.network = update.network;
    }
    if (update.approveDelayMs !== undefined) {
      const delay = update.approveDelayMs;
      if (typeof delay !== 'number' || !Number.isInteger(delay) || delay < 0 || delay > 600_000) {
        throw new DevWalletError('"approveDelayMs" must be an integer between 0 and 600000');
      }
      mode.approveDelayMs = delay;
    }
    this.modes.set(name, mode);
    return { ...mode };
  }

  async account(name: string = DEFAULT_DEV_WALLET): Promise<DevWalletAccount> {
    const wallet = await this.ensureFunded(name);
    const address = wallet.contract.address;
    const stateInit = beginCell().store(storeStateInit(wallet.contract.init)).endCell();
    return {
      name,
      address: address.toRawString(),
      friendly: address.toString({ testOnly: true, bounceable: false }),
      publicKey: wallet.keyPair.publicKey.toString('hex'),
      walletStateInit: stateInit.toBoc().toString('base64'),
      network: this.mode(name).network,
      balance: (await this.chain.getAccount(address)).balance.toString(),
    };
  }

  /** Handles a TON Connect sendTransaction request: validate, sign, execute, reply like a wallet would. */
  async sendTransaction(name: string, request: unknown): Promise<SendTransactionReply> {
    const wallet = await this.ensureFunded(name);
    const mode = this.mode(name);
    if (mode.approveDelayMs > 0) await sleep(mode.approveDelayMs);
    if (mode.reject) return fail(TON_CONNECT_ERROR.userRejects, 'User rejected the transaction');
    let messages;
    try {
      messages = this.validate(wallet, mode, request);
    } catch (error) {
      if (error instanceof DevWalletError) return fail(TON_CONNECT_ERROR.badRequest, error.message);
      throw error;
    }
    try {
      const boc = await this.submit(wallet, messages);
      this.logger.info(`dev wallet "${name}" sent ${messages.length} message(s)`);
      return { boc };
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      this.logger.warn(`dev wallet "${name}" failed to send: ${message}`);
      return fail(TON_CONNECT_ERROR.unknown, `the wallet could not send the transaction: ${message}`);
    }
  }

  /** Funds the wallet and deploys its contract (an external with its state init and no messages) if needed. */
  async ensureDeployed(name: string): Promise<void> {
    const wallet = await this.ensureFunded(name);
    const account = await this.chain.getAccount(wallet.contract.address);
    if (account.accountState?.type === 'active') return;
    await this.submit(wallet, []);
    await this.chain.settled(wallet.contract.address);
    this.logger.info(`dev wallet "${name}" deployed`);
  }

  /** Signs and submits one external with these messages (seqno read from chain; state init while undeployed). */
  private async submit(wallet: DevWallet, messages: MessageRelaxed[]): Promise<string> {
    // With a block delay, a previous send may still be pending: its seqno must be used up first.
    await this.chain.settled(wallet.contract.address);
    return this.chain.exclusive(async () => {
      const account = await this.chain.getAccount(wallet.contract.address);
      const deployed = account.accountState?.type === 'active';
      const seqno = deployed
        ? (await this.chain.runGetMethod(wallet.contract.address, 'seqno')).stackReader.readNumber()
        : 0;
      const body = wallet.contract.createTransfer({
        seqno,
        secretKey: wallet.keyPair.secretKey,
        messages,
        sendMode: SendMode.PAY_GAS_SEPARATELY | SendMode.IGNORE_ERRORS,
        timeout: this.chain.now() + EXTERNAL_TIMEOUT_S,
      });
      const message = external({
        to: wallet.contract.address,
        init: deployed ? undefined : wallet.contract.init,
        body,
      });
      const cell = beginCell().store(storeMessage(message)).endCell();
      await this.chain.submitExternal(cell);
      return cell.toBoc().toString('base64');
    });
  }

  private validate(wallet: DevWallet, mode: DevWalletMode, request: unknown) {
    if (!isRecord(request)) throw new DevWalletError('the request must be an object');
    const now = this.chain.now();
    const validUntil = request.valid_until ?? request.validUntil;
    if (typeof validUntil !== 'number' || !Number.isInteger(validUntil)) {
      throw new DevWalletError('"valid_until" must be an integer (unix seconds)');
    }
    if (validUntil > 1e11)
      throw new DevWalletError('"valid_until" looks like milliseconds; TON Connect wants unix seconds');
    if (validUntil < now)
      throw new DevWalletError(`the request expired: valid_until ${validUntil} < devnet now ${now}`);
    if (request.network !== undefined && request.network !== mode.network) {
      throw new DevWalletError(
        `wrong network ${JSON.stringify(request.network)}: the wallet is on ${mode.network}`,
      );
    }
    if (request.from !== undefined) {
      let from: Address;
      try {
        from = Address.parse(String(request.from));
      } catch {
        throw new DevWalletError('"from" is not an address');
      }
      if (!from.equals(wallet.contract.address)) throw new DevWalletError('"from" is not this wallet');
    }
    const messages = request.messages;
    if (!Array.isArray(messages) || messages.length === 0 || messages.length > MAX_MESSAGES) {
      throw new DevWalletError(`"messages" must hold 1 to ${MAX_MESSAGES} messages`);
    }
    return messages.map((message: unknown, index) => {
      const where = `messages[${index}]`;
      if (!isRecord(message)) throw new DevWalletError(`${where} must be an object`);
      if (typeof message.address !== 'string' || !Address.isFriendly(message.address)) {
        throw new DevWalletError(`${where}.address must be a user-friendly address`);
      }
      let destination;
      try {
        destination = Address.parseFriendly(message.address);
      } catch {
        throw new DevWalletError(`${where}.address is not a valid address`);
      }
      if (typeof message.amount !== 'string' || !/^[0-9]{1,40}$/.test(message.amount)) {
        throw new DevWalletError(`${where}.amount must be a decimal string of nanotons`);
      }
      const body = optionalCell(message.payload, `${where}.payload`);
      const init = optionalCell(message.stateInit, `${where}.stateInit`);
      return internal({
        to: destination.address,
        value: BigInt(message.amount),
        bounce: destination.isBounceable,
        body,
        init: init ? loadStateInit(init.beginParse()) : undefined,
      });
    });
  }
}

function optionalCell(value: unknown, where: string): Cell | undefined {
  if (value === undefined || value === null) return undefined;
  if (typeof value !== 'string') throw new DevWalletError(`${where} must be a base64 BOC`);
  try {
    return Cell.fromBase64(value);
  } catch {
    throw new DevWalletError(`${where} is not a valid base64 BOC`);
  }
}

function fail(code: number, message: string): SendTransactionReply {
  return { error: { code, message } };
}
