import { useId, useState, type FormEvent } from 'react';
import { Badge } from '../../../components/ui/badge';
import { Button } from '../../../components/ui/button';
import { configuredEndpoints, type NetworkConfig } from '../../../ton/networks';
import { endpointLabel, endpointUrlProblem, probeEndpoint, type RpcEndpoint } from '../../../ton/endpoints';
import { useRpcEndpoints, useRpcStatus, type UserEndpoint } from '../../../stores/rpc-endpoints';
import { connectAllowed, pageCsp } from '../utils/csp';

type Outcome = { tone: 'error' | 'success'; text: string } | null;

const inputClass =
  'w-full rounded-xl border border-slate-300 bg-white px-3 py-2 text-sm focus:border-brand-500 focus:outline-none dark:border-slate-700 dark:bg-slate-950';

const NO_USER_ENDPOINTS: UserEndpoint[] = [];

/**
 * The RPC endpoints in fail-over order, and a form to add one's own (a toncenter-v2-compatible URL and an optional
 * key). An endpoint is probed before it is kept; a refused one changes nothing.
 */
export function RpcEndpointsPanel({ network }: { network: NetworkConfig }) {
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
    if (problem) return setOutcome({ tone: 'error', text: `Not added: ${problem}.` });
    if (!connectAllowed(pageCsp(), candidate, window.location.origin)) {
      return setOutcome({
        tone: 'error',
        text:
          `Not added: this build's Content-Security-Policy only lets the page reach the endpoints it was built with ` +
          `(${configured.map((entry) => new URL(entry.url).origin).join(', ')}). You can add another key for one of ` +
          `them, or build the app with your endpoint in VITE_TON_ENDPOINTS.`,
      });
    }
    setChecking(true);
    setOutcome(null);
    const result = await probeEndpoint({ url: candidate, apiKey: apiKey.trim() || undefined });
    setChecking(false);
    if (!result.ok) {
      return setOutcome({ tone: 'error', text: `Not added: ${result.reason}. The current endpoints keep working.` });
    }
    add(network.name, { url: candidate, apiKey: apiKey.trim() || undefined });
    setUrl('');
    setApiKey('');
    setOutcome({ tone: 'success', text: `Added ${endpointLabel({ url: candidate })} (block ${result.seqno}); it is tried first.` });
  }

  return (
    <div className="grid gap-4 text-sm">
      <p className="text-slate-600 dark:text-slate-400">
        The app reads the chain from the first endpoint that answers, in this order, and returns to the first one after
        a pause when it recovers. Endpoints you add are kept in this browser only; each key is sent to its own endpoint
        and nowhere else.
      </p>
      <ol className="grid gap-2" aria-label="RPC endpoints">
        {listed.map((endpoint) => (
          <li key={endpoint.url} className="flex flex-wrap items-center gap-2">
            <span className="break-all font-mono text-xs">{endpointLabel(endpoint)}</span>
            {endpoint.url === activeUrl && <Badge tone="success">in use</Badge>}
            {endpoint.source === 'user' && <Badge tone="info">yours{endpoint.apiKey ? ', with key' : ''}</Badge>}
            {endpoint.source === 'user' && (
              <Button variant="ghost" size="sm" onClick={() => remove(network.name, endpoint.url)} aria-label={`Remove ${endpointLabel(endpoint)}`}>
                Remove
              </Button>
            )}
          </li>
        ))}
      </ol>
      <form className="grid gap-3 sm:grid-cols-[2fr_1fr_auto] sm:items-end" onSubmit={submit} aria-describedby={outcomeId}>
        <div>
          <label htmlFor={urlId} className="mb-1 block font-medium text-slate-700 dark:text-slate-300">
            Endpoint URL (toncenter API v2)
          </label>
          <input
            id={urlId}
            className={inputClass}
            type="url"
            inputMode="url"
            autoComplete="off"
            spellCheck={false}
            placeholder="https://toncenter.com/api/v2/jsonRPC"
            value={url}
            onChange={(event) => setUrl(event.target.value)}
            required
          />
        </div>
        <div>
          <label htmlFor={keyId} className="mb-1 block font-medium text-slate-700 dark:text-slate-300">
            API key (optional)
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
          {checking ? 'Checking…' : 'Add endpoint'}
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
