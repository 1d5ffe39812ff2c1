import { useCallback, useEffect, useState, useSyncExternalStore, type RefCallback } from 'react';
import type { PageLink } from '@/lib/bridge/page-link';
import type { PanelLayout } from '@/lib/settings';

/** The tab's viewport, as the content script last reported it. */
export function useViewport(link: PageLink) {
  return useSyncExternalStore(link.onViewport, link.viewport);
}

/**
 * Keeps the panel's frame on Etsy's page where the layout says and as big as the panel is:
 * returns the ref for the element to measure.
 */
export function useFramePlacement(
  link: PageLink,
  offset: PanelLayout['offset'],
): RefCallback<HTMLElement> {
  const [size, setSize] = useState<{ width: number; height: number } | null>(null);
  useEffect(() => {
    if (size) link.place({ ...offset, ...size });
  }, [link, offset, size]);
  return useCallback((element: HTMLElement | null) => {
    if (!element) return;
    const measure = () => {
      const next = { width: element.offsetWidth, height: element.offsetHeight };
      setSize((last) => (last?.width === next.width && last.height === next.height ? last : next));
    };
    // Measured at once: Chromium doesn't run a hidden frame's rendering steps (nor its
    // ResizeObserver) until the frame is shown, and it is shown once placed.
    measure();
    const observer = new ResizeObserver(measure);
    observer.observe(element);
    return () => observer.disconnect();
  }, []);
}
