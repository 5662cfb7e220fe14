/** "at 14:05 (in about 2 min)", or the protocol's rule when the exact time is not known. */
export function payoutTimeText(payoutAt: number | null, nowS = Date.now() / 1000): string {
  if (payoutAt === null) return 'at the end of the current validation round (about every 18 hours)';
  const seconds = Math.round(payoutAt - nowS);
  const clock = new Date(payoutAt * 1000).toLocaleTimeString(undefined, { hour: '2-digit', minute: '2-digit', second: '2-digit' });
  if (seconds <= 0) return `at the round switch that is due now (${clock})`;
  const wait = seconds < 90 ? `${seconds} s` : seconds < 5400 ? `${Math.round(seconds / 60)} min` : `${Math.round(seconds / 3600)} h`;
  return `at about ${clock} (in ${wait})`;
}
