/**
 * A browser page that records Content-Security-Policy violations: every `securitypolicyviolation`
 * event, reported from an init script (so a page's first ones count too, on every navigation),
 * besides the console errors and failed requests that openPage records.
 */
import type { Browser, Page } from 'playwright-core';
import { openPage } from '../../bench/harness/browser.ts';

export interface CspPage {
  page: Page;
  problems: string[];
  violations: string[];
}

export async function openCspPage(browser: Browser): Promise<CspPage> {
  const { page, problems } = await openPage(browser);
  const violations: string[] = [];
  await page.exposeFunction('__hkReportCsp', (line: string) => violations.push(line));
  await page.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (e) => {
      const report = (window as unknown as { __hkReportCsp: (line: string) => void }).__hkReportCsp;
      void report(`${e.effectiveDirective} blocked ${e.blockedURI || 'inline'} in ${e.sourceFile}:${e.lineNumber} ${e.sample}`);
    });
  });
  return { page, problems, violations };
}
