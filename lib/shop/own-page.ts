/**
 * The shop page's port is for the extension's own pages only: no content script (even on
 * www.etsy.com), no other extension, no web page. Until the protocol's per-route trust table
 * lands, this is the check.
 */
export function fromOwnPage(sender: { id?: string; url?: string }, extensionId: string): boolean {
  if (sender.id !== extensionId || !sender.url) return false;
  const url = URL.parse(sender.url);
  return url !== null && url.protocol.endsWith('-extension:') && url.host === extensionId;
}
