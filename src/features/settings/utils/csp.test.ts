import { describe, expect, it } from 'vitest';
import { buildCsp } from '../../../../vite/csp-plugin';
import { connectAllowed, connectSources } from './csp';

const page = 'https://me.github.io';

describe('connectAllowed', () => {
  // The policy our production builds carry, built by the same code.
  const policy = buildCsp({ rpcEndpoints: ['https://toncenter.com/api/v2/jsonRPC', 'https://rpc.example.org/jsonRPC'] }).meta;

  it('allows every configured endpoint origin and the page itself', () => {
    expect(connectAllowed(policy, 'https://toncenter.com/api/v2/jsonRPC', page)).toBe(true);
    expect(connectAllowed(policy, 'https://rpc.example.org/other/path', page)).toBe(true);
    expect(connectAllowed(policy, 'https://me.github.io/proxy/jsonRPC', page)).toBe(true);
  });

  it('refuses any other origin, another scheme or port of an allowed host included', () => {
    expect(connectAllowed(policy, 'https://my-node.example/jsonRPC', page)).toBe(false);
    expect(connectAllowed(policy, 'http://toncenter.com/api/v2/jsonRPC', page)).toBe(false);
    expect(connectAllowed(policy, 'https://toncenter.com:8443/api/v2/jsonRPC', page)).toBe(false);
  });

  it('allows everything without a policy or without a fetch restriction', () => {
    expect(connectAllowed(null, 'http://127.0.0.1:8081/jsonRPC', page)).toBe(true);
    expect(connectAllowed("img-src 'self'", 'http://127.0.0.1:8081/jsonRPC', page)).toBe(true);
    expect(connectSources("default-src 'self'")).toEqual(["'self'"]);
    expect(connectAllowed("default-src 'self'; connect-src https:", 'https://any.example/', page)).toBe(true);
  });
});
