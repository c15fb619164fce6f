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
