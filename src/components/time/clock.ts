// One clock for every countdown on the page: the round tile and each bill's ETA read the same second from one timer,
// so they never disagree (issue 16 item 7).
import { useSyncExternalStore } from 'react';

const listeners = new Set<() => void>();
let nowS = Math.floor(Date.now() / 1000);
let timer: ReturnType<typeof setInterval> | undefined;

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  if (timer === undefined) {
    nowS = Math.floor(Date.now() / 1000);
    timer = setInterval(() => {
      const next = Math.floor(Date.now() / 1000);
      if (next === nowS) return;
      nowS = next;
      listeners.forEach((notify) => notify());
    }, 250);
  }
  return () => {
    listeners.delete(listener);
    if (listeners.size === 0 && timer !== undefined) {
      clearInterval(timer);
      timer = undefined;
    }
  };
}

/** Wall-clock unix seconds, shared by every component on the page and re-rendered once per second. */
export function useNowSeconds(): number {
  return useSyncExternalStore(
    subscribe,
    () => nowS,
    () => nowS,
  );
}

/** "12 s", "4 min 09 s", "1 h 05 min", "2 d 03 h": the one way the app writes a wait. */
export function formatDuration(seconds: number): string {
  const s = Math.max(0, Math.floor(seconds));
  const pad = (n: number) => String(n).padStart(2, '0');
  if (s >= 86_400) return `${Math.floor(s / 86_400)} d ${pad(Math.floor((s % 86_400) / 3600))} h`;
  if (s >= 3600) return `${Math.floor(s / 3600)} h ${pad(Math.floor((s % 3600) / 60))} min`;
  if (s >= 60) return `${Math.floor(s / 60)} min ${pad(s % 60)} s`;
  return `${s} s`;
}

/** What a round that is due is waiting for, said wherever "due now" is shown. */
export const ROUND_DUE_EXPLANATION = 'the round has ended; waiting for the validators to repay and the pool to switch rounds';

/** "Dec 4, 01:05 PM" in the reader's locale: the one date format of charts and histories. */
export function formatDateTime(unixSeconds: number): string {
  return new Date(unixSeconds * 1000).toLocaleString(undefined, { month: 'short', day: 'numeric', hour: '2-digit', minute: '2-digit' });
}
