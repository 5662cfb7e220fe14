import { readFileSync } from 'node:fs';
// Pool analytics against the e2e devnet: the stats, the round history (charts + table) and the position equal what
// the chain says, read here independently with TonClient (@ton/ton) and the pool's logs; a finished round shows up
// without a reload. The devnet runs its default rounds (DEVNET_ROUND_SECONDS unset, 120 s) and fast-forwards its
// first rounds at genesis: other specs rely on that round length, so this one waits for a natural round.
import { Address, type Transaction } from '@ton/core';
import { TonClient } from '@ton/ton';
import { parsePoolLog } from '../contracts/wrappers/Pool';
import { depositBody } from '../contracts/wrappers/messages';
import { expect, test } from './fixtures';
import { E2E_DEVNET_URL } from './support/env';
import { DEVNET_MUTATION_HEADERS } from '../devnet/access';

const TON = 1_000_000_000n;
const client = new TonClient({ endpoint: `${E2E_DEVNET_URL}/jsonRPC` });

interface LoggedRound {
  roundId: number;
  profit: bigint;
  rate: bigint;
}

async function poolAddress(devnet: { config(): Promise<Record<string, unknown>> }): Promise<Address> {
  const config = await devnet.config();
  if (typeof config.pool !== 'string') throw new Error('the e2e devnet has no pool');
  return Address.parse(config.pool);
}

/**
 * Every round-completion log of the pool, via getTransactions paging (written again here on purpose). A new pool
 * logs round 0 twice (both of its initial rounds carry id 0); the later record is the one that counts.
 */
async function loggedRounds(pool: Address): Promise<LoggedRound[]> {
  const rounds: (LoggedRound & { lt: bigint })[] = [];
  let cursor: { lt: string; hash: string } | undefined;
  for (;;) {
    const page: Transaction[] = await client.getTransactions(pool, { limit: 100, lt: cursor?.lt, hash: cursor?.hash });
    for (const tx of page) {
      for (const message of tx.outMessages.values()) {
        const log = parsePoolLog(message);
        if (log?.topic === 'roundCompletion') {
          rounds.push({ lt: tx.lt, roundId: log.roundId, profit: log.profit, rate: log.supply === 0n ? TON : (log.totalBalance * TON) / log.supply });
        }
      }
    }
    if (page.length < 100) {
      const byRound = new Map<number, LoggedRound>();
      for (const { lt: _lt, ...round } of rounds.sort((a, b) => (a.lt < b.lt ? -1 : 1))) byRound.set(round.roundId, round);
      return [...byRound.values()].sort((a, b) => a.roundId - b.roundId);
    }
    const last = page[page.length - 1];
    cursor = { lt: last.lt.toString(), hash: last.hash().toString('base64') };
  }
}

/**
 * total_balance, the current round id and supply of get_pool_full_data, by the layout its entry count names (v1: 30
 * entries, v2: 34 with instant_withdrawal_fee after deposits_open and three more fields before jetton_minter).
 */
async function poolFigures(pool: Address) {
  const { stack } = await client.runMethod(pool, 'get_pool_full_data');
  const v2 = stack.remaining === 34;
  if (!v2 && stack.remaining !== 30) throw new Error(`get_pool_full_data has ${stack.remaining} entries`);
  stack.skip(2);
  const totalBalance = stack.readBigNumber();
  stack.skip(v2 ? 6 : 5);
  // TonClient hands nested tuple elements over as raw values (see shared notes §4.3).
  const current = stack.readTuple() as unknown as { items: unknown[] };
  const roundId = Number(current.items[1]);
  stack.skip(v2 ? 7 : 4);
  const supply = stack.readBigNumber();
  return { totalBalance, supply, rate: supply === 0n ? TON : (totalBalance * TON) / supply, roundId };
}

