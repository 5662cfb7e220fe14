import { test, expect } from './fixtures';
import { StakingPage } from './support/staking-flows';

test.describe('amount validation', () => {
  // Each flow waits for real transactions on a shared 2-core machine: allow for a loaded box.
  test.describe.configure({ timeout: 240_000 });
  test('each invalid stake amount is blocked with its message; valid ones, Max and pasted forms pass', async ({ app, devnet, page }) => {
    const staking = new StakingPage(page);
    await app.open();
    await app.connectDevWallet();
    await staking.ready();
    const balance = BigInt((await devnet.account()).balance);

    // Untouched: no error under the field, but the button says why it is disabled.
    await expect(staking.stakeButton).toBeDisabled();
    await expect(staking.stakeReason).toHaveText('Enter an amount to stake.');

    const cases: [string, string | RegExp][] = [
      ['0', 'Enter an amount greater than zero.'],
      ['-3', 'The amount cannot be negative.'],
      ['abc', 'Enter a number, like 10 or 2.5.'],
      ['1.5.5', 'Enter a number, like 10 or 2.5.'],
      ['1,000', /^Is the comma a decimal mark or a thousands separator\?/],
      ['1.0000000001', 'TON has at most 9 decimal places.'],
      ['0.5', 'The minimum stake is 1 TON.'],
      [(balance / 1_000_000_000n + 1n).toString(), /^Not enough TON: you can stake at most [\d,.]+ TON after fees\.$/],
    ];
    for (const [input, message] of cases) {
      await staking.stakeAmount.fill(input);
      await expect(staking.stakeMessage, `message for ${JSON.stringify(input)}`).toHaveText(message);
      await expect(staking.stakeButton, `button for ${JSON.stringify(input)}`).toBeDisabled();
      await expect(staking.stakePreview).toBeHidden();
      // one message per problem: the field says it, the line under the button does not repeat it
      await expect(staking.stakeReason, `no second message for ${JSON.stringify(input)}`).toHaveCount(0);
    }
    // What does not parse is not echoed: "1,000" is never shown as 1 TON. A parsed amount is, even when blocked.
    await staking.stakeAmount.fill('1,000');
    await expect(page.getByTestId('stake-amount-echo')).toHaveText('');
    await staking.stakeAmount.fill('0.5');
    await expect(page.getByTestId('stake-amount-echo')).toHaveText('= 0.5 TON');
    // An empty field is never flagged as an error, but the button still says why it is disabled.
    await staking.stakeAmount.fill('');
    await expect(staking.stakeMessage).toHaveText('');
    await expect(staking.stakeReason).toHaveText('Enter an amount to stake.');
    await expect(staking.stakeButton).toBeDisabled();

    // Pasted with spaces and a comma decimal mark.
    await staking.stakeAmount.fill(' 1 000,5 ');
    await expect(staking.stakeButton).toBeEnabled();
    await expect(staking.stakePreview).toBeVisible();
    // fees in plain numbers: the expected network cost beside the refunded 1 TON, the minimum before it is hit
    await expect(page.getByTestId('stake-cost')).toHaveText('≈ 0.02 TON');
    await expect(page.getByTestId('stake-max-hint')).toContainText('Minimum 1 TON.');
    await expect(staking.stakeMessage).toHaveText('');
    await expect(page.getByTestId('stake-amount-echo')).toHaveText('= 1,000.5 TON');
    await staking.stakeAmount.fill('1,5');
    await expect(page.getByTestId('stake-amount-echo')).toHaveText('= 1.5 TON');

    // Max keeps the 1 TON deposit fee, the 0.1 TON gas reserve and the exit reserve a later unstake needs
    // (1.05 TON attached to the burn + 0.05 TON gas): the position can always be unstaked without a top-up.
    await page.getByTestId('stake-amount').locator('..').getByRole('button', { name: 'Max' }).click();
    const max = balance - 1_100_000_000n - 1_100_000_000n;
    const typed = await staking.stakeAmount.inputValue();
    const [whole, fraction = ''] = typed.split('.');
    expect(BigInt(whole) * 1_000_000_000n + BigInt(fraction.padEnd(9, '0'))).toBe(max);
    await expect(page.getByTestId('stake-max-hint')).toContainText('Max keeps 1.1 TON');
    await expect(page.getByTestId('stake-exit-warning')).toHaveCount(0);
    await expect(staking.stakeButton).toBeEnabled();
    // More than Max but still affordable: allowed, with a warning that unstaking would need a top-up first.
    const over = max + 1_000_000_000n;
    await staking.stakeAmount.fill(`${over / 1_000_000_000n}.${(over % 1_000_000_000n).toString().padStart(9, '0')}`);
    await expect(page.getByTestId('stake-exit-warning')).toBeVisible();
    await expect(staking.stakeButton).toBeEnabled();
    await expect(staking.stakeAmount).toHaveAttribute('inputmode', 'decimal');
  });

  test('unstaking more pTON than held is blocked; without pTON every mode says why', async ({ app, page }) => {
    const staking = new StakingPage(page);
    await app.open();
    await app.connectDevWallet();
    await staking.ready();
    await staking.showUnstake();
    await expect(staking.unstakeAmount).toBeVisible();
    await expect(staking.unstakeButton).toBeDisabled();

    await staking.unstakeAmount.fill('1');
    await expect(page.getByTestId('unstake-amount-message')).toHaveText('You have only 0 pTON.');
    await expect(staking.unstakeButton).toBeDisabled();
    await staking.unstakeAmount.fill('1,0000000001');
    await expect(page.getByTestId('unstake-amount-message')).toHaveText('pTON has at most 9 decimal places.');
  });
});
