// TON Connect `sendTransaction` requests for staking: one builder per user action, returning the exact
// request the wallet signs (user-friendly bounceable destinations, decimal-string amounts, base64 BOC payloads,
// validUntil in unix SECONDS at most VALID_FOR_S ahead, network = the configured chain).
import { Address, type Cell } from '@ton/core';
import { BURN_ATTACHED_VALUE, DEPOSIT_FEE } from '../../contracts/wrappers/fees';
import { burnBody, depositBody, type WithdrawMode } from '../../contracts/wrappers/messages';
import type { ChainId, NetworkConfig } from './networks';

/** How long a signed request stays valid. TON Connect warns above 5 minutes. */
export const VALID_FOR_S = 5 * 60;

/** Kept back beyond the deposit fee for the wallet's own fee on the stake. */
export const STAKE_GAS_RESERVE = 100_000_000n;

/** Kept in the wallet beyond a burn's attached TON for the wallet's own fee on the unstake. */
export const UNSTAKE_GAS_RESERVE = 50_000_000n;

/** TON a later unstake needs in the wallet (the burn's attached value and the wallet's fee; most of it comes back). */
export const EXIT_RESERVE = BURN_ATTACHED_VALUE + UNSTAKE_GAS_RESERVE;

/** Structurally identical to @tonconnect/sdk's SendTransactionRequest; src/ton does not depend on the SDK. */
export interface TonConnectMessage {
  address: string;
  amount: string;
  payload?: string;
  stateInit?: string;
}

export interface TonConnectRequest {
  validUntil: number;
  network: ChainId;
  /** Raw form "0:<hex>" of the sender, as TON Connect expects. */
  from?: string;
  messages: TonConnectMessage[];
}

type AddressInput = Address | string;

function toAddress(value: AddressInput): Address {
  return typeof value === 'string' ? Address.parse(value) : value;
}

function contractAddress(network: NetworkConfig, value: AddressInput): string {
  return toAddress(value).toString({ bounceable: true, testOnly: network.testOnly, urlSafe: true });
}

/**
 * A random 64-bit query_id for one request. It travels through the pool's answers (mint → transfer_notification,
 * bill mint → ownership_assigned, withdrawal, re-mint), so the outcome is matched to this request and no other.
 */
export function newQueryId(random: (bytes: Uint8Array) => Uint8Array = (bytes) => crypto.getRandomValues(bytes)): bigint {
  const bytes = random(new Uint8Array(8));
  let id = 0n;
  for (const byte of bytes) id = (id << 8n) | BigInt(byte);
  return id;
}

function nowSeconds(): number {
  return Math.floor(Date.now() / 1000);
}

function message(network: NetworkConfig, to: AddressInput, amount: bigint, body: Cell): TonConnectMessage {
  return { address: contractAddress(network, to), amount: amount.toString(), payload: body.toBoc().toString('base64') };
}

function request(network: NetworkConfig, from: AddressInput | undefined, messages: TonConnectMessage[], now: number): TonConnectRequest {
  const built: TonConnectRequest = { validUntil: now + VALID_FOR_S, network: network.chain, messages };
  if (from !== undefined) built.from = toAddress(from).toRawString();
  return built;
}

export interface DepositRequestParams {
  network: NetworkConfig;
  pool: AddressInput;
  /** TON to stake, in nano; DEPOSIT_FEE is added on top (mostly refunded by the pool). */
  amount: bigint;
  from?: AddressInput;
  /** Random (newQueryId) by default. */
  queryId?: bigint;
  /** Unix seconds; defaults to the wall clock. */
  now?: number;
}

export function buildDepositRequest(params: DepositRequestParams): TonConnectRequest {
  if (params.amount <= 0n) throw new RangeError('deposit amount must be positive');
  const msg = message(params.network, params.pool, params.amount + DEPOSIT_FEE, depositBody(params.queryId ?? newQueryId()));
  return request(params.network, params.from, [msg], params.now ?? nowSeconds());
}

export interface WithdrawRequestParams {
  network: NetworkConfig;
  /** The owner's pTON jetton wallet (see jetton.ts). */
  jettonWallet: AddressInput;
  /** pTON to burn, in nano. */
  amount: bigint;
  owner: AddressInput;
  mode: WithdrawMode;
  /** Random (newQueryId) by default. */
  queryId?: bigint;
  now?: number;
}

export function buildWithdrawRequest(params: WithdrawRequestParams): TonConnectRequest {
  if (params.amount <= 0n) throw new RangeError('withdraw amount must be positive');
  const body = burnBody({ amount: params.amount, responseAddress: toAddress(params.owner), mode: params.mode, queryId: params.queryId ?? newQueryId() });
  const msg = message(params.network, params.jettonWallet, BURN_ATTACHED_VALUE, body);
  return request(params.network, params.owner, [msg], params.now ?? nowSeconds());
}

/** Largest stake the wallet balance allows after the deposit fee and a gas reserve; never negative. */
export function maxStakeAmount(balance: bigint): bigint {
  const max = balance - DEPOSIT_FEE - STAKE_GAS_RESERVE;
  return max > 0n ? max : 0n;
}

/**
 * What the Max button stakes: the most the balance allows while keeping EXIT_RESERVE, so the position can always be
 * unstaked without a top-up. Never negative.
 */
export function maxStakeKeepingExitReserve(balance: bigint): bigint {
  const max = maxStakeAmount(balance) - EXIT_RESERVE;
  return max > 0n ? max : 0n;
}

/** TON needed in the wallet to stake `amount`. */
export function requiredBalanceForStake(amount: bigint): bigint {
  return amount + DEPOSIT_FEE + STAKE_GAS_RESERVE;
}
