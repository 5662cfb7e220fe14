// The LSt protocol on the devnet, as a devnet extension:
//   genesis  deploy pool, pTON minter, devnet elector, controllers, role wallets; fast-forward the history
//   start    catch up missed rounds (bounded), then run the validator bots on the devnet clock
//   config   pool, jettonMinter, roundSeconds, controllers, roles, elector, currentRound, nextRoundAt
import { Address } from '@ton/core';
import { parsePoolFullData, type PoolVersion } from '../../contracts/wrappers/pool-data';
import type { DevnetContext, DevnetExtension } from '../extension';
import { MAIN_POOL_JETTON_SYMBOL, ProtocolEngine, type ProtocolState } from './engine';
import { anchorForHistory, boundCatchUp, epochStart } from './schedule';
import { protocolSettingsFromEnv, type ProtocolSettings } from './settings';

export const PROTOCOL_EXTENSION_NAME = 'lst-protocol';

interface LiveSummary {
  currentRound: number | null;
  currentEpoch: number;
  /** Release of each pool (by address, raw), from its getter's entry count at the last read. */
  versions: Map<string, PoolVersion>;
}

/** An entry of `pools` in /devnet/config. */
export interface DevnetPoolEntry {
  address: string;
  version: PoolVersion | null;
  label: string;
  /** The pool jetton's symbol, as its minter carries it; the app shows it without reading the minter. */
  jettonTicker?: string;
}

/** Label of the main pool in /devnet/config `pools`. */
export const MAIN_POOL_LABEL = 'Devnet pool';

function friendly(address: string | Address): string {
  const parsed = typeof address === 'string' ? Address.parse(address) : address;
  return parsed.toString({ bounceable: true, testOnly: true });
}

/** When the next bot phase is due (devnet unix time). */
export function nextPhaseAt(engine: ProtocolEngine): number {
  const { state } = engine;
  const switchAt = epochStart(state.clock, state.nextSwitchEpoch);
  if (state.nextLoanEpoch < state.nextSwitchEpoch) {
    return Math.min(switchAt, epochStart(state.clock, state.nextLoanEpoch) + engine.timing.loanOffset);
  }
  return switchAt;
}

/**
 * `overrides` win over the environment (DEVNET_ROUND_SECONDS, DEVNET_CONTROLLERS, DEVNET_SEED,
 * DEVNET_SLASH_ROUND, DEVNET_HISTORY_ROUNDS, DEVNET_STAKERS); tests use them for short rounds and history.
 */
