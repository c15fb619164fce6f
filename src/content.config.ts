import { defineCollection } from 'astro:content';
import { z } from 'astro/zod';
import { kitCollection } from './kit/load/collection-loader.ts';

// The content is read and validated once, by the kit (src/kit/load/); these collections only hand its
// Markdown to Astro to render. Pages take their data from `virtual:kit`, and `render(getEntry(…))` here.
export const collections = {
  fiches: defineCollection({ loader: kitCollection((kit) => kit.sheets) }),
  exemples: defineCollection({
    loader: kitCollection((kit) => kit.examples),
    // Not a second validation: only the photo file becomes an image Astro optimises (WebP, sizes).
    schema: ({ image }) => z.looseObject({ photo: z.looseObject({ fichier: image().optional() }).optional() }),
  }),
  pages: defineCollection({ loader: kitCollection((kit) => kit.pages) }),
  brochures: defineCollection({ loader: kitCollection((kit) => kit.brochures) }),
  actualites: defineCollection({ loader: kitCollection((kit) => kit.news) }),
};
