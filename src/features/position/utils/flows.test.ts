import { Address, beginCell, type Cell, type Message, type Transaction } from '@ton/core';
import { describe, expect, it } from 'vitest';
import { burnBody, depositBody } from '../../../../contracts/wrappers/messages';
import { Op } from '../../../../contracts/wrappers/opcodes';
import { roundPoints, type CompletedRound } from '../../../ton/history';
import { ownerEvents, mergeEvents } from '../../../ton/owner-history';
import { accountFlows, cumulativeRewards, positionFlows, positionResult, positionValueSeries, rewardsEarned, rewardsFromRate } from './flows';

const TON = 1_000_000_000n;
const owner = Address.parse('0:' + 'aa'.repeat(32));
const pool = Address.parse('0:' + 'bb'.repeat(32));
const ptonWallet = Address.parse('0:' + 'cc'.repeat(32));
const stranger = Address.parse('0:' + 'dd'.repeat(32));
const billItem = Address.parse('0:' + 'ee'.repeat(32));

function internal(src: Address, dest: Address, coins: bigint, body: Cell): Message {
  return {
    info: { type: 'internal', ihrDisabled: true, bounce: true, bounced: false, src, dest, value: { coins }, ihrFee: 0n, forwardFee: 0n, createdLt: 0n, createdAt: 0 },
    body,
  };
}

function tx(lt: bigint, now: number, inMessage: Message | undefined, out: Message[] = []): Transaction {
  return { lt, now, inMessage, outMessages: new Map(out.map((m, i) => [i, m])), hash: () => Buffer.alloc(32, Number(lt)) } as unknown as Transaction;
}

const notification = (amount: bigint) => beginCell().storeUint(Op.jettonTransferNotification, 32).storeUint(0, 64).storeCoins(amount).storeAddress(null).storeBit(false).endCell();
const opOnly = (op: number, queryId = 0n) => beginCell().storeUint(op, 32).storeUint(queryId, 64).endCell();
const mode = { waitTillRoundEnd: false, fillOrKill: false };

describe('positionFlows', () => {
  const history = [
    // deposit 100 TON (+1 TON fee), pTON minted, most of the fee refunded
    tx(1n, 1000, undefined, [internal(owner, pool, 101n * TON, depositBody(7n))]),
    tx(2n, 1001, internal(ptonWallet, owner, TON / 10n, notification(99n * TON))),
    tx(3n, 1002, internal(ptonWallet, owner, 800_000_000n, opOnly(Op.excesses))),
    // burn 40 pTON instantly: TON comes back from the pool
    tx(4n, 2000, undefined, [internal(owner, ptonWallet, 1_050_000_000n, burnBody({ amount: 40n * TON, responseAddress: owner, mode }))]),
    tx(5n, 2001, internal(pool, owner, 41n * TON, opOnly(Op.withdrawal))),
    // unrelated: a stranger pays us, and an NFT we did not get from a deposit
    tx(6n, 2100, internal(stranger, owner, 5n * TON, beginCell().endCell())),
    tx(7n, 2101, internal(billItem, owner, TON, opOnly(Op.ownershipAssigned, 123n))),
    // a bill leftover answering our deposit (query id 7) and a bill payout
    tx(8n, 2200, internal(billItem, owner, TON / 2n, opOnly(Op.ownershipAssigned, 7n))),
    tx(9n, 2300, internal(stranger, owner, 3n * TON, beginCell().storeUint(Op.distributedAsset, 32).storeUint(0, 64).endCell())),
  ];

  it('adds up TON sent and received through the protocol only, and pTON changes in order', () => {
    const flows = positionFlows([...history].reverse(), { pool, ptonWallet });
    expect(flows.tonSent).toBe(101n * TON + 1_050_000_000n);
    expect(flows.tonReceived).toBe(TON / 10n + 800_000_000n + 41n * TON + TON / 2n + 3n * TON);
    expect(flows.ptonChanges.map((c) => c.delta)).toEqual([99n * TON, -40n * TON]);
    expect(flows.firstDepositAt).toBe(1000);
    expect(flows.deposits).toBe(1);
  });

  it('are the same from the shared owner history, read in two parts (older page, then newer), as from one read', () => {
    const context = { pool, ptonWallet };
    const older = ownerEvents(history.slice(0, 4), context);
    const newer = ownerEvents(history.slice(4), context);
    const shared = accountFlows({ events: mergeEvents(older, newer), olderFrom: null }, context);
    expect(shared).toEqual({ ...positionFlows(history, context), complete: true });
    // a history that stopped before the account's first transaction is marked incomplete
    expect(accountFlows({ events: newer, olderFrom: { lt: 4n, hash: 'h' } }, context).complete).toBe(false);
  });

  it('rewards = value now − net TON put in (a loss when fees outweigh growth)', () => {
    const flows = { tonSent: 100n * TON, tonReceived: 10n * TON };
    expect(rewardsEarned(flows, 95n * TON)).toBe(5n * TON);
    expect(rewardsEarned(flows, 89n * TON)).toBe(-TON);
  });
});

