import { globSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Ajv2020 } from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { CONTENT_SCHEMAS, jsonSchemaFiles, jsonSchemaOf, yamlSchemaSettings } from '../../src/schemas/json-schemas.ts';
import { projectRoot } from '../support/fixture.ts';

const ajv = new Ajv2020({ allErrors: true, strict: false });
(addFormats as unknown as (ajv: Ajv2020) => void)(ajv);

/** The validator of a schema, compiled once (ajv keeps each schema by its $id). */
const validatorOf = (file: string) => {
  const entry = CONTENT_SCHEMAS.find((e) => e.file === file)!;
  const schema = jsonSchemaOf(entry);
  return ajv.getSchema(schema.$id as string) ?? ajv.compile(schema);
};

/** A content file's data: the YAML file itself, or a Markdown file's front matter. */
function dataOf(file: string): unknown {
  const text = readFileSync(join(projectRoot, file), 'utf8');
  if (file.endsWith('.yaml')) return parse(text);
  return parse(/^---\r?\n([\s\S]*?)\r?\n---/.exec(text)![1]);
}

type JsonSchemaNode = { properties?: Record<string, JsonSchemaNode>; items?: JsonSchemaNode | JsonSchemaNode[]; anyOf?: JsonSchemaNode[]; oneOf?: JsonSchemaNode[]; allOf?: JsonSchemaNode[]; description?: unknown };

/** Every property of a JSON Schema, with its path (`regles[].motif`), through nested objects, array items and unions. */
function propertiesOf(node: JsonSchemaNode, path = ''): { path: string; description: unknown }[] {
  const found: { path: string; description: unknown }[] = [];
  for (const [name, child] of Object.entries(node.properties ?? {})) {
    const childPath = path ? `${path}.${name}` : name;
    found.push({ path: childPath, description: child.description }, ...propertiesOf(child, childPath));
  }
  for (const item of [node.items ?? []].flat()) found.push(...propertiesOf(item, `${path}[]`));
  for (const branch of [...(node.anyOf ?? []), ...(node.oneOf ?? []), ...(node.allOf ?? [])]) found.push(...propertiesOf(branch, path));
  return found;
}

/** A French sentence, not an English one: an accent, a French quotation mark or apostrophe, or a French short word. */
const looksFrench = (text: string) => /[àâçéèêëîïôûùœ«’]/i.test(text) || /\b(?:le|la|les|du|des|une?|pour|et|ou|en|au|aux)\b/i.test(text);

describe('the JSON Schemas for editors', () => {
  it('are what the zod schemas generate: schemas/ and .vscode/settings.json are up to date (npm run schemas)', () => {
    for (const [file, text] of jsonSchemaFiles()) expect(readFileSync(join(projectRoot, 'schemas', file), 'utf8'), `schemas/${file} : lancez npm run schemas`).toBe(text);
    expect(JSON.parse(readFileSync(join(projectRoot, '.vscode/settings.json'), 'utf8'))).toEqual({ 'yaml.schemas': yamlSchemaSettings() });
  });

  it('accept every file of the real content they apply to', () => {
    let checked = 0;
    for (const entry of CONTENT_SCHEMAS) {
      const validate = validatorOf(entry.file);
      for (const file of entry.appliesTo.flatMap((glob) => globSync(glob, { cwd: projectRoot }))) {
        expect(validate(dataOf(file)), `${file} : ${JSON.stringify(validate.errors)}`).toBe(true);
        checked += 1;
      }
    }
    expect(checked).toBeGreaterThan(30);
  });

  it('describe every field in French, for the hover in the editor (zod .describe())', () => {
    let described = 0;
    for (const entry of CONTENT_SCHEMAS) {
      for (const { path, description } of propertiesOf(jsonSchemaOf(entry) as JsonSchemaNode)) {
        expect(typeof description === 'string' && description.trim().length > 0 && looksFrench(description), `schemas/${entry.file} : « ${path} » n’a pas de description en français`).toBe(true);
        described += 1;
      }
    }
    expect(described).toBeGreaterThan(100);
  });

  it('reject a misspelt field, a wrong type and a missing required field, as the build does', () => {
    const signatory = validatorOf('signataire.schema.json');
    const valid = { nom: 'Alpha AMO Conseil', nomCourt: 'Alpha AMO', logo: 'logo.svg' };
    expect(signatory(valid)).toBe(true);
    expect(signatory({ ...valid, nomcourt: 'Alpha' })).toBe(false);
    expect(signatory.errors?.[0]).toMatchObject({ keyword: 'additionalProperties', params: { additionalProperty: 'nomcourt' } });
    expect(signatory({ ...valid, logo: 'logo.gif' })).toBe(false);
    expect(signatory({ ...valid, courriel: 'pas une adresse' })).toBe(false);
    const { nom: _, ...withoutName } = valid;
    expect(signatory(withoutName)).toBe(false);
    const news = validatorOf('actualite.schema.json');
    expect(news({ titre: 'Essai', date: '17/11/2021', description: 'Une actualité d’essai.', audience: 'public' })).toBe(false);
    expect(news({ titre: 'Essai', date: '2021-11-17', description: 'Une actualité d’essai.', audience: 'tous' })).toBe(false);
  });
});
