import { useQueryClient } from '@tanstack/react-query';
import { useQuery } from '../../../queries/use-query';
import { formatExact, formatSummary } from '../../../components/format/amounts';
import { useState } from 'react';
import { BURN_ATTACHED_VALUE } from '../../../../contracts/wrappers/fees';
import { AmountField } from '../../../components/tx/amount-field';
import { ChainReadError } from '../../../components/tx/chain-read-error';
import { useNowSeconds } from '../../../components/time/clock';
import { payoutTimeText } from '../../../components/tx/payout-time';
import { TxStatus } from '../../../components/tx/tx-status';
import { useTrackedSend } from '../../../components/tx/use-tracked-send';
import { useAfterConfirmed } from '../../../components/tx/use-after-confirmed';
import { Button } from '../../../components/ui/button';
import { Card } from '../../../components/ui/card';
import { Skeleton } from '../../../components/ui/skeleton';
import { poolLiquidityQuery, poolRefetchMs, readPoolLiquidityNow, readPoolNow } from '../../../queries/pool';
import { expectedPayoutAt } from '../../../queries/protocol';
import { useStakingContext } from '../../../queries/use-staking-context';
import { isInFlight } from '../../../stores/pending-transactions';
import type { NetworkConfig } from '../../../ton/networks';
import { quoteInstantWithdrawal, sharePercent } from '../../../ton/pool';
import { nanoToDecimal } from '../../../ton/units';
import { restoreUnstakePlan, unstakePlan } from '../api/unstake-plan';
import { useT } from '../../../i18n/messages';
import { localiseDecimal } from '../../../i18n/numbers';
import { withdrawalMessages } from '../messages';
import { unstakeCostEstimate, checkUnstake, unstakeBlockMessage, type ModeQuote, type UnstakeModeId } from '../utils/unstake-validation';

const shown = formatSummary;

const MODES: readonly UnstakeModeId[] = ['instant', 'round-end', 'fill-or-kill'];

