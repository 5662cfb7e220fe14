import { Address, Cell } from '@ton/core';
import { describe, expect, it } from 'vitest';
import { networkPreset } from './networks';
import { buildDepositRequest, buildWithdrawRequest, EXIT_RESERVE, maxStakeAmount, maxStakeKeepingExitReserve, newQueryId, requiredBalanceForStake, VALID_FOR_S } from './tx';

const pool = Address.parse('0:1111111111111111111111111111111111111111111111111111111111111111');
const user = Address.parse('0:2222222222222222222222222222222222222222222222222222222222222222');
const jettonWallet = Address.parse('0:3333333333333333333333333333333333333333333333333333333333333333');
const now = 1_800_000_000;

describe('buildDepositRequest', () => {
  it('sends amount + 1 TON deposit fee to the pool with deposit#47d54391', () => {
    const req = buildDepositRequest({ network: networkPreset('mainnet'), pool, amount: 5_000_000_000n, from: user, now, queryId: 0n });
    expect(req.validUntil).toBe(now + VALID_FOR_S);
    expect(req.validUntil - now).toBeLessThanOrEqual(300);
    expect(req.network).toBe('-239');
    expect(req.from).toBe('0:2222222222222222222222222222222222222222222222222222222222222222');
    expect(req.messages).toHaveLength(1);
    const [msg] = req.messages;
    expect(msg.amount).toBe('6000000000');
    // bounceable, not test-only on mainnet
    expect(msg.address.startsWith('EQ')).toBe(true);
    expect(Address.parseFriendly(msg.address)).toMatchObject({ isBounceable: true, isTestOnly: false });
    expect(Address.parse(msg.address).equals(pool)).toBe(true);
    const body = Cell.fromBase64(msg.payload!).beginParse();
    expect(body.loadUint(32)).toBe(0x47d54391);
    expect(body.loadUintBig(64)).toBe(0n);
    expect(body.remainingBits + body.remainingRefs).toBe(0);
    expect(req).toMatchInlineSnapshot(`
      {
        "from": "0:2222222222222222222222222222222222222222222222222222222222222222",
        "messages": [
          {
            "address": "EQAREREREREREREREREREREREREREREREREREREREREREeYT",
            "amount": "6000000000",
            "payload": "te6cckEBAQEADgAAGEfVQ5EAAAAAAAAAAOnBhlQ=",
          },
        ],
        "network": "-239",
        "validUntil": 1800000300,
      }
    `);
  });

  it('uses testOnly addresses and the chain id of test networks', () => {
    const testnet = buildDepositRequest({ network: networkPreset('testnet'), pool, amount: 1n, now });
    expect(testnet.network).toBe('-3');
    expect(testnet.from).toBeUndefined();
    expect(Address.parseFriendly(testnet.messages[0].address)).toMatchObject({ isBounceable: true, isTestOnly: true });
    expect(testnet.messages[0].address.startsWith('kQ')).toBe(true);
    const devnet = buildDepositRequest({ network: networkPreset('devnet'), pool: pool.toString(), amount: 1n, now, queryId: 7n });
    expect(devnet.network).toBe('-3');
    const body = Cell.fromBase64(devnet.messages[0].payload!).beginParse();
    body.skip(32);
    expect(body.loadUintBig(64)).toBe(7n);
  });

  it('defaults validUntil to the wall clock in seconds, not milliseconds', () => {
    const before = Math.floor(Date.now() / 1000);
    const req = buildDepositRequest({ network: networkPreset('mainnet'), pool, amount: 1n });
    expect(req.validUntil).toBeGreaterThanOrEqual(before + VALID_FOR_S);
    expect(req.validUntil).toBeLessThanOrEqual(Math.floor(Date.now() / 1000) + VALID_FOR_S);
  });

  it('refuses a zero or negative amount', () => {
    expect(() => buildDepositRequest({ network: networkPreset('mainnet'), pool, amount: 0n })).toThrow(RangeError);
  });
});

