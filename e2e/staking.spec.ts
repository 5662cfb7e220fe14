import { Address } from '@ton/core';
import { test, expect } from './fixtures';
import { answerDevWallet, approvalSheet } from './support/dev-wallet';
import { mintedFor, openConnectedStaking, StakingPage, untilAppMatchesChain, type StakingFixtures } from './support/staking-flows';

const TON = 1_000_000_000n;

test.describe('stake', () => {
  // Each flow waits for real transactions on a shared 2-core machine: allow for a loaded box.
  test.describe.configure({ timeout: 240_000 });
  async function stakeAndCheck(fixtures: StakingFixtures, amountTon: bigint, viewport?: { width: number; height: number }) {
    const { devnet, page } = fixtures;
    // The connect modal lists the Devnet Wallet only on desktop layouts, so the phone size applies after connecting.
    const { chain, staking, account, protocol, ptonWallet } = await openConnectedStaking(fixtures, async () => {
      if (viewport) await page.setViewportSize(viewport);
    });
    const ptonBefore = await chain.jettonBalance(ptonWallet);
    await expect(staking.ptonBalance).toHaveAttribute('data-nano', ptonBefore.toString());

    await staking.stakeAmount.fill(amountTon.toString());
    // The UI's preview is the pool's own formula on the pool's own numbers.
    const expectedMint = await untilAppMatchesChain(
      devnet,
      () => staking.stakePreview.getAttribute('data-pton', { timeout: 1_000 }).catch(() => null),
      async () => {
        const projection = await chain.poolProjection(protocol.pool);
        return mintedFor(amountTon * TON, projection.projectedSupply, projection.projectedTotalBalance);
      },
    );
    expect(expectedMint).toBeGreaterThan(0n);
    await staking.stakeButton.click();
    await answerDevWallet(page, 'approve');
    await expect(staking.stakeStatus).toHaveAttribute('data-phase', 'confirmed', { timeout: 90_000 });
    // the form starts over after a success; the result stays shown and in view
    await expect(staking.stakeAmount).toHaveValue('');
    await expect(staking.stakePreview).toBeHidden();
    await expect(staking.stakeStatus).toBeInViewport();
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

  // Issue 12 item 12: the Devnet Wallet shows what it would sign, and Reject returns TON Connect's user rejection.
  test('a request rejected in the wallet sheet shows the message and sends nothing', async ({ app, devnet, page, request }) => {
    const { chain, staking, account, protocol, ptonWallet } = await openConnectedStaking({ app, devnet, page, request });
    const seqnoBefore = await chain.walletSeqno(account.address); // sent nothing = seqno unchanged, whatever arrives
    const ptonBefore = await chain.jettonBalance(ptonWallet);

    await staking.stakeAmount.fill('5');
    await staking.stakeButton.click();
    const message = approvalSheet(page).getByTestId('devnet-wallet-approval-message');
    await expect(message).toHaveCount(1);
    await expect(message.locator('[data-field="operation"]')).toHaveText('deposit');
    // 5 TON plus the 1 TON deposit fee, to the pool.
    await expect(message.locator('[data-field="amount"]')).toHaveText('6 TON');
    expect(Address.parse((await message.locator('[data-field="to"]').textContent())!).equals(Address.parse(protocol.pool))).toBe(true);
    await expect(staking.stakeStatus).toHaveAttribute('data-phase', 'waiting-wallet');

    await answerDevWallet(page, 'reject');
    await expect(staking.stakeStatus).toHaveAttribute('data-phase', 'rejected');
    await expect(staking.stakeStatusMessage).toHaveText(
      'You declined the request in your wallet. Nothing was sent.',
    );
    // nothing left the wallet
    expect(await chain.walletSeqno(account.address)).toBe(seqnoBefore);
    expect(await chain.jettonBalance(ptonWallet)).toBe(ptonBefore);
    // and the button is usable again
    await expect(staking.stakeButton).toBeEnabled();
  });

  test('the wallet waits for the user: nothing is signed until Approve, then the stake goes through', async ({ app, devnet, page, request }) => {
    const { chain, staking, account, ptonWallet } = await openConnectedStaking({ app, devnet, page, request });
    const ptonBefore = await chain.jettonBalance(ptonWallet);
    const seqnoBefore = await chain.walletSeqno(account.address); // sent nothing = seqno unchanged, whatever arrives

    await staking.stakeAmount.fill('2');
    await staking.stakeButton.click();
    await expect(approvalSheet(page)).toBeVisible();
    await page.waitForTimeout(5_000);
    await expect(staking.stakeStatus).toHaveAttribute('data-phase', 'waiting-wallet');
    expect(await chain.walletSeqno(account.address)).toBe(seqnoBefore);

    await answerDevWallet(page, 'approve');
    await expect(staking.stakeStatus).toHaveAttribute('data-phase', 'confirmed', { timeout: 90_000 });
    expect(await chain.walletSeqno(account.address)).toBe(seqnoBefore + 1n);
    expect(await chain.jettonBalance(ptonWallet)).toBeGreaterThan(ptonBefore);
  });

  test('the stake widget comes first: its amount field is on the first screen at 1440×900 and at 390×844', async ({ app, devnet, page, request }) => {
    const { staking } = await openConnectedStaking({ app, devnet, page, request });
    for (const viewport of [{ width: 1440, height: 900 }, { width: 390, height: 844 }]) {
      await page.setViewportSize(viewport);
      await page.evaluate(() => window.scrollTo(0, 0));
      const box = await staking.stakeAmount.boundingBox();
      expect(box, `amount field at ${viewport.width}×${viewport.height}`).not.toBeNull();
      expect(box!.y + box!.height, `amount field bottom at ${viewport.width}×${viewport.height}`).toBeLessThanOrEqual(viewport.height);
    }
    // the tabs switch with the keyboard too (WAI-ARIA tabs: arrow keys)
    await page.getByRole('tab', { name: 'Stake', exact: true }).focus();
    await page.keyboard.press('ArrowRight');
    await expect(page.getByRole('tab', { name: 'Unstake', exact: true })).toHaveAttribute('aria-selected', 'true');
    await expect(staking.unstakeAmount).toBeVisible();
    await expect(staking.stakeAmount).toBeHidden();
  });

  test('stake at a 390×844 phone viewport', async ({ app, devnet, page, request }) => {
    await stakeAndCheck({ app, devnet, page, request }, 3n, { width: 390, height: 844 });
    // The staking panels fit the narrow screen (page coordinates: another element may scroll the page sideways).
    for (const name of ['Stake', 'Unstake', 'Bills']) {
      if (name === 'Unstake') await new StakingPage(page).showUnstake();
      const edges = await page
        .getByRole('region', { name, exact: true })
        .evaluate((element) => {
          const rect = element.getBoundingClientRect();
          return { left: rect.left + window.scrollX, right: rect.right + window.scrollX };
        });
      expect(edges.left, `${name} panel left edge`).toBeGreaterThanOrEqual(0);
      expect(edges.right, `${name} panel right edge`).toBeLessThanOrEqual(390);
    }
    // the header stays on one row, and the small controls are real tap targets (≥ 44 × 44 px)
    const home = (await page.getByTestId('app-home').boundingBox())!;
    const header = (await page.getByTestId('app-header').boundingBox())!;
    expect(header.height, 'header height: one row').toBeLessThan(home.height + 40);
    const targets = [
      page.getByRole('button', { name: 'Max' }).first(),
      page.getByRole('button', { name: 'Copy wallet address' }),
      page.getByRole('button', { name: 'Disconnect' }),
    ];
    for (const target of targets) {
      const box = (await target.boundingBox())!;
      expect(box.height, `${await target.textContent()} height`).toBeGreaterThanOrEqual(44);
      expect(box.width, `${await target.textContent()} width`).toBeGreaterThanOrEqual(44);
    }
    // no pool figure wraps into three lines on a phone
    const tiles = await page.locator('dd[data-testid^="stat-"]').evaluateAll((elements) =>
      elements.map((element) => ({ id: element.getAttribute('data-testid'), lines: element.getBoundingClientRect().height / parseFloat(getComputedStyle(element).lineHeight) })),
    );
    expect(tiles.length).toBeGreaterThanOrEqual(6);
    for (const tile of tiles) expect(tile.lines, `${tile.id} lines`).toBeLessThan(2.5);
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

  // Issue 12 item 6: a reload (or a closed tab) must not lose a transaction being tracked.
  test('a reload while the stake is tracked resumes it from storage and still shows the outcome', async ({ app, devnet, page, request }) => {
    const { chain, staking, ptonWallet } = await openConnectedStaking({ app, devnet, page, request });
    const ptonBefore = await chain.jettonBalance(ptonWallet);

    // Hold the page's transaction lookups: the stake lands on chain while this page cannot see it.
    let hold = true;
    await page.route('**/jsonRPC**', async (route) => {
      const body = route.request().postDataJSON() as { method?: string } | null;
      if (!hold || body?.method !== 'getTransactions') return route.fallback();
      await new Promise((resolve) => setTimeout(resolve, 30_000));
      return route.abort().catch(() => undefined);
    });
    await staking.stake('3');
    await expect(staking.stakeStatus).toHaveAttribute('data-phase', 'sent', { timeout: 30_000 });
    await expect.poll(() => chain.jettonBalance(ptonWallet), { timeout: 60_000 }).toBeGreaterThan(ptonBefore);
    await expect(staking.stakeStatus).toHaveAttribute('data-phase', 'sent');

    hold = false;
    await page.unrouteAll({ behavior: 'ignoreErrors' });
    await page.reload();
    await staking.ready();
    await expect(staking.stakeStatus).toHaveAttribute('data-phase', 'confirmed', { timeout: 90_000 });
    const minted = (await chain.jettonBalance(ptonWallet)) - ptonBefore;
    // The amount our own mint notification carried (3 TON stays below 1,000: no group separator).
    const fraction = (minted % TON).toString().padStart(9, '0').replace(/0+$/, '');
    await expect(staking.stakeStatusMessage).toContainText(`you received ${minted / TON}${fraction ? `.${fraction}` : ''} pTON`);
  });
});
