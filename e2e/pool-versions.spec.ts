// What the app does when the pool's getter changes shape under it, on the real app and devnet: this page's answers to
// get_pool_full_data are rewritten in flight (the chain is untouched), to a layout no release has (an unsupported
// pool) or to the v2 layout (an upgrade while the page is open).
import type { Page, Route } from '@playwright/test';
import { Address } from '@ton/core';
import { test, expect } from './fixtures';
import { openConnectedStaking } from './support/staking-flows';

type RawEntry = [string, unknown];
type Rewrite = (stack: RawEntry[]) => RawEntry[];

/** Rewrites this page's get_pool_full_data(_raw) answers with `rewrite()` (read at each call, so it can change). */
async function rewritePoolGetter(page: Page, rewrite: () => Rewrite | null): Promise<void> {
  await page.route('**/jsonRPC**', async (route: Route) => {
    const request = JSON.parse(route.request().postData() ?? '{}') as { method?: string; params?: { method?: string } };
    const edit = rewrite();
    if (request.method !== 'runGetMethod' || !request.params?.method?.startsWith('get_pool_full_data') || !edit) return route.fallback();
    try {
      const response = await route.fetch();
      const body = (await response.json()) as { ok: boolean; result?: { stack: RawEntry[] } };
      if (body.ok && body.result) body.result.stack = edit(body.result.stack);
      await route.fulfill({ response, json: body });
    } catch (error) {
      // the app cancelled this read (a query unmounted or was superseded): its response is gone, nothing to rewrite
      if (error instanceof Error && /disposed|closed|aborted/i.test(error.message)) return;
      throw error;
    }
  });
}

const num = (value: bigint): RawEntry => ['num', `0x${value.toString(16)}`];

/** v1 (30 entries) → the §11.2 v2 layout: instant_withdrawal_fee at 6, then accrued fee, tolerance, credit start. */
const toV2 =
  (fee: bigint): Rewrite =>
  (stack) =>
    stack.length === 30 ? [...stack.slice(0, 6), num(fee), ...stack.slice(6, 12), num(0n), num(0n), num(0n), ...stack.slice(12)] : stack;

test.describe('pool versions', () => {
  test.describe.configure({ timeout: 180_000 });
  // The app polls the pool: a rewritten answer may still be in flight when the test ends, and its handler must not
  // then fail the test on a disposed response.
  test.afterEach(async ({ page }) => {
    await page.unrouteAll({ behavior: 'ignoreErrors' });
  });

  test('an unsupported layout: the pool is shown read-only with a clear notice, and nothing can be staked or unstaked', async ({ app, page }) => {
    await rewritePoolGetter(page, () => (stack) => [...stack, num(0n), num(0n), num(0n), num(0n), num(0n), num(0n), num(0n)]);
    await app.open();
    const notice = page.getByTestId('pool-unsupported');
    await expect(notice).toContainText('does not support', { timeout: 30_000 });
    await expect(page.getByTestId('pool-version')).toHaveAttribute('data-version', 'unsupported');
    // what can still be shown, proven on chain: the account and the jetton whose minter names the pool as admin
    await expect(page.getByTestId('pool-unsupported-facts-code-hash')).toHaveAttribute('title', /^[0-9a-f]{64}$/, { timeout: 30_000 });
    await expect(page.getByTestId('pool-unsupported-facts-jetton')).toContainText('pTON');
    await app.connectDevWallet();
    await expect(page.getByRole('region', { name: 'Stake', exact: true })).toContainText('does not support', { timeout: 30_000 });
    await expect(page.getByRole('button', { name: /^Stak(e|ing…)$/ })).toHaveCount(0);
    await expect(page.getByRole('button', { name: /^Unstak(e|ing…)$/ })).toHaveCount(0);
  });

  test('a pool upgraded to v2 while the page is open: detected at the next read, and the instant quote charges the new fee', async ({ app, devnet, page, request }) => {
    let upgraded = false;
    await rewritePoolGetter(page, () => (upgraded ? toV2(41_943n) : null)); // 0.25 %
    const { chain, staking, account } = await openConnectedStaking({ app, devnet, page, request });
    // a v1 pool of the devnet (its side pool beside the v2 main one), chosen in the picker
    const config = await devnet.config();
    const listed = Array.isArray(config.pools) ? (config.pools as { address: string }[]) : [{ address: String(config.pool) }];
    let v1: string | undefined;
    for (const pool of listed) if ((await chain.poolProjection(pool.address)).version === 'v1') v1 = v1 ?? pool.address;
    test.skip(!v1, 'the devnet runs no v1 pool: nothing to upgrade here');
    const pool = v1!;
    if (Address.parse(pool).toRawString() !== (await page.getByTestId('pool-current-address').getAttribute('data-address'))) {
      await page.getByTestId('pool-change').click();
      await page.locator(`[data-testid="pool-preset"][data-address="${Address.parse(pool).toRawString()}"]`).getByRole('radio').click();
    }
    await expect(page.getByTestId('pool-current-address')).toHaveAttribute('data-address', Address.parse(pool).toRawString());
    await expect(page.getByTestId('pool-version')).toHaveAttribute('data-version', 'v1', { timeout: 30_000 });
    const ptonWallet = await chain.jettonWallet(await chain.poolJettonMinter(pool), account.address);
    await staking.stake('10');
    await expect(staking.stakeStatus).toHaveAttribute('data-phase', 'confirmed', { timeout: 90_000 });
    await expect(staking.ptonBalance).toHaveAttribute('data-nano', (await chain.jettonBalance(ptonWallet)).toString(), { timeout: 30_000 });
    await staking.showUnstake();
    await staking.unstakeAmount.fill('4');
    await staking.unstakeMode('instant').click();
    await expect(staking.unstakeMode('instant')).not.toHaveAttribute('data-expected-ton', '', { timeout: 30_000 });
    await expect(page.getByTestId('unstake-mode-instant-fee')).toHaveCount(0);
    await expect(page.getByTestId('pool-version')).toHaveAttribute('data-version', 'v1');

    upgraded = true;
    // the next scheduled read sees 34 entries
    await expect(page.getByTestId('pool-upgraded')).toContainText('upgraded from v1 to v2', { timeout: 60_000 });
    await expect(page.getByTestId('pool-version')).toHaveAttribute('data-version', 'v2');
    const feeLine = page.getByTestId('unstake-mode-instant-fee');
    await expect(feeLine).toContainText('Fee 0.25 %', { timeout: 30_000 });
    // value = floor(4 pTON · total_balance / supply) on the chain's numbers; fee = floor(value · 41943 / 2^24); the
    // quote is the rest (polled: a rotation may move the rate between two reads)
    await expect
      .poll(
        async () => {
          const chainPool = await chain.poolProjection(pool);
          const value = (4n * 10n ** 9n * chainPool.totalBalance) / chainPool.supply;
          const fee = (value * 41_943n) / 2n ** 24n;
          const shownFee = await feeLine.getAttribute('data-fee');
          const quoted = await staking.unstakeMode('instant').getAttribute('data-expected-ton');
          return shownFee === fee.toString() && quoted === (value - fee).toString();
        },
        { timeout: 60_000 },
      )
      .toBe(true);
    await expect(page.getByTestId('unstake-mode-round-end-fee')).toContainText('No fee');
    await expect(page.getByTestId('unstake-fee-note')).toContainText('0.25 % instant withdrawal fee');
  });
});