describe('buildWithdrawRequest', () => {
  it('burns pTON at the jetton wallet with 1.05 TON and the two-bit mode payload', () => {
    const req = buildWithdrawRequest({
      network: networkPreset('mainnet'),
      jettonWallet,
      amount: 2_500_000_000n,
      owner: user,
      mode: { waitTillRoundEnd: false, fillOrKill: true },
      now,
      queryId: 0n,
    });
    const [msg] = req.messages;
    expect(msg.amount).toBe('1050000000');
    expect(Address.parse(msg.address).equals(jettonWallet)).toBe(true);
    expect(Address.parseFriendly(msg.address).isBounceable).toBe(true);
    const body = Cell.fromBase64(msg.payload!).beginParse();
    expect(body.loadUint(32)).toBe(0x595f07bc);
    expect(body.loadUintBig(64)).toBe(0n);
    expect(body.loadCoins()).toBe(2_500_000_000n);
    expect(body.loadAddress().equals(user)).toBe(true);
    const custom = body.loadMaybeRef()!.beginParse();
    expect(custom.remainingBits).toBe(2);
    expect([custom.loadBit(), custom.loadBit()]).toEqual([false, true]);
    expect(req).toMatchInlineSnapshot(`
      {
        "from": "0:2222222222222222222222222222222222222222222222222222222222222222",
        "messages": [
          {
            "address": "EQAzMzMzMzMzMzMzMzMzMzMzMzMzMzMzMzMzMzMzMzMzM7SN",
            "amount": "1050000000",
            "payload": "te6cckEBAgEAOAABZFlfB7wAAAAAAAAAAElQL5AIAERERERERERERERERERERERERERERERERERERERERERFAQABYPmqa4I=",
          },
        ],
        "network": "-239",
        "validUntil": 1800000300,
      }
    `);
  });

  it('encodes wait-till-round-end', () => {
    const req = buildWithdrawRequest({
      network: networkPreset('devnet'),
      jettonWallet,
      amount: 1n,
      owner: user,
      mode: { waitTillRoundEnd: true, fillOrKill: false },
      now,
    });
    const body = Cell.fromBase64(req.messages[0].payload!).beginParse();
    body.skip(32 + 64);
    body.loadCoins();
    body.loadAddress();
    const custom = body.loadMaybeRef()!.beginParse();
    expect([custom.loadBit(), custom.loadBit()]).toEqual([true, false]);
  });
});

// Regression (issue 12 item 4): every request carried query_id 0, so no answer could be told from another's.
describe('query ids', () => {
  const queryIdOf = (payload: string) => {
    const body = Cell.fromBase64(payload).beginParse();
    body.skip(32);
    return body.loadUintBig(64);
  };

  it('every request carries its own random 64-bit query_id by default', () => {
    const network = networkPreset('devnet');
    const deposits = [1, 2, 3].map(() => queryIdOf(buildDepositRequest({ network, pool, amount: 1n }).messages[0].payload!));
    const burns = [1, 2, 3].map(
      () => queryIdOf(buildWithdrawRequest({ network, jettonWallet, amount: 1n, owner: user, mode: { waitTillRoundEnd: false, fillOrKill: false } }).messages[0].payload!),
    );
    expect(new Set([...deposits, ...burns]).size).toBe(6);
    for (const id of [...deposits, ...burns]) expect(id).toBeGreaterThan(0n);
  });

  it('newQueryId reads all 8 random bytes, big-endian', () => {
    expect(newQueryId((bytes) => bytes.fill(0xff))).toBe((1n << 64n) - 1n);
    expect(newQueryId((bytes) => bytes.map((_, index) => index + 1))).toBe(0x0102030405060708n);
  });
});

describe('maxStakeKeepingExitReserve (the Max button)', () => {
  it('also keeps what a later unstake needs, so Max never traps the position', () => {
    expect(EXIT_RESERVE).toBe(1_100_000_000n);
    expect(maxStakeKeepingExitReserve(10_000_000_000n)).toBe(7_800_000_000n);
    // after staking Max, the wallet still holds the stake's fees and the exit reserve
    expect(10_000_000_000n - requiredBalanceForStake(maxStakeKeepingExitReserve(10_000_000_000n))).toBe(EXIT_RESERVE);
    expect(maxStakeKeepingExitReserve(2_200_000_000n)).toBe(0n);
    expect(maxStakeKeepingExitReserve(0n)).toBe(0n);
  });
});

describe('maxStakeAmount', () => {
  it('keeps the deposit fee and the gas reserve, never going negative', () => {
    expect(maxStakeAmount(10_000_000_000n)).toBe(8_900_000_000n);
    expect(requiredBalanceForStake(maxStakeAmount(10_000_000_000n))).toBe(10_000_000_000n);
    expect(maxStakeAmount(1_100_000_000n)).toBe(0n);
    expect(maxStakeAmount(500_000_000n)).toBe(0n);
    expect(maxStakeAmount(0n)).toBe(0n);
  });
});
