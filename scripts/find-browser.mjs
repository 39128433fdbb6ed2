// Finds a Chromium-family browser for the tests without downloading one.
// Order: $CHROME_PATH, Debian's chromium, common Chrome installs. As root on Debian with none found,
// installs Debian's `chromium` with apt-get; elsewhere stops with the one command to run.
import { existsSync } from 'node:fs';
import { execSync } from 'node:child_process';

const candidates = [
  process.env.CHROME_PATH,
  '/usr/bin/chromium',
  '/usr/bin/chromium-browser',
  '/usr/bin/google-chrome',
  '/usr/bin/google-chrome-stable',
  '/opt/google/chrome/chrome',
  '/Applications/Google Chrome.app/Contents/MacOS/Google Chrome',
  '/Applications/Chromium.app/Contents/MacOS/Chromium',
].filter(Boolean);

export function findBrowser({ install = true } = {}) {
  const found = candidates.find((p) => existsSync(p));
  if (found) return found;
  const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
  const isDebian = existsSync('/etc/debian_version');
  if (install && isRoot && isDebian) {
    console.log("No browser found: installing Debian's chromium (apt-get install chromium)…");
    execSync('apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium', {
      stdio: 'inherit',
      shell: '/bin/bash',
    });
    if (existsSync('/usr/bin/chromium')) return '/usr/bin/chromium';
  }
  const hint = isDebian ? 'sudo apt-get install -y chromium' : 'set CHROME_PATH=/path/to/chrome';
  console.error(`No Chromium or Chrome found for the tests. Run: ${hint}`);
  process.exit(2);
}

/** Flags for a headless Chromium on a closed network (and as root). */
export const chromiumArgs = [
  '--no-sandbox',
  '--headless',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--disable-dev-shm-usage',
];
