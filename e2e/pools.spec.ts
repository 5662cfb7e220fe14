// The pool picker on the devnet: the pools /devnet/config lists, a pasted address checked on chain before use,
// bad input refused with a message and nothing sent, and the choice shared as ?pool=.
import { Address, Cell } from '@ton/core';
import { test, expect } from './fixtures';
import { answerDevWallet } from './support/dev-wallet';
import { ChainReader, devnetProtocol, mintedFor, openConnectedStaking, untilAppMatchesChain } from './support/staking-flows';
import { E2E_DEVNET_URL } from './support/env';

/** The devnet's pools as /devnet/config announces them (`pools`, else the one `pool`). */
async function devnetPools(config: Record<string, unknown>): Promise<{ address: string; version?: string; label?: string }[]> {
  const pools = Array.isArray(config.pools) ? (config.pools as { address: string; version?: string; label?: string }[]) : [];
  return pools.length > 0 ? pools : [{ address: String(config.pool) }];
}

test.describe('pool picker', () => {
  test.describe.configure({ timeout: 180_000 });

  test('shows the pool in use with its version, code hash and jetton, and lists the devnet\'s pools', async ({ app, devnet, page, request }) => {
    const chain = new ChainReader(request, E2E_DEVNET_URL);
    const config = await devnet.config();
    const protocol = await devnetProtocol(devnet);
    await app.open();
    const picker = page.getByTestId('pool-picker');
    await expect(picker).toBeVisible({ timeout: 30_000 });
    // the version follows the getter's entry count, read here independently
    const { version } = await chain.poolProjection(protocol.pool);
    await expect(page.getByTestId('pool-version')).toHaveAttribute('data-version', version);
    await expect(page.getByTestId('pool-current-address')).toHaveAttribute('data-address', Address.parse(protocol.pool).toRawString());

    await page.getByTestId('pool-change').click();
    const listed = await devnetPools(config);
    await expect(page.getByTestId('pool-preset')).toHaveCount(listed.length);
    for (const pool of listed) await expect(page.locator(`[data-testid="pool-preset"][data-address="${Address.parse(pool.address).toRawString()}"]`)).toBeVisible();
    // code hash: the pool account's code, as the devnet's API serves it
    const info = await chain.call<{ code: string }>('getAddressInformation', { address: protocol.pool });
    const codeHash = Cell.fromBase64(info.code).hash().toString('hex');
    await expect(page.getByTestId('pool-current-facts-code-hash')).toHaveAttribute('title', codeHash);
    await expect(page.getByTestId('pool-current-facts-jetton')).toContainText('pTON');
  });

  test('bad input is refused with a clear message and nothing is sent', async ({ app, devnet, page, request }) => {
    const { chain, account } = await openConnectedStaking({ app, devnet, page, request });
    const protocol = await devnetProtocol(devnet);
    const seqnoBefore = await chain.walletSeqno(account.address); // sent nothing = seqno unchanged, whatever arrives
    await page.getByTestId('pool-change').click();
    const input = page.getByTestId('pool-paste-input');
    const check = page.getByTestId('pool-paste-check');
    const error = page.getByTestId('pool-check-error');

    const attempts: [string, RegExp][] = [
      ['not an address', /not a TON address/],
      // the mainnet Tonstakers pool: another network's preset
      ['EQCkWxfyhAkim3g2DjKQQg8T5P4g-Q1-K_jErGcDJZ4i-vqR', /mainnet pool "Tonstakers"; this app runs on Devnet/],
      // nothing deployed there on this chain
      [Address.parse(`0:${'5e'.repeat(32)}`).toString({ testOnly: true }), /not a staking pool on this network\. Nothing is deployed/],
      // a contract, but the pool's jetton minter: no get_pool_full_data
      [protocol.jettonMinter, /not a staking pool on this network\. It has no get_pool_full_data/],
    ];
    for (const [text, message] of attempts) {
      await input.fill(text);
      await check.click();
      await expect(error).toContainText(message, { timeout: 30_000 });
      await expect(page.getByTestId('pool-use')).toHaveCount(0);
    }
    // still on the devnet's pool, nothing sent
    await expect(page.getByTestId('pool-current-address')).toHaveAttribute('data-address', Address.parse(protocol.pool).toRawString());
    expect(await chain.walletSeqno(account.address)).toBe(seqnoBefore);
  });

  test('a ?pool= link selects the pool and survives a reload; a bad one says why and keeps the default', async ({ app, devnet, page }) => {
    const protocol = await devnetProtocol(devnet);
    const pools = await devnetPools(await devnet.config());
    const target = pools[pools.length - 1].address;
    const friendly = Address.parse(target).toString({ testOnly: true });

    await app.open('/?pool=garbage');
    await expect(page.getByTestId('pool-link-refused')).toContainText('not a TON address', { timeout: 30_000 });
    await expect(page.getByTestId('pool-current-address')).toHaveAttribute('data-address', Address.parse(protocol.pool).toRawString());

    await app.open(`/?pool=${friendly}`);
    await expect(page.getByTestId('pool-current-address')).toHaveAttribute('data-address', Address.parse(target).toRawString(), { timeout: 30_000 });
    await app.open('/');
    await expect(page.getByTestId('pool-current-address')).toHaveAttribute('data-address', Address.parse(target).toRawString(), { timeout: 30_000 });
  });

  test('both pool versions side by side: choosing each one reads its own layout', async ({ app, devnet, page, request }) => {
    const chain = new ChainReader(request, E2E_DEVNET_URL);
    const listed = await devnetPools(await devnet.config());
    test.skip(listed.length < 2, 'this devnet announces one pool only');
    await app.open();
    await expect(page.getByTestId('pool-picker')).toBeVisible({ timeout: 30_000 });
    const seen = new Set<string>();
    for (const pool of listed) {
      const raw = Address.parse(pool.address).toRawString();
      // choosing the pool already in use changes nothing, so the list may still be open
      const change = page.getByTestId('pool-change');
      if ((await change.getAttribute('aria-expanded')) !== 'true') await change.click();
      await page.locator(`[data-testid="pool-preset"][data-address="${raw}"]`).getByRole('radio').click(); // choosing closes the list (check() would wait for the radio to stay)
      await expect(page.getByTestId('pool-current-address')).toHaveAttribute('data-address', raw);
      const { version } = await chain.poolProjection(pool.address);
      if (pool.version) expect(version).toBe(pool.version);
      await expect(page.getByTestId('pool-version')).toHaveAttribute('data-version', version, { timeout: 30_000 });
      // the rate shown is this pool's own (re-read each time: a rotation may move it meanwhile)
      await expect
        .poll(async () => {
          const { totalBalance, supply } = await chain.poolProjection(pool.address);
          const rate = supply === 0n ? 10n ** 9n : (totalBalance * 10n ** 9n) / supply;
          return (await page.getByTestId('stat-rate').getAttribute('data-value')) === rate.toString();
        }, { timeout: 30_000 })
        .toBe(true);
      seen.add(version);
    }
    const announced = listed.flatMap((pool) => (pool.version ? [pool.version] : []));
    if (announced.length > 0) expect([...seen].sort()).toEqual([...new Set(announced)].sort());
  });

  test('a short pass on the v1 pool through the picker: stake, instant unstake, round-end bill paid', async ({ app, devnet, page, request }) => {
    test.setTimeout(300_000);
    const config = await devnet.config();
    const v1 = (await devnetPools(config)).find((pool) => pool.version === 'v1' && !Address.parse(pool.address).equals(Address.parse(String(config.pool))));
    test.skip(!v1, 'this devnet announces no second (v1) pool');
    const { chain, staking, account } = await openConnectedStaking({ app, devnet, page, request });
    const raw = Address.parse(v1!.address).toRawString();
    await page.getByTestId('pool-change').click();
    await page.locator(`[data-testid="pool-preset"][data-address="${raw}"]`).getByRole('radio').click(); // choosing closes the list (check() would wait for the radio to stay)
    await expect(page.getByTestId('pool-version')).toHaveAttribute('data-version', 'v1', { timeout: 30_000 });
    const ptonWallet = await chain.jettonWallet(await chain.poolJettonMinter(v1!.address), account.address);
    await expect(staking.ptonBalance).toHaveAttribute('data-nano', (await chain.jettonBalance(ptonWallet)).toString(), { timeout: 30_000 });

    // stake: the pTON of the v1 pool's own jetton rises by the previewed amount
    const before = await chain.jettonBalance(ptonWallet);
    await staking.stakeAmount.fill('10');
    // The devnet turns the v1 pool's rounds too (its rate moves at each switch): preview and stake inside one quiet
    // stretch of the round, when the preview equals the pool's own formula on its numbers now.
    const previewed = await untilAppMatchesChain(
      devnet,
      () => staking.stakePreview.getAttribute('data-pton', { timeout: 1_000 }).catch(() => null),
      async () => {
        const projection = await chain.poolProjection(v1!.address);
        return mintedFor(10n * 10n ** 9n, projection.projectedSupply, projection.projectedTotalBalance);
      },
    );
    await staking.stakeButton.click();
    await answerDevWallet(page, 'approve');
    await expect(staking.stakeStatus).toHaveAttribute('data-phase', 'confirmed', { timeout: 90_000 });
    const staked = await chain.jettonBalance(ptonWallet);
    expect(staked - before).toBe(previewed);

    // instant unstake: v1 charges no instant fee, so no fee line
    await staking.showUnstake();
    await staking.unstakeAmount.fill('3');
    await staking.unstakeMode('instant').click();
    await expect(page.getByTestId('unstake-mode-instant-fee')).toHaveCount(0);
    await expect(staking.unstakeButton).toBeEnabled({ timeout: 30_000 });
    await staking.unstake();
    await expect(staking.unstakeStatus).toHaveAttribute('data-phase', 'confirmed', { timeout: 90_000 });
    await expect(staking.unstakeStatusMessage).toContainText('you received');
    expect(await chain.jettonBalance(ptonWallet)).toBe(staked - 3n * 10n ** 9n);

    // round end: a bill of the v1 pool, paid at the next rotation
    await staking.unstakeAmount.fill('2');
    await staking.unstakeMode('round-end').click();
    await expect(staking.unstakeButton).toBeEnabled({ timeout: 30_000 });
    await staking.unstake();
    await expect(staking.unstakeStatus).toHaveAttribute('data-phase', 'confirmed', { timeout: 90_000 });
    await expect(staking.unstakeStatusMessage).toContainText('withdrawal bill');
    const paid = page.locator('[data-testid="paid-bill"][data-kind="withdrawal"]');
    await expect(paid.first()).toHaveAttribute('data-amount', (2n * 10n ** 9n).toString(), { timeout: 180_000 });
  });

  test('a pasted pool that is not a preset is checked, then needs one explicit confirmation before its first stake', async ({ app, devnet, page, request }) => {
    const config = await devnet.config();
    const main = Address.parse(String(config.pool));
    const other = (await devnetPools(config)).find((pool) => !Address.parse(pool.address).equals(main));
    test.skip(!other, 'this devnet announces one pool only');
    // This page's devnet announces its main pool only, so the other one is "any pool" to the app.
    await page.route('**/devnet/config', async (route) => {
      const response = await route.fetch();
      const body = (await response.json()) as Record<string, unknown>;
      delete body.pools;
      await route.fulfill({ response, json: body });
    });
    const { chain, staking, account } = await openConnectedStaking({ app, devnet, page, request });
    const otherRaw = Address.parse(other!.address).toRawString();
    await page.getByTestId('pool-change').click();
    await expect(page.getByTestId('pool-preset')).toHaveCount(1);
    await page.getByTestId('pool-paste-input').fill(Address.parse(other!.address).toString({ testOnly: true }));
    await page.getByTestId('pool-paste-check').click();
    const { version } = await chain.poolProjection(other!.address);
    await expect(page.getByTestId('pool-check-result-version')).toHaveText(version, { timeout: 30_000 });
    const info = await chain.call<{ code: string }>('getAddressInformation', { address: other!.address });
    await expect(page.getByTestId('pool-check-result-code-hash')).toHaveAttribute('title', Cell.fromBase64(info.code).hash().toString('hex'));
    await page.getByTestId('pool-use').click();
    await expect(page.getByTestId('pool-current-address')).toHaveAttribute('data-address', otherRaw);
    await expect(page.getByTestId('pool-current-label')).toHaveText('Custom pool');
    expect(new URL(page.url()).searchParams.get('pool')).toBe(Address.parse(other!.address).toString({ testOnly: true, urlSafe: true }));

    // the first stake waits for the confirmation
    const ptonWallet = await chain.jettonWallet(await chain.poolJettonMinter(other!.address), account.address);
    await staking.stakeAmount.fill('5');
    await expect(staking.stakePreview).toBeVisible({ timeout: 30_000 });
    await expect(staking.stakeButton).toBeDisabled();
    await page.getByTestId('stake-confirm-pool').getByRole('checkbox').check();
    await expect(staking.stakeButton).toBeEnabled();
    await staking.stakeButton.click();
    await answerDevWallet(page, 'approve');
    await expect(staking.stakeStatus).toHaveAttribute('data-phase', 'confirmed', { timeout: 90_000 });
    expect(await chain.jettonBalance(ptonWallet)).toBeGreaterThan(0n);
    // confirmed once: after a reload the pool is still chosen and asks no more
    await page.reload();
    await expect(page.getByTestId('pool-current-address')).toHaveAttribute('data-address', otherRaw, { timeout: 30_000 });
    await staking.stakeAmount.fill('2');
    await expect(staking.stakeButton).toBeEnabled({ timeout: 30_000 });
    await expect(page.getByTestId('stake-confirm-pool')).toHaveCount(0);
  });
});
