// Accessibility: axe (WCAG 2.1 A/AA rules) finds no serious or critical violation on the page, disconnected and
// connected with the stake panel showing; and the stake flow works from the keyboard alone.
import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { test, expect } from './fixtures';
import { approvalSheet } from './support/dev-wallet';

const SERIOUS = new Set(['serious', 'critical']);

async function seriousViolations(page: Page) {
  const results = await new AxeBuilder({ page })
    .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'])
    // TON Connect UI's modal and toasts live in their own root, drawn by the SDK: not ours to fix, reported apart.
    .exclude('#tc-widget-root')
    .analyze();
  return results.violations
    .filter((violation) => SERIOUS.has(violation.impact ?? ''))
    .map((violation) => ({
      rule: violation.id,
      impact: violation.impact,
      help: violation.help,
      targets: violation.nodes.map((node) => node.target.join(' ')),
    }));
}

test.describe('accessibility', () => {
  for (const theme of ['light', 'dark'] as const) {
    test(`no serious or critical axe violations, disconnected and connected (${theme} theme)`, async ({ page, app }) => {
      // chosen in the header's theme control, as a user would
      await app.open();
      await page.getByTestId('theme-toggle').selectOption(theme);
      await expect(page.locator('html')).toHaveClass(theme === 'dark' ? /(^|\s)dark(\s|$)/ : /^(?!.*\bdark\b).*$/);
      await expect(app.connectPrompt).toBeVisible();
      expect(await seriousViolations(page)).toEqual([]);

      await app.connectDevWallet();
      await expect(page.getByTestId('stake-amount')).toBeVisible({ timeout: 30_000 });
      await expect(page.getByTestId('stake-ton-balance')).toBeVisible({ timeout: 30_000 });
      // The charts mount only when scrolled to; axe must see them too.
      const history = await app.showRoundHistory();
      await expect(history.getByTestId('chart-apy')).toBeVisible({ timeout: 30_000 });
      expect(await seriousViolations(page)).toEqual([]);
      if (theme === 'dark') {
        await page.screenshot({ path: test.info().outputPath('dashboard-dark.png') });
        // the choice is kept across a reload, and TON Connect's modal follows it
        await page.reload();
        await expect(page.locator('html')).toHaveClass(/(^|\s)dark(\s|$)/);
        await expect(page.getByTestId('theme-toggle')).toHaveValue('dark');
      }
    });
  }

  test('keyboard only: Tab to the amount, type, Tab to Stake, Enter reaches the devnet wallet', async ({
    page,
    app,
  }) => {
    await app.open();
    await app.connectDevWallet();
    const amount = page.getByTestId('stake-amount');
    await expect(amount).toBeEnabled({ timeout: 30_000 });
    await expect(page.getByTestId('stake-ton-balance')).toHaveAttribute('data-nano', /^[1-9]\d*$/, {
      timeout: 30_000,
    });

    // Start from the top of the document, as after a fresh page load.
    await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
    const focusedTestId = () =>
      page.evaluate(() => document.activeElement?.getAttribute('data-testid') ?? null);
    let presses = 0;
    for (; presses < 40 && (await focusedTestId()) !== 'stake-amount'; presses++)
      await page.keyboard.press('Tab');
    await expect(amount).toBeFocused();

    await page.keyboard.type('1');
    const stake = page.getByRole('button', { name: 'Stake', exact: true });
    await expect(stake).toBeEnabled();
    for (let step = 0; step < 6; step++) {
      if (await stake.evaluate((button) => button === document.activeElement)) break;
      await page.keyboard.press('Tab');
    }
    await expect(stake).toBeFocused();

    const walletRequest = page.waitForRequest((request) =>
      request.url().includes('/devwallet/sendTransaction'),
    );
    await page.keyboard.press('Enter');
    // The Devnet Wallet's sheet: focus starts on Reject, Tab moves to Approve, Enter approves.
    const sheet = approvalSheet(page);
    await expect(sheet).toBeVisible();
    await expect(sheet.getByRole('button', { name: 'Reject', exact: true })).toBeFocused();
    expect(await seriousViolations(page)).toEqual([]);
    await page.keyboard.press('Tab');
    await expect(sheet.getByRole('button', { name: 'Approve', exact: true })).toBeFocused();
    await page.keyboard.press('Enter');
    await expect(sheet).toBeHidden();
    const request = await walletRequest;
    const body = JSON.parse(request.postData() ?? '{}') as { messages?: { amount?: string }[] };
    // 1 TON staked plus the deposit fee, in nano.
    expect(BigInt(body.messages?.[0]?.amount ?? '0')).toBeGreaterThan(1_000_000_000n);
  });
});
