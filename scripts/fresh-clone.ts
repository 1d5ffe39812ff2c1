/**
 * Proves the repository stands alone: clones HEAD into an empty temporary folder (no
 * the shared reference folder or anything else beside it), runs the README's `npm ci && npm start` there
 * with no display, and checks that it exits 0 and writes its four screenshots.
 * Exits non-zero, saying which step failed.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const SCREENSHOTS = ['panel.png', 'suggestions.png', 'popup.png', 'options.png'];
const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

const parent = mkdtempSync(join(tmpdir(), 'etsy-seo-copilot-fresh-'));
const clone = join(parent, 'etsy-seo-copilot');
// A fresh machine: no display, and none of this checkout's build settings.
const env: NodeJS.ProcessEnv = { ...process.env, CI: 'true' };
delete env.DISPLAY;
delete env.EXTENSION_OUT_DIR;

let failure: string | null;
try {
  failure =
    step('git clone HEAD', 'git', ['clone', '--quiet', '--no-hardlinks', process.cwd(), clone]) ??
    nothingBeside() ??
    step('npm ci', 'npm', ['ci', '--prefer-offline', '--no-audit', '--no-fund'], clone) ??
    step('npm start', 'npm', ['start'], clone) ??
    screenshotsWritten();
} finally {
  rmSync(parent, { recursive: true, force: true });
}
if (failure) {
  console.error(`Fresh clone: ${failure}`);
  process.exit(1);
}
console.log('Fresh clone: npm ci && npm start exited 0 and wrote its screenshots.');

function step(name: string, program: string, args: string[], cwd?: string): string | null {
  console.log(`Fresh clone: ${name}${cwd ? ` (in ${cwd})` : ''}`);
  const run = spawnSync(program, args, { cwd, env, stdio: 'inherit' });
  if (run.error) return `${name} could not start: ${run.error.message}`;
  return run.status === 0 ? null : `${name} exited with code ${run.status ?? run.signal}`;
}

function nothingBeside(): string | null {
  const beside = readdirSync(parent);
  return beside.length === 1 ? null : `the clone's folder is not alone: ${beside.join(', ')}`;
}

function screenshotsWritten(): string | null {
  const missing = SCREENSHOTS.filter((name) => {
    const path = join(clone, 'sandbox-screenshots', name);
    return !existsSync(path) || !readFileSync(path).subarray(0, 8).equals(PNG_SIGNATURE);
  });
  return missing.length ? `npm start wrote no PNG screenshot for ${missing.join(', ')}` : null;
}
