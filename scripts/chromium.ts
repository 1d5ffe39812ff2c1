import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';

const CANDIDATES = [
  '/usr/bin/chromium',
  '/usr/bin/chromium-browser',
  '/snap/bin/chromium',
  '/usr/bin/google-chrome',
  '/usr/bin/google-chrome-stable',
  '/Applications/Chromium.app/Contents/MacOS/Chromium',
  '/Applications/Google Chrome.app/Contents/MacOS/Google Chrome',
];

const HOW_TO_GET_ONE =
  'No Chromium or Chrome found. Install one (Debian/Ubuntu: `sudo apt-get install chromium`), ' +
  'or point CHROMIUM_PATH at its executable, e.g. `CHROMIUM_PATH=/path/to/chrome npm test`.';

/**
 * The browser both `npm start` and `npm test` use: CHROMIUM_PATH, else an installed
 * Chromium or Chrome; on a fresh Debian machine run as root, Debian's chromium is
 * installed (and we say so). Otherwise it explains how to get one.
 */
export function findChromium(log: (line: string) => void = console.log): string {
  const fromEnv = process.env.CHROMIUM_PATH;
  if (fromEnv) {
    if (!existsSync(fromEnv)) throw new Error(`CHROMIUM_PATH=${fromEnv} does not exist.`);
    return fromEnv;
  }
  const found = CANDIDATES.find((path) => existsSync(path));
  if (found) return found;
  if (canAptInstall()) {
    log("No Chromium found: installing Debian's chromium package with apt-get (one time)…");
    execFileSync('apt-get', ['update', '-qq'], { stdio: 'inherit' });
    execFileSync('apt-get', ['install', '-y', '-qq', 'chromium'], {
      stdio: 'inherit',
      env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' },
    });
    if (existsSync('/usr/bin/chromium')) return '/usr/bin/chromium';
  }
  throw new Error(HOW_TO_GET_ONE);
}

function canAptInstall(): boolean {
  if (process.platform !== 'linux' || process.getuid?.() !== 0) return false;
  return spawnSync('apt-get', ['--version'], { stdio: 'ignore' }).status === 0;
}
