import '@/lib/zod-mini-config';
import { defineUnlistedScript } from '#imports';
import { createEditorHost, publishEditorHost } from '@/lib/bridge/editor-host';

export default defineUnlistedScript(() => publishEditorHost(createEditorHost()));