test.describe('pool analytics', () => {
  test('stats and round history equal the chain; a finished round appears without a reload', async ({ app, devnet, page }, testInfo) => {
    // Waits for one natural 120 s round; generous for a loaded 2-core machine.
    test.setTimeout(360_000);
    const pool = await poolAddress(devnet);
    await app.open();
    await app.connectDevWallet();

    // Stats: rate, TVL and round exactly as the get-method says (polled: other specs deposit concurrently).
    const stats = page.getByRole('region', { name: 'Pool', exact: true });
    await expect(stats.getByTestId('stat-rate')).toHaveAttribute('data-value', /\d+/, { timeout: 30_000 });
    await expect(async () => {
      const chain = await poolFigures(pool);
      expect(await stats.getByTestId('stat-rate').getAttribute('data-value')).toBe(chain.rate.toString());
      expect(await stats.getByTestId('stat-tvl').getAttribute('data-value')).toBe(chain.totalBalance.toString());
      expect(await stats.getByTestId('stat-round').getAttribute('data-value')).toBe(String(chain.roundId));
    }).toPass({ timeout: 45_000 });
    await expect(stats.getByTestId('pool-flags')).toContainText('Deposits open');
    // APY tiles: plain percentages, never exponent notation. The devnet's economics put the projected APY in a
    // mainnet-like 2–8 %. The current APY reads "—" and why until 3 rounds are read, then a plain percentage (this
    // devnet's short history still holds the rounds before the first repayment, so its band is checked by the devnet's
    // economics test on a longer run, devnet/protocol/economics.test.ts).
    const inBand = (text: string | null) => {
      const percent = Number(text!.replace(' %', ''));
      return percent > 2 && percent < 8;
    };
    const projectedApy = stats.getByTestId('stat-apy-projected');
    await expect(projectedApy).toHaveText(/^\d{1,3}\.\d\d %$/);
    expect(inBand(await projectedApy.textContent()), `projected APY ${await projectedApy.textContent()}`).toBe(true);
    const currentApy = stats.getByTestId('stat-apy-current');
    await expect(currentApy).toHaveText(/^(\d{1,3}\.\d\d %|—)$/, { timeout: 30_000 });
    if ((await currentApy.textContent()) === '—') await expect(currentApy).toHaveAttribute('title', /Needs 3 completed rounds/);
    else expect(Number((await currentApy.textContent())!.replace(' %', ''))).toBeGreaterThan(0);
    await expect(stats.getByTestId('stat-next-round')).toHaveText(/\d+ (s|min)|Due now/);

    // Charts render from the seeded history (≥ 30 rounds fast-forwarded at genesis).
    const history = await app.showRoundHistory();
    const apyChart = history.getByTestId('chart-apy');
    await expect(apyChart).toBeVisible({ timeout: 30_000 });
    // One point per round-completion log of the seeded history (the devnet fast-forwards its first rounds at genesis).
    await expect(async () => {
      const logged = await loggedRounds(pool);
      expect(logged.length).toBeGreaterThanOrEqual(5);
      expect(Number(await apyChart.getAttribute('data-points'))).toBe(logged.length);
      // A round that ends right now is seen by the app after its pool poll (≤ 20 s) and a history re-read (5 s).
    }).toPass({ timeout: 60_000 });
    await expect(history.getByTestId('chart-tvl').locator('.recharts-line').first()).toBeVisible();
    await expect(apyChart.locator('.recharts-bar-rectangle').first()).toBeVisible();
    await page.screenshot({ path: testInfo.outputPath('dashboard.png'), fullPage: true });

    // The table lists exactly the pool's round-completion logs: same ids, profit (losses negative) and rate after.
    await history.getByRole('button', { name: 'Table' }).click();
    const table = history.getByTestId('rounds-table');
    await expect(async () => {
      const chain = await loggedRounds(pool);
      const rows = await table.locator('tbody tr').evaluateAll((trs) =>
        trs.map((tr) => ({ roundId: Number(tr.getAttribute('data-round')), profit: tr.getAttribute('data-profit'), rate: tr.getAttribute('data-rate') })),
      );
      expect(rows.reverse()).toEqual(chain.map((round) => ({ roundId: round.roundId, profit: round.profit.toString(), rate: round.rate.toString() })));
    }).toPass({ timeout: 30_000 });

    // A round passes: the newest point arrives on its own (pool poll → history refresh), no reload.
    await history.getByRole('button', { name: 'Charts' }).click();
    const newestBefore = Number(await apyChart.getAttribute('data-newest-round'));
    await expect
      .poll(async () => Number(await history.getByTestId('chart-apy').getAttribute('data-newest-round')), { timeout: 200_000, intervals: [2_000] })
      .toBeGreaterThan(newestBefore);
    const chainAfter = await loggedRounds(pool);
    expect(Number(await history.getByTestId('chart-apy').getAttribute('data-newest-round'))).toBe(chainAfter[chainAfter.length - 1].roundId);
  });

  test('my position: pTON and its value equal the chain; rewards and the costs of the deposit are shown apart', async ({ app, devnet, page, request }) => {
    test.setTimeout(180_000);
    const pool = await poolAddress(devnet);
    const account = await devnet.account();
    const deposit = 100n * TON;
    // Deposit straight through the dev wallet (the staking UI has its own spec).
    const sent = await request.post(`${E2E_DEVNET_URL}/devwallet/sendTransaction?name=${encodeURIComponent(devnet.walletName)}`, {
      headers: { ...DEVNET_MUTATION_HEADERS },
      data: {
        valid_until: Math.floor(Date.now() / 1000) + 300,
        messages: [{ address: pool.toString({ bounceable: true, testOnly: true }), amount: (deposit + TON).toString(), payload: depositBody(77n).toBoc().toString('base64') }],
      },
    });
    expect(((await sent.json()) as { error?: unknown }).error).toBeUndefined();

    await app.open();
    await app.connectDevWallet();
    const position = page.getByRole('region', { name: 'My position' });
    // below the first screen: its history-based figures are read once it is scrolled to
    await position.scrollIntoViewIfNeeded();

    const minter = Address.parse(String((await devnet.config()).jettonMinter));
    const { stack: walletStack } = await client.runMethod(minter, 'get_wallet_address', [
      { type: 'slice', cell: (await import('@ton/core')).beginCell().storeAddress(Address.parse(account.address)).endCell() },
    ]);
    const ptonWallet = walletStack.readAddress();
    const { stack } = await client.runMethod(ptonWallet, 'get_wallet_data');
    const pton = stack.readBigNumber();
    expect(pton).toBeGreaterThan(0n);

    await expect(position.getByTestId('position-pton')).toHaveAttribute('data-value', pton.toString(), { timeout: 30_000 });
    await expect(async () => {
      const { rate } = await poolFigures(pool);
      expect(await position.getByTestId('position-value').getAttribute('data-value')).toBe(((pton * rate) / TON).toString());
    }).toPass({ timeout: 45_000 });
    // Right after depositing, rewards (the rate's growth on pTON held through a round) are zero, or one round's growth
    // if a round ended meanwhile: never negative. The costs (gas, the projected-vs-current rate gap) are apart, under
    // 1 TON, and rewards − costs is the net; missing a refund or the deposit would show.
    await expect(position.getByTestId('position-rewards')).toHaveAttribute('data-value', /^\d+$/, { timeout: 30_000 });
    const rewards = BigInt((await position.getByTestId('position-rewards').getAttribute('data-value'))!);
    expect(rewards).toBeLessThan(TON / 10n);
    await expect(position.getByTestId('position-rewards')).not.toContainText('−');
    const costs = BigInt((await position.getByTestId('position-costs').getAttribute('data-value'))!);
    expect(costs).toBeGreaterThan(0n);
    expect(costs).toBeLessThan(TON);
    const net = BigInt((await position.getByTestId('position-net').getAttribute('data-value'))!);
    expect(net).toBe(rewards - costs);
    await expect(position.getByTestId('position-bills')).toHaveAttribute('data-value', '0');

    // After a round end the chart plots the value and the cumulative rewards apart, each with its axis label and
    // legend, each a labelled keyboard stop; the numbers are in a table.
    await expect(position.getByTestId('chart-position')).toBeVisible({ timeout: 120_000 });
    for (const [id, axis, legend] of [
      ['chart-position-value', 'Value, TON', 'Value (TON)'],
      ['chart-position-rewards', 'Rewards, TON', 'Rewards (TON)'],
    ] as const) {
      const figure = position.getByTestId(id);
      await expect(figure).toContainText(axis);
      await expect(figure.locator('.recharts-legend-item-text')).toHaveText(legend);
      await expect(figure).toHaveAttribute('aria-label', /\d/);
      await figure.focus();
      await expect(figure).toBeFocused();
    }
    // the flows export lists the deposit, signed from the wallet, with its transaction
    const [flowsFile] = await Promise.all([page.waitForEvent('download'), position.getByTestId('export-flows').click()]);
    expect(flowsFile.suggestedFilename()).toBe('staking-flows.csv');
    const flows = readFileSync(await flowsFile.path(), 'utf8').trimEnd().split('\r\n');
    expect(flows[0]).toBe('date_utc,type,ton,pton,rate_ton_per_pton,tx_hash');
    expect(flows.some((line) => /^[\d-]+T[\d:.]+Z,deposit \(TON sent incl. fee\),-101,,[\d.]+,[0-9a-f]{64}$/.test(line)), flows.join('\n')).toBe(true);
    expect(flows.some((line) => line.includes(',pTON received,'))).toBe(true);
    await position.getByText('Show the numbers').click();
    const rewardCells = await position.getByTestId('chart-position-table').locator('tbody tr td:nth-child(3)').allTextContents();
    expect(rewardCells.length).toBeGreaterThan(1);
    for (const cell of rewardCells) expect(cell).not.toContain('-');
  });
});

