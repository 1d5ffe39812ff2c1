import { chromium, type BrowserContext, type Worker } from '@playwright/test';
import { fileURLToPath } from 'node:url';

export const EXTENSION_DIR = fileURLToPath(
  new URL(`../${process.env.EXTENSION_OUT_DIR ?? '.output'}/chrome-mv3`, import.meta.url),
);

export interface LaunchOptions {
  executablePath: string;
  /** Port of the local HTTPS server standing in for www.etsy.com and api.etsy.com. */
  etsyPort: number;
  /** Port of a local server to stand in for Ollama at localhost:11434; omit to reach the real one. */
  ollamaPort?: number;
  headless: boolean;
  userDataDir?: string;
}

/**
 * Chromium with the built extension loaded and Etsy's (and Ollama's default) hostnames
 * mapped onto local servers. The extension keeps its production URLs: nothing in it
 * knows it is talking to a sandbox.
 */
export async function launchWithExtension(options: LaunchOptions): Promise<{
  context: BrowserContext;
  extensionId: string;
  serviceWorker: Worker;
}> {
  const rules = [
    `MAP www.etsy.com 127.0.0.1:${options.etsyPort}`,
    `MAP api.etsy.com 127.0.0.1:${options.etsyPort}`,
    `MAP openapi.etsy.com 127.0.0.1:${options.etsyPort}`,
    `MAP i.etsystatic.com 127.0.0.1:${options.etsyPort}`,
    ...(options.ollamaPort === undefined
      ? []
      : [
          `MAP localhost:11434 127.0.0.1:${options.ollamaPort}`,
          `MAP 127.0.0.1:11434 127.0.0.1:${options.ollamaPort}`,
        ]),
  ].join(', ');
  const context = await chromium.launchPersistentContext(options.userDataDir ?? '', {
    executablePath: options.executablePath,
    headless: options.headless,
    viewport: { width: 1280, height: 900 },
    args: [
      `--disable-extensions-except=${EXTENSION_DIR}`,
      `--load-extension=${EXTENSION_DIR}`,
      `--host-resolver-rules=${rules}`,
      '--ignore-certificate-errors',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
  let [serviceWorker] = context.serviceWorkers();
  serviceWorker ??= await context.waitForEvent('serviceworker');
  const extensionId = new URL(serviceWorker.url()).host;
  return { context, extensionId, serviceWorker };
}