describe('positionValueSeries', () => {
  const round = (roundId: number, endTime: number, totalBalance: bigint): CompletedRound => ({ roundId, endTime, lt: BigInt(roundId), borrowed: 0n, returned: 0n, profit: 0n, totalBalance, supply: 100n * TON });
  const points = roundPoints([round(1, 500, 100n * TON), round(2, 1500, 110n * TON), round(3, 2500, 120n * TON)]);

  it('values pTON held at each round end since the first change, then now', () => {
    const series = positionValueSeries(
      [
        { time: 1000, lt: 1n, delta: 10n * TON },
        { time: 2000, lt: 2n, delta: -4n * TON },
      ],
      points,
      { time: 3000, rate: 1_300_000_000n, pton: 6n * TON },
    );
    expect(series.map((p) => [p.roundId, p.pton, p.value])).toEqual([
      [2, 10n * TON, 11n * TON],
      [3, 6n * TON, 7_200_000_000n],
      [null, 6n * TON, 7_800_000_000n],
    ]);
  });

  it('is empty for someone who never held pTON', () => {
    expect(positionValueSeries([], points, { time: 3000, rate: TON, pton: 0n })).toEqual([]);
  });
});

describe('rewards and costs told apart', () => {
  const R = 1_000_000_000n; // RATE_BASIS: nanoTON per pTON

  it('right after a stake: no rewards yet, the costs are what the stake lost (never a negative reward)', () => {
    // 10 TON deposited with 1 TON attached, 0.98 refunded; 9.99 pTON minted at the projected rate, worth 9.98 now
    const flows = { tonSent: 11n * TON, tonReceived: 980_000_000n };
    const series = [{ pton: 9_990_000_000n, rate: 999_000_000n }];
    const result = positionResult(flows, 9_980_010_000n, series);
    expect(result.rewards).toBe(0n);
    expect(result.netReturn).toBeLessThan(0n);
    expect(result.costs).toBe(-result.netReturn);
  });

  it('rewards are the rate growth on what was held through each round', () => {
    const series = [
      { pton: 10n * TON, rate: R },
      { pton: 10n * TON, rate: 1_010_000_000n }, // +1 %: +0.1 TON on 10 pTON
      { pton: 4n * TON, rate: 1_020_000_000n }, // 6 pTON left after this round's growth: +0.1 on the 10 held through it
      { pton: 4n * TON, rate: 1_030_000_000n }, // +0.04 on 4
    ];
    expect(rewardsFromRate(series)).toBe(240_000_000n);
  });

  it('a bill being paid moves TON around but never counts as a reward, once or twice', () => {
    const series = [
      { pton: 10n * TON, rate: R },
      { pton: 7n * TON, rate: 1_010_000_000n },
    ];
    // 3 pTON went into a withdrawal bill: before the payout the bill is part of the value, after it the TON received is.
    const billPays = 3_030_000_000n;
    const before = positionResult({ tonSent: 11n * TON, tonReceived: TON }, 7n * 1_010_000_000n + billPays, series);
    const after = positionResult({ tonSent: 11n * TON, tonReceived: TON + billPays }, 7n * 1_010_000_000n, series);
    expect(before.rewards).toBe(100_000_000n);
    expect(after.rewards).toBe(before.rewards);
    expect(after.netReturn).toBe(before.netReturn);
    // even a stale view that still counts the paid bill as open cannot inflate the rewards
    const doubled = positionResult({ tonSent: 11n * TON, tonReceived: TON + billPays }, 7n * 1_010_000_000n + billPays, series);
    expect(doubled.rewards).toBe(before.rewards);
  });
});

describe('cumulativeRewards', () => {
  it('rises with the rate and stays put when pTON leaves (a withdrawal is not a loss)', () => {
    const series = [
      { pton: 10n * TON, rate: 1_000_000_000n },
      { pton: 10n * TON, rate: 1_010_000_000n },
      { pton: 2n * TON, rate: 1_010_000_000n }, // 8 pTON withdrawn, no round in between
      { pton: 2n * TON, rate: 1_020_000_000n },
    ];
    const cumulative = cumulativeRewards(series);
    expect(cumulative).toEqual([0n, 100_000_000n, 100_000_000n, 120_000_000n]);
    expect(cumulative[cumulative.length - 1]).toBe(rewardsFromRate(series));
  });
});
