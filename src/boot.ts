// The entry index.html loads: tiny on purpose. With the prerendered shell on screen (app/first-paint.ts) it lets the
// browser show it first, then loads React and the app (main.tsx). On a slow phone that puts the first paint right
// after the HTML and CSS instead of after ~65 KB of script; everyone else (dev server, a visitor the shell does not
// fit) goes straight on. The stylesheet is imported here so it stays a <link> in index.html, ahead of any script.
import './index.css';
import { prerenderedShellShown } from './app/shell-markers';

/**
 * Longest wait for the browser to report the first paint: one that reports paints but never this one still starts.
 * Longer than the ~1.1 s that headless Chromium sometimes takes to present the first frame (3 Lighthouse runs in 8):
 * the chunks wait for it there too, instead of counting as part of what the paint waited for.
 */
const FIRST_PAINT_WAIT_MS = 2_000;

/** Resolves once a frame has been produced (rAF runs just before it; the timeout after it). */
function afterNextFrame(): Promise<void> {
  return new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve, 0)));
}

/**
 * Resolves once the browser reports the first contentful paint: the shell is on screen. A frame having been produced
 * is not enough: it is presented some time later, and script requests started in between compete with it (Lighthouse
 * then counts the chunks as part of what the first paint waited for, and puts it 0.6 s later).
 */
function afterFirstPaint(): Promise<void> {
  // A tab opened in the background produces no frames until it is shown (rAF waits for that): with nothing to paint
  // first, it loads the app at once, so the tab is ready when the user turns to it.
  if (document.visibilityState === 'hidden') return Promise.resolve();
  if (typeof PerformanceObserver === 'undefined' || !PerformanceObserver.supportedEntryTypes?.includes('paint')) return afterNextFrame();
  return new Promise((resolve) => {
    const done = () => {
      observer.disconnect();
      clearTimeout(cap);
      resolve();
    };
    const observer = new PerformanceObserver((entries) => {
      if (entries.getEntriesByName('first-contentful-paint').length > 0) done();
    });
    const cap = setTimeout(done, FIRST_PAINT_WAIT_MS);
    observer.observe({ type: 'paint', buffered: true });
  });
}

async function boot(): Promise<void> {
  if (prerenderedShellShown(document)) await afterFirstPaint();
  // In a build both chunks download in parallel (main.tsx imports the app chunk itself; this only starts the fetch
  // sooner). They are not preloaded from index.html: a preload there is a high-priority download the first paint
  // would wait for. Not on the dev server, where main.tsx must install the Buffer polyfill before @ton/* evaluates.
  const app = import.meta.env.DEV ? null : import('./app/root').catch(() => undefined); // a failure is main.tsx's to report
  await import('./main');
  await app;
}

void boot();
