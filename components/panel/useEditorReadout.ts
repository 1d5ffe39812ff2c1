import { useEffect, useState } from 'react';
import type { EditorAdapter } from '@/lib/editor/adapter';
import type { EditorReadout } from '@/lib/editor/read';

/** The editor's fields, live as the seller types; null until the first read. */
export function useEditorReadout(editor: EditorAdapter): EditorReadout | null {
  const [readout, setReadout] = useState<EditorReadout | null>(null);
  useEffect(() => {
    const controller = new AbortController();
    editor.watch(setReadout, controller.signal);
    return () => controller.abort();
  }, [editor]);
  return readout;
}
