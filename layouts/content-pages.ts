import type { Kit } from '../src/kit/load/load-kit.ts';
import type { VariantMatrix } from '../src/kit/matrix/matrix.ts';
import type { Audience } from '../src/schemas/audience.ts';

/** A Markdown page of one space: a content page, or a printed document's page with its PDF. */
export interface ContentPageProps {
  /** Its address in its space: `ami` → `/ami/` or `/espace-amo/ami/`. */
  slug: string;
  collection: 'pages' | 'brochures';
  id: string;
  file: string;
  titre: string;
  description?: string;
  audience: Audience;
  pdf?: string;
}

/** The Markdown pages of a space (the home page aside, it has its own route). */
export function contentPages(kit: Kit, matrix: VariantMatrix, audience: Audience): ContentPageProps[] {
  const pages = kit.pages
    .filter((page) => page.id !== 'accueil' && page.data.audience === audience)
    .map((page) => ({ slug: page.id, collection: 'pages' as const, id: page.id, file: page.file, titre: page.data.titre, description: page.data.description, audience }));
  const documents = kit.brochures
    .filter((document) => document.data.pageDuSite !== undefined && document.data.audience === audience)
    .map((document) => ({
      slug: document.data.pageDuSite!,
      collection: 'brochures' as const,
      id: document.id,
      file: document.file,
      titre: document.data.titre,
      description: document.data.description,
      audience,
      pdf: `/${matrix.print.find((v) => v.kind === 'plaquette' && v.documentId === document.id && v.signatory === kit.site.signataireParDefaut)!.output}`,
    }));
  return [...pages, ...documents];
}
