import { fileURLToPath } from 'node:url';
import { defineConfig } from 'wxt';

/**
 * Public half of a throwaway RSA key. It pins the unpacked extension's id to
 * blgfogbpcdmhohalginmiifilfkhopig, so the OAuth redirect URI registered at Etsy
 * (https://<id>.chromiumapp.org/) keeps working in every checkout. The Chrome Web
 * Store rejects a `key`, so store packages (`npm run zip` sets STORE_PACKAGE)
 * leave it out.
 */
const UNPACKED_ID_KEY =
  'MIIBIjANBgkqhkiG9w0BAQEFAAOCAQ8AMIIBCgKCAQEAps/g5khsH4asASVjj9mvosAZpFQmqvLgDqCFeSIbtGqTk5QLrcidUgUtHKTKDeJ6Etism1eTYiNrHPrSSiKUTkb1+4uEM7hLkTwpTBTkymnyIHRrstNBiGpnthG7/wfiPz22ensR9oQJ87SKgiwCqQEtGu8B5Xm14nIR0UXbA3m2eSYWGjkofWaCWdg+kbyIhBv9RzZtr583VqaqoNoykbPjA3l5vlgtahzogvROLMa8uouEH9DqWeuL6cgqsBIAsCBu3/DjDlQ+FkAhlvlZijhAV8T43iGH2Q7hNocBePNtaZ0z0P4od5dOe/epmuBjGQy693H6oBtqIpej5u9jdQIDAQAB';

export const OLLAMA_DEFAULT_ORIGINS = ['http://localhost:11434', 'http://127.0.0.1:11434'];

/** Hosts the seller can grant at runtime: another Ollama address, or an endpoint refusing CORS. */
const OPTIONAL_HOSTS = ['http://*/*', 'https://*/*'];

/**
 * @webext-core/messaging imports webextension-polyfill (about 10 KB, and several ms of setup
 * on every page load). In Chromium the extension's own pages don't need it: Manifest V3's
 * chrome.* APIs return promises, and those pages only send messages. So their Chrome build
 * gets WXT's own `browser` in its place. The background keeps the polyfill (its message
 * listener answers by returning a promise, which the polyfill turns into a reply), and so does
 * the Firefox build.
 */
let targetBrowser = 'chrome';
const POLYFILL_FREE_BROWSER = fileURLToPath(new URL('./lib/chromium-browser.ts', import.meta.url));

export default defineConfig({
  hooks: {
    'config:resolved': (wxt) => {
      targetBrowser = wxt.config.browser;
    },
    'vite:build:extendConfig': (entrypoints, viteConfig) => {
      if (targetBrowser !== 'chrome') return;
      if (entrypoints.some((entrypoint) => entrypoint.type === 'background')) return;
      viteConfig.resolve ??= {};
      viteConfig.resolve.alias = [
        ...(Array.isArray(viteConfig.resolve.alias)
          ? viteConfig.resolve.alias
          : Object.entries(viteConfig.resolve.alias ?? {}).map(([find, replacement]) => ({
              find,
              replacement,
            }))),
        { find: /^webextension-polyfill$/, replacement: POLYFILL_FREE_BROWSER },
      ];
    },
  },
  // Lets parallel checkouts' builds (and their E2E runs) keep out of each other's way.
  outDir: process.env.EXTENSION_OUT_DIR ?? '.output',
  modules: ['@wxt-dev/module-react'],
  manifest: ({ browser, manifestVersion }) => ({
    name: 'Etsy SEO Copilot',
    description:
      'Grades your Etsy listing against Etsy’s own rules and suggests a better title, tags and description — from a model you choose.',
    permissions: ['storage', 'identity', 'declarativeNetRequestWithHostAccess'],
    host_permissions: [
      'https://api.etsy.com/*',
      // The content script's own pattern (no new install warning): lets the popup see the
      // active tab's URL on Shop Manager pages without the broad `tabs` permission.
      'https://www.etsy.com/your/*',
      ...OLLAMA_DEFAULT_ORIGINS.map((origin) => `${origin}/*`),
    ],
    // Manifest V2 (the Firefox build) has no optional_host_permissions: host patterns go in
    // optional_permissions, or permissions.request({ origins }) is refused there.
    ...(manifestVersion === 2
      ? { optional_permissions: OPTIONAL_HOSTS }
      : { optional_host_permissions: OPTIONAL_HOSTS }),
    // The panel is an extension page in an iframe on Etsy's editor (the page's scripts can't
    // script it); the content script imports its editor half only on editor routes.
    web_accessible_resources: [
      {
        resources: ['panel.html', 'editor-host.js'],
        matches: ['https://www.etsy.com/*'],
      },
    ],
    ...(!process.env.STORE_PACKAGE && browser === 'chrome' ? { key: UNPACKED_ID_KEY } : {}),
    ...(browser === 'firefox'
      ? { browser_specific_settings: { gecko: { id: 'etsy-seo-copilot@example.org' } } }
      : {}),
  }),
});
