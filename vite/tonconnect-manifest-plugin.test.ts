import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { baseFromBuiltManifest, tonConnectManifest } from './tonconnect-manifest-plugin';

describe('tonConnectManifest', () => {
  it('names the app URL with its base path and an icon under it', () => {
    expect(tonConnectManifest({ url: 'https://me.github.io/lst', base: '/lst/' })).toEqual({
      url: 'https://me.github.io/lst',
      name: 'LSt Staking',
      iconUrl: 'https://me.github.io/lst/icon-180.png',
    });
  });
});

describe('baseFromBuiltManifest', () => {
  let dir = '';
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  function withManifest(content: string): string {
    dir = mkdtempSync(join(tmpdir(), 'lst-manifest-'));
    writeFileSync(join(dir, 'tonconnect-manifest.json'), content);
    return dir;
  }

  it('takes the base path from the manifest the build wrote', () => {
    expect(
      baseFromBuiltManifest(
        withManifest(JSON.stringify(tonConnectManifest({ url: 'https://me.github.io/lst', base: '/lst/' }))),
      ),
    ).toBe('/lst/');
  });

  it('is / for an app at the root of its origin, a missing or unreadable manifest', () => {
    expect(baseFromBuiltManifest(withManifest('{"url":"http://127.0.0.1:5173"}'))).toBe('/');
    expect(baseFromBuiltManifest(withManifest('not json'))).toBe('/');
    expect(baseFromBuiltManifest(join(dir, 'missing'))).toBe('/');
  });
});
