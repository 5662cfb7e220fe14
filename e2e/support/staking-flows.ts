// Staking e2e helpers: the app's stake/unstake/bills panels as a page object, and independent chain reads
// straight from the devnet's toncenter API (raw JSON-RPC, parsed here, not through the app's src/ton code).
import { expect, type APIRequestContext, type Locator, type Page } from '@playwright/test';
import { Address, beginCell, Cell } from '@ton/core';
import type { AppPage } from './app-page';
import type { DevnetApi } from './devnet-api';
import { answerDevWallet } from './dev-wallet';
import { E2E_DEVNET_URL } from './env';

type RawStackEntry = [string, unknown];

/** Raw toncenter calls that bypass the devnet's fault injection, so checks stay exact while the app suffers. */
export class ChainReader {
  constructor(
    private readonly request: APIRequestContext,
    private readonly baseUrl: string,
  ) {}

  async call<T>(method: string, params: Record<string, unknown>): Promise<T> {
    const response = await this.request.post(`${this.baseUrl}/jsonRPC?fault429=0&fault500=0&latencyMs=0`, {
      data: { id: 1, jsonrpc: '2.0', method, params },
    });
    const body = (await response.json()) as { ok: boolean; result: T; error?: string };
    if (!body.ok) throw new Error(`${method}: ${body.error}`);
    return body.result;
  }

  async getMethod(
    address: string,
    method: string,
    stack: unknown[] = [],
  ): Promise<{ exitCode: number; stack: RawStackEntry[] }> {
    const result = await this.call<{ exit_code: number; stack: RawStackEntry[] }>('runGetMethod', {
      address,
      method,
      stack,
    });
    return { exitCode: result.exit_code, stack: result.stack };
  }

  async tonBalance(address: string): Promise<bigint> {
    return BigInt(await this.call<string>('getAddressBalance', { address }));
  }

  /**
   * The staker-facing figures of get_pool_full_data, by the documented layouts (lst-interface.md §6.1, §11.1–11.2):
   * 30 entries (v1), 32 (intermediate), 34 (v2: instant_withdrawal_fee at 6, accrued_governance_fee at 13).
   */
  async poolProjection(pool: string): Promise<{
    version: 'v1' | 'intermediate' | 'v2';
    projectedTotalBalance: bigint;
    projectedSupply: bigint;
    totalBalance: bigint;
    supply: bigint;
    optimistic: boolean;
    /** Share of 2^24; 0 before v2. */
    instantWithdrawalFee: bigint;
    /** 0 before v2. */
    accruedGovernanceFee: bigint;
  }> {
    const { exitCode, stack } = await this.getMethod(pool, 'get_pool_full_data');
    expect(exitCode).toBe(0);
    const version = ({ 30: 'v1', 32: 'intermediate', 34: 'v2' } as const)[stack.length as 30 | 32 | 34];
    expect(version, `get_pool_full_data has ${stack.length} entries`).toBeDefined();
    const num = (index: number) => {
      const text = stack[index][1] as string; // "0x1f" or "-0x1": BigInt() takes no sign before a hex prefix
      return text.startsWith('-') ? -BigInt(text.slice(1)) : BigInt(text);
    };
    const supplyAt = { v1: 13, intermediate: 15, v2: 17 }[version];
    return {
      version,
      totalBalance: num(2),
      optimistic: num(4) !== 0n,
      supply: num(supplyAt),
      projectedTotalBalance: num(stack.length - 2),
      projectedSupply: num(stack.length - 1),
      instantWithdrawalFee: version === 'v2' ? num(6) : 0n,
      accruedGovernanceFee: version === 'v2' ? num(13) : 0n,
    };
  }

