// Round history from the pool's topic-3 logs, on transactions recorded from `npm run devnet` (scenario
// "pool-live", step "history"). Skipped until that recording exists.
import { Address, beginCell, type Message } from '@ton/core';
import { TonClient } from '@ton/ton';
import { describe, expect, it } from 'vitest';
import { hasFixture, loadFixture, replayFetch } from './__fixtures__/fixture';
import { createTonRpcWith } from './client';
import { networkPreset } from './networks';
import { currentRate } from './pool';
import { apyFromHistory, logTopic, parseRoundCompletion, readRoundHistory } from './rounds';

const live = hasFixture('devnet-pool-live') ? loadFixture('devnet-pool-live') : null;
const hasHistory = live?.exchanges.some((exchange) => exchange.step === 'history') ?? false;

describe.skipIf(!hasHistory)('round history from the live devnet pool', () => {
  const fixture = live!;
  const pool = Address.parse(fixture.values.pool);
  const rpc = createTonRpcWith(TonClient, { ...networkPreset('devnet', fixture.devnetUrl), maxRps: 1000 }, { fetch: replayFetch(fixture, ['history']), maxRetries: 0 });

  it('finds consecutive completed rounds with consistent figures, oldest first', async () => {
    const rounds = await readRoundHistory(rpc.client, pool, { pageSize: 20, maxTransactions: 60 });
    expect(rounds.length).toBeGreaterThanOrEqual(2);
    for (let i = 1; i < rounds.length; i++) {
      expect(rounds[i].roundId).toBe(rounds[i - 1].roundId + 1);
      expect(rounds[i].time).toBeGreaterThanOrEqual(rounds[i - 1].time);
    }
    for (const round of rounds) {
      expect(round.supply).toBeGreaterThan(0n);
      expect(round.rate).toBe(currentRate(round));
    }
    // loans earned interest on this devnet, so the rate grew over the window
    const apy = apyFromHistory(rounds);
    expect(apy).not.toBeNull();
    expect(rounds[rounds.length - 1].rate).toBeGreaterThan(rounds[0].rate);
    expect(apy!).toBeGreaterThan(0);
  });

  it('can stop after a number of rounds', async () => {
    const all = await readRoundHistory(rpc.client, pool, { pageSize: 20, maxTransactions: 60 });
    const recent = await readRoundHistory(rpc.client, pool, { pageSize: 20, maxTransactions: 60, maxRounds: 2 });
    expect(recent).toEqual(all.slice(-2));
  });
});

describe('round completion logs', () => {
  const topic = (value: bigint) => ({ type: 'external-out' as const, src: Address.parse(`0:${'11'.repeat(32)}`), dest: { value, bits: 256 }, createdLt: 0n, createdAt: 0 });

  it('ignores other topics and non-log messages', () => {
    const rotation = { info: topic(4n), body: beginCell().storeUint(7, 32).endCell() } as unknown as Message;
    expect(logTopic(rotation)).toBe(4n);
    expect(parseRoundCompletion(rotation, 0)).toBeNull();
  });

  it('reads a negative profit (SignedCoins) and a body kept in a ref', () => {
    const body = beginCell().storeUint(9, 32).storeCoins(100n).storeCoins(90n).storeBit(true).storeCoins(11n).storeCoins(2000n).storeCoins(1000n).endCell();
    const inRef = { info: topic(3n), body: beginCell().storeRef(body).endCell() } as unknown as Message;
    expect(parseRoundCompletion(inRef, 42)).toEqual({
      roundId: 9,
      borrowed: 100n,
      returned: 90n,
      profit: -11n,
      totalBalance: 2000n,
      supply: 1000n,
      rate: 2_000_000_000n,
      time: 42,
    });
  });
});
