// Chromium headless for tests that need a real browser. CI installs it (.ci/run); when it is
// missing the test fails with what to install instead of silently skipping.
import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium } from 'playwright-core';
import type { BrowserContext } from 'playwright-core';

const CHROMIUM = '/usr/bin/chromium';

interface LaunchedChromium {
  browser: BrowserContext;
  /** Closes the browser and removes its profile. */
  close: () => Promise<void>;
}

/** Chromium headless, as root, with a fresh profile; close it with the returned function. */
const launchChromium = async (): Promise<LaunchedChromium> => {
  if (!existsSync(CHROMIUM)) {
    throw new Error(`Chromium is needed by this test but ${CHROMIUM} was not found. Install it with: apt-get install -y --no-install-recommends chromium`);
  }
  const profile = await mkdtemp(join(tmpdir(), 'dualtrack-chromium-'));
  // Playwright passes the fresh profile as --user-data-dir itself.
  const browser = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    headless: true,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
  return {
    browser,
    close: async () => {
      await browser.close();
      await rm(profile, { recursive: true, force: true });
    },
  };
};

export { launchChromium };
export type { LaunchedChromium };
