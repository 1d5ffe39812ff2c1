import { useRef, type KeyboardEvent, type PointerEvent, type ReactNode, type Ref } from 'react';
import type { Viewport } from '@/lib/bridge/protocol';
import type { PanelLayout } from '@/lib/panel-layout';

const STEP = 24;
const THEMES: PanelLayout['theme'][] = ['system', 'light', 'dark'];
const THEME_LABEL = { system: 'Theme: system', light: 'Theme: light', dark: 'Theme: dark' };

/** Keeps at least the handle's corner on the tab's viewport (not this frame's). */
function clampOffset(offset: PanelLayout['offset'], viewport: Viewport): PanelLayout['offset'] {
  const maxRight = Math.max(0, viewport.width - 120);
  const maxBottom = Math.max(0, viewport.height - 60);
  return {
    right: Math.min(Math.max(0, offset.right), maxRight),
    bottom: Math.min(Math.max(0, offset.bottom), maxBottom),
  };
}

/**
 * The floating panel: collapse, move (drag the handle, or focus it and use the arrow keys)
 * and theme. Everything it changes is remembered. It moves its whole frame on Etsy's page,
 * so a drag is measured in screen coordinates, which don't shift as the frame moves.
 */
export function PanelShell({
  layout,
  onLayout,
  viewport,
  sizer,
  subtitle,
  children,
}: {
  layout: PanelLayout;
  onLayout: (next: Partial<PanelLayout>) => void;
  viewport: Viewport;
  /** The element whose size the frame takes. */
  sizer: Ref<HTMLElement>;
  subtitle: ReactNode;
  children: ReactNode;
}) {
  const drag = useRef<{ x: number; y: number; right: number; bottom: number } | null>(null);

  const onPointerDown = (event: PointerEvent<HTMLButtonElement>) => {
    event.currentTarget.setPointerCapture(event.pointerId);
    drag.current = { x: event.screenX, y: event.screenY, ...layout.offset };
  };
  const onPointerMove = (event: PointerEvent<HTMLButtonElement>) => {
    const start = drag.current;
    if (!start) return;
    onLayout({
      offset: clampOffset(
        {
          right: start.right - (event.screenX - start.x),
          bottom: start.bottom - (event.screenY - start.y),
        },
        viewport,
      ),
    });
  };
  const onMoveKey = (event: KeyboardEvent<HTMLButtonElement>) => {
    const delta = {
      ArrowLeft: [STEP, 0],
      ArrowRight: [-STEP, 0],
      ArrowUp: [0, STEP],
      ArrowDown: [0, -STEP],
    }[event.key];
    if (!delta) return;
    event.preventDefault();
    onLayout({
      offset: clampOffset(
        {
          right: layout.offset.right + delta[0]!,
          bottom: layout.offset.bottom + delta[1]!,
        },
        viewport,
      ),
    });
  };
  const nextTheme = THEMES[(THEMES.indexOf(layout.theme) + 1) % THEMES.length]!;

  return (
    <section
      ref={sizer}
      className="panel"
      data-theme={layout.theme}
      data-collapsed={layout.collapsed}
      aria-label="Etsy SEO Copilot"
    >
      <header className="panel__header">
        <button
          type="button"
          className="icon-button panel__handle"
          aria-label="Move panel (drag, or use the arrow keys)"
          title="Move panel"
          onPointerDown={onPointerDown}
          onPointerMove={onPointerMove}
          onPointerUp={() => (drag.current = null)}
          onKeyDown={onMoveKey}
        >
          ⠿
        </button>
        <h2 className="panel__title">SEO Copilot</h2>
        <span className="panel__listing">{subtitle}</span>
        <button
          type="button"
          className="icon-button"
          aria-label={`${THEME_LABEL[layout.theme]} (switch to ${nextTheme})`}
          title={THEME_LABEL[layout.theme]}
          onClick={() => onLayout({ theme: nextTheme })}
        >
          {layout.theme === 'dark' ? '☾' : layout.theme === 'light' ? '☀' : '◐'}
        </button>
        <button
          type="button"
          className="icon-button"
          aria-expanded={!layout.collapsed}
          aria-label={layout.collapsed ? 'Expand panel' : 'Collapse panel'}
          onClick={() => onLayout({ collapsed: !layout.collapsed })}
        >
          {layout.collapsed ? '▴' : '▾'}
        </button>
      </header>
      {!layout.collapsed && <div className="panel__body">{children}</div>}
    </section>
  );
}
