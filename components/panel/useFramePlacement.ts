import { useCallback, useEffect, useRef, useSyncExternalStore, type RefCallback } from 'react';
import type { PageLink } from '@/lib/bridge/page-link';
import type { FramePlacement } from '@/lib/bridge/protocol';
import type { PanelLayout } from '@/lib/panel-layout';

/** The tab's viewport, as the content script last reported it. */
export function useViewport(link: PageLink) {
  return useSyncExternalStore(link.onViewport, link.viewport);
}

const samePlacement = (a: FramePlacement | null, b: FramePlacement) =>
  !!a &&
  a.right === b.right &&
  a.bottom === b.bottom &&
  a.width === b.width &&
  a.height === b.height;

/**
 * Keeps the panel's frame on Etsy's page where the layout says and as big as the panel is:
 * returns the ref for the element to measure. The frame is placed (and so shown) in the same
 * commit that first renders the panel, with no render of its own.
 */
export function useFramePlacement(
  link: PageLink,
  offset: PanelLayout['offset'],
): RefCallback<HTMLElement> {
  const offsetNow = useRef(offset);
  const size = useRef<{ width: number; height: number } | null>(null);
  const placed = useRef<FramePlacement | null>(null);
  const place = useCallback(() => {
    if (!size.current) return;
    const next = { ...offsetNow.current, ...size.current };
    if (samePlacement(placed.current, next)) return;
    placed.current = next;
    link.place(next);
  }, [link]);
  useEffect(() => {
    offsetNow.current = offset;
    place();
  }, [offset, place]);
  return useCallback(
    (element: HTMLElement | null) => {
      if (!element) return;
      const measure = () => {
        size.current = { width: element.offsetWidth, height: element.offsetHeight };
        place();
      };
      // Measured at once: Chromium doesn't run a hidden frame's rendering steps (nor its
      // ResizeObserver) until the frame is shown, and it is shown once placed.
      measure();
      const observer = new ResizeObserver(measure);
      observer.observe(element);
      return () => observer.disconnect();
    },
    [place],
  );
}
