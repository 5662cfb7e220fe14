// pTON wallet address computed locally vs. the real minter's get_wallet_address (sandbox, library-cell code),
// and metadata resolution to plain display text.
import { Address, beginCell } from '@ton/core';
import { Blockchain } from '@ton/sandbox';
import { describe, expect, it } from 'vitest';
import { loadCode } from '../../contracts/wrappers/code';
import { buildOnchainMetadata, poolJettonContent } from '../../contracts/wrappers/metadata';
import { PoolJettonMinter } from '../../contracts/wrappers/PoolJettonMinter';
import { libraryCellFor } from '../../contracts/wrappers/PoolJettonWallet';
import { createMetadataFetcher, decodeContent, guardJettonSymbol, isConfusableWithTicker, jettonWalletAddress, plainText, readJettonWallet, resolveJettonMetadata } from './jetton';

describe('jettonWalletAddress', () => {
  it('matches the minter get_wallet_address for library-cell and plain wallet code', async () => {
    const chain = await Blockchain.create();
    const deployer = await chain.treasury('deployer');
    const walletCode = loadCode('pool-jetton-wallet');
    for (const codeInMinter of [libraryCellFor(walletCode), walletCode]) {
      const minter = chain.openContract(
        PoolJettonMinter.createFromConfig(
          { admin: deployer.address, content: poolJettonContent({ name: 'Pool TON', symbol: 'pTON', description: 'test' }), walletCode: codeInMinter },
          loadCode('pool-jetton-minter'),
        ),
      );
      await minter.sendDeploy(deployer.getSender(), 500_000_000n);
      for (const owner of [deployer.address, Address.parse(`0:${'ab'.repeat(32)}`)]) {
        const onChain = await minter.getWalletAddress(owner);
        expect(jettonWalletAddress({ owner, minter: minter.address, walletCode: codeInMinter }).equals(onChain)).toBe(true);
      }
    }
  }, 30_000); // sandbox start-up is ~1 s alone but several seconds on a busy 2-core machine

  it('depends on the code cell exactly: the library cell and the code it points to give different wallets', () => {
    const walletCode = loadCode('pool-jetton-wallet');
    const owner = Address.parse(`0:${'01'.repeat(32)}`);
    const minter = Address.parse(`0:${'02'.repeat(32)}`);
    const viaLibrary = jettonWalletAddress({ owner, minter, walletCode: libraryCellFor(walletCode) });
    expect(viaLibrary.equals(jettonWalletAddress({ owner, minter, walletCode }))).toBe(false);
    expect(viaLibrary.workChain).toBe(0);
  });
});

describe('jetton metadata', () => {
  const fallback = { fallbackSymbol: 'pTON' };

  it('reads the pool jetton on-chain content', async () => {
    const content = poolJettonContent({ name: 'Pool TON', symbol: 'pTON', description: 'Liquid staking', image: 'https://example.org/p.png' });
    expect(await resolveJettonMetadata(content, fallback)).toEqual({
      name: 'Pool TON',
      symbol: 'pTON',
      description: 'Liquid staking',
      image: 'https://example.org/p.png',
      decimals: 9,
      uri: null,
    });
  });

  it('reads an off-chain URI and its JSON, as text only', async () => {
    const content = beginCell().storeUint(1, 8).storeStringTail('https://example.org/pton.json').endCell();
    expect(decodeContent(content)).toEqual({ fields: {}, uri: 'https://example.org/pton.json' });
    const seen: string[] = [];
    const meta = await resolveJettonMetadata(content, {
      ...fallback,
      fetchJson: async (uri) => {
        seen.push(uri);
        return { name: 'Staked\u202e TON\n<b>', symbol: 'sTON', decimals: '6', image: 'javascript:alert(1)', description: 42 };
      },
    });
    expect(seen).toEqual(['https://example.org/pton.json']);
    expect(meta).toEqual({ name: 'Staked TON <b>', symbol: 'sTON', description: '42', image: null, decimals: 6, uri: 'https://example.org/pton.json' });
  });

  it('lets on-chain fields win over off-chain ones and falls back when the host is down', async () => {
    const content = buildOnchainMetadata({ uri: 'https://example.org/x.json', symbol: 'pTON' });
    const merged = await resolveJettonMetadata(content, { ...fallback, fetchJson: async () => ({ symbol: 'FAKE', name: 'From JSON' }) });
    expect(merged).toMatchObject({ symbol: 'pTON', name: 'From JSON', uri: 'https://example.org/x.json' });
    const down = await resolveJettonMetadata(content, { ...fallback, fallbackName: 'Pool jetton', fetchJson: () => Promise.reject(new Error('offline')) });
    expect(down).toMatchObject({ symbol: 'pTON', name: 'Pool jetton', decimals: 9 });
  });

  it('uses config fallbacks and default decimals when metadata is empty or odd', async () => {
    const meta = await resolveJettonMetadata(buildOnchainMetadata({ decimals: '999' }), fallback);
    expect(meta).toMatchObject({ symbol: 'pTON', name: 'pTON', decimals: 9, image: null });
  });

  it('plainText strips control and bidi characters and caps length', () => {
    expect(plainText('a\u0000b\u202ec')).toBe('a b c');
    expect(plainText('x'.repeat(10), 5)).toBe('xxxx…');
    expect(plainText({})).toBe('');
  });

  it('the fetcher maps ipfs:// to a gateway and refuses other schemes', async () => {
    const urls: string[] = [];
    const fetchJson = createMetadataFetcher({
      fetch: (async (url: RequestInfo | URL) => {
        urls.push(String(url));
        return new Response('{"symbol":"X"}', { status: 200 });
      }) as typeof fetch,
    });
    expect(await fetchJson('ipfs://bafy/meta.json')).toEqual({ symbol: 'X' });
    expect(urls).toEqual(['https://ipfs.io/ipfs/bafy/meta.json']);
    await expect(fetchJson('file:///etc/passwd')).rejects.toThrow('unsupported');
  });
});

