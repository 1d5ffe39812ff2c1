import { useCallback, useEffect, useState } from 'react';
import { panelLayout, type PanelLayout } from '@/lib/panel-layout';

/**
 * How the seller left the panel (collapsed, where, which theme), remembered across pages.
 * `initial` is the stored layout read before the first render, so the panel shows at once.
 */
export function usePanelLayout(
  initial: PanelLayout,
): [PanelLayout, (next: Partial<PanelLayout>) => void] {
  const [layout, setLayout] = useState<PanelLayout>(initial);
  useEffect(() => panelLayout.watch((value) => setLayout(value)), []);
  const update = useCallback((next: Partial<PanelLayout>) => {
    setLayout((previous) => {
      const merged = { ...previous, ...next };
      void panelLayout.setValue(merged);
      return merged;
    });
  }, []);
  return [layout, update];
}
