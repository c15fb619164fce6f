import type { AstroIntegrationLogger } from 'astro';

/** Seconds with a French decimal comma: « 0,42 s ». */
export function seconds(ms: number): string {
  return `${(ms / 1000).toFixed(2).replace('.', ',')} s`;
}

/** Logs one line per finished output with a running count: « PDF 3/12 kit/hpf/plaquette.pdf — 0,42 s ». */
export function createProgress(logger: Pick<AstroIntegrationLogger, 'info'>, total: number) {
  let done = 0;
  return {
    done(kind: string, output: string, ms: number, note = '') {
      done += 1;
      logger.info(`${kind} ${done}/${total} ${output} — ${seconds(ms)}${note ? ` (${note})` : ''}`);
    },
    get count() {
      return done;
    },
  };
}
