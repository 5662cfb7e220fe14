import { describe, expect, it } from 'vitest';
import { devnetWalletsList } from './devnet-wallets-list-plugin';

describe('devnet wallets list', () => {
  it('names the Devnet Mobile Wallet with the devnet universal link and bridge, in the wallets-list format', () => {
    const [entry, ...rest] = devnetWalletsList('http://127.0.0.1:18108/', '/lst/');
    expect(rest).toEqual([]);
    expect(entry).toMatchObject({
      app_name: 'devnet-mobile-wallet',
      name: 'Devnet Mobile Wallet',
      image: '/lst/devnet-wallet.png',
      universal_url: 'http://127.0.0.1:18108/devwallet/mobile',
      bridge: [{ type: 'sse', url: 'http://127.0.0.1:18108/bridge' }],
    });
    // The modal lists only wallets for the visitor's platform: phones must be among them.
    expect(entry.platforms).toEqual(expect.arrayContaining(['ios', 'android']));
  });
});
