import { describe, expect, it } from 'vitest';
import { appLocationFor, parseAppUrl } from './build-env';

describe('parseAppUrl', () => {
  it('keeps an origin as the manifest URL with base /', () => {
    expect(parseAppUrl('https://stake.example.org')).toEqual({ url: 'https://stake.example.org', base: '/' });
    expect(parseAppUrl('https://stake.example.org/')).toEqual({
      url: 'https://stake.example.org',
      base: '/',
    });
  });

  it('turns a path into the base, with or without the trailing slash', () => {
    expect(parseAppUrl('https://me.github.io/lst-demo/')).toEqual({
      url: 'https://me.github.io/lst-demo',
      base: '/lst-demo/',
    });
    expect(parseAppUrl('https://me.github.io/a/b')).toEqual({
      url: 'https://me.github.io/a/b',
      base: '/a/b/',
    });
  });

  it('refuses what cannot be a served app URL', () => {
    expect(() => parseAppUrl('stake.example.org')).toThrow(/absolute http\(s\) URL/);
    expect(() => parseAppUrl('ftp://stake.example.org/')).toThrow(/http\(s\)/);
    expect(() => parseAppUrl('https://stake.example.org/?x=1')).toThrow(/without query/);
  });
});

describe('appLocationFor', () => {
  it('needs VITE_APP_URL for testnet and mainnet builds, with a message that says what to set', () => {
    expect(() => appLocationFor({ VITE_NETWORK: 'testnet' }, { required: true })).toThrow(
      /VITE_APP_URL is not set: a testnet build/,
    );
    expect(() => appLocationFor({ VITE_NETWORK: 'mainnet', VITE_APP_URL: ' ' }, { required: true })).toThrow(
      /VITE_APP_URL is not set/,
    );
  });

  it('lets the dev server run a production mode without it', () => {
    expect(appLocationFor({ VITE_NETWORK: 'testnet' }, { required: false })).toBeNull();
  });

  it('ignores it on devnet, where the app is served from wherever the dev or preview server runs', () => {
    expect(appLocationFor({}, { required: true })).toBeNull();
    expect(
      appLocationFor({ VITE_NETWORK: 'devnet', VITE_APP_URL: 'https://x.org/y/' }, { required: true }),
    ).toBeNull();
  });

  it('returns the parsed location when set', () => {
    expect(
      appLocationFor(
        { VITE_NETWORK: 'testnet', VITE_APP_URL: 'https://me.github.io/lst/' },
        { required: true },
      ),
    ).toEqual({
      url: 'https://me.github.io/lst',
      base: '/lst/',
    });
  });
});
