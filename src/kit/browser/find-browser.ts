import { existsSync } from 'node:fs';
import chromium from '@sparticuz/chromium';
import { Launcher } from 'chrome-launcher';
import { KitError } from '../errors.ts';

/** Where the Chromium used for every PDF and deck comes from. */
export interface BrowserLocation {
  path: string;
  source: 'CHROME_PATH' | 'installed' | 'sparticuz';
  /** `chrome-headless-shell` builds (the npm one) must be launched in « shell » headless mode. */
  headlessShell: boolean;
}

/** What the finder looks at; injected so the order of precedence can be tested without a browser. */
export interface BrowserProbes {
  env: Record<string, string | undefined>;
  platform: string;
  arch: string;
  exists: (path: string) => boolean;
  /** Installed Chrome/Chromium executables, best first. */
  installed: () => string[];
  /** Unpacks the Chromium of `@sparticuz/chromium` and returns its path. */
  sparticuz: () => Promise<string>;
}

export const systemProbes: BrowserProbes = {
  env: process.env,
  platform: process.platform,
  arch: process.arch,
  exists: existsSync,
  // chrome-launcher knows where Chrome and Chromium live on each platform.
  installed: () => {
    try {
      return Launcher.getInstallations();
    } catch {
      return [];
    }
  },
  sparticuz: () => chromium.executablePath(),
};

/**
 * Finds the browser once: `CHROME_PATH`, else an installed Chrome/Chromium, else the Chromium of
 * `@sparticuz/chromium` on Linux x64, else a French error saying what to install.
 */
export async function findBrowser(probes: BrowserProbes = systemProbes): Promise<BrowserLocation> {
  const fromEnv = probes.env.CHROME_PATH;
  if (fromEnv) {
    if (!probes.exists(fromEnv)) {
      throw new KitError(`CHROME_PATH désigne un fichier introuvable : ${fromEnv}`, {
        hint: 'Corrigez la variable CHROME_PATH (chemin complet de Chrome ou Chromium), ou supprimez-la pour que le kit trouve un navigateur tout seul.',
      });
    }
    return { path: fromEnv, source: 'CHROME_PATH', headlessShell: /headless[-_]shell/.test(fromEnv) };
  }
  const installed = probes.installed().find((path) => probes.exists(path));
  if (installed) return { path: installed, source: 'installed', headlessShell: false };
  if (probes.platform === 'linux' && probes.arch === 'x64') {
    return { path: await probes.sparticuz(), source: 'sparticuz', headlessShell: true };
  }
  throw new KitError('aucun navigateur Chrome ou Chromium trouvé pour imprimer les PDF', {
    hint: 'Installez Google Chrome ou Chromium, ou indiquez son chemin dans la variable CHROME_PATH (ex. CHROME_PATH=/usr/bin/chromium npm run build).',
  });
}
