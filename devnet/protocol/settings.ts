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
  /** v2 instant withdrawal fee of the main pool, a share of 2^24, set by the governor at genesis. */
  instantWithdrawalFee: number;
}

/** 2^24: the fixed-point basis of the pool's fee shares. */
export const FEE_SHARE_BASIS = 2 ** 24;
/** 0.25 % of 2^24, rounded down: the main pool's default instant withdrawal fee. */
export const DEFAULT_INSTANT_WITHDRAWAL_FEE = 41943;
/** Above this a fee is refused at start: instant withdrawals would be worthless (the contract takes any uint24). */
export const MAX_INSTANT_WITHDRAWAL_FEE = FEE_SHARE_BASIS / 2;

export const DEFAULT_PROTOCOL_SETTINGS: ProtocolSettings = {
  roundSeconds: 120,
  controllers: 3,
  seed: 'lst-devnet',
  slashRound: undefined,
  historyRounds: 30,
  stakers: 4,
  maxCatchUpRounds: 30,
  instantWithdrawalFee: DEFAULT_INSTANT_WITHDRAWAL_FEE,
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

/**
 * DEVNET_INSTANT_WITHDRAWAL_FEE: either a share of 2^24 (an integer, `41943` = 0.25 %) or a percentage with its
 * sign (`0.25%`, rounded down to a share of 2^24). 0 turns the fee off; at most 50 %.
 */
export function parseInstantWithdrawalFee(raw: string): number {
  const text = raw.trim();
  const expected =
    `expected a share of 2^24 (an integer from 0 to ${MAX_INSTANT_WITHDRAWAL_FEE}, e.g. ${DEFAULT_INSTANT_WITHDRAWAL_FEE} = 0.25 %) ` +
    'or a percentage from 0% to 50% (e.g. 0.25%)';
  const fail = (): never => {
    throw new RangeError(`DEVNET_INSTANT_WITHDRAWAL_FEE=${JSON.stringify(raw)}: ${expected}`);
  };
  const percent = /^(\d+(?:\.\d+)?)\s*%$/.exec(text);
  let share: number;
  if (percent) share = Math.floor((Number(percent[1]) / 100) * FEE_SHARE_BASIS);
  else if (/^\d+$/.test(text)) share = Number(text);
  else return fail();
  if (!Number.isSafeInteger(share) || share < 0 || share > MAX_INSTANT_WITHDRAWAL_FEE) return fail();
  return share;
}

/**
 * Reads DEVNET_ROUND_SECONDS, DEVNET_CONTROLLERS, DEVNET_SEED, DEVNET_SLASH_ROUND, DEVNET_HISTORY_ROUNDS, DEVNET_STAKERS,
 * DEVNET_INSTANT_WITHDRAWAL_FEE. Throws a RangeError naming the variable for a bad value.
 */
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
    instantWithdrawalFee:
      env.DEVNET_INSTANT_WITHDRAWAL_FEE === undefined || env.DEVNET_INSTANT_WITHDRAWAL_FEE.trim() === ''
        ? undefined
        : parseInstantWithdrawalFee(env.DEVNET_INSTANT_WITHDRAWAL_FEE),
  };
  const settings = { ...DEFAULT_PROTOCOL_SETTINGS };
  for (const source of [fromEnv, overrides]) {
    for (const [key, value] of Object.entries(source)) {
      if (value !== undefined) (settings as Record<string, unknown>)[key] = value;
    }
  }
  if (!Number.isSafeInteger(settings.instantWithdrawalFee) || settings.instantWithdrawalFee < 0 || settings.instantWithdrawalFee > MAX_INSTANT_WITHDRAWAL_FEE) {
    throw new RangeError(`instantWithdrawalFee ${settings.instantWithdrawalFee} is not a share of 2^24 from 0 to ${MAX_INSTANT_WITHDRAWAL_FEE}`);
  }
  if (settings.roundSeconds < MIN_ROUND_SECONDS) {
    throw new RangeError(`roundSeconds ${settings.roundSeconds} is below the minimum of ${MIN_ROUND_SECONDS}`);
  }
  return settings;
}
