// The Devnet Wallet's approval sheet (src/dev-wallet/approval-sheet.ts): every flow that sends a transaction answers
// it through these two calls, so a change to the sheet touches one file.
import { expect, type Locator, type Page } from '@playwright/test';

export function approvalSheet(page: Page): Locator {
  return page.getByRole('dialog', { name: 'Devnet Wallet: confirm transaction' });
}

/** Waits for the sheet and answers it; `delayMs` lets the request sit in the wallet first, as a slow user would. */
export async function answerDevWallet(page: Page, answer: 'approve' | 'reject', options: { delayMs?: number } = {}): Promise<void> {
  const sheet = approvalSheet(page);
  await expect(sheet).toBeVisible({ timeout: 30_000 });
  if (options.delayMs) await page.waitForTimeout(options.delayMs);
  await sheet.getByRole('button', { name: answer === 'approve' ? 'Approve' : 'Reject', exact: true }).click();
  await expect(sheet).toBeHidden();
}