test.describe('rewards calculator', () => {
  test('projects a stake at the APYs the tiles show, with the instant fee in the instant exit', async ({ app, page }) => {
    await app.open();
    const calculator = page.getByTestId('rewards-calculator');
    await calculator.locator('summary').click();
    await page.getByTestId('calculator-amount').fill('1 000');
    await page.getByTestId('calculator-months').selectOption('12');
    const projected = page.getByTestId('calculator-row').filter({ hasText: 'Projected APY' });
    await expect(projected).toHaveAttribute('data-value', /^\d+$/, { timeout: 30_000 });
    // the row's APY is the tile's, and a year at it compounds to 1000 × (1 + APY)
    const apy = Number(await projected.getAttribute('data-apy'));
    await expect(page.getByTestId('stat-apy-projected')).toHaveText(`${(apy * 100).toFixed(2)} %`);
    const value = Number(await projected.getAttribute('data-value')) / 1e9;
    expect(value).toBeCloseTo(1000 * (1 + apy), 3);
    // the devnet pool is v2 with an instant withdrawal fee: an instant exit gets less than one at round end
    const cells = await projected.locator('td').allTextContents();
    const amountOf = (text: string) => Number(text.replace(/[^\d.]/g, ''));
    expect(amountOf(cells[3])).toBeLessThan(amountOf(cells[2]));
    await expect(calculator).toContainText('instant withdrawal fee');
    // a bad amount is refused with the app's message
    await page.getByTestId('calculator-amount').fill('1,000');
    await expect(calculator.getByRole('alert')).toBeVisible();
  });
});

test.describe('round history export', () => {
  test('Export CSV saves the rounds shown, one line each', async ({ app, page }) => {
    await app.open();
    const history = await app.showRoundHistory();
    await expect(history.getByTestId('chart-apy')).toBeVisible({ timeout: 30_000 });
    const points = Number(await history.getByTestId('chart-apy').getAttribute('data-points'));
    const [file] = await Promise.all([page.waitForEvent('download'), history.getByTestId('export-rounds').click()]);
    const lines = readFileSync(await file.path(), 'utf8').trimEnd().split('\r\n');
    expect(lines[0]).toBe('round,end_utc,rate_ton_per_pton,total_balance_ton,supply_pton,borrowed_ton,returned_ton,profit_ton,growth_percent,apy_percent');
    expect(lines.length - 1).toBeGreaterThanOrEqual(points);
    expect(lines[1]).toMatch(/^\d+,\d{4}-\d\d-\d\dT[\d:.]+Z,\d+(\.\d+)?,/);
  });
});