export function createProtocolExtension(overrides: Partial<ProtocolSettings> = {}): DevnetExtension {
  let engine: ProtocolEngine | undefined;
  const summary: LiveSummary = { currentRound: null, currentEpoch: 0, versions: new Map() };

  async function refreshSummary(ctx: DevnetContext, current: ProtocolEngine): Promise<void> {
    summary.currentEpoch = current.epochAt(ctx.chain.now());
    for (const address of current.poolAddresses) {
      try {
        // The one layout reader of the wrappers: the version follows the entry count (v1, v2 alike).
        const data = parsePoolFullData((await ctx.chain.runGetMethod(address, 'get_pool_full_data')).stack);
        summary.versions.set(address.toRawString(), data.version);
        if (address.equals(current.poolAddress)) summary.currentRound = data.currentRound.roundId;
      } catch (error) {
        ctx.logger.warn(`reading ${current.nameOf(address)} failed: ${String(error)}`);
      }
    }
  }

  return {
    name: PROTOCOL_EXTENSION_NAME,

    async genesis(ctx) {
      const settings = protocolSettingsFromEnv(process.env, overrides);
      const logger = ctx.logger;
      const created = await ctx.chain.exclusive(async (blockchain) => {
        const now = ctx.chain.now();
        const clock = { anchor: anchorForHistory(now, settings.roundSeconds, settings.historyRounds), roundSeconds: settings.roundSeconds };
        const began = performance.now();
        const cpuBefore = process.cpuUsage();
        const deployed = await ProtocolEngine.genesis(blockchain, settings, clock, clock.anchor - 2, logger);
        const deployedMs = performance.now() - began;
        // History: every epoch before now, at its own time, stakers included.
        await deployed.runDue(blockchain, now, { replay: true, stakers: true });
        const seconds = Math.round((performance.now() - began) / 100) / 10;
        const cpu = process.cpuUsage(cpuBefore);
        const cpuSeconds = Math.round((cpu.user + cpu.system) / 100_000) / 10;
        deployed.state.history = { rounds: settings.historyRounds, seconds };
        logger.info(
          `deployed in ${Math.round(deployedMs)} ms; ${settings.historyRounds} past rounds of ${settings.roundSeconds} s ` +
            `fast-forwarded: ${seconds} s in total (${cpuSeconds} s CPU)`,
        );
        return deployed;
      });
      ctx.state.set(created.state);
    },

    async start(ctx) {
      const { maxCatchUpRounds } = protocolSettingsFromEnv(process.env, overrides);
      const saved = ctx.state.get<ProtocolState>();
      if (!saved) {
        ctx.logger.error('no protocol state: genesis did not run');
        return () => {};
      }
      const current = new ProtocolEngine(saved, ctx.logger.child('bots'));
      engine = current;
      const logger = ctx.logger;

      // Missed rounds while stopped: replay them at their own times (bounded), before serving.
      await ctx.chain.exclusive(async (blockchain) => {
        const now = ctx.chain.now();
        const bounded = boundCatchUp(current.state.clock, current.state.nextSwitchEpoch, now, maxCatchUpRounds);
        if (bounded.anchor !== current.state.clock.anchor) {
          logger.warn(`stopped for long: only the last ${maxCatchUpRounds} rounds are replayed`);
          current.state.clock = bounded;
        }
        const began = performance.now();
        const notBefore = ctx.chain.transactions.latest(1)[0]?.transaction.now;
        const phases = await current.runDue(blockchain, now, { replay: true, stakers: false, notBefore });
        if (phases > 0) logger.info(`caught up ${phases} bot phases in ${Math.round(performance.now() - began)} ms`);
      });
      ctx.state.set(current.state);
      await refreshSummary(ctx, current);

      let running: Promise<void> | undefined;
      let stopped = false;
      /** After an infrastructure error: no phase runs before this (ms since epoch), and failures so far. */
      let retryAt = 0;
      let failures = 0;
      const tick = async () => {
        if (Date.now() < retryAt || ctx.chain.halted) return;
        const now = ctx.chain.now();
        if (now < nextPhaseAt(current)) return;
        const { state } = current;
        if (failures === 0 && current.epochAt(now) > state.nextSwitchEpoch) {
          // More than a round behind (POST /devnet/time/advance, or a stalled process): replaying in the past is
          // impossible once users have transacted, so the missed rounds collapse into one that starts now.
          state.clock = { ...state.clock, anchor: now - state.nextSwitchEpoch * state.clock.roundSeconds };
          state.nextLoanEpoch = state.nextSwitchEpoch;
          logger.info(`clock jumped ahead: round of epoch ${state.nextSwitchEpoch} starts now`);
        }
        try {
          await ctx.chain.exclusive(async (blockchain) => {
            await current.runDue(blockchain, ctx.chain.now(), { replay: false, stakers: false });
          });
        } catch (error) {
          // Refusals by contracts are handled inside the phases; what reaches here is the infrastructure failing
          // (emulator, chain, a bug). The failed phase is retried with a backoff, never skipped, and nothing is saved
          // until a phase succeeds: a saved schedule must never jump over rounds that did not run.
          failures += 1;
          const delayS = Math.min(2 ** (failures - 1), current.state.settings.roundSeconds);
          retryAt = Date.now() + delayS * 1000;
          logger.error(
            `bot phase failed (attempt ${failures}; retrying in ${delayS} s, schedule kept): ` +
              `${error instanceof Error ? (error.stack ?? error.message) : String(error)}`,
          );
          return;
        }
        if (failures > 0) logger.info(`bot phases running again after ${failures} failed attempt(s)`);
        failures = 0;
        retryAt = 0;
        ctx.state.set(current.state);
        await refreshSummary(ctx, current);
      };
      // The round length is fixed at genesis (it is in the persisted state); the environment cannot change it later.
      const tickMs = Math.max(200, Math.min(1000, (current.state.settings.roundSeconds * 1000) / 20));
      const timer = setInterval(() => {
        if (running || stopped) return;
        running = tick().finally(() => (running = undefined));
      }, tickMs);
      return async () => {
        stopped = true;
        clearInterval(timer);
        await running;
        // Only a schedule that ran is saved (after a failed phase the last saved one stays).
        if (failures === 0 && !ctx.chain.halted) ctx.state.set(current.state);
      };
    },

    config(ctx) {
      const state = engine?.state ?? ctx.state.get<ProtocolState>();
      if (!state) return {};
      const actors = engine?.actors;
      const versionOf = (address: string) => summary.versions.get(Address.parse(address).toRawString()) ?? null;
      const pools: DevnetPoolEntry[] = [
        { address: friendly(state.pool), version: versionOf(state.pool), label: MAIN_POOL_LABEL, jettonTicker: MAIN_POOL_JETTON_SYMBOL },
        ...(state.sidePools ?? []).map((side) => ({
          address: friendly(side.pool),
          version: versionOf(side.pool),
          label: side.label,
          ...(side.jettonTicker ? { jettonTicker: side.jettonTicker } : {}),
        })),
      ];
      return {
        pool: friendly(state.pool),
        pools,
        jettonMinter: friendly(state.jettonMinter),
        elector: Address.parse(state.elector).toRawString(),
        roundSeconds: state.settings.roundSeconds,
        currentRound: summary.currentRound,
        currentEpoch: summary.currentEpoch,
        nextRoundAt: epochStart(state.clock, state.nextSwitchEpoch),
        controllers: state.controllers.map((address, index) => ({
          id: 0,
          address: Address.parse(address).toRawString(),
          validator: actors ? friendly(actors.validators[index].address) : undefined,
        })),
        roles: actors
          ? {
              governor: friendly(actors.governor.address),
              interestManager: friendly(actors.interestManager.address),
              approver: friendly(actors.approver.address),
              halter: friendly(actors.halter.address),
            }
          : undefined,
        history: state.history,
      };
    },
  };
}

export const protocolExtensions: DevnetExtension[] = [createProtocolExtension()];
