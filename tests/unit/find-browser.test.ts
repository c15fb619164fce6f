import { describe, expect, it } from 'vitest';
import { findBrowser, type BrowserProbes } from '../../src/kit/browser/find-browser.ts';
import { KitError } from '../../src/kit/errors.ts';

function probes(overrides: Partial<BrowserProbes>): BrowserProbes {
  return {
    env: {},
    platform: 'linux',
    arch: 'x64',
    exists: () => true,
    installed: () => [],
    sparticuz: async () => '/tmp/chromium',
    ...overrides,
  };
}

describe('findBrowser', () => {
  it('takes CHROME_PATH first, even when Chrome is installed', async () => {
    const found = await findBrowser(probes({ env: { CHROME_PATH: '/opt/chrome' }, installed: () => ['/usr/bin/chromium'] }));
    expect(found).toEqual({ path: '/opt/chrome', source: 'CHROME_PATH', headlessShell: false });
  });

  it('says in French that CHROME_PATH points nowhere, instead of falling back silently', async () => {
    const error = await findBrowser(probes({ env: { CHROME_PATH: '/nulle/part' }, exists: () => false })).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(KitError);
    expect((error as KitError).message).toBe('CHROME_PATH désigne un fichier introuvable : /nulle/part');
  });

  it('uses an installed Chrome or Chromium before the npm one', async () => {
    const found = await findBrowser(probes({ installed: () => ['/usr/bin/chromium'] }));
    expect(found).toEqual({ path: '/usr/bin/chromium', source: 'installed', headlessShell: false });
  });

  it('skips an installation whose file is gone', async () => {
    const found = await findBrowser(probes({ installed: () => ['/gone/chrome'], exists: (p) => p !== '/gone/chrome' }));
    expect(found.source).toBe('sparticuz');
  });

  it('falls back to @sparticuz/chromium on Linux x64, in headless-shell mode', async () => {
    expect(await findBrowser(probes({}))).toEqual({ path: '/tmp/chromium', source: 'sparticuz', headlessShell: true });
  });

  it('tells what to install where no browser can be found', async () => {
    const error = await findBrowser(probes({ platform: 'darwin', arch: 'arm64' })).catch((e: unknown) => e);
    expect((error as KitError).details.hint).toContain('Installez Google Chrome ou Chromium');
  });
});
