import '@/lib/zod-config';
import './style.css';
import { defineContentScript } from '#imports';
import { SHOP_MANAGER_MATCHES } from '@/lib/editor/selectors';
import { followEditorRoutes } from './follow-routes';

export default defineContentScript({
  matches: SHOP_MANAGER_MATCHES,
  cssInjectionMode: 'ui',
  runAt: 'document_idle',
  main(ctx) {
    followEditorRoutes(ctx);
  },
});
