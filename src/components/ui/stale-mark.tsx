/** Beside a figure whose latest refresh failed: it is what was last read, at that time. */
export function StaleMark({ updatedAt, testId = 'stale-mark' }: { updatedAt: number; testId?: string }) {
  const time = new Date(updatedAt).toLocaleTimeString(undefined, { hour: '2-digit', minute: '2-digit', second: '2-digit' });
  return (
    <span
      data-testid={testId}
      title={`Could not refresh: last read at ${time}`}
      className="ml-2 inline-flex items-center rounded-full bg-amber-100 px-2 py-0.5 align-middle text-xs font-medium text-amber-900 dark:bg-amber-900 dark:text-amber-100"
    >
      stale · {time}
    </span>
  );
}
