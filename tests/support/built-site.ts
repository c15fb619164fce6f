import { join } from 'node:path';
import { afterAll, beforeAll, expect, inject } from 'vitest';
import { BrowserSession } from '../../src/kit/browser/browser-session.ts';
import { findBrowser } from '../../src/kit/browser/find-browser.ts';
import { serveDirectory } from '../../src/kit/browser/static-server.ts';
import { fixtureKit } from './fixture.ts';

/** The fixture kit's built site. */
export const builtSite = join(fixtureKit, 'dist');

/** The fixture kit's AMOs' space, published apart. */
export const builtAmoSpace = join(fixtureKit, 'dist-amo');

/**
 * For a test file: the built fixture site and its AMOs' space served on loopback and one real Chromium, opened before the
 * tests and closed after them. The returned object's fields are set once `beforeAll` has run.
 */
type Server = Awaited<ReturnType<typeof serveDirectory>>;

export function useBuiltSite(): { session: BrowserSession; server: Server; amoServer: Server } {
  const site = {} as { session: BrowserSession; server: Server; amoServer: Server };
  beforeAll(async () => {
    expect(inject('fixtureBuild').status).toBe(0);
    site.server = await serveDirectory(builtSite);
    site.amoServer = await serveDirectory(builtAmoSpace);
    site.session = await BrowserSession.open(await findBrowser());
  });
  afterAll(async () => {
    await site.session?.close();
    await site.server?.close();
    await site.amoServer?.close();
  });
  return site;
}