  /** The pool's jetton minter, entry 12 (v1), 14 (intermediate) or 16 (v2) of get_pool_full_data. */
  async poolJettonMinter(pool: string): Promise<string> {
    const { exitCode, stack } = await this.getMethod(pool, 'get_pool_full_data');
    expect(exitCode).toBe(0);
    const at = ({ 30: 12, 32: 14, 34: 16 } as Record<number, number>)[stack.length];
    expect(at, `get_pool_full_data has ${stack.length} entries`).toBeDefined();
    return Cell.fromBase64((stack[at][1] as { bytes: string }).bytes).beginParse().loadAddress().toRawString();
  }

  async jettonWallet(minter: string, owner: string): Promise<string> {
    const ownerSlice = beginCell().storeAddress(Address.parse(owner)).endCell().toBoc().toString('base64');
    const { exitCode, stack } = await this.getMethod(minter, 'get_wallet_address', [
      ['tvm.Slice', ownerSlice],
    ]);
    expect(exitCode).toBe(0);
    const cell = Cell.fromBase64((stack[0][1] as { bytes: string }).bytes);
    return cell.beginParse().loadAddress().toRawString();
  }

  /**
   * The wallet contract's seqno: it moves exactly when the wallet sends something, so an unchanged seqno proves
   * nothing was sent whatever arrived meanwhile (a bill payout, a refund). 0 while the wallet is not deployed.
   */
  async walletSeqno(wallet: string): Promise<bigint> {
    const { exitCode, stack } = await this.getMethod(wallet, 'seqno');
    return exitCode === 0 ? BigInt(stack[0][1] as string) : 0n;
  }

  /** 0 while the wallet is not deployed. */
  async jettonBalance(wallet: string): Promise<bigint> {
    const { exitCode, stack } = await this.getMethod(wallet, 'get_wallet_data');
    return exitCode === 0 ? BigInt(stack[0][1] as string) : 0n;
  }
}

export interface DevnetProtocol {
  pool: string;
  jettonMinter: string;
  roundSeconds: number;
  nextRoundAt: number;
  now: number;
}

export async function devnetProtocol(devnet: DevnetApi): Promise<DevnetProtocol> {
  const config = await devnet.config();
  if (typeof config.pool !== 'string') throw new Error('the devnet has no pool deployed');
  return config as unknown as DevnetProtocol;
}

/** The Playwright fixtures a staking flow starts from. */
export interface StakingFixtures {
  app: AppPage;
  devnet: DevnetApi;
  page: Page;
  request: APIRequestContext;
}

/**
 * The common start of a staking flow: the app open with the Devnet Wallet connected and the staking form ready, an
 * independent chain reader, and the wallet's account and pTON wallet. `afterConnect` runs before waiting for the form.
 */
export async function openConnectedStaking({ app, devnet, page, request }: StakingFixtures, afterConnect?: () => Promise<void>) {
  const chain = new ChainReader(request, E2E_DEVNET_URL);
  const staking = new StakingPage(page);
  await app.open();
  await app.connectDevWallet();
  await afterConnect?.();
  await staking.ready();
  const account = await devnet.account();
  const protocol = await devnetProtocol(devnet);
  const ptonWallet = await chain.jettonWallet(protocol.jettonMinter, account.address);
  return { chain, staking, account, protocol, ptonWallet };
}

/** Seconds until the next round switch, or null just after one (while the bots may still be finishing it). */
export async function quietSecondsLeft(devnet: DevnetApi): Promise<number | null> {
  const config = await devnetProtocol(devnet);
  const left = config.nextRoundAt - config.now;
  return left >= 0 && left <= config.roundSeconds - 2 ? left : null;
}

/**
 * Polls until the app shows `expected()` (re-read from the chain each time) with at least `minSeconds` of the
 * round left, so no rotation can move the rate between what the test checks and what gets sent.
 */
export async function untilAppMatchesChain(
  devnet: DevnetApi,
  shown: () => Promise<string | null>,
  expected: () => Promise<bigint>,
  minSeconds = 8,
): Promise<bigint> {
  let value = 0n;
  await expect
    .poll(
      async () => {
        const left = await quietSecondsLeft(devnet);
        if (left === null || left < minSeconds) return false;
        value = await expected();
        return (await shown()) === value.toString();
      },
      { timeout: 90_000, intervals: [300] },
    )
    .toBe(true);
  return value;
}

