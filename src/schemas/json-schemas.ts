// The content's schemas as JSON Schemas, for editors: generated from the zod schemas the build validates
// with (never written twice), written to `schemas/` by `npm run schemas`, wired to the YAML files by
// `.vscode/settings.json` and by a `# yaml-language-server: $schema=…` line, so an editor completes
// fields and shows mistakes while typing. A test keeps `schemas/` equal to what this generates.
import { z } from 'astro/zod';
import { amiStepsSchema } from './ami-steps.ts';
import { deckSchema } from './deck.ts';
import { letterSchema, printDocumentSchema } from './document.ts';
import { editorialRulesSchema } from './editorial-rules.ts';
import { exampleSchema } from './example.ts';
import { formSchema } from './form.ts';
import { newsSchema } from './news.ts';
import { pageSchema } from './page.ts';
import { recipientSchema } from './recipient.ts';
import { sheetSchema } from './sheet.ts';
import { signatorySchema } from './signatory.ts';
import { siteSchema } from './site.ts';

/** One JSON Schema: its file in `schemas/`, what it describes, the files it applies to, and its zod source. */
interface ContentSchema {
  file: string;
  title: string;
  /** Globs from the kit's root: YAML files (wired in the editor) or Markdown files (their front matter). */
  appliesTo: string[];
  schema: z.ZodType;
}

export const CONTENT_SCHEMAS: ContentSchema[] = [
  { file: 'site.schema.json', title: 'Réglages du site (content/site.yaml)', appliesTo: ['content/site.yaml'], schema: siteSchema },
  { file: 'signataire.schema.json', title: 'Signataire (content/signataires/<nom>/index.yaml)', appliesTo: ['content/signataires/*/index.yaml'], schema: signatorySchema },
  { file: 'etapes-ami.schema.json', title: 'Étapes de l’AMI (content/etapes-ami.yaml)', appliesTo: ['content/etapes-ami.yaml'], schema: amiStepsSchema },
  { file: 'redaction.schema.json', title: 'Règles de relecture (content/redaction.yaml)', appliesTo: ['content/redaction.yaml'], schema: editorialRulesSchema },
  { file: 'formulaire.schema.json', title: 'Formulaire à remplir (content/formulaires/<nom>.yaml)', appliesTo: ['content/formulaires/*.yaml'], schema: formSchema },
  { file: 'interlocuteur.schema.json', title: 'En-tête d’un type d’interlocuteur (content/interlocuteurs/<nom>.md)', appliesTo: ['content/interlocuteurs/*.md'], schema: recipientSchema },
  { file: 'fiche.schema.json', title: 'En-tête d’une fiche (content/fiches/<nom>.md)', appliesTo: ['content/fiches/*.md'], schema: sheetSchema },
  { file: 'exemple.schema.json', title: 'En-tête d’un exemple (content/exemples/<nom>.md)', appliesTo: ['content/exemples/*.md'], schema: exampleSchema },
  { file: 'actualite.schema.json', title: 'En-tête d’une actualité (content/actualites/<date>-<nom>.md)', appliesTo: ['content/actualites/*.md'], schema: newsSchema },
  { file: 'page.schema.json', title: 'En-tête d’une page (content/pages/<nom>.md ou .mdx)', appliesTo: ['content/pages/*.md', 'content/pages/*.mdx'], schema: pageSchema },
  { file: 'document.schema.json', title: 'En-tête d’un document à imprimer (brochures/<nom>.md ou .mdx)', appliesTo: ['brochures/*.md', 'brochures/*.mdx'], schema: printDocumentSchema },
  { file: 'courrier.schema.json', title: 'En-tête d’un courrier (letters/<nom>.md)', appliesTo: ['letters/*.md'], schema: letterSchema },
  { file: 'presentation.schema.json', title: 'En-tête d’une présentation (slides/<nom>.md)', appliesTo: ['slides/*.md'], schema: deckSchema },
];

/** The JSON Schema of `entry`, as the editor reads it (what may be written: zod's input side). */
export function jsonSchemaOf(entry: ContentSchema): Record<string, unknown> {
  const generated = z.toJSONSchema(entry.schema, {
    io: 'input',
    unrepresentable: 'any',
    // zod's url() takes what a browser takes, accents included (« …/projets-habités/… »): an IRI, not
    // JSON Schema's ASCII-only « uri », which would mark a good address wrong in the editor.
    override: ({ jsonSchema }) => {
      if (jsonSchema.format === 'uri') jsonSchema.format = 'iri';
    },
  }) as Record<string, unknown>;
  return { ...generated, $id: `https://qpv.habitatparticipatif-france.fr/schemas/${entry.file}`, title: entry.title };
}

/** Every schema file's text, by file name (stable: the same zod schemas give the same bytes). */
export function jsonSchemaFiles(): Map<string, string> {
  return new Map(CONTENT_SCHEMAS.map((entry) => [entry.file, `${JSON.stringify(jsonSchemaOf(entry), null, 2)}\n`]));
}

/** `.vscode/settings.json`'s `yaml.schemas`: each YAML schema with the files it applies to. */
export function yamlSchemaSettings(): Record<string, string[]> {
  return Object.fromEntries(CONTENT_SCHEMAS.filter((entry) => entry.appliesTo.every((glob) => glob.endsWith('.yaml'))).map((entry) => [`./schemas/${entry.file}`, entry.appliesTo]));
}
