import type { APIRequestContext, Page } from '@playwright/test';
import { test, expect } from './fixtures';
import type { AppPage } from './support/app-page';
import type { DevnetApi } from './support/devnet-api';
import { E2E_DEVNET_URL } from './support/env';
import {
  ChainReader,
  devnetProtocol,
  mintedFor,
  StakingPage,
  waitForQuietRound,
} from './support/staking-flows';

const TON = 1_000_000_000n;

test.describe('stake', () => {
  interface Ctx {
    app: AppPage;
    devnet: DevnetApi;
    page: Page;
    request: APIRequestContext;
  }

  async function stakeAndCheck({ app, devnet, page, request }: Ctx, amountTon: bigint, viewport?: { width: number; height: number }) {
    const chain = new ChainReader(request, E2E_DEVNET_URL);
    const staking = new StakingPage(page);
    await app.open();
    await app.connectDevWallet();
    // The connect modal lists the Devnet Wallet only on desktop layouts, so the phone size applies after connecting.
    if (viewport) await page.setViewportSize(viewport);
    await staking.ready();

    const account = await devnet.account();
    const protocol = await devnetProtocol(devnet);
    const ptonWallet = await chain.jettonWallet(protocol.jettonMinter, account.address);
    const ptonBefore = await chain.jettonBalance(ptonWallet);
    await expect(staking.ptonBalance).toHaveAttribute('data-nano', ptonBefore.toString());

    await waitForQuietRound(devnet, 12);
    const projection = await chain.poolProjection(protocol.pool);
    const expectedMint = mintedFor(
      amountTon * TON,
      projection.projectedSupply,
      projection.projectedTotalBalance,
    );
    expect(expectedMint).toBeGreaterThan(0n);

    await staking.stakeAmount.fill(amountTon.toString());
    // The UI's preview is the pool's own formula on the pool's own numbers.
    await expect(staking.stakePreview).toHaveAttribute('data-pton', expectedMint.toString());
    await staking.stakeButton.click();
    await expect(staking.stakeStatus).toHaveAttribute('data-phase', 'confirmed', { timeout: 60_000 });
    await expect(staking.stakeStatusMessage).toContainText('you received');

    // Judged on-chain: the pTON balance rose by exactly the previewed amount.
    const ptonAfter = await chain.jettonBalance(ptonWallet);
    expect(ptonAfter - ptonBefore).toBe(expectedMint);
    // And the page shows it without a reload.
    await expect(staking.ptonBalance).toHaveAttribute('data-nano', ptonAfter.toString());
    const tonAfter = await chain.tonBalance(account.address);
    await expect(staking.tonBalance).toHaveAttribute('data-nano', tonAfter.toString());
    expect(tonAfter).toBeLessThan(BigInt(account.balance) - amountTon * TON);
    return { chain, staking, ptonWallet, account };
  }

  test('stake → pTON balance rises by the previewed amount', async ({ app, devnet, page, request }) => {
    await stakeAndCheck({ app, devnet, page, request }, 10n);
  });

  test('a declined request shows the message and sends nothing', async ({ app, devnet, page, request }) => {
    const chain = new ChainReader(request, E2E_DEVNET_URL);
    const staking = new StakingPage(page);
    await app.open();
    await app.connectDevWallet();
    await staking.ready();
    const account = await devnet.account();
    const protocol = await devnetProtocol(devnet);
    const ptonWallet = await chain.jettonWallet(protocol.jettonMinter, account.address);
    const tonBefore = await chain.tonBalance(account.address);
    const ptonBefore = await chain.jettonBalance(ptonWallet);

    await devnet.setWalletMode({ reject: true });
    await staking.stake('5');
    await expect(staking.stakeStatus).toHaveAttribute('data-phase', 'rejected');
    await expect(staking.stakeStatusMessage).toHaveText(
      'You declined the request in your wallet. Nothing was sent.',
    );
    // nothing left the wallet
    expect(await chain.tonBalance(account.address)).toBe(tonBefore);
    expect(await chain.jettonBalance(ptonWallet)).toBe(ptonBefore);
    // and the button is usable again
    await expect(staking.stakeButton).toBeEnabled();
  });

  test.describe('on a phone', () => {
    test.use({ viewport: { width: 390, height: 844 } });
    test('stake at 390×844', async ({ app, devnet, page, request }) => {
      const { staking } = await stakeAndCheck({ app, devnet, page, request }, 3n);
      // nothing spills sideways on a narrow screen
      const overflow = await page.evaluate(
        () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
      );
      expect(overflow).toBeLessThanOrEqual(0);
      await expect(staking.stakeButton).toBeInViewport({ ratio: 0 });
    });
  });

  test('stake completes while the devnet answers 429s and is slow', async ({
    app,
    devnet,
    page,
    request,
  }) => {
    await devnet.json('POST', '/devnet/faults', { rate429: 0.3, latencyMs: 150 });
    try {
      await stakeAndCheck({ app, devnet, page, request }, 4n);
    } finally {
      await devnet.json('POST', '/devnet/faults', { rate429: 0, rate500: 0, latencyMs: 0 });
    }
  });
});