export function UnstakePanel({ network }: { network: NetworkConfig }) {
  const t = useT(withdrawalMessages);
  const percent = (share: number) => localiseDecimal(sharePercent(share));
  const context = useStakingContext(network);
  const now = useNowSeconds();
  const sender = useTrackedSend(network, 'unstake', (saved, request) => restoreUnstakePlan(network, saved, request));
  const [input, setInput] = useState('');
  // after a success the form starts over; the result stays shown (and in view) until dismissed
  useAfterConfirmed(sender.tx, () => setInput(''));
  const [mode, setMode] = useState<UnstakeModeId>('instant');
  const [rechecking, setRechecking] = useState(false);
  const queryClient = useQueryClient();
  const { wallet, pool, tonBalance, ptonBalance, tickers } = context;
  // The pool's own balance decides instant vs bill: read only once there is pTON to unstake and an amount to quote.
  const wantsLiquidity = (ptonBalance.data ?? 0n) > 0n && input.trim() !== '';
  const liquidity = useQuery(poolLiquidityQuery(network, context.poolAddress, wantsLiquidity, undefined, poolRefetchMs(context.protocol.data?.roundSeconds)));

  if (!wallet) return null; // the stake panel already invites to connect
  const failed = [context.protocol, pool, tonBalance, ptonBalance].find((query) => query.isError);
  if (failed) {
    return (
      <Card title={t('title')} className="min-w-0">
        <ChainReadError error={failed.error} onRetry={() => void failed.refetch()} retrying={failed.isFetching} />
      </Card>
    );
  }
  if (!pool.data || tonBalance.data === undefined || ptonBalance.data === undefined) {
    return (
      <Card title={t('title')} className="min-w-0">
        <Skeleton className="h-24 w-full" label={t('loading')} />
      </Card>
    );
  }

  const check = checkUnstake({
    input,
    ptonBalance: ptonBalance.data,
    tonBalance: tonBalance.data,
    pool: pool.data,
    // A failed read predicts nothing: instant routes stay unquoted and the error says why (below the modes).
    poolBalance: liquidity.isError ? undefined : liquidity.data,
    mode,
  });
  const inFlight = isInFlight(sender.tx);
  const blockReason = context.wrongChain
    ? t('wrongChain', { network: network.label })
    : check.ok
      ? null
      : unstakeBlockMessage(check.block, tickers);
  const liquidityPending = !context.wrongChain && !check.ok && check.block.reason === 'liquidity-unknown';
  // Not the amount's fault: the mode list shows the liquidity being read (or the read's error).
  const fieldError = (input === '' && !context.wrongChain && !check.ok && check.block.reason === 'empty') || liquidityPending ? null : blockReason;
  const payoutText = payoutTimeText(expectedPayoutAt(context.protocol.data), now);
  const quotes = check.quotes;

  const timing = (quote: ModeQuote) =>
    quote.mode === 'round-end'
      ? t('paidAt', { when: payoutText })
      : quote.mode === 'fill-or-kill'
        ? quote.route === 'instant'
          ? t('nowOrNever')
          : t('cannotFill', { jetton: tickers.jetton })
        : t('now');

  // What Max would pay now: the whole balance at the current rate, minus the v2 instant withdrawal fee.
  const maxInstant = quoteInstantWithdrawal(pool.data, ptonBalance.data);
  const holding = { balance: shown(ptonBalance.data), jetton: tickers.jetton, net: shown(maxInstant.net), native: tickers.native, percent: percent(maxInstant.feeShare) };
  const maxHint = t(ptonBalance.data > 0n && pool.data.optimistic ? (maxInstant.fee > 0n ? 'holdingInstantFee' : 'holdingInstant') : 'holding', holding);

  const submit = async () => {
    const poolAddress = context.poolAddress;
    const ptonWallet = context.ptonWallet;
    if (!check.ok || context.wrongChain || !ptonWallet || !poolAddress || rechecking) return;
    // Checked again on the pool as it is now: if the halter switched optimistic mode off (an instant unstake would
    // become a bill) or the liquidity went, nothing is sent and the modes show the new quotes.
    setRechecking(true);
    const [now, liquidityNow] = await Promise.all([
      readPoolNow(queryClient, network, poolAddress).catch(() => null),
      check.chosen.mode === 'round-end' ? Promise.resolve(liquidity.data) : readPoolLiquidityNow(queryClient, network, poolAddress).catch(() => undefined),
    ]);
    setRechecking(false);
    const recheck = now ? checkUnstake({ input, ptonBalance: ptonBalance.data, tonBalance: tonBalance.data, pool: now, poolBalance: liquidityNow, mode }) : null;
    if (!recheck?.ok || recheck.chosen.route !== check.chosen.route) return;
    sender.send(
      unstakePlan({
        network,
        pool: poolAddress,
        owner: wallet.account.address,
        ptonWallet,
        amount: recheck.amount,
        mode,
        expectedBillTon: recheck.quotes['round-end'].expectedTon,
        instantFeeShare: recheck.chosen.route === 'instant' ? recheck.chosen.feeShare : 0,
        tickers,
      }),
    );
  };

  return (
    <Card title={t('title')} className="min-w-0">
      <form
        onSubmit={(event) => {
          event.preventDefault();
          void submit();
        }}
      >
        <AmountField
          label={t('amountLabel')}
          testId="unstake-amount"
          value={input}
          onChange={setInput}
          ticker={tickers.jetton}
          onMax={() => setInput(nanoToDecimal(ptonBalance.data))}
          error={fieldError}
          hint={maxHint}
          disabled={inFlight}
        />
        <fieldset className="mt-3 grid gap-2 sm:grid-cols-3" disabled={inFlight}>
          <legend className="mb-1 text-sm font-medium text-slate-700 dark:text-slate-300">{t('howToReceive', { native: tickers.native })}</legend>
          {/* Side by side from 640 px: what each mode yields, its fee and when it arrives, read across at a glance. */}
          {MODES.map((id) => {
            const quote = quotes?.[id];
            const unavailable = quote?.block ? unstakeBlockMessage(quote.block, tickers) : null;
            return (
              <label
                key={id}
                data-testid={`unstake-mode-${id}`}
                data-expected-ton={quote?.expectedTon.toString() ?? ''}
                className={`flex min-w-0 cursor-pointer flex-col gap-1 rounded-xl border p-3 text-sm ${mode === id ? 'border-brand-500 bg-brand-50/40 dark:bg-brand-500/10' : 'border-slate-200 dark:border-slate-800'}`}
              >
                <span className="flex items-center gap-2">
                  <input type="radio" name="unstake-mode" value={id} checked={mode === id} onChange={() => setMode(id)} />
                  <span className="font-medium">{t(`mode.${id}`)}</span>
                </span>
                {quote ? (
                  <>
                    <span className="font-semibold tabular-nums" title={`${formatExact(quote.expectedTon)} ${tickers.native}`} data-testid={`unstake-mode-${id}-yield`}>
                      ≈ {shown(quote.expectedTon)} {tickers.native}
                    </span>
                    <span className="text-slate-600 dark:text-slate-400">{timing(quote)}</span>
                    {quote.fee > 0n ? (
                      <span className="text-slate-600 dark:text-slate-400" data-testid={`unstake-mode-${id}-fee`} data-fee={quote.fee.toString()}>
                        {t('fee', { percent: percent(quote.feeShare) })} <span title={`${formatExact(quote.fee)} ${tickers.native}`}>−{shown(quote.fee)} {tickers.native}</span>
                      </span>
                    ) : quote.route === 'bill' && quote.feeShare > 0 ? (
                      <span className="text-slate-600 dark:text-slate-400" data-testid={`unstake-mode-${id}-fee`} data-fee="0">
                        {t('noFee')}
                      </span>
                    ) : (
                      <span className="text-slate-600 dark:text-slate-400">{t('noFee')}</span>
                    )}
                  </>
                ) : quotes && !liquidity.isError ? (
                  <span className="flex items-center gap-2 text-slate-500 dark:text-slate-400" data-testid={`unstake-mode-${id}-loading`}>
                    <Skeleton className="h-4 w-16" label={t('checkingLiquidity')} />
                    {t('checkingWhatPoolPays')}
                  </span>
                ) : quotes ? (
                  <span className="text-slate-500 dark:text-slate-400">{t('cannotQuote')}</span>
                ) : (
                  <span className="text-slate-500 dark:text-slate-400">{id === 'round-end' ? t('roundEndUnquoted', { when: payoutText }) : t('instantUnquoted')}</span>
                )}
                <span data-testid={`unstake-mode-${id}-shortfall`} className="text-xs text-slate-500 dark:text-slate-400">
                  {t(`shortfall.${id}`, { jetton: tickers.jetton })}
                </span>
                {unavailable && <span className="text-amber-700 dark:text-amber-300">{unavailable}</span>}
              </label>
            );
          })}
          {quotes && quotes['round-end'].feeShare > 0 && (
            <p data-testid="unstake-fee-note" className="text-xs text-slate-500 sm:col-span-3 dark:text-slate-400">
              {t('feeNote', { percent: percent(quotes['round-end'].feeShare) })}
            </p>
          )}
          {liquidity.isError && wantsLiquidity && (
            <div className="sm:col-span-3">
              <ChainReadError error={liquidity.error} onRetry={() => void liquidity.refetch()} retrying={liquidity.isFetching} />
            </div>
          )}
        </fieldset>
        {check.ok && (
          <p data-testid="unstake-cost" className="mt-3 text-sm text-slate-600 dark:text-slate-400">
            {t('cost', { attached: shown(BURN_ATTACHED_VALUE), fees: shown(unstakeCostEstimate(check.chosen.route)), native: tickers.native })}
          </p>
        )}
        <Button type="submit" className="mt-4 w-full" disabled={!check.ok || inFlight || context.wrongChain || rechecking}>
          {t(inFlight ? 'submitting' : 'submit')}
        </Button>
        {/* one message per problem: under the button only what the field does not already say */}
        {blockReason && !liquidityPending && blockReason !== fieldError && (
          <p data-testid="unstake-block-reason" className="mt-2 text-sm text-slate-600 dark:text-slate-400">
            {blockReason}
          </p>
        )}
      </form>
      {sender.tx && <TxStatus tx={sender.tx} network={network} onResend={submit} onResume={sender.resume} onDismiss={sender.dismiss} />}
    </Card>
  );
}
