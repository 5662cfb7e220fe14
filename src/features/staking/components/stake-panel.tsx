import { useQueryClient } from '@tanstack/react-query';
import { formatExact, formatRate, formatSummary } from '../../../components/format/amounts';
import { useState } from 'react';
import { AmountField } from '../../../components/tx/amount-field';
import { TxStatus } from '../../../components/tx/tx-status';
import { useTrackedSend } from '../../../components/tx/use-tracked-send';
import { useAfterConfirmed } from '../../../components/tx/use-after-confirmed';
import { Button } from '../../../components/ui/button';
import { Card } from '../../../components/ui/card';
import { Skeleton } from '../../../components/ui/skeleton';
import { readPoolNow } from '../../../queries/pool';
import { useStakingContext } from '../../../queries/use-staking-context';
import { isInFlight } from '../../../stores/pending-transactions';
import type { NetworkConfig } from '../../../ton/networks';
import { EXIT_RESERVE, maxStakeKeepingExitReserve } from '../../../ton/tx';
import { nanoToDecimal } from '../../../ton/units';
import { restoreStakePlan, stakePlan } from '../api/stake-plan';
import { checkStake, MIN_STAKE_NANO, stakeBlockMessage } from '../utils/stake-validation';
import { STAKE_COST_ESTIMATE } from '../../../../contracts/wrappers/fees';
import { StakeConnectPrompt } from './stake-connect-prompt';
import { ChainReadError } from '../../../components/tx/chain-read-error';
import { useT } from '../../../i18n/messages';
import { stakingMessages } from '../messages';

const shown = formatSummary;

