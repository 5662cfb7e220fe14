import { useId, useState, type FormEvent } from 'react';
import { Badge } from '../../../components/ui/badge';
import { Button } from '../../../components/ui/button';
import { configuredEndpoints, type NetworkConfig } from '../../../ton/networks';
import { endpointLabel, endpointUrlProblem, EXAMPLE_ENDPOINT, probeEndpoint, type EndpointProblem, type RpcEndpoint } from '../../../ton/endpoints';
import { useRpcEndpoints, useRpcStatus, type UserEndpoint } from '../../../stores/rpc-endpoints';
import { connectAllowed, pageCsp } from '../utils/csp';
import { useT } from '../../../i18n/messages';
import { settingsMessages } from '../messages';

type Outcome = { tone: 'error' | 'success'; text: string } | null;

const inputClass =
  'w-full rounded-xl border border-slate-300 bg-white px-3 py-2 text-sm focus:border-brand-500 focus:outline-none dark:border-slate-700 dark:bg-slate-950';

const NO_USER_ENDPOINTS: UserEndpoint[] = [];

/**
 * The RPC endpoints in fail-over order, and a form to add one's own (a toncenter-v2-compatible URL and an optional
 * key). An endpoint is probed before it is kept; a refused one changes nothing.
 */
export function RpcEndpointsPanel({ network }: { network: NetworkConfig }) {
  const t = useT(settingsMessages);
  const describe = (problem: EndpointProblem) =>
    t(`problem.${problem.code}`, {
      example: EXAMPLE_ENDPOINT,
      ...(problem as Record<string, string | number>),
      // the server's own words, when it gave any, follow a colon
      detail: 'detail' in problem && problem.detail ? (problem.code === 'no-result' ? `: ${problem.detail}` : problem.detail) : '',
    });
  const user = useRpcEndpoints((state) => state.user[network.name] ?? NO_USER_ENDPOINTS);
  const add = useRpcEndpoints((state) => state.add);
  const remove = useRpcEndpoints((state) => state.remove);
  const status = useRpcStatus();
  const [url, setUrl] = useState('');
  const [apiKey, setApiKey] = useState('');
  const [checking, setChecking] = useState(false);
  const [outcome, setOutcome] = useState<Outcome>(null);
  const urlId = useId();
  const keyId = useId();
  const outcomeId = useId();

  const configured = configuredEndpoints(network);
  // Before the RPC layer has loaded, the list it will use: the user's endpoints, then the configured ones.
  const listed: RpcEndpoint[] = status.endpoints.length
    ? [...status.endpoints]
    : [...user.map((entry) => ({ ...entry, maxRps: 0, source: 'user' as const })), ...configured];
  const activeUrl = status.endpoints.length ? status.endpoints[status.activeIndex]?.url : listed[0]?.url;

  async function submit(event: FormEvent) {
    event.preventDefault();
    const candidate = url.trim();
    const problem = endpointUrlProblem(candidate);
    if (problem) return setOutcome({ tone: 'error', text: t('notAdded', { problem: describe(problem) }) });
    if (!connectAllowed(pageCsp(), candidate, window.location.origin)) {
      return setOutcome({
        tone: 'error',
        text: t('cspRefused', { origins: configured.map((entry) => new URL(entry.url).origin).join(', ') }),
      });
    }
    setChecking(true);
    setOutcome(null);
    const result = await probeEndpoint({ url: candidate, apiKey: apiKey.trim() || undefined });
    setChecking(false);
    if (!result.ok) {
      return setOutcome({ tone: 'error', text: t('notAddedKeepsWorking', { problem: describe(result.problem) }) });
    }
    add(network.name, { url: candidate, apiKey: apiKey.trim() || undefined });
    setUrl('');
    setApiKey('');
    setOutcome({ tone: 'success', text: t('added', { endpoint: endpointLabel({ url: candidate }), seqno: result.seqno }) });
  }

  return (
    <div className="grid gap-4 text-sm">
      <p className="text-slate-600 dark:text-slate-400">
        {t('explanation')}
      </p>
      <ol className="grid gap-2" aria-label={t('listLabel')}>
        {listed.map((endpoint) => (
          <li key={endpoint.url} className="flex flex-wrap items-center gap-2">
            <span className="break-all font-mono text-xs">{endpointLabel(endpoint)}</span>
            {endpoint.url === activeUrl && <Badge tone="success">{t('inUse')}</Badge>}
            {endpoint.source === 'user' && <Badge tone="info">{t(endpoint.apiKey ? 'yoursWithKey' : 'yours')}</Badge>}
            {endpoint.source === 'user' && (
              <Button variant="ghost" size="sm" onClick={() => remove(network.name, endpoint.url)} aria-label={t('removeLabel', { endpoint: endpointLabel(endpoint) })}>
                {t('remove')}
              </Button>
            )}
          </li>
        ))}
      </ol>
      <form className="grid gap-3 sm:grid-cols-[2fr_1fr_auto] sm:items-end" onSubmit={submit} aria-describedby={outcomeId}>
        <div>
          <label htmlFor={urlId} className="mb-1 block font-medium text-slate-700 dark:text-slate-300">
            {t('urlLabel')}
          </label>
          <input
            id={urlId}
            className={inputClass}
            type="url"
            inputMode="url"
            autoComplete="off"
            spellCheck={false}
            placeholder={EXAMPLE_ENDPOINT}
            value={url}
            onChange={(event) => setUrl(event.target.value)}
            required
          />
        </div>
        <div>
          <label htmlFor={keyId} className="mb-1 block font-medium text-slate-700 dark:text-slate-300">
            {t('keyLabel')}
          </label>
          <input
            id={keyId}
            className={inputClass}
            type="password"
            autoComplete="off"
            value={apiKey}
            onChange={(event) => setApiKey(event.target.value)}
          />
        </div>
        <Button type="submit" disabled={checking}>
          {t(checking ? 'checking' : 'add')}
        </Button>
      </form>
      <p
        id={outcomeId}
        role={outcome?.tone === 'error' ? 'alert' : 'status'}
        data-testid="rpc-endpoint-outcome"
        className={outcome?.tone === 'error' ? 'text-red-700 dark:text-red-400' : 'text-emerald-700 dark:text-emerald-400'}
      >
        {outcome?.text}
      </p>
    </div>
  );
}
