import { Address } from '@ton/core';
import { useState } from 'react';
import type { NetworkConfig } from '../../ton/networks';
import { parseWatchAddress, useWatchAddress, type WatchAddressError } from '../../stores/watch-address';
import { Button } from '../ui/button';
import { Card } from '../ui/card';
import { useT } from '../../i18n/messages';
import { watchMessages } from './messages';

/** In place of the staking widget while an address is watched: what is shown, and the way back. */
export function WatchingCard({ network }: { network: NetworkConfig }) {
  const t = useT(watchMessages);
  const watched = useWatchAddress((state) => state.watched);
  const stop = useWatchAddress((state) => state.stop);
  if (!watched) return null;
  const friendly = Address.parse(watched).toString({ bounceable: false, testOnly: network.chain !== '-239' });
  return (
    <Card title={t('title')} className="min-w-0">
      <p data-testid="watching" data-address={watched} className="text-sm text-slate-700 dark:text-slate-300">
        {t.rich('readOnly', { address: <code className="break-all">{friendly}</code> })}
      </p>
      <Button variant="secondary" size="sm" className="mt-3" onClick={stop}>
        {t('stop')}
      </Button>
    </Card>
  );
}

/** "Watch an address": any account, read-only, no wallet needed. */
export function WatchAddressForm() {
  const t = useT(watchMessages);
  const watch = useWatchAddress((state) => state.watch);
  const refusedLink = useWatchAddress((state) => state.refusedLink);
  const [input, setInput] = useState('');
  const [error, setError] = useState<WatchAddressError | null>(null);
  return (
    <details className="mt-6 rounded-2xl border border-slate-200 bg-white p-5 dark:border-slate-800 dark:bg-slate-900" open={refusedLink !== null}>
      <summary className="cursor-pointer text-lg font-semibold">{t('formTitle')}</summary>
      {refusedLink && (
        <p role="alert" data-testid="watch-link-refused" className="mt-2 text-sm text-red-700 dark:text-red-300">
          {t('linkRefused', { reason: t(`error.${refusedLink}`) })}
        </p>
      )}
      <form
        className="mt-3 flex flex-wrap items-start gap-2"
        onSubmit={(event) => {
          event.preventDefault();
          const parsed = parseWatchAddress(input);
          if ('error' in parsed) return setError(parsed.error);
          setError(null);
          setInput('');
          watch(parsed.raw);
          window.scrollTo({ top: 0 });
        }}
      >
        <label className="grid min-w-0 flex-1 gap-1 text-sm">
          {t('inputLabel')}
          <input
            data-testid="watch-input"
            value={input}
            onChange={(event) => setInput(event.target.value)}
            className="min-h-11 rounded-lg border border-slate-300 bg-white px-3 font-mono text-sm dark:border-slate-700 dark:bg-slate-950"
            aria-invalid={error !== null}
            spellCheck={false}
            autoComplete="off"
          />
          {error && (
            <span role="alert" data-testid="watch-error" className="text-red-700 dark:text-red-300">
              {t(`error.${error}`)}
            </span>
          )}
        </label>
        <Button type="submit" variant="secondary" className="mt-6">
          {t('watch')}
        </Button>
      </form>
    </details>
  );
}
