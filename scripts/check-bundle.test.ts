// Testnet/mainnet bundles carry no Devnet Wallet, no devnet-only code or files and no secrets; the build writes the
// production TON Connect manifest and CSP. Builds mainnet for real (the testnet build is checked by e2e/production.spec.ts).
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEVNET_MARKERS, findInBundle, secretValues } from './check-bundle';

describe('findInBundle', () => {
  it('reports each file and needle, case-insensitively, in nested dirs', () => {
    const dir = mkdtempSync(join(tmpdir(), 'check-bundle-'));
    try {
      mkdirSync(join(dir, 'assets'));
      writeFileSync(join(dir, 'assets', 'a.js'), 'const w = window.devnetWallet; fetch("/devnet/config")');
      writeFileSync(join(dir, 'b.js'), 'const label = "devWallet"');
      writeFileSync(join(dir, 'c.js'), 'const clean = 1');
      writeFileSync(join(dir, 'c.js.map'), '{"sourcesContent":["// the Devnet Wallet is devnet-only"]}');
      expect(findInBundle(dir, DEVNET_MARKERS)).toEqual(
        expect.arrayContaining([
          { file: join('assets', 'a.js'), needle: 'devnetWallet' },
          { file: join('assets', 'a.js'), needle: '/devnet/' },
          { file: 'b.js', needle: 'devwallet' },
        ]),
      );
      expect(findInBundle(dir, DEVNET_MARKERS).some((hit) => hit.file.startsWith('c.js'))).toBe(false);
      expect(findInBundle(dir, ['Devnet Wallet'], { sourceMaps: true })).toEqual([
        { file: 'c.js.map', needle: 'Devnet Wallet' },
      ]);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('treats variables named like secrets as secrets', () => {
    expect(
      secretValues({
        API_SECRET: 's3cr3t-value',
        DEVNET_MNEMONIC: 'word word word',
        HOME: '/root',
        X_TOKEN: 'short',
      }),
    ).toEqual(['s3cr3t-value', 'word word word']);
  });
});

describe('production build without VITE_APP_URL', () => {
  it('fails and says what to set, instead of writing a manifest for 127.0.0.1', () => {
    const outDir = mkdtempSync(join(tmpdir(), 'lst-no-app-url-'));
    const env = Object.fromEntries(Object.entries(process.env).filter(([name]) => !name.startsWith('VITE_')));
    try {
      let failure: { status?: number; stderr?: Buffer } = {};
      try {
        execFileSync(
          'npx',
          ['vite', 'build', '--mode', 'mainnet', '--outDir', outDir, '--emptyOutDir', '--logLevel', 'error'],
          {
            env: { ...env, VITE_CONFIG_NATIVE_IGNORE_WARNING: 'true' },
            stdio: 'pipe',
          },
        );
      } catch (error) {
        failure = error as typeof failure;
      }
      expect(failure.status).not.toBe(0);
      expect(String(failure.stderr)).toMatch(/VITE_APP_URL is not set: a mainnet build/);
      expect(existsSync(join(outDir, 'tonconnect-manifest.json'))).toBe(false);
    } finally {
      rmSync(outDir, { recursive: true, force: true });
    }
  }, 60_000);
});

describe('mainnet production build', () => {
  const outDir = mkdtempSync(join(tmpdir(), 'lst-mainnet-build-'));
  const secretCanary = `canary-${process.pid}-${Date.now()}`;
  const appUrl = 'https://stake.example.org';

  beforeAll(() => {
    // The shell's VITE_* would override .env.mainnet: build from the mode file alone, plus what this test sets.
    const env = Object.fromEntries(Object.entries(process.env).filter(([name]) => !name.startsWith('VITE_')));
    execFileSync(
      'npx',
      ['vite', 'build', '--mode', 'mainnet', '--outDir', outDir, '--emptyOutDir', '--logLevel', 'error'],
      {
        env: {
          ...env,
          // vitest runs with NODE_ENV=test, which would make this a development build (dev JSX runtime with each
          // element's source path): build as `npm run build:mainnet` does.
          NODE_ENV: 'production',
          VITE_APP_URL: appUrl,
          // A fail-over list: the CSP must let the page reach every entry.
          VITE_TON_ENDPOINTS: 'https://toncenter.com/api/v2/jsonRPC,https://rpc.example.org/ton/jsonRPC#rps=5',
          LST_BUILD_SECRET: secretCanary,
          VITE_CONFIG_NATIVE_IGNORE_WARNING: 'true',
        },
        stdio: 'pipe',
      },
    );
  }, 120_000);

  afterAll(() => rmSync(outDir, { recursive: true, force: true }));

  it('contains no devnet marker', () => {
    const hits = findInBundle(outDir, DEVNET_MARKERS);
    expect(hits).toEqual([]);
  });

  it('names no path of the machine that built it', () => {
    // The checkout path may contain a devnet marker itself (e.g. /work/devnet/): a production build holds no paths.
    expect(findInBundle(outDir, [process.cwd()])).toEqual([]);
  });

  it('does not inline secrets from the build environment', () => {
    expect(findInBundle(outDir, [secretCanary], { sourceMaps: true })).toEqual([]);
  });

  it('ships no devnet-only public files and a manifest for the configured origin', () => {
    expect(existsSync(join(outDir, 'wallets-devnet.json'))).toBe(false);
    expect(existsSync(join(outDir, 'devnet-wallet.png'))).toBe(false);
    expect(JSON.parse(readFileSync(join(outDir, 'tonconnect-manifest.json'), 'utf8'))).toEqual({
      url: appUrl,
      name: 'LSt Staking',
      iconUrl: `${appUrl}/icon-180.png`,
    });
  });

  it('has a CSP meta tag limited to the configured mainnet endpoints, before any script', () => {
    const html = readFileSync(join(outDir, 'index.html'), 'utf8');
    const policy = /<meta http-equiv="Content-Security-Policy" content="([^"]+)"/.exec(html)?.[1] ?? '';
    // own scripts, and the inline first-paint script by its hash only
    expect(policy).toMatch(/script-src 'self' 'sha256-[A-Za-z0-9+/]{43}=';/);
    expect(policy).toContain("object-src 'none'");
    expect(policy).toMatch(/connect-src 'self' https:\/\/toncenter\.com https:\/\/rpc\.example\.org /);
    expect(policy).not.toContain('testnet');
    expect(policy).not.toContain('127.0.0.1');
    expect(html.indexOf('Content-Security-Policy')).toBeLessThan(html.indexOf('<script'));
  });
});