describe('readJettonWallet', () => {
  const wallet = Address.parse(`0:${'cd'.repeat(32)}`);
  const failing = (error: unknown, state: string) => ({
    runGetMethod: () => Promise.reject(error),
    call: async () => ({ state }),
  });

  it('reads an undeployed wallet as 0 even when the provider fails the get-method call', async () => {
    const { RpcError } = await import('./client');
    const serverError = new RpcError('server', 'runGetMethod: HTTP 500', { status: 500, attempts: 1 });
    expect(await readJettonWallet(failing(serverError, 'uninitialized'), wallet)).toMatchObject({ exists: false, balance: 0n });
  });

  it('reads exit code -13 (no code at the address) as an undeployed wallet without asking for the account state', async () => {
    let stateRequests = 0;
    const rpc = {
      runGetMethod: async () => ({ exitCode: -13, gasUsed: 0, stack: [] }),
      call: async () => {
        stateRequests += 1;
        return { state: 'active' };
      },
    };
    expect(await readJettonWallet(rpc as never, wallet)).toEqual({ exists: false, balance: 0n, owner: null, minter: null });
    expect(stateRequests).toBe(0);
  });

  it('does not hide failures of a deployed wallet or bad requests', async () => {
    const { RpcError } = await import('./client');
    const serverError = new RpcError('server', 'runGetMethod: HTTP 500', { status: 500, attempts: 1 });
    await expect(readJettonWallet(failing(serverError, 'active'), wallet)).rejects.toThrow('request error');
    const badRequest = new RpcError('bad-request', 'HTTP 401', { status: 401, attempts: 1 });
    await expect(readJettonWallet(failing(badRequest, 'uninitialized'), wallet)).rejects.toBe(badRequest);
  });
});

// Regression (issue 12 item 8): a pool jetton could call itself "TON" (or a look-alike) and every quote read as TON.
describe('isConfusableWithTicker', () => {
  it.each([
    ['TON', 'same text'],
    ['ton', 'case'],
    ['Ton', 'case'],
    ['\u0422\u041e\u041d', 'Cyrillic ТОН'],
    ['\u0422ON', 'Cyrillic Т'],
    ['T\u041eN', 'Cyrillic О'],
    ['\u03a4\u039f\u039d', 'Greek ΤΟΝ'],
    ['T0N', 'digit zero'],
    ['T\u200bON', 'zero-width space'],
    ['T\u200dO\u2060N', 'zero-width joiner and word joiner'],
    ['\ufeffTON', 'BOM'],
    [' T O N ', 'spaces'],
    ['T\u00a0ON', 'no-break space'],
    ['\uff34\uff2f\uff2e', 'full-width'],
    ['\ud835\udc13\ud835\udc0e\ud835\udc0d', 'mathematical bold'],
    ['T\u0301ON', 'combining accent'],
    ['T.O.N', 'punctuation'],
  ])('%j poses as TON (%s)', (symbol) => {
    expect(isConfusableWithTicker(symbol, 'TON')).toBe(true);
  });

  it.each(['pTON', 'stTON', 'tsTON', 'TONX', 'TO', 'hTON', 'NOT'])('%j is its own ticker', (symbol) => {
    expect(isConfusableWithTicker(symbol, 'TON')).toBe(false);
  });

  it('follows the configured native ticker, not a hard-coded one', () => {
    expect(isConfusableWithTicker('GRAM', 'GRAM')).toBe(true);
    expect(isConfusableWithTicker('gr\u0430m', 'GRAM')).toBe(true); // Cyrillic а
    expect(isConfusableWithTicker('TON', 'GRAM')).toBe(false);
  });
});

describe('guardJettonSymbol', () => {
  const base = { name: 'Pool TON', description: '', image: null, decimals: 9, uri: null };
  const tickers = { native: 'TON', fallback: 'pTON' };

  it('falls back to the configured jetton ticker for a spoofing symbol, and to it as name when the name lies too', () => {
    expect(guardJettonSymbol({ ...base, symbol: 'ТОН' }, tickers)).toMatchObject({ symbol: 'pTON', name: 'Pool TON' });
    expect(guardJettonSymbol({ ...base, name: 'ton', symbol: 'TON' }, tickers)).toMatchObject({ symbol: 'pTON', name: 'pTON' });
  });

  it('leaves an honest symbol alone', () => {
    const metadata = { ...base, symbol: 'stTON' };
    expect(guardJettonSymbol(metadata, tickers)).toBe(metadata);
  });
});

