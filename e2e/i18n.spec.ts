// Issue 15 item 5: the app in Russian. The browser's language picks it, the stake flow runs end to end in it (amounts
// typed the Russian way), no English is left on the page, and the header switch overrides the browser for good.
import { test, expect } from './fixtures';
import { answerDevWallet } from './support/dev-wallet';
import { ChainReader, devnetProtocol } from './support/staking-flows';
import { E2E_DEVNET_URL } from './support/env';

test.use({ locale: 'ru-RU' });

// Names that are the same in every language: tickers and network labels (config), the protocol's name, terms used
// untranslated in Russian (APY, TVL, NFT, CSV, RPC), each language's own name, and the getter's name.
const NAMES = new Set(['TON', 'pTON', 'pTON1', 'Devnet', 'Testnet', 'Mainnet', 'APY', 'TVL', 'NFT', 'CSV', 'RPC', 'LSt', 'EN', 'RU', 'English', 'get_pool_full_data']);

/** Latin words of three letters or more in what a reader sees or hears (text, titles, labels), minus names. */
async function englishLeft(page: import('@playwright/test').Page, poolLabels: string[]): Promise<string[]> {
  const texts = await page.evaluate(() => {
    const root = document.getElementById('root')!;
    const parts = [root.innerText];
    for (const element of root.querySelectorAll('[title], [aria-label], [placeholder], [alt]'))
      for (const name of ['title', 'aria-label', 'placeholder', 'alt']) parts.push(element.getAttribute(name) ?? '');
    return parts.join('\n');
  });
  const withoutAddresses = texts
    .replace(/\b(?:EQ|UQ|kQ|0Q)[A-Za-z0-9_-]{46}\b/g, ' ')
    .replace(/[\w-]*…[\w-]*/g, ' ') // shortened addresses and hashes: "kQDFr7…bbeySC"
    .replace(/https?:\/\/\S+/g, ' ')
    .replace(/TON Liquid Staking|Devnet Wallet/g, ' ');
  // pool names come from the pool list (config), like tickers
  const withoutNames = poolLabels.reduce((text, label) => text.split(label).join(' '), withoutAddresses);
  const words = withoutNames.match(/[A-Za-z][A-Za-z_]{2,}\w*/g) ?? [];
  return [...new Set(words.filter((word) => !NAMES.has(word)))];
}

test('in Russian: the browser picks the language, a stake goes through, no English is left, and the switch overrides', async ({ app, devnet, page, request }) => {
  test.setTimeout(240_000);
  await app.open();
  await expect(page.locator('html')).toHaveAttribute('lang', 'ru');
  await expect(page.getByTestId('language-switch')).toHaveValue('ru');
  await app.connectDevWallet();

  const amount = page.getByTestId('stake-amount');
  await expect(amount).toBeVisible({ timeout: 30_000 });
  const ptonBalance = page.getByTestId('pton-balance');
  await expect(ptonBalance).not.toHaveAttribute('data-nano', '', { timeout: 30_000 });

  // A comma is the decimal mark in Russian, also before three digits, and spaces group thousands.
  await amount.fill('1,234');
  await expect(page.getByTestId('stake-amount-echo')).toHaveText('= 1,234 TON');
  await amount.fill('1 234,5');
  await expect(page.getByTestId('stake-amount-echo')).toHaveText('= 1\u00a0234,5 TON');
  await amount.fill('0,5');
  await expect(page.getByTestId('stake-amount-message')).toHaveText('Минимальная сумма — 1 TON.');

  const chain = new ChainReader(request, E2E_DEVNET_URL);
  const account = await devnet.account();
  const protocol = await devnetProtocol(devnet);
  const ptonWallet = await chain.jettonWallet(protocol.jettonMinter, account.address);
  const before = await chain.jettonBalance(ptonWallet);

  await amount.fill('2,5');
  await expect(page.getByTestId('stake-amount-echo')).toHaveText('= 2,5 TON');
  await expect(page.getByTestId('stake-preview')).toContainText('Вы получите');
  const stake = page.getByRole('button', { name: 'Застейкать', exact: true });
  await expect(stake).toBeEnabled();
  await stake.click();
  await answerDevWallet(page, 'approve');
  const status = page.getByTestId('tx-status-stake');
  await expect(status).toHaveAttribute('data-phase', 'confirmed', { timeout: 90_000 });
  await expect(page.getByTestId('tx-message-stake')).toContainText('Застейкано 2,5 TON: вы получили');
  // judged on-chain: the staked pTON arrived, and the page shows the chain's figure
  const after = await chain.jettonBalance(ptonWallet);
  expect(after).toBeGreaterThan(before);
  await expect(ptonBalance).toHaveAttribute('data-nano', after.toString());

  // Every panel rendered (the round history mounts near the viewport), then no English words are left.
  await expect(async () => {
    await page.evaluate(() => window.scrollTo(0, document.body.scrollHeight));
    await expect(page.getByTestId('rounds-count')).toBeVisible({ timeout: 2_000 });
  }).toPass({ timeout: 30_000 });
  const config = (await (await request.get(`${E2E_DEVNET_URL}/devnet/config`)).json()) as { pools?: { label?: string }[] };
  const poolLabels = (config.pools ?? []).map((pool) => pool.label ?? '').filter(Boolean);
  await expect.poll(() => englishLeft(page, poolLabels), { timeout: 20_000 }).toEqual([]);

  // The header switch overrides the browser's language, and the choice outlives a reload.
  await page.getByTestId('language-switch').selectOption('en');
  await expect(page.getByRole('tab', { name: 'Stake', exact: true })).toBeVisible();
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
  await page.reload();
  await expect(page.getByRole('tab', { name: 'Stake', exact: true })).toBeVisible({ timeout: 30_000 });
  await expect(page.getByTestId('language-switch')).toHaveValue('en');
});
