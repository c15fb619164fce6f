import { rmSync } from 'node:fs';
import { availableParallelism, tmpdir } from 'node:os';
import { dirname, resolve } from 'node:path';
import puppeteer, { type Browser, type Page } from 'puppeteer-core';
import type { BrowserLocation } from './find-browser.ts';
import { KitError } from '../errors.ts';
import { onInterrupt } from '../shutdown.ts';

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

/** Pages working at once in a browser: one per core, at least 2 (one lays out while the other prints), at most 4. */
export function pagesAtOnce(): number {
  return Math.min(4, Math.max(2, availableParallelism()));
}

/** The browser process ended (killed, crashed) while a page was working: the work may be tried again. */
export class BrowserCrash extends Error {
  constructor(cause: unknown) {
    super('the browser process ended while a page was working', { cause });
    this.name = 'BrowserCrash';
  }
}

/**
 * Kills a browser at once, synchronously (a clean-up on Ctrl-C cannot wait): its whole process group
 * (puppeteer starts it detached, as a group leader, so renderers die with it), then its temporary profile.
 */
function killNow(pid: number, spawnArgs: readonly string[]): void {
  try {
    process.kill(process.platform === 'win32' ? pid : -pid, 'SIGKILL');
  } catch {
    try {
      process.kill(pid, 'SIGKILL');
    } catch {
      // Already gone.
    }
  }
  const profile = spawnArgs.find((arg) => arg.startsWith('--user-data-dir='))?.slice('--user-data-dir='.length);
  // Only the throw-away profile puppeteer made for this launch, never a folder someone passed in.
  if (profile && resolve(dirname(profile)) === resolve(tmpdir()) && /puppeteer_dev_chrome_profile-/.test(profile)) {
    rmSync(profile, { recursive: true, force: true, maxRetries: 3 });
  }
}

/** The French reason a browser does not start; the library's English stays in `cause`. */
function launchFailure(location: BrowserLocation, error: unknown): KitError {
  const library = /error while loading shared libraries: ([^:\s]+)/.exec(error instanceof Error ? error.message : String(error))?.[1];
  return new KitError(`le navigateur ${location.path} ne démarre pas${library ? ` : il lui manque la bibliothèque ${library}` : ''}`, {
    code: 'navigateur',
    hint: 'Indiquez un autre Chrome ou Chromium avec CHROME_PATH, ou installez les bibliothèques qui lui manquent (KIT_DEBUG=1 affiche le message du navigateur).',
    cause: error,
  });
}

/**
 * Launches Chromium with no signal handling of its own: signals belong to src/kit/shutdown.ts, where a
 * synchronous kill of this browser is registered until its process has exited.
 */
async function launch(location: BrowserLocation): Promise<Browser> {
  let browser: Browser;
  try {
    browser = await puppeteer.launch({
      executablePath: location.path,
      headless: location.headlessShell ? 'shell' : true,
      args: launchArgs(location),
      handleSIGINT: false,
      handleSIGTERM: false,
      handleSIGHUP: false,
    });
  } catch (error) {
    throw launchFailure(location, error);
  }
  const child = browser.process();
  if (child?.pid !== undefined) {
    const pid = child.pid;
    const unregister = onInterrupt(() => killNow(pid, child.spawnargs));
    child.once('exit', unregister);
  }
  return browser;
}

/**
 * The one Chromium of a build: launched once (at the first page when the session is `lazy`), shared by
 * every page, closed on error and killed on Ctrl-C. If its process dies, the next page relaunches it (once
 * for every page waiting). Pages are always closed, whatever happens in the work done with them.
 */
export class BrowserSession {
  private readonly location: BrowserLocation;
  private browser?: Browser;
  private launching?: Promise<Browser>;
  private closed = false;
  /** Pages left open by `withPage(…, { reuse: true })` for the next such call. */
  private readonly idle: Page[] = [];

  private constructor(location: BrowserLocation, browser?: Browser) {
    this.location = location;
    this.browser = browser;
  }

  static async open(location: BrowserLocation): Promise<BrowserSession> {
    return new BrowserSession(location, await launch(location));
  }

  /** A session whose browser starts only when a page is first asked for: a build with nothing to render never starts one. */
  static lazy(location: BrowserLocation): BrowserSession {
    return new BrowserSession(location);
  }

  /** Whether a browser was started in this session. */
  get launched(): boolean {
    return this.browser !== undefined;
  }

  /** The running browser, launched if there is none yet or if its process has died. */
  private async liveBrowser(): Promise<Browser> {
    if (this.closed) throw new Error('the browser session is closed');
    if (this.browser?.connected) return this.browser;
    this.launching ??= launch(this.location)
      .then((browser) => (this.browser = browser))
      .finally(() => (this.launching = undefined));
    return this.launching;
  }

  /**
   * Runs `work` in a fresh page (a window, not a background tab: Paged.js stalls in background tabs).
   * With `reuse`, the page may be one a previous `reuse` call left open, and is left open for the next
   * one when the work succeeds: opening a window costs about a sixth of a second, more than printing a
   * letter. Work done in a reused page must navigate first and undo what it registers on the page.
   * Throws a `BrowserCrash` as soon as the browser dies: some of puppeteer's waits (a new page's target)
   * would otherwise run to their own time limit.
   */
  async withPage<T>(work: (page: Page) => Promise<T>, options: { reuse?: boolean } = {}): Promise<T> {
    const browser = await this.liveBrowser();
    let onDisconnected = () => {};
    const died = new Promise<never>((_, reject) => {
      onDisconnected = () => reject(this.closed ? new Error('the browser session is closed') : new BrowserCrash(new Error('the browser disconnected')));
    });
    browser.once('disconnected', onDisconnected);
    if (!browser.connected) onDisconnected();
    let page: Page | undefined;
    let keep = false;
    try {
      page = (options.reuse ? this.idlePage(browser) : undefined) ?? (await Promise.race([browser.newPage({ type: 'window' }), died]));
      const result = await Promise.race([work(page), died]);
      keep = Boolean(options.reuse) && !this.closed;
      return result;
    } catch (error) {
      if (!browser.connected && !this.closed && !(error instanceof BrowserCrash)) throw new BrowserCrash(error);
      throw error;
    } finally {
      browser.off('disconnected', onDisconnected);
      if (keep && page) this.idle.push(page);
      else await page?.close().catch(() => {});
    }
  }

  /** A page left open by an earlier `reuse` call, still open in this browser. */
  private idlePage(browser: Browser): Page | undefined {
    for (let page = this.idle.pop(); page; page = this.idle.pop()) {
      if (!page.isClosed() && page.browser() === browser) return page;
    }
    return undefined;
  }

  /** Closes the pages left open for reuse (and frees their memory); later `reuse` calls open new ones. */
  async closeIdlePages(): Promise<void> {
    const pages = this.idle.splice(0);
    await Promise.all(pages.map((page) => page.close().catch(() => {})));
  }

  async close(): Promise<void> {
    this.closed = true;
    this.idle.length = 0;
    await this.launching?.catch(() => {});
    if (this.browser?.connected) await this.browser.close().catch(() => {});
  }
}
