// Deploys the whole LSt protocol on a sandbox Blockchain (tests and the devnet alike):
// minter (temporary admin) → pool → change_admin to the pool, with the wallet code published as a library.
import { Address, beginCell, Cell, Dictionary, toNano } from '@ton/core';
import type { Blockchain, SandboxContract, TreasuryContract } from '@ton/sandbox';
import { loadCode } from './code';
import { poolJettonContent } from './metadata';
import { BuiltPoolVersion, Pool, POOL_DEPLOY_VALUE } from './Pool';
import { PoolJettonMinter } from './PoolJettonMinter';
import { libraryCellFor } from './PoolJettonWallet';

export interface ProtocolRoles {
  governor: Address;
  interestManager: Address;
  halter: Address;
  approver: Address;
  /** v2: receives the fees; default the interest manager. */
  treasury?: Address;
  sudoer?: Address | null;
  /** Unix time after which the governor may be replaced; default never. */
  governorUpdateAfter?: number;
}

export interface DeployProtocolOptions {
  /** Pays for every deploy; the minter's temporary admin. */
  deployer: SandboxContract<TreasuryContract>;
  roles: ProtocolRoles;
  /** uint24 share of 2^24 per round; the reference deploy uses 1830. */
  interestRate?: number;
  /** uint24 share of 2^24; the reference deploy uses 2516582 (15 %). */
  governanceFee?: number;
  optimistic?: boolean;
  depositsOpen?: boolean;
  minLoan?: bigint;
  maxLoan?: bigint;
  /** TON of the pool's deploy touch (≥ 10 TON storage + fees). */
  poolValue?: bigint;
  jettonContent?: Cell;
  /** Which release of our pool to deploy (contracts/pool.tolk = v2, contracts/pool-v1.tolk = v1); default v2. */
  poolVersion?: BuiltPoolVersion;
  /** v2: share of 2^24 kept from each instant withdrawal; default 0. */
  instantWithdrawalFee?: number;
  /** v2: see PoolConfig. */
  disbalanceTolerance?: number;
  creditStartPriorElectionsEnd?: number;
  /** Pool code to deploy instead of the build of `poolVersion` (its storage layout must be that release's). */
  poolCode?: Cell;
}

export interface ProtocolCodes {
  /** The deployed pool's code (after deployProtocol); the v2 build from loadProtocolCodes. */
  pool: Cell;
  /** Our pool built as each release. */
  poolByVersion: Record<BuiltPoolVersion, Cell>;
  minter: Cell;
  /** The real wallet code, published in blockchain.libs. */
  wallet: Cell;
  /** The library cell the minter and pool store in place of the wallet code. */
  walletLibrary: Cell;
  controller: Cell;
  payoutCollection: Cell;
  payoutItem: Cell;
}

export interface Protocol {
  pool: SandboxContract<Pool>;
  poolVersion: BuiltPoolVersion;
  minter: SandboxContract<PoolJettonMinter>;
  codes: ProtocolCodes;
}

export const DEFAULT_INTEREST_RATE = 1830;
export const DEFAULT_GOVERNANCE_FEE = 2516582;
export const DEFAULT_MIN_LOAN = toNano('10000');
export const DEFAULT_MAX_LOAN = toNano('700000');
const MINTER_DEPLOY_VALUE = toNano('0.5');
const ADMIN_MESSAGE_VALUE = toNano('0.1');

export function loadProtocolCodes(): ProtocolCodes {
  const wallet = loadCode('pool-jetton-wallet');
  const poolByVersion = { v1: loadCode('pool-v1'), v2: loadCode('pool') };
  return {
    pool: poolByVersion.v2,
    poolByVersion,
    minter: loadCode('pool-jetton-minter'),
    wallet,
    walletLibrary: libraryCellFor(wallet),
    controller: loadCode('controller'),
    payoutCollection: loadCode('payout-collection'),
    payoutItem: loadCode('payout-item'),
  };
}

/** Adds `code` to the chain's public libraries, keeping whatever is already there. */
export function publishLibrary(blockchain: Blockchain, code: Cell): void {
  const libs = blockchain.libs
    ? Dictionary.loadDirect(Dictionary.Keys.Buffer(32), Dictionary.Values.Cell(), blockchain.libs)
    : Dictionary.empty(Dictionary.Keys.Buffer(32), Dictionary.Values.Cell());
  libs.set(code.hash(), code);
  blockchain.libs = beginCell().storeDictDirect(libs).endCell();
}

function assertDeployed(blockchain: Blockchain, what: string, address: Address) {
  return blockchain.getContract(address).then((c) => {
    if (c.accountState?.type !== 'active') throw new Error(`deployProtocol: ${what} at ${address} is not active`);
  });
}

export async function deployProtocol(blockchain: Blockchain, options: DeployProtocolOptions): Promise<Protocol> {
  const codes = loadProtocolCodes();
  const poolVersion = options.poolVersion ?? 'v2';
  const poolCode = options.poolCode ?? codes.poolByVersion[poolVersion];
  publishLibrary(blockchain, codes.wallet);
  const { deployer } = options;

  const minter = blockchain.openContract(
    PoolJettonMinter.createFromConfig(
      {
        admin: deployer.address,
        content: options.jettonContent ?? poolJettonContent({ name: 'Pool TON', symbol: 'pTON', description: 'Liquid staking pool jetton' }),
        walletCode: codes.walletLibrary,
      },
      codes.minter,
    ),
  );
  await minter.sendDeploy(deployer.getSender(), MINTER_DEPLOY_VALUE);
  await assertDeployed(blockchain, 'minter', minter.address);

  const pool = blockchain.openContract(
    Pool.createFromConfig(
      {
        jettonMinter: minter.address,
        roles: options.roles,
        codes: {
          controller: codes.controller,
          jettonWallet: codes.walletLibrary,
          payoutCollection: codes.payoutCollection,
          payoutItem: codes.payoutItem,
        },
        interestRate: options.interestRate ?? DEFAULT_INTEREST_RATE,
        governanceFee: options.governanceFee ?? DEFAULT_GOVERNANCE_FEE,
        optimistic: options.optimistic ?? true,
        depositsOpen: options.depositsOpen ?? true,
        minLoan: options.minLoan ?? DEFAULT_MIN_LOAN,
        maxLoan: options.maxLoan ?? DEFAULT_MAX_LOAN,
        version: poolVersion,
        instantWithdrawalFee: options.instantWithdrawalFee,
        disbalanceTolerance: options.disbalanceTolerance,
        creditStartPriorElectionsEnd: options.creditStartPriorElectionsEnd,
      },
      poolCode,
    ),
  );
  await pool.sendDeploy(deployer.getSender(), options.poolValue ?? POOL_DEPLOY_VALUE);
  await assertDeployed(blockchain, 'pool', pool.address);

  await minter.sendChangeAdmin(deployer.getSender(), ADMIN_MESSAGE_VALUE, pool.address);
  const admin = (await minter.getJettonData()).admin;
  if (!admin?.equals(pool.address)) throw new Error('deployProtocol: minter admin was not handed to the pool');

  return { pool, minter, poolVersion, codes: { ...codes, pool: poolCode } };
}
