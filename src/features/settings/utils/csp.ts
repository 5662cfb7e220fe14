// Whether the page's Content-Security-Policy lets it fetch from an endpoint. Production builds list their configured
// RPC origins in connect-src (vite/csp-plugin.ts) and nothing else: a user endpoint elsewhere cannot be reached, and
// the settings panel says so instead of probing into a blocked request.

/** The connect-src sources of a policy (default-src when it has none); null when the policy does not restrict fetches. */
export function connectSources(policy: string): string[] | null {
  const directives = new Map(
    policy
      .split(';')
      .map((part) => part.trim().split(/\s+/))
      .filter((tokens) => tokens[0])
      .map((tokens) => [tokens[0].toLowerCase(), tokens.slice(1)] as const),
  );
  return directives.get('connect-src') ?? directives.get('default-src') ?? null;
}

/** Exact origins and 'self' (the only forms our policy uses), plus scheme-only and `*` sources. */
export function connectAllowed(policy: string | null, url: string, pageOrigin: string): boolean {
  if (!policy) return true;
  const sources = connectSources(policy);
  if (!sources) return true;
  const target = new URL(url);
  return sources.some((source) => {
    if (source === '*') return target.protocol === 'https:' || target.protocol === 'http:';
    if (source === "'self'") return target.origin === pageOrigin;
    if (/^[a-z][a-z0-9+.-]*:$/i.test(source)) return target.protocol === source.toLowerCase();
    try {
      return new URL(source).origin === target.origin;
    } catch {
      return false;
    }
  });
}

/** The policy this page was served with as a <meta> tag (what our builds write), or null. */
export function pageCsp(doc: Document = document): string | null {
  return doc.querySelector('meta[http-equiv="Content-Security-Policy"]')?.getAttribute('content') ?? null;
}
