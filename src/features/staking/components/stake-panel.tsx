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

const shown = formatSummary;

export function StakePanel({ network }: { network: NetworkConfig }) {
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
      <Card title="Stake" className="min-w-0">
        <ChainReadError error={failed.error} onRetry={() => void failed.refetch()} retrying={failed.isFetching} />
      </Card>
    );
  }
  if (!pool.data || tonBalance.data === undefined) {
    return (
      <Card title="Stake" className="min-w-0">
        <Skeleton className="h-24 w-full" label="Loading the pool" />
      </Card>
    );
  }

  const balance = tonBalance.data;
  const check = checkStake({ input, balance, pool: pool.data });
  const inFlight = isInFlight(sender.tx);
  const blockReason = context.wrongChain
    ? `Your wallet is connected to another network. Switch it to ${network.label} to stake.`
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
    <Card title="Stake" className="min-w-0">
      <dl className="mb-4 grid grid-cols-2 gap-2 text-sm">
        <dt className="text-slate-500 dark:text-slate-400">Available</dt>
        <dd data-testid="stake-ton-balance" data-nano={balance.toString()} className="text-right tabular-nums">
          {shown(balance)} {tickers.native}
        </dd>
        <dt className="text-slate-500 dark:text-slate-400">Staked</dt>
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
          label="Amount to stake"
          testId="stake-amount"
          value={input}
          onChange={setInput}
          ticker={tickers.native}
          onMax={() => setInput(nanoToDecimal(maxStakeKeepingExitReserve(balance)))}
          error={fieldError}
          disabled={inFlight}
        />
        <p data-testid="stake-max-hint" className="mt-1 text-xs text-slate-500 dark:text-slate-400">
          Minimum {shown(MIN_STAKE_NANO)} {tickers.native}. Max keeps {shown(EXIT_RESERVE)} {tickers.native} in your wallet so you
          can unstake later without a top-up.
        </p>
        {check.ok && !check.preview.keepsExitReserve && (
          <p data-testid="stake-exit-warning" role="status" className="mt-2 rounded-xl border border-amber-300 p-2 text-sm text-amber-800 dark:border-amber-700 dark:text-amber-300">
            This stake leaves less than {shown(EXIT_RESERVE)} {tickers.native} in your wallet: unstaking later needs that much
            for fees, so you would have to top up first.
          </p>
        )}
        {check.ok && (
          <dl data-testid="stake-preview" data-pton={check.preview.pton.toString()} className="mt-3 grid grid-cols-[auto_minmax(0,1fr)] gap-x-3 gap-y-1 text-sm [overflow-wrap:anywhere]">
            <dt className="text-slate-500 dark:text-slate-400">{check.preview.kind === 'jettons' ? 'You receive' : 'Bill converts to about'}</dt>
            <dd className="text-right font-medium tabular-nums">
              <span title={`${formatExact(check.preview.pton)} ${tickers.jetton}`}>{shown(check.preview.pton)}</span> {tickers.jetton}
            </dd>
            <dt className="text-slate-500 dark:text-slate-400">Projected rate</dt>
            <dd className="text-right tabular-nums" data-testid="stake-projected-rate">
              1 {tickers.jetton} = {formatRate(check.preview.rate)} {tickers.native}
            </dd>
            <dd className="col-span-2 text-xs text-slate-500 dark:text-slate-400" data-testid="stake-rate-explanation">
              Deposits get the rate expected at this round's end (the pool tile shows the current one), so new {tickers.jetton} does not
              take a share of rewards it did not fund.
            </dd>
            <dt className="text-slate-500 dark:text-slate-400">Deposit fee</dt>
            <dd className="text-right tabular-nums" title="Attached to the deposit; the pool refunds what gas did not use.">
              {shown(check.preview.fee)} {tickers.native} attached, mostly refunded
            </dd>
            <dt className="text-slate-500 dark:text-slate-400">Network fees</dt>
            <dd data-testid="stake-cost" className="text-right tabular-nums" title="Estimated gas of the deposit, its mint and the wallet's own fee.">
              ≈ {shown(STAKE_COST_ESTIMATE)} {tickers.native}
            </dd>
          </dl>
        )}
        {selection.needsConfirmation && (
          <label data-testid="stake-confirm-pool" className="mt-3 flex items-start gap-2 rounded-xl border border-amber-300 p-3 text-sm dark:border-amber-700">
            <input type="checkbox" className="mt-1" checked={poolConfirmed} onChange={(event) => setPoolConfirmed(event.target.checked)} />
            <span>
              This pool is not one of the app&apos;s presets (<span className="break-all font-mono text-xs">{context.poolAddress}</span>). I checked it
              and want to stake into it.
            </span>
          </label>
        )}
        <Button
          type="submit"
          className="mt-4 w-full"
          disabled={!check.ok || inFlight || context.wrongChain || confirmationMissing || rechecking}
          aria-describedby="stake-block-reason"
        >
          {inFlight ? 'Staking…' : 'Stake'}
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
