import { useEffect, useRef, useState, type ReactNode } from 'react';

interface DeferUntilVisibleProps {
  /** Shown (and observed) until it comes near the viewport; should take about the space the content will. */
  placeholder: ReactNode;
  children: ReactNode;
  /** How far outside the viewport counts as near: content starts loading just before it is scrolled to. */
  rootMargin?: string;
}

/**
 * Mounts below-the-fold content (charts: recharts is the biggest chunk and the longest render) only when it is about
 * to be seen, so the first screen loads and settles without it. Once mounted it stays mounted.
 */
export function DeferUntilVisible({ placeholder, children, rootMargin = '300px' }: DeferUntilVisibleProps) {
  const [near, setNear] = useState(() => typeof IntersectionObserver === 'undefined');
  const anchor = useRef<HTMLDivElement>(null);
  useEffect(() => {
    const node = anchor.current;
    if (near || !node) return;
    const observer = new IntersectionObserver(
      (entries) => {
        if (entries.some((entry) => entry.isIntersecting)) {
          setNear(true);
          observer.disconnect();
        }
      },
      { rootMargin },
    );
    observer.observe(node);
    return () => observer.disconnect();
  }, [near, rootMargin]);
  return near ? children : <div ref={anchor}>{placeholder}</div>;
}
