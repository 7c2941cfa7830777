/**
 * Headless Chromium driven by playwright-core (`npx playwright install` cannot download here).
 * The browser is found, in order: CHROMIUM_PATH, Debian's /usr/bin/chromium, an installed Chrome,
 * else the Chromium that the @sparticuz/chromium package ships inside itself, so `npm ci && npm
 * test` needs nothing but Node and npm. Every page records console errors and failed requests so
 * a test can assert there are none.
 */
import { accessSync, constants, statSync } from 'node:fs';
import { chromium, type Browser, type Page } from 'playwright-core';

const SYSTEM_BROWSERS = [
  ['/usr/bin/chromium', "Debian's Chromium"],
  ['/usr/bin/chromium-browser', 'Chromium'],
  ['/usr/bin/google-chrome', 'Google Chrome'],
  ['/usr/bin/google-chrome-stable', 'Google Chrome'],
  ['/opt/google/chrome/chrome', 'Google Chrome'],
] as const;

export interface FoundBrowser {
  path: string;
  /** One line for the test log: which browser, and why that one. */
  description: string;
}

/** A browser binary that can run (not a missing file, nor one masked by /dev/null). */
function runnable(path: string): boolean {
  try {
    accessSync(path, constants.X_OK);
    return statSync(path).isFile();
  } catch {
    return false;
  }
}

let found: Promise<FoundBrowser> | undefined;

export function findBrowser(): Promise<FoundBrowser> {
  found ??= (async () => {
    const wanted = process.env.CHROMIUM_PATH;
    if (wanted) {
      if (!runnable(wanted)) throw new Error(`CHROMIUM_PATH=${wanted} is not a program that can run`);
      return { path: wanted, description: `${wanted} (CHROMIUM_PATH)` };
    }
    for (const [path, name] of SYSTEM_BROWSERS) {
      if (runnable(path)) return { path, description: `${name} at ${path}` };
    }
    // No system browser: the binary that ships inside the npm package (unpacked to /tmp once).
    const { default: packaged } = await import('@sparticuz/chromium');
    const path = await packaged.executablePath();
    return { path, description: `Chromium from the @sparticuz/chromium package at ${path} (no system browser found)` };
  })();
  return found;
}

export async function launchBrowser(): Promise<Browser> {
  const { path } = await findBrowser();
  return chromium.launch({
    executablePath: path,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
}

export interface WatchedPage {
  page: Page;
  /** Console errors, uncaught exceptions and failed requests seen so far. */
  problems: string[];
}

export async function openPage(browser: Browser, options: { javaScriptEnabled?: boolean } = {}): Promise<WatchedPage> {
  const context = await browser.newContext({ javaScriptEnabled: options.javaScriptEnabled ?? true });
  const page = await context.newPage();
  const problems: string[] = [];
  page.on('console', (msg) => {
    if (msg.type() === 'error') problems.push(`console: ${msg.text()}`);
  });
  page.on('pageerror', (err) => problems.push(`pageerror: ${err.message}`));
  page.on('requestfailed', (req) => {
    // A request cut off because the test navigated away is not a fault of the site.
    if (req.failure()?.errorText !== 'net::ERR_ABORTED') problems.push(`requestfailed: ${req.url()} ${req.failure()?.errorText}`);
  });
  page.on('response', (res) => {
    if (res.status() >= 400) problems.push(`http ${res.status()}: ${res.url()}`);
  });
  return { page, problems };
}
