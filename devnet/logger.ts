// Minimal leveled logger; tests pass a silent one so vitest output stays readable.
export interface Logger {
  info(message: string): void;
  warn(message: string): void;
  error(message: string): void;
  child(prefix: string): Logger;
}

export function consoleLogger(prefix = 'devnet'): Logger {
  const line = (message: string) => `${new Date().toISOString().slice(11, 23)} [${prefix}] ${message}`;
  return {
    info: (message) => console.log(line(message)),
    warn: (message) => console.warn(line(message)),
    error: (message) => console.error(line(message)),
    child: (child) => consoleLogger(`${prefix}:${child}`),
  };
}

export function silentLogger(): Logger {
  const noop = () => {};
  return { info: noop, warn: noop, error: noop, child: () => silentLogger() };
}

/** Collects lines in memory: tests assert that rejected requests are logged with their reason. */
export function memoryLogger(lines: string[] = [], prefix = 'devnet'): Logger & { lines: string[] } {
  const push = (level: string) => (message: string) => lines.push(`${level} [${prefix}] ${message}`);
  return {
    lines,
    info: push('info'),
    warn: push('warn'),
    error: push('error'),
    child: (child) => memoryLogger(lines, `${prefix}:${child}`),
  };
}
