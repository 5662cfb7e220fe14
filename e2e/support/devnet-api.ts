// Talks to the test devnet from Node (Playwright's request context), for setting up and checking what the UI shows.
import type { APIRequestContext } from '@playwright/test';
import { DEVNET_MUTATION_HEADERS } from '../../devnet/access';

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
    // Mutating routes need JSON plus the devnet's header (devnet/access.ts); reads ignore them.
    const headers = method === 'POST' ? { ...DEVNET_MUTATION_HEADERS } : undefined;
    const response = await this.request.fetch(`${this.baseUrl}${path}`, { method, data: body, headers });
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
