import { useEffect, useState } from 'react';

/**
 * Whether an element has come near the viewport (`rootMargin` beyond its edges), for content that should load only
 * when it is about to be seen. Once near it stays near. Attach the returned callback as the element's `ref`.
 */
export function useNearViewport<T extends Element>(rootMargin = '300px'): [(node: T | null) => void, boolean] {
  const [near, setNear] = useState(() => typeof IntersectionObserver === 'undefined');
  const [node, setNode] = useState<T | null>(null);
  useEffect(() => {
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
  }, [near, node, rootMargin]);
  return [setNode, near];
}
