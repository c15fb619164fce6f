// `npm run schemas`: writes the content's JSON Schemas (schemas/*.schema.json) and the editor settings
// that wire them (.vscode/settings.json), from the zod schemas the build validates with
// (src/schemas/json-schemas.ts). Run it after changing a schema; a test says when it is due.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { jsonSchemaFiles, yamlSchemaSettings } from '../src/schemas/json-schemas.ts';

const root = resolve(fileURLToPath(new URL('..', import.meta.url)));
mkdirSync(join(root, 'schemas'), { recursive: true });
for (const [file, text] of jsonSchemaFiles()) writeFileSync(join(root, 'schemas', file), text);
mkdirSync(join(root, '.vscode'), { recursive: true });
writeFileSync(join(root, '.vscode/settings.json'), `${JSON.stringify({ 'yaml.schemas': yamlSchemaSettings() }, null, 2)}\n`);
console.log(`Schémas écrits dans schemas/ (${jsonSchemaFiles().size}) et réglages de l’éditeur dans .vscode/settings.json.`);
