import { formatDuration, ROUND_DUE_EXPLANATION } from '../time/clock';

/**
 * "at about 14:05:10 (in 4 min 09 s)", or the protocol's rule when the exact time is not known. `nowS` comes from
 * useNowSeconds, the same clock as the round tile, so both show the same wait.
 */
export function payoutTimeText(payoutAt: number | null, nowS: number): string {
  if (payoutAt === null) return 'at the end of the current validation round (about every 18 hours)';
  const seconds = payoutAt - Math.floor(nowS);
  const clock = new Date(payoutAt * 1000).toLocaleTimeString(undefined, { hour: '2-digit', minute: '2-digit', second: '2-digit' });
  if (seconds <= 0) return `at the round switch, due now (${clock}): ${ROUND_DUE_EXPLANATION}`;
  return `at about ${clock} (in ${formatDuration(seconds)})`;
}
