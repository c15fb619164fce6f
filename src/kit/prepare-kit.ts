import type { AstroIntegrationLogger } from 'astro';
import { publishKit } from './load/kit-content.ts';
import { loadKit, type Kit } from './load/load-kit.ts';
import { buildVariantMatrix, type VariantMatrix } from './matrix/matrix.ts';
import { prepareLogos, type LogoAssets } from './render/images/logos.ts';

/** Everything the pages and the outputs are made from, computed once per build (once per edit in dev). */
export interface PreparedKit {
  kit: Kit;
  matrix: VariantMatrix;
  logos: LogoAssets;
}

/** Reads and validates the content, computes the variant matrix and prepares the logos (cached by file). */
export async function prepareKit(root: string, logger: Pick<AstroIntegrationLogger, 'warn'>): Promise<PreparedKit> {
  const kit = await loadKit(root);
  const matrix = buildVariantMatrix(kit);
  const { logos, warnings } = await prepareLogos(kit);
  for (const warning of [...kit.warnings, ...warnings]) logger.warn(warning);
  publishKit(kit);
  return { kit, matrix, logos };
}
