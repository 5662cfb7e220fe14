interface SkeletonProps {
  className?: string;
  /** Announced to screen readers while loading. */
  label?: string;
}

export function Skeleton({ className = 'h-5 w-24', label = 'Loading' }: SkeletonProps) {
  return (
    <span
      role="status"
      aria-label={label}
      className={`inline-block animate-pulse rounded-md bg-slate-200 dark:bg-slate-800 ${className}`}
    />
  );
}
