// Settings of the protocol extension: environment variables with defaults, overridable in-process (tests).

export interface ProtocolSettings {
  /** Length of one devnet round (one validator-set period) in devnet seconds. */
  roundSeconds: number;
  /** Number of validator controllers (one validator wallet each). */
  controllers: number;
  /** Seed of every random choice (rewards, stakers): same seed, same history. */
  seed: string;
  /** Round (devnet epoch index) in which one validator gets slashed; undefined = never. */
  slashRound: number | undefined;
  /** Rounds simulated in the past at genesis so charts have data at once. */
  historyRounds: number;
  /** Seeded staker wallets that deposit and withdraw during the history. */
  stakers: number;
  /** After a restart, at most this many missed rounds are replayed; older ones are skipped. */
  maxCatchUpRounds: number;
}

export const DEFAULT_PROTOCOL_SETTINGS: ProtocolSettings = {
  roundSeconds: 120,
  controllers: 3,
  seed: 'lst-devnet',
  slashRound: undefined,
  historyRounds: 30,
  stakers: 4,
  maxCatchUpRounds: 30,
};

/** Shortest round the schedule supports: switch, loan window and stake must each get their own second. */
export const MIN_ROUND_SECONDS = 4;

function integerSetting(env: Record<string, string | undefined>, name: string, min: number, max: number): number | undefined {
  const raw = env[name];
  if (raw === undefined || raw.trim() === '') return undefined;
  const value = Number(raw);
  if (!Number.isSafeInteger(value) || value < min || value > max) {
    throw new RangeError(`${name}=${raw}: expected an integer between ${min} and ${max}`);
  }
  return value;
}

/** Reads DEVNET_ROUND_SECONDS, DEVNET_CONTROLLERS, DEVNET_SEED, DEVNET_SLASH_ROUND, DEVNET_HISTORY_ROUNDS, DEVNET_STAKERS. */
export function protocolSettingsFromEnv(
  env: Record<string, string | undefined>,
  overrides: Partial<ProtocolSettings> = {},
): ProtocolSettings {
  const fromEnv: Partial<ProtocolSettings> = {
    roundSeconds: integerSetting(env, 'DEVNET_ROUND_SECONDS', MIN_ROUND_SECONDS, 7 * 24 * 3600),
    controllers: integerSetting(env, 'DEVNET_CONTROLLERS', 1, 16),
    slashRound: integerSetting(env, 'DEVNET_SLASH_ROUND', 0, 1_000_000),
    historyRounds: integerSetting(env, 'DEVNET_HISTORY_ROUNDS', 0, 500),
    stakers: integerSetting(env, 'DEVNET_STAKERS', 0, 32),
    seed: env.DEVNET_SEED?.trim() || undefined,
  };
  const settings = { ...DEFAULT_PROTOCOL_SETTINGS };
  for (const source of [fromEnv, overrides]) {
    for (const [key, value] of Object.entries(source)) {
      if (value !== undefined) (settings as Record<string, unknown>)[key] = value;
    }
  }
  if (settings.roundSeconds < MIN_ROUND_SECONDS) {
    throw new RangeError(`roundSeconds ${settings.roundSeconds} is below the minimum of ${MIN_ROUND_SECONDS}`);
  }
  return settings;
}
