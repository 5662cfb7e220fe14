import { formatDuration, formatTimeOfDay, roundDueExplanation } from '../time/clock';
import { tNow } from '../../i18n/messages';
import { payoutTimeMessages } from './messages';

/**
 * "at about 14:05:10 (in 4 min 09 s)", or the protocol's rule when the exact time is not known. `nowS` comes from
 * useNowSeconds, the same clock as the round tile, so both show the same wait.
 */
export function payoutTimeText(payoutAt: number | null, nowS: number): string {
  const t = tNow(payoutTimeMessages);
  if (payoutAt === null) return t('unknown');
  const seconds = payoutAt - Math.floor(nowS);
  const clock = formatTimeOfDay(payoutAt * 1000);
  if (seconds <= 0) return t('due', { clock, explanation: roundDueExplanation() });
  return t('at', { clock, wait: formatDuration(seconds) });
}
