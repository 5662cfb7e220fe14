// Page object for the shell and the wallet panel; later specs reuse connectDevWallet().
import { expect, type Locator, type Page } from '@playwright/test';

export class AppPage {
  readonly header: Locator;
  readonly walletAddress: Locator;
  readonly walletBalance: Locator;
  readonly walletNetwork: Locator;
  readonly networkBadge: Locator;
  readonly walletPanel: Locator;
  /** The wallet panel's own "Connect wallet" button, shown only while no wallet is connected. */
  readonly connectPrompt: Locator;

  constructor(readonly page: Page) {
    this.header = page.getByRole('banner');
    this.walletAddress = page.getByTestId('wallet-address');
    this.walletBalance = page.getByTestId('wallet-balance');
    this.walletNetwork = page.getByTestId('wallet-network');
    this.networkBadge = page.getByTestId('network-badge');
    this.walletPanel = page.getByRole('region', { name: 'Wallet', exact: true });
    this.connectPrompt = this.walletPanel.getByRole('button', { name: 'Connect wallet', exact: true });
  }

  async open(path = '/'): Promise<void> {
    await this.page.goto(path);
    await expect(this.header).toBeVisible();
  }

  /** Scrolls to the round history (it mounts only when near the viewport) and returns its region once rendered. */
  async showRoundHistory(): Promise<Locator> {
    const history = this.page.getByRole('region', { name: 'Round history', exact: true });
    await expect(async () => {
      await this.page.evaluate(() => window.scrollTo(0, document.body.scrollHeight));
      await expect(history).toBeVisible({ timeout: 2_000 });
    }).toPass({ timeout: 30_000 });
    return history;
  }

  /** The TON Connect UI button in the header ("Connect Wallet" before, the short address after connecting). */
  get tonConnectButton(): Locator {
    return this.header.locator('#ton-connect-button button').first();
  }

  /** The TON Connect wallets modal (the UI gives it no dialog role, only data-tc-* attributes). */
  get connectModal(): Locator {
    return this.page.locator('[data-tc-wallets-modal-container]');
  }

  /** Header button → TON Connect modal → "Devnet Wallet" → connected panel. */
  async connectDevWallet(): Promise<void> {
    await this.tonConnectButton.click();
    await expect(this.connectModal).toBeVisible();
    await this.connectModal.getByRole('button', { name: /^Devnet Wallet/ }).click();
    await expect(this.walletAddress).toBeVisible();
    await expect(this.connectModal).toBeHidden();
  }

  /** Disconnects through the TON Connect button's own menu, as a user would. */
  async disconnectFromHeader(): Promise<void> {
    await this.tonConnectButton.click();
    await this.page
      .locator('[data-tc-dropdown]')
      .getByRole('button', { name: /disconnect/i })
      .click();
    await expect(this.walletAddress).toBeHidden();
  }
}
