// The pool picker on the devnet: the pools /devnet/config lists, a pasted address checked on chain before use,
// bad input refused with a message and nothing sent, and the choice shared as ?pool=.
import { Address, Cell } from '@ton/core';
import { test, expect } from './fixtures';
import { ChainReader, devnetProtocol, openConnectedStaking } from './support/staking-flows';
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
    const tonBefore = await chain.tonBalance(account.address);
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
    expect(await chain.tonBalance(account.address)).toBe(tonBefore);
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
});
