/**
 * Reports an error thrown by one of several callbacks run together (listeners, timers) so the caller can go on with
 * the rest: to the browser's error reporting (window.onerror, the console) where it exists, else the console.
 */
export function reportCallbackError(error: unknown): void {
  if (typeof reportError === 'function') reportError(error);
  else console.error(error);
}
