/**
 * What happens on Ctrl-C (or SIGTERM, SIGHUP), in one place: every registered clean-up runs — browsers
 * killed, the staging folder removed — a French line says the build stopped and nothing was published,
 * and the process exits (130 for Ctrl-C). Clean-ups are synchronous: libraries that handle signals
 * themselves (puppeteer) may exit the process right after us.
 */

type Cleanup = () => void;

interface ShutdownState {
  cleanups: Set<Cleanup>;
  handler?: (signal: NodeJS.Signals) => void;
}

// One registry per process, even when Astro loads this module more than once (config, pages).
const state: ShutdownState = ((globalThis as Record<symbol, unknown>)[Symbol.for('kit-qpv.shutdown')] ??= { cleanups: new Set() }) as ShutdownState;

const exitCodes: Partial<Record<NodeJS.Signals, number>> = { SIGINT: 130, SIGTERM: 143, SIGHUP: 129 };

/** Registers a clean-up to run if the process is interrupted; returns a function that unregisters it. */
export function onInterrupt(cleanup: Cleanup): () => void {
  state.cleanups.add(cleanup);
  return () => state.cleanups.delete(cleanup);
}

/** Runs every registered clean-up once (also used when a build fails). */
export function runCleanups(): void {
  for (const cleanup of [...state.cleanups]) {
    state.cleanups.delete(cleanup);
    try {
      cleanup();
    } catch {
      // A clean-up that fails must not prevent the others.
    }
  }
}

/** Installs the signal handlers once, for a command that runs to completion (the build). */
export function stopOnSignals(message: string): void {
  if (state.handler) return;
  let stopping = false;
  state.handler = (signal) => {
    // Ctrl-C reaches this process twice (from the terminal and from the launcher): act once.
    if (stopping) return;
    stopping = true;
    runCleanups();
    process.stderr.write(`\n${message}\n`);
    process.exit(exitCodes[signal] ?? 1);
  };
  for (const signal of Object.keys(exitCodes) as NodeJS.Signals[]) process.on(signal, state.handler);
}
