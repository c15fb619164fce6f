import puppeteer, { type Browser, type Page } from 'puppeteer-core';
import type { BrowserLocation } from './find-browser.ts';
import { KitError } from '../errors.ts';

/**
 * Flags for a closed network and a container: no background traffic; no sandbox as root, nor for the
 * npm Chromium (built for sandbox-less serverless hosts).
 */
export function launchArgs(location: BrowserLocation): string[] {
  const args = [
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
    '--disable-default-apps',
    '--no-first-run',
    '--disable-gpu',
    '--disable-dev-shm-usage',
    '--font-render-hinting=none',
  ];
  if (process.getuid?.() === 0 || location.source === 'sparticuz') args.push('--no-sandbox');
  return args;
}

/**
 * The one Chromium of a build: launched once, shared by every page, closed on error and on Ctrl-C.
 * Pages are always closed, whatever happens in the work done with them.
 */
export class BrowserSession {
  private readonly browser: Browser;

  private constructor(browser: Browser) {
    this.browser = browser;
  }

  static async open(location: BrowserLocation): Promise<BrowserSession> {
    let browser: Browser;
    try {
      browser = await puppeteer.launch({
        executablePath: location.path,
        headless: location.headlessShell ? 'shell' : true,
        args: launchArgs(location),
      });
    } catch (error) {
      throw new KitError(`le navigateur ${location.path} ne démarre pas : ${error instanceof Error ? error.message.split('\n')[0] : String(error)}`, {
        hint: 'Indiquez un autre Chrome ou Chromium avec CHROME_PATH, ou installez les bibliothèques qui lui manquent (message ci-dessus).',
      });
    }
    const session = new BrowserSession(browser);
    const onSignal = () => void session.close().finally(() => process.exit(130));
    process.once('SIGINT', onSignal);
    process.once('SIGTERM', onSignal);
    browser.once('disconnected', () => {
      process.off('SIGINT', onSignal);
      process.off('SIGTERM', onSignal);
    });
    return session;
  }

  /** Runs `work` in a fresh page (a window, not a background tab: Paged.js stalls in background tabs). */
  async withPage<T>(work: (page: Page) => Promise<T>): Promise<T> {
    const page = await this.browser.newPage({ type: 'window' });
    try {
      return await work(page);
    } finally {
      await page.close().catch(() => {});
    }
  }

  async close(): Promise<void> {
    if (this.browser.connected) await this.browser.close().catch(() => {});
  }
}
