// Which pool the app works with: the network's presets, or any pasted address once it is checked on this network
// (the getter parses, the minter's get_wallet_address equals the address the app computes). Shows the pool's
// version, code hash and jetton, and a link that shares the choice (`?pool=`).
import { readErrorText } from '../../../components/tx/read-error';
import { useQuery } from '../../../queries/use-query';
import { useWallet } from '../../../stores/wallet-connection';
import { Address } from '@ton/core';
import { useId, useState } from 'react';
import { Badge } from '../../../components/ui/badge';
import { Button } from '../../../components/ui/button';
import { CopyButton } from '../../../components/ui/copy-button';
import { poolInspectionQuery } from '../../../queries/pool-inspection';
import type { SelectedPool } from '../../../queries/use-selected-pool';
import { urlWithPool } from '../../../stores/pool-choice';
import { isConfusableWithTicker } from '../../../ton/jetton';
import type { NetworkConfig } from '../../../ton/networks';
import type { PoolInspection } from '../../../ton/pool-check';
import { checkPoolAddressText, samePool, type PoolAddressProblem } from '../../../ton/pool-presets';
import { tNow, useT } from '../../../i18n/messages';
import { pickerMessages } from '../messages';
import { formatAggregate } from '../../../components/format/amounts';

const VERSION_LABELS = { v1: 'v1', intermediate: 'v1 (2024.01)', v2: 'v2' } as const;

function friendly(address: string, network: NetworkConfig): string {
  return Address.parse(address).toString({ urlSafe: true, bounceable: true, testOnly: network.testOnly });
}

const short = (text: string) => (text.length > 16 ? `${text.slice(0, 6)}…${text.slice(-6)}` : text);

/** Version, code hash and jetton of an inspected pool; or why it cannot be used. */
export function PoolFacts({ inspection, network, testId }: { inspection: PoolInspection; network: NetworkConfig; testId: string }) {
  const t = useT(pickerMessages);
  const jetton = inspection.kind === 'not-a-pool' ? null : inspection.jetton;
  return (
    <dl data-testid={testId} data-kind={inspection.kind} className="grid grid-cols-[auto_minmax(0,1fr)] gap-x-3 gap-y-1 text-sm [overflow-wrap:anywhere]">
      <dt className="text-slate-500 dark:text-slate-400">{t('version')}</dt>
      <dd data-testid={`${testId}-version`}>
        {inspection.kind === 'pool' ? VERSION_LABELS[inspection.data.version] : inspection.kind === 'unsupported' ? t('unsupportedEntries', { entries: inspection.entries }) : '—'}
      </dd>
      <dt className="text-slate-500 dark:text-slate-400">{t('codeHash')}</dt>
      <dd data-testid={`${testId}-code-hash`} className="font-mono text-xs" title={inspection.account.codeHash ?? undefined}>
        {inspection.account.codeHash ? short(inspection.account.codeHash) : t('noCode')}
      </dd>
      <dt className="text-slate-500 dark:text-slate-400">{t('balance')}</dt>
      <dd>
        {formatAggregate(inspection.account.balance)} {network.nativeTicker}
      </dd>
      <dt className="text-slate-500 dark:text-slate-400">{t('jetton')}</dt>
      <dd data-testid={`${testId}-jetton`}>
        {jetton ? (
          <>
            {jetton.symbol && isConfusableWithTicker(jetton.symbol, network.nativeTicker) ? (
              <span data-testid={`${testId}-jetton-spoof`} className="text-red-700 dark:text-red-300">
                {t('spoof', { jetton: network.poolJettonTicker, native: network.nativeTicker })}
              </span>
            ) : (
              jetton.symbol || t('noSymbol')
            )}{' '}
            <span className="font-mono text-xs">{short(jetton.minter.toString({ urlSafe: true, bounceable: true, testOnly: network.testOnly }))}</span>
            {inspection.kind === 'pool' && inspection.walletCheck === 'mismatch' && (
              <span className="block text-red-700 dark:text-red-300">{t('walletMismatch')}</span>
            )}
          </>
        ) : (
          t('unknown')
        )}
      </dd>
    </dl>
  );
}

