// Talks to the test devnet from Node (Playwright's request context), for setting up and checking what the UI shows.
import type { APIRequestContext } from '@playwright/test';

/** GET /devwallet/account. */
export interface DevWalletAccount {
  address: string;
  friendly: string;
  publicKey: string;
  walletStateInit: string;
  network: string;
  /** nano, decimal string */
  balance: string;
}

export interface DevWalletMode {
  reject?: boolean;
  network?: '-239' | '-3';
  approveDelayMs?: number;
}

export class DevnetApi {
  constructor(
    private readonly request: APIRequestContext,
    readonly baseUrl: string,
    /** The dev wallet this test's page uses. */
    readonly walletName: string,
  ) {}

  async json<T>(method: 'GET' | 'POST', path: string, body?: unknown): Promise<T> {
    const response = await this.request.fetch(`${this.baseUrl}${path}`, { method, data: body });
    if (!response.ok())
      throw new Error(`${method} ${path} answered ${response.status()}: ${await response.text()}`);
    return (await response.json()) as T;
  }

  config(): Promise<Record<string, unknown>> {
    return this.json('GET', '/devnet/config');
  }

  /** The wallet's account as the devnet sees it (funds the wallet the first time its name is seen). */
  account(name = this.walletName): Promise<DevWalletAccount> {
    return this.json('GET', `/devwallet/account?name=${encodeURIComponent(name)}`);
  }

  setWalletMode(mode: DevWalletMode, name = this.walletName): Promise<unknown> {
    return this.json('POST', `/devwallet/mode?name=${encodeURIComponent(name)}`, mode);
  }
}
