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
      type: z.literal('interdit').describe('Type de règle : « interdit » pour un mot ou une expression à ne pas employer.'),
      /** Identifier shown in reports: `outils`. */
      id: z.string().regex(/^[a-z0-9-]+$/).describe('Identifiant de la règle, affiché dans les rapports : minuscules, chiffres et tirets, ex. « outils ».'),
      /** `erreur` fails the build; `avertissement` is only reported. */
      niveau: z.enum(['erreur', 'avertissement']).describe('Gravité : « erreur » arrête la fabrication, « avertissement » est seulement signalé.'),
      /** Regular expression searched in each line: `\\boutils?\\b`. */
      motif: pattern.describe('Expression régulière cherchée dans chaque ligne, sans distinction de majuscules, ex. « \\boutils?\\b ».'),
      /** What to write instead, shown with each hit. */
      conseil: z.string().min(3).describe('Conseil affiché avec chaque occurrence trouvée : ce qu’il faut écrire à la place.'),
      /** Files (glob, from the kit root) the rule does not apply to. */
      exclure: z.array(z.string()).default([]).describe('Fichiers auxquels la règle ne s’applique pas : motifs depuis la racine du kit, ex. « content/pages/*.md ».'),
    })
    .strict(),
  z
    .object({
      /** An acronym that must be spelt out before (or at) its first use in each file. */
      type: z.literal('sigle').describe('Type de règle : « sigle » pour un sigle à écrire d’abord en toutes lettres, avant ou à sa première apparition dans chaque fichier.'),
      id: z.string().regex(/^[a-z0-9-]+$/).describe('Identifiant de la règle, affiché dans les rapports : minuscules, chiffres et tirets, ex. « qpv-en-toutes-lettres ».'),
      niveau: z.enum(['erreur', 'avertissement']).describe('Gravité : « erreur » arrête la fabrication, « avertissement » est seulement signalé.'),
      /** The acronym: `QPV`. */
      sigle: z.string().min(2).describe('Le sigle, ex. « QPV ».'),
      /** Regular expression of the long form: `quartiers? prioritaires?`. */
      formeLongue: pattern.describe('Expression régulière de la forme en toutes lettres, sans distinction de majuscules, ex. « quartiers? prioritaires? ».'),
      conseil: z.string().min(3).describe('Conseil affiché avec chaque sigle signalé : comment l’écrire d’abord en toutes lettres.'),
      exclure: z.array(z.string()).default([]).describe('Fichiers auxquels la règle ne s’applique pas : motifs depuis la racine du kit, ex. « content/pages/*.md ».'),
    })
    .strict(),
]);

/** Editorial rules kept with the content: `content/redaction.yaml`. */
export const editorialRulesSchema = z
  .object({
    /** Files the lint reads (globs from the kit root). */
    fichiers: z.array(z.string()).min(1).describe('Fichiers relus : motifs depuis la racine du kit, ex. « content/**/*.md ».'),
    regles: z.array(ruleSchema).describe('Règles de relecture : des mots à ne pas employer (« interdit ») et des sigles à écrire d’abord en toutes lettres (« sigle »).'),
  })
  .strict();

export type EditorialRules = z.infer<typeof editorialRulesSchema>;
export type EditorialRule = EditorialRules['regles'][number];