export function StakePanel({ network }: { network: NetworkConfig }) {
  const t = useT(stakingMessages);
  const context = useStakingContext(network);
  const sender = useTrackedSend(network, 'stake', (saved, request) => restoreStakePlan(network, saved, request));
  const [input, setInput] = useState('');
  // after a success the form starts over; the result stays shown (and in view) until dismissed
  useAfterConfirmed(sender.tx, () => setInput(''));
  const [poolConfirmed, setPoolConfirmed] = useState(false);
  const [rechecking, setRechecking] = useState(false);
  const queryClient = useQueryClient();
  const { wallet, pool, tonBalance, ptonBalance, tickers, selection } = context;

  if (!wallet) {
    return <StakeConnectPrompt nativeTicker={tickers.native} />;
  }
  const failed = [context.protocol, pool, tonBalance].find((query) => query.isError);
  if (failed) {
    return (
      <Card title={t('title')} className="min-w-0">
        <ChainReadError error={failed.error} onRetry={() => void failed.refetch()} retrying={failed.isFetching} />
      </Card>
    );
  }
  if (!pool.data || tonBalance.data === undefined) {
    return (
      <Card title={t('title')} className="min-w-0">
        <Skeleton className="h-24 w-full" label={t('loadingPool')} />
      </Card>
    );
  }

  const balance = tonBalance.data;
  const check = checkStake({ input, balance, pool: pool.data });
  const inFlight = isInFlight(sender.tx);
  const blockReason = context.wrongChain
    ? t('wrongChain', { network: network.label })
    : check.ok
      ? null
      : stakeBlockMessage(check.block, tickers);
  // An untouched empty field is not an error yet; the button still says why it is disabled.
  const fieldError = input === '' && !context.wrongChain && !check.ok && check.block.reason === 'empty' ? null : blockReason;

  // A pasted (non-preset) pool gets one explicit confirmation before its first stake; it is remembered per network.
  const confirmationMissing = selection.needsConfirmation && !poolConfirmed;

  const submit = async () => {
    const poolAddress = context.poolAddress;
    const ptonWallet = context.ptonWallet;
    if (!check.ok || context.wrongChain || !ptonWallet || !poolAddress || confirmationMissing || rechecking) return;
    // Checked again on the pool as it is now: if the halter closed deposits (or anything else changed the outcome),
    // nothing is sent and the form shows the new state.
    setRechecking(true);
    const now = await readPoolNow(queryClient, network, poolAddress).catch(() => null);
    setRechecking(false);
    const recheck = now ? checkStake({ input, balance, pool: now }) : null;
    if (!recheck?.ok || recheck.preview.kind !== check.preview.kind) return;
    if (selection.needsConfirmation) selection.confirm();
    sender.send(
      stakePlan({
        network,
        pool: poolAddress,
        owner: wallet.account.address,
        ptonWallet,
        amount: recheck.preview.amount,
        tickers,
      }),
    );
  };

  return (
    <Card title={t('title')} className="min-w-0">
      <dl className="mb-4 grid grid-cols-2 gap-2 text-sm">
        <dt className="text-slate-500 dark:text-slate-400">{t('available')}</dt>
        <dd data-testid="stake-ton-balance" data-nano={balance.toString()} className="text-right tabular-nums">
          {shown(balance)} {tickers.native}
        </dd>
        <dt className="text-slate-500 dark:text-slate-400">{t('staked')}</dt>
        <dd data-testid="pton-balance" data-nano={ptonBalance.data?.toString() ?? ''} className="text-right tabular-nums">
          {ptonBalance.data === undefined ? '…' : `${shown(ptonBalance.data)} ${tickers.jetton}`}
        </dd>
      </dl>
      <form
        onSubmit={(event) => {
          event.preventDefault();
          void submit();
        }}
      >
        <AmountField
          label={t('amountLabel')}
          testId="stake-amount"
          value={input}
          onChange={setInput}
          ticker={tickers.native}
          onMax={() => setInput(nanoToDecimal(maxStakeKeepingExitReserve(balance)))}
          error={fieldError}
          disabled={inFlight}
        />
        <p data-testid="stake-max-hint" className="mt-1 text-xs text-slate-500 dark:text-slate-400">
          {t('maxHint', { minimum: shown(MIN_STAKE_NANO), reserve: shown(EXIT_RESERVE), native: tickers.native })}
        </p>
        {check.ok && !check.preview.keepsExitReserve && (
          <p data-testid="stake-exit-warning" role="status" className="mt-2 rounded-xl border border-amber-300 p-2 text-sm text-amber-800 dark:border-amber-700 dark:text-amber-300">
            {t('exitWarning', { reserve: shown(EXIT_RESERVE), native: tickers.native })}
          </p>
        )}
        {check.ok && (
          <dl data-testid="stake-preview" data-pton={check.preview.pton.toString()} className="mt-3 grid grid-cols-[auto_minmax(0,1fr)] gap-x-3 gap-y-1 text-sm [overflow-wrap:anywhere]">
            <dt className="text-slate-500 dark:text-slate-400">{t(check.preview.kind === 'jettons' ? 'youReceive' : 'billConverts')}</dt>
            <dd className="text-right font-medium tabular-nums">
              <span title={`${formatExact(check.preview.pton)} ${tickers.jetton}`}>{shown(check.preview.pton)}</span> {tickers.jetton}
            </dd>
            <dt className="text-slate-500 dark:text-slate-400">{t('projectedRate')}</dt>
            <dd className="text-right tabular-nums" data-testid="stake-projected-rate">
              1 {tickers.jetton} = {formatRate(check.preview.rate)} {tickers.native}
            </dd>
            <dd className="col-span-2 text-xs text-slate-500 dark:text-slate-400" data-testid="stake-rate-explanation">
              {t('rateExplanation', { jetton: tickers.jetton })}
            </dd>
            <dt className="text-slate-500 dark:text-slate-400">{t('depositFee')}</dt>
            <dd className="text-right tabular-nums" title={t('depositFeeTitle')}>
              {t('depositFeeValue', { fee: shown(check.preview.fee), native: tickers.native })}
            </dd>
            <dt className="text-slate-500 dark:text-slate-400">{t('networkFees')}</dt>
            <dd data-testid="stake-cost" className="text-right tabular-nums" title={t('networkFeesTitle')}>
              ≈ {shown(STAKE_COST_ESTIMATE)} {tickers.native}
            </dd>
          </dl>
        )}
        {selection.needsConfirmation && (
          <label data-testid="stake-confirm-pool" className="mt-3 flex items-start gap-2 rounded-xl border border-amber-300 p-3 text-sm dark:border-amber-700">
            <input type="checkbox" className="mt-1" checked={poolConfirmed} onChange={(event) => setPoolConfirmed(event.target.checked)} />
            <span>
              {t.rich('confirmPool', { address: <span className="break-all font-mono text-xs">{context.poolAddress}</span> })}
            </span>
          </label>
        )}
        <Button
          type="submit"
          className="mt-4 w-full"
          disabled={!check.ok || inFlight || context.wrongChain || confirmationMissing || rechecking}
          aria-describedby="stake-block-reason"
        >
          {t(inFlight ? 'submitting' : 'submit')}
        </Button>
        {/* one message per problem: under the button only what the field does not already say */}
        {blockReason && blockReason !== fieldError && (
          <p id="stake-block-reason" data-testid="stake-block-reason" className="mt-2 text-sm text-slate-600 dark:text-slate-400">
            {blockReason}
          </p>
        )}
      </form>
      {sender.tx && <TxStatus tx={sender.tx} network={network} onResend={submit} onResume={sender.resume} onDismiss={sender.dismiss} />}
    </Card>
  );
}
