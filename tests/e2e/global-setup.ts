import { existsSync } from 'node:fs';
import { findChromium } from '../../scripts/chromium';
import { EXTENSION_DIR } from '../../scripts/launch';

export default function globalSetup(): void {
  process.env.CHROMIUM_PATH = findChromium();
  if (!existsSync(`${EXTENSION_DIR}/manifest.json`)) {
    throw new Error('The extension is not built: run `npm run build:chrome` (npm test does this).');
  }
}
