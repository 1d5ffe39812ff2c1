import type { FramePlacement } from './protocol';

/**
 * Inline `!important` styles beat any stylesheet on the page, so Etsy's CSS can neither hide
 * nor reshape the frame. It stays invisible until the panel says where it goes.
 */
const BASE_STYLE: Record<string, string> = {
  position: 'fixed',
  'z-index': '2147483000',
  display: 'block',
  border: 'none',
  margin: '0',
  padding: '0',
  'border-radius': '12px',
  'box-shadow': '0 6px 24px rgba(0, 0, 0, 0.14)',
  'color-scheme': 'normal',
  width: '0',
  height: '0',
  visibility: 'hidden',
};

function setStyles(element: HTMLElement, styles: Record<string, string>) {
  for (const [name, value] of Object.entries(styles)) {
    element.style.setProperty(name, value, 'important');
  }
}

/** The panel's iframe: an extension page the page's scripts can see but never script. */
export function createPanelFrame(src: string): HTMLIFrameElement {
  const frame = document.createElement('iframe');
  frame.src = src;
  frame.title = 'Etsy SEO Copilot';
  frame.dataset.etsySeoCopilot = 'panel';
  // Copy buttons write the clipboard from inside the frame.
  frame.allow = 'clipboard-write';
  setStyles(frame, BASE_STYLE);
  return frame;
}

/** Places and sizes the frame; its height never exceeds the viewport less a margin. */
export function placeFrame(frame: HTMLIFrameElement, placement: FramePlacement): void {
  const maxHeight = Math.max(60, window.innerHeight - 120);
  setStyles(frame, {
    right: `${placement.right}px`,
    bottom: `${placement.bottom}px`,
    width: `${placement.width}px`,
    height: `${Math.min(placement.height, maxHeight)}px`,
    visibility: 'visible',
  });
}
