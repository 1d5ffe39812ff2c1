import '@/lib/zod-mini-config';
import { defineUnlistedScript } from '#imports';
import { createEditorHost } from '@/lib/bridge/editor-host';
import { publishEditorHost } from '@/lib/bridge/hook';

export default defineUnlistedScript(() => publishEditorHost(createEditorHost()));
