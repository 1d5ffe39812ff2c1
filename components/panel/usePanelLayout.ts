import { useCallback, useEffect, useState } from 'react';
import { panelLayout, type PanelLayout } from '@/lib/settings';

/** How the seller left the panel (collapsed, where, which theme), remembered across pages. */
export function usePanelLayout(): [PanelLayout | null, (next: Partial<PanelLayout>) => void] {
  const [layout, setLayout] = useState<PanelLayout | null>(null);
  useEffect(() => {
    void panelLayout.getValue().then(setLayout);
    return panelLayout.watch((value) => setLayout(value));
  }, []);
  const update = useCallback((next: Partial<PanelLayout>) => {
    setLayout((previous) => {
      if (!previous) return previous;
      const merged = { ...previous, ...next };
      void panelLayout.setValue(merged);
      return merged;
    });
  }, []);
  return [layout, update];
}
