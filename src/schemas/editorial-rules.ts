import { z } from 'astro/zod';

/** A regular expression the lint can compile (Unicode, case-insensitive), with a French message otherwise. */
const pattern = z.string().min(1).refine(
  (source) => {
    try {
      new RegExp(source, 'giu');
      return true;
    } catch {
      return false;
    }
  },
  { message: 'expression régulière invalide : échappez les caractères spéciaux ( ) [ ] . * + ? avec \\' },
);

/** One rule of the editorial lint: a word to avoid, or an acronym to spell out at first use. */
const ruleSchema = z.discriminatedUnion('type', [
  z
    .object({
      /** A word or phrase that must not appear (regular expression, case-insensitive). */
      type: z.literal('interdit'),
      /** Identifier shown in reports: `outils`. */
      id: z.string().regex(/^[a-z0-9-]+$/),
      /** `erreur` fails the build; `avertissement` is only reported. */
      niveau: z.enum(['erreur', 'avertissement']),
      /** Regular expression searched in each line: `\\boutils?\\b`. */
      motif: pattern,
      /** What to write instead, shown with each hit. */
      conseil: z.string().min(3),
      /** Files (glob, from the kit root) the rule does not apply to. */
      exclure: z.array(z.string()).default([]),
    })
    .strict(),
  z
    .object({
      /** An acronym that must be spelt out before (or at) its first use in each file. */
      type: z.literal('sigle'),
      id: z.string().regex(/^[a-z0-9-]+$/),
      niveau: z.enum(['erreur', 'avertissement']),
      /** The acronym: `QPV`. */
      sigle: z.string().min(2),
      /** Regular expression of the long form: `quartiers? prioritaires?`. */
      formeLongue: pattern,
      conseil: z.string().min(3),
      exclure: z.array(z.string()).default([]),
    })
    .strict(),
]);

/** Editorial rules kept with the content: `content/redaction.yaml`. */
export const editorialRulesSchema = z
  .object({
    /** Files the lint reads (globs from the kit root). */
    fichiers: z.array(z.string()).min(1),
    regles: z.array(ruleSchema),
  })
  .strict();

export type EditorialRules = z.infer<typeof editorialRulesSchema>;
export type EditorialRule = EditorialRules['regles'][number];