/** floor(a·b/c), or a when b == c: the pool's muldiv_extra, written again here on purpose. */
export function mintedFor(deposit: bigint, projectedSupply: bigint, projectedTotalBalance: bigint): bigint {
  return projectedSupply === projectedTotalBalance
    ? deposit
    : (deposit * projectedSupply) / projectedTotalBalance;
}

export class StakingPage {
  readonly stakeAmount: Locator;
  readonly stakeMessage: Locator;
  readonly stakeButton: Locator;
  readonly stakeReason: Locator;
  readonly stakePreview: Locator;
  readonly stakeStatus: Locator;
  readonly stakeStatusMessage: Locator;
  readonly ptonBalance: Locator;
  readonly tonBalance: Locator;
  readonly unstakeAmount: Locator;
  readonly unstakeButton: Locator;
  readonly unstakeReason: Locator;
  readonly unstakeStatus: Locator;
  readonly unstakeStatusMessage: Locator;
  readonly bills: Locator;
  readonly paidBills: Locator;

  constructor(readonly page: Page) {
    this.stakeAmount = page.getByTestId('stake-amount');
    this.stakeMessage = page.getByTestId('stake-amount-message');
    this.stakeButton = page.getByRole('button', { name: /^Stak(e|ing…)$/ });
    this.stakeReason = page.getByTestId('stake-block-reason');
    this.stakePreview = page.getByTestId('stake-preview');
    this.stakeStatus = page.getByTestId('tx-status-stake');
    this.stakeStatusMessage = page.getByTestId('tx-message-stake');
    this.ptonBalance = page.getByTestId('pton-balance');
    this.tonBalance = page.getByTestId('stake-ton-balance');
    this.unstakeAmount = page.getByTestId('unstake-amount');
    this.unstakeButton = page.getByRole('button', { name: /^Unstak(e|ing…)$/ });
    this.unstakeReason = page.getByTestId('unstake-block-reason');
    this.unstakeStatus = page.getByTestId('tx-status-unstake');
    this.unstakeStatusMessage = page.getByTestId('tx-message-unstake');
    this.bills = page.getByTestId('bill');
    this.paidBills = page.getByTestId('paid-bill');
  }

  /** Stake and Unstake share one widget as tabs; the other tab's form stays mounted but hidden. */
  async showUnstake(): Promise<void> {
    await this.page.getByRole('tab', { name: 'Unstake', exact: true }).click();
    await expect(this.unstakeAmount).toBeVisible();
  }

  async showStake(): Promise<void> {
    await this.page.getByRole('tab', { name: 'Stake', exact: true }).click();
    await expect(this.stakeAmount).toBeVisible();
  }

  unstakeMode(mode: 'instant' | 'round-end' | 'fill-or-kill'): Locator {
    return this.page.getByTestId(`unstake-mode-${mode}`);
  }

  /** The panels are ready once the pool and balances are read. */
  async ready(): Promise<void> {
    await expect(this.stakeAmount).toBeVisible({ timeout: 30_000 });
    await expect(this.ptonBalance).not.toHaveAttribute('data-nano', '', { timeout: 30_000 });
  }

  /** Types the amount, presses Stake and answers the Devnet Wallet (approve by default). */
  async stake(amount: string, wallet: 'approve' | 'reject' = 'approve', options: { delayMs?: number } = {}): Promise<void> {
    await this.stakeAmount.fill(amount);
    await expect(this.stakeButton).toBeEnabled();
    await this.stakeButton.click();
    await answerDevWallet(this.page, wallet, options);
  }

  /** Presses Unstake (amount and mode already chosen) and approves in the Devnet Wallet. */
  async unstake(): Promise<void> {
    await expect(this.unstakeButton).toBeEnabled();
    await this.unstakeButton.click();
    await answerDevWallet(this.page, 'approve');
  }
}
