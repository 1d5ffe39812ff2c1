import { browser } from '#imports';

/**
 * Makes sure the extension may reach a model server. The default Ollama hosts are in the
 * manifest; any other host is asked for here. Call it from a click handler: Chrome only
 * shows the prompt while the click's user activation lasts.
 */
export async function requestModelHostAccess(address: string): Promise<boolean> {
  const origins = [`${new URL(address).origin}/*`];
  if (await browser.permissions.contains({ origins })) return true;
  return browser.permissions.request({ origins });
}