/** Why an inspected pool cannot be chosen; null when it can. */
export function inspectionProblem(inspection: PoolInspection): string | null {
  const t = tNow(pickerMessages);
  switch (inspection.kind) {
    case 'not-a-pool':
      return t('notAPool', {
        detail: t(`why.${inspection.why}`, {
          exitCode: inspection.why === 'no-getter' ? inspection.exitCode : '',
          parseError: inspection.why === 'bad-getter' ? inspection.parseError : '',
        }),
      });
    case 'unsupported':
      return t('unsupported', { entries: inspection.entries });
    case 'pool':
      return inspection.walletCheck === 'mismatch' ? t('jettonMismatch') : null;
  }
}

/** Why a pasted or linked text is not a pool address here, in the reader's language. */
function addressProblemText(problem: PoolAddressProblem, network: NetworkConfig): string {
  return tNow(pickerMessages)(`address.${problem.reason}`, { network: network.label, other: problem.otherNetwork ?? '', preset: problem.presetLabel ?? '' });
}

function PasteAddress({ network, selection, onChosen }: { network: NetworkConfig; selection: SelectedPool; onChosen: (address: string) => void }) {
  const t = useT(pickerMessages);
  const inputId = useId();
  const owner = useWallet()?.account.address;
  const [text, setText] = useState('');
  const [candidate, setCandidate] = useState<string | null>(null);
  const [staticError, setStaticError] = useState<string | null>(null);
  const inspection = useQuery(poolInspectionQuery(network, candidate ?? undefined, owner));
  const problem = inspection.data ? inspectionProblem(inspection.data) : null;

  const check = () => {
    const result = checkPoolAddressText(text, network);
    setStaticError(result.ok ? null : addressProblemText(result, network));
    setCandidate(result.ok ? result.address.toRawString() : null);
  };

  return (
    <form
      className="grid gap-2"
      onSubmit={(event) => {
        event.preventDefault();
        check();
      }}
    >
      <label htmlFor={inputId} className="text-sm font-medium">
        {t('pasteLabel')}
      </label>
      <div className="flex gap-2">
        <input
          id={inputId}
          data-testid="pool-paste-input"
          value={text}
          onChange={(event) => {
            setText(event.target.value);
            setCandidate(null);
            setStaticError(null);
          }}
          placeholder={t('pastePlaceholder')}
          spellCheck={false}
          autoComplete="off"
          className="min-w-0 flex-1 rounded-lg border border-slate-300 bg-white px-3 py-2 font-mono text-sm dark:border-slate-700 dark:bg-slate-900"
        />
        <Button type="submit" variant="secondary" data-testid="pool-paste-check">
          {t('check')}
        </Button>
      </div>
      {staticError && (
        <p role="alert" data-testid="pool-check-error" className="text-sm text-red-700 dark:text-red-300">
          {staticError}
        </p>
      )}
      {candidate && inspection.isPending && <p className="text-sm text-slate-500 dark:text-slate-400">{t('checking', { network: network.label })}</p>}
      {candidate && inspection.isError && (
        <p role="alert" data-testid="pool-check-error" className="text-sm text-red-700 dark:text-red-300">
          {t('checkFailed', { network: network.label, reason: readErrorText(inspection.error) })}
        </p>
      )}
      {candidate && inspection.data && (
        <div className="grid gap-2 rounded-xl bg-slate-50 p-3 dark:bg-slate-800/50">
          <PoolFacts inspection={inspection.data} network={network} testId="pool-check-result" />
          {problem ? (
            <p role="alert" data-testid="pool-check-error" className="text-sm text-red-700 dark:text-red-300">
              {problem}
            </p>
          ) : (
            <Button
              data-testid="pool-use"
              onClick={() => {
                selection.choose(candidate);
                onChosen(candidate);
              }}
            >
              {t('use')}
            </Button>
          )}
        </div>
      )}
    </form>
  );
}

