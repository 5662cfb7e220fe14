import type { ReactNode } from 'react';
import { useNearViewport } from './use-near-viewport';

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
  const [anchor, near] = useNearViewport<HTMLDivElement>(rootMargin);
  return near ? children : <div ref={anchor}>{placeholder}</div>;
}
