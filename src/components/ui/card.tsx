import { useId, type ReactNode, type Ref } from 'react';

interface CardProps {
  title?: ReactNode;
  /** Accessible name when there is no visible title. */
  label?: string;
  actions?: ReactNode;
  children: ReactNode;
  className?: string;
  ref?: Ref<HTMLElement>;
}

/** A titled section; the title names it, so screen readers and tests find it as region "<title>". */
export function Card({ title, label, actions, children, className = '', ref }: CardProps) {
  const titleId = useId();
  const named = !label && Boolean(title);
  return (
    <section
      ref={ref}
      aria-label={label}
      aria-labelledby={named ? titleId : undefined}
      className={`rounded-2xl border border-slate-200 bg-white p-5 shadow-sm dark:border-slate-800 dark:bg-slate-900 ${className}`}
    >
      {(title || actions) && (
        <header className="mb-4 flex items-center justify-between gap-3">
          {title && (
            <h2 id={titleId} className="text-lg font-semibold">
              {title}
            </h2>
          )}
          {actions}
        </header>
      )}
      {children}
    </section>
  );
}