export function PoolPicker({ network, selection, version }: { network: NetworkConfig; selection: SelectedPool; version?: keyof typeof VERSION_LABELS | 'unsupported' }) {
  const t = useT(pickerMessages);
  const [open, setOpen] = useState(false);
  const owner = useWallet()?.account.address;
  const current = useQuery({ ...poolInspectionQuery(network, open ? selection.address : undefined, owner) });
  const address = selection.address;
  if (!address) return null;

  const shareLink = urlWithPool(window.location.href, friendly(address, network));
  const remember = (chosen: string | null) => {
    // The address bar shares the choice: ?pool=<address> for a chosen pool, nothing for the default.
    const isDefault = chosen === null || (selection.protocol.data ? samePool(chosen, selection.protocol.data.pool) : false);
    window.history.replaceState(window.history.state, '', urlWithPool(window.location.href, isDefault || !chosen ? null : friendly(chosen, network)));
    setOpen(false);
  };

  return (
    <div data-testid="pool-picker" className="mb-4 grid gap-3 rounded-xl border border-slate-200 p-3 text-sm dark:border-slate-800">
      <div className="flex flex-wrap items-center gap-2">
        <span className="text-slate-500 dark:text-slate-400">{t('pool')}</span>
        <strong data-testid="pool-current-label">{selection.preset?.label ?? t('custom')}</strong>
        {version && (
          <span data-testid="pool-version" data-version={version}>
            <Badge tone={version === 'unsupported' ? 'warning' : 'neutral'}>{version === 'unsupported' ? t('unsupportedVersion') : VERSION_LABELS[version]}</Badge>
          </span>
        )}
        <span data-testid="pool-current-address" data-address={Address.parse(address).toRawString()} className="font-mono text-xs" title={friendly(address, network)}>
          {short(friendly(address, network))}
        </span>
        <span className="ml-auto flex gap-1">
          <CopyButton value={shareLink} label={t('copyLink')} />
          <Button variant="secondary" size="sm" aria-expanded={open} data-testid="pool-change" onClick={() => setOpen(!open)}>
            {t(open ? 'close' : 'change')}
          </Button>
        </span>
      </div>
      {selection.refusedLink && (
        <p role="alert" data-testid="pool-link-refused" className="text-amber-800 dark:text-amber-200">
          {t('linkRefused', { reason: addressProblemText(selection.refusedLink.problem, network) })}
        </p>
      )}
      {open && (
        <div className="grid gap-4">
          {current.data && <PoolFacts inspection={current.data} network={network} testId="pool-current-facts" />}
          <fieldset className="grid gap-2">
            <legend className="mb-1 font-medium">{t('poolsOn', { network: network.label })}</legend>
            {selection.presets.map((preset) => {
              const checked = samePool(preset.address, address);
              return (
                <label key={preset.address} data-testid="pool-preset" data-address={Address.parse(preset.address).toRawString()} className="flex cursor-pointer items-center gap-2">
                  <input
                    type="radio"
                    name="pool-preset"
                    checked={checked}
                    onChange={() => {
                      const isDefault = selection.protocol.data ? samePool(preset.address, selection.protocol.data.pool) : false;
                      selection.choose(isDefault ? null : preset.address);
                      remember(isDefault ? null : preset.address);
                    }}
                  />
                  <span>{preset.label}</span>
                  {preset.version && <Badge>{VERSION_LABELS[preset.version]}</Badge>}
                  <span className="font-mono text-xs text-slate-500 dark:text-slate-400">{short(friendly(preset.address, network))}</span>
                </label>
              );
            })}
          </fieldset>
          <PasteAddress network={network} selection={selection} onChosen={remember} />
        </div>
      )}
    </div>
  );
}
