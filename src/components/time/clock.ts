// One clock for every countdown on the page: the round tile and each bill's ETA read the same second from one timer,
// so they never disagree (issue 16 item 7).
import { useSyncExternalStore } from 'react';
import { defineMessages, tNow } from '../../i18n/messages';
import { dateFormat, intlLocale } from '../../i18n/numbers';

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

export const clockMessages = defineMessages(
  {
    days: '{d} d {h} h',
    hours: '{h} h {m} min',
    minutes: '{m} min {s} s',
    seconds: '{s} s',
    roundDue: 'the round has ended; waiting for the validators to repay and the pool to switch rounds',
  },
  {
    days: '{d} д {h} ч',
    hours: '{h} ч {m} мин',
    minutes: '{m} мин {s} с',
    seconds: '{s} с',
    roundDue: 'раунд закончился; ждём, пока валидаторы вернут займы и пул сменит раунд',
  },
);

/** "12 s", "4 min 09 s", "1 h 05 min", "2 d 03 h": the one way the app writes a wait (in the reader's language). */
export function formatDuration(seconds: number): string {
  const t = tNow(clockMessages);
  const s = Math.max(0, Math.floor(seconds));
  const pad = (n: number) => String(n).padStart(2, '0');
  if (s >= 86_400) return t('days', { d: Math.floor(s / 86_400), h: pad(Math.floor((s % 86_400) / 3600)) });
  if (s >= 3600) return t('hours', { h: Math.floor(s / 3600), m: pad(Math.floor((s % 3600) / 60)) });
  if (s >= 60) return t('minutes', { m: Math.floor(s / 60), s: pad(s % 60) });
  return t('seconds', { s });
}

/** What a round that is due is waiting for, said wherever "due now" is shown. */
export function roundDueExplanation(): string {
  return tNow(clockMessages)('roundDue');
}

/** "Dec 4, 01:05 PM" / "4 дек., 13:05": the one date format of charts and histories, in the reader's language. */
export function formatDateTime(unixSeconds: number): string {
  return dateFormat(intlLocale(), { month: 'short', day: 'numeric', hour: '2-digit', minute: '2-digit' }).format(new Date(unixSeconds * 1000));
}

/** "13:05:09": a time of day, in the reader's language. */
export function formatTimeOfDay(unixMs: number): string {
  return dateFormat(intlLocale(), { hour: '2-digit', minute: '2-digit', second: '2-digit' }).format(new Date(unixMs));
}
