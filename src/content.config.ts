import { defineCollection } from 'astro:content';
import { glob } from 'astro/loaders';
import { signatorySchema } from './schemas/signatory.ts';
import { recipientSchema } from './schemas/recipient.ts';
import { sheetSchema } from './schemas/sheet.ts';
import { pageSchema } from './schemas/page.ts';
import { exampleSchema, photoSchema } from './schemas/example.ts';
import { letterSchema, printDocumentSchema } from './schemas/document.ts';

// Folders are relative to the kit root (the project, or a fixture kit in tests). The kit integration
// validates the same schemas first, with French messages; these collections render the Markdown.
// Files starting with « _ » are drafts: neither loaded nor published.
export const collections = {
  signataires: defineCollection({ loader: glob({ pattern: '[!_]*/index.yaml', base: './content/signataires', generateId: ({ entry }) => entry.split('/')[0] }), schema: signatorySchema }),
  interlocuteurs: defineCollection({ loader: glob({ pattern: '[!_]*.md', base: './content/interlocuteurs' }), schema: recipientSchema }),
  fiches: defineCollection({ loader: glob({ pattern: '[!_]*.{md,mdx}', base: './content/fiches' }), schema: sheetSchema }),
  exemples: defineCollection({
    loader: glob({ pattern: '[!_]*.{md,mdx}', base: './content/exemples' }),
    // The photo file becomes an image Astro optimises (WebP, sizes) instead of a plain path.
    schema: ({ image }) => exampleSchema.extend({ photo: photoSchema.extend({ fichier: image().optional() }).optional() }),
  }),
  pages: defineCollection({ loader: glob({ pattern: '[!_]*.{md,mdx}', base: './content/pages' }), schema: pageSchema }),
  brochures: defineCollection({ loader: glob({ pattern: '[!_]*.{md,mdx}', base: './brochures' }), schema: printDocumentSchema }),
  letters: defineCollection({ loader: glob({ pattern: '[!_]*.md', base: './letters' }), schema: letterSchema }),
};
