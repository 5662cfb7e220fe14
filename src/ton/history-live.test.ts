// src/ton/history.ts on pool transactions recorded from `npm run devnet` (scripts/capture-fixtures.ts, scenario
// "pool-live", step "history": 30 rounds of 120 s with real loans). Skipped until that recording exists.
import { Address } from '@ton/core';
import { TonClient } from '@ton/ton';
import { describe, expect, it } from 'vitest';
import { hasFixture, loadFixture, replayFetch } from './__fixtures__/fixture';
import { createTonRpcWith } from './client';
import { foldPoolTransactions, readTransactionPages, roundPoints, typicalRoundSeconds } from './history';
import { networkPreset } from './networks';
import { apyFromRates, readPoolFullData } from './pool';

const live = hasFixture('devnet-pool-live') ? loadFixture('devnet-pool-live') : null;
const hasHistory = live?.exchanges.some((exchange) => exchange.step === 'history') ?? false;

describe.skipIf(!hasHistory)('pool round history on the live devnet recording', () => {
  const fixture = live!;
  const pool = Address.parse(fixture.values.pool);
  const network = { ...networkPreset('devnet', fixture.devnetUrl), maxRps: 1000 };
  const rpcFor = (step: string) => createTonRpcWith(TonClient, network, { fetch: replayFetch(fixture, [step]), maxRetries: 0 });

  async function history() {
    const rpc = rpcFor('history');
    const read = await readTransactionPages(({ limit, lt, hash }) => rpc.client.getTransactions(pool, { limit, lt, hash, archival: true }), {
      pageSize: 20,
      maxPages: 3,
    });
    return { read, folded: foldPoolTransactions(read.transactions) };
  }

  it('folds the topic-3 logs into consecutive completed rounds whose rate grows with the loans repaid', async () => {
    const { read, folded } = await history();
    expect(read.transactions.length).toBeGreaterThan(20); // more than one page was read
    const rounds = folded.rounds;
    expect(rounds.length).toBeGreaterThanOrEqual(2);
    for (let i = 1; i < rounds.length; i++) {
      expect(rounds[i].roundId).toBe(rounds[i - 1].roundId + 1);
      expect(rounds[i].endTime).toBeGreaterThan(rounds[i - 1].endTime);
    }
    const points = roundPoints(rounds);
    for (let i = 1; i < points.length; i++) expect(points[i].rate).toBeGreaterThan(points[i - 1].rate);
    // growth over the window annualised (the recording may predate the devnet's realistic economics, when this
    // figure was far beyond what the APY tile shows, so the raw figure is checked)
    const [first, last] = [points[Math.max(0, points.length - 11)], points[points.length - 1]];
    expect(apyFromRates({ rate: first.rate, time: first.endTime }, { rate: last.rate, time: last.endTime })).toBeGreaterThan(0);
    const roundSeconds = (JSON.parse(fixture.values.devnetConfig) as { roundSeconds: number }).roundSeconds;
    expect(typicalRoundSeconds(rounds)).toBe(roundSeconds);
  });

  it('ends at the round before the pool\'s previous (still validating) round', async () => {
    const { folded } = await history();
    const data = await readPoolFullData(rpcFor('before'), pool);
    expect(folded.rounds[folded.rounds.length - 1].roundId).toBe(data.prevRound.roundId - 1);
  });
});
