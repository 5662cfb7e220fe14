// Decides whether a stake can be sent and what it would give, from the typed amount, the wallet balance and the
// pool's state. Pure: every message the stake button can show comes from here.
import { DEPOSIT_FEE } from '../../../../contracts/wrappers/fees';
import { expectedPtonForDeposit, projectedRate, type PoolFullData } from '../../../ton/pool';
import { maxStakeAmount, maxStakeKeepingExitReserve } from '../../../ton/tx';
import { amountInputErrorMessage, parseTypedAmount } from '../../../components/tx/amount-messages';
import { isAmountInputError, type AmountInputError } from '../../../ton/units';
import { formatExact } from '../../../components/format/amounts';
import { tNow } from '../../../i18n/messages';
import { stakingMessages } from '../messages';

/** The app's own floor, well above the contract's (deposit > 1 TON fee), so nobody stakes dust. */
export const MIN_STAKE_NANO = 1_000_000_000n;

export type StakeBlock =
  | { reason: AmountInputError }
  | { reason: 'below-minimum'; minimum: bigint }
  | { reason: 'exceeds-balance'; max: bigint }
  | { reason: 'halted' }
  | { reason: 'deposits-closed' }
  | { reason: 'zero-output' }
  | { reason: 'empty-pool-balance' };

export interface StakePreview {
  amount: bigint;
  /** pTON minted now (optimistic pool) or expected from the bill at round end (pessimistic). */
  pton: bigint;
  kind: 'jettons' | 'bill';
  /** nanoTON per 1 pTON the deposit converts at. */
  rate: bigint;
  /** Attached on top of the amount; the pool refunds what gas did not use. */
  fee: bigint;
  /** What leaves the wallet: amount + fee. */
  total: bigint;
  /** False when the stake would leave less than a later unstake needs (EXIT_RESERVE): warned, not refused. */
  keepsExitReserve: boolean;
}

export type StakeCheck = { ok: true; preview: StakePreview } | { ok: false; block: StakeBlock };

export interface StakeInputs {
  input: string;
  /** Wallet TON balance, nano. */
  balance: bigint;
  pool: Pick<PoolFullData, 'halted' | 'depositsOpen' | 'optimistic' | 'projectedSupply' | 'projectedTotalBalance'>;
  minimum?: bigint;
}

export function checkStake({ input, balance, pool, minimum = MIN_STAKE_NANO }: StakeInputs): StakeCheck {
  // Pool-wide blocks first: no amount can get past them.
  if (pool.halted) return { ok: false, block: { reason: 'halted' } };
  if (!pool.depositsOpen) return { ok: false, block: { reason: 'deposits-closed' } };

  const parsed = parseTypedAmount(input);
  if (!parsed.ok) return { ok: false, block: { reason: parsed.error } };
  const amount = parsed.nano;
  if (amount < minimum) return { ok: false, block: { reason: 'below-minimum', minimum } };
  const max = maxStakeAmount(balance);
  if (amount > max) return { ok: false, block: { reason: 'exceeds-balance', max } };

  const quote = expectedPtonForDeposit(pool, amount);
  if (!quote.ok) return { ok: false, block: { reason: quote.reason } };
  return { ok: true, preview: { amount, pton: quote.pton, kind: quote.kind, rate: projectedRate(pool), fee: DEPOSIT_FEE, total: amount + DEPOSIT_FEE, keepsExitReserve: amount <= maxStakeKeepingExitReserve(balance) } };
}

const shown = formatExact;

/** The sentence under the amount field and on the disabled button's description. */
export function stakeBlockMessage(block: StakeBlock, tickers: { native: string; jetton: string }): string {
  if (isAmountInputError(block.reason)) return amountInputErrorMessage(block.reason, 'stake', tickers.native);
  const t = tNow(stakingMessages);
  const { native, jetton } = tickers;
  switch (block.reason) {
    case 'below-minimum':
      return t('belowMinimum', { minimum: shown(block.minimum), native });
    case 'exceeds-balance':
      return block.max > 0n ? t('exceedsBalance', { max: shown(block.max), native }) : t('cannotAffordFee', { native });
    case 'halted':
      return t('halted');
    case 'deposits-closed':
      return t('depositsClosed');
    case 'zero-output':
      return t('zeroOutput', { jetton });
    case 'empty-pool-balance':
      return t('emptyPoolBalance');
  }
}
