import { useEffect, useState } from 'react';
import type { EditorReadout } from '@/lib/editor/read';
import { watchEditor } from '@/lib/editor/watch';

/** The editor's fields, live as the seller types; null until the first read. */
export function useEditorReadout(): EditorReadout | null {
  const [readout, setReadout] = useState<EditorReadout | null>(null);
  useEffect(() => {
    const controller = new AbortController();
    watchEditor(document, setReadout, { signal: controller.signal });
    return () => controller.abort();
  }, []);
  return readout;
}
