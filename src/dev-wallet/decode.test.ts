import { Address } from '@ton/core';
import { describe, expect, it } from 'vitest';
import { networkPreset } from '../ton/networks';
import { buildDepositRequest, buildWithdrawRequest } from '../ton/tx';
import { decodeSendTransaction, formatNano } from './decode';

const pool = Address.parse('0:' + '11'.repeat(32));
const owner = Address.parse('0:' + '22'.repeat(32));
const jettonWallet = Address.parse('0:' + '33'.repeat(32));
const network = networkPreset('devnet');

/** What the TON Connect SDK hands the wallet: snake-case valid_until, the messages as built. */
const asSdkParams = (request: ReturnType<typeof buildDepositRequest>) =>
  JSON.stringify({ valid_until: request.validUntil, network: request.network, from: request.from, messages: request.messages });

describe('decodeSendTransaction', () => {
  it('names the deposit, its destination, amount and query id', () => {
    const request = buildDepositRequest({ network, pool, amount: 5_000_000_000n, from: owner, queryId: 42n });
    const decoded = decodeSendTransaction(asSdkParams(request));
    expect(decoded.validUntil).toBe(request.validUntil);
    expect(decoded.messages).toEqual([
      { destination: request.messages[0].address, amount: 6_000_000_000n, operation: 'deposit', op: 0x47d54391, queryId: 42n, jettons: null },
    ]);
  });

  it('names a burn and the jettons it burns', () => {
    const request = buildWithdrawRequest({ network, jettonWallet, amount: 2_500_000_000n, owner, mode: { waitTillRoundEnd: false, fillOrKill: false }, queryId: 7n });
    expect(decodeSendTransaction(asSdkParams(request)).messages[0]).toMatchObject({ operation: 'jetton burn', amount: 1_050_000_000n, jettons: 2_500_000_000n, queryId: 7n });
  });

  it('shows an unknown op as hex and refuses what cannot be signed', () => {
    const unknown = JSON.stringify({ messages: [{ address: pool.toString(), amount: '1', payload: 'te6cckEBAQEABgAACN6tvu+qPBS2' }] });
    expect(decodeSendTransaction(unknown).messages[0].operation).toBe('op 0xdeadbeef');
    expect(() => decodeSendTransaction('{}')).toThrow();
    expect(() => decodeSendTransaction(JSON.stringify({ messages: [{ address: pool.toString(), amount: '-1' }] }))).toThrow();
  });
});

describe('formatNano', () => {
  it('prints exact TON amounts', () => {
    expect(formatNano(1_050_000_000n)).toBe('1.05');
    expect(formatNano(6_000_000_000n)).toBe('6');
    expect(formatNano(1n)).toBe('0.000000001');
  });
});
