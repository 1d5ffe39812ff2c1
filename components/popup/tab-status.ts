import { parseEditorRoute } from '@/lib/editor/route';

/**
 * What the popup says about the active tab. Without the `tabs` permission Chromium
 * shows a tab's URL only where the extension has host access — which it has on
 * www.etsy.com/your/* through its content script — so an unknown URL is never the editor.
 */
export function describeTab(url: string | undefined): { isEditor: boolean; text: string } {
  const route = url ? parseEditorRoute(url) : null;
  if (!route) {
    return {
      isEditor: false,
      text: 'This tab isn’t an Etsy listing editor. Open a listing in Shop Manager to use the copilot.',
    };
  }
  if (route.mode === 'edit') {
    return {
      isEditor: true,
      text: `This tab is the listing editor for listing ${route.listingId}.`,
    };
  }
  return { isEditor: true, text: 'This tab is the listing editor for a new listing.' };
}
