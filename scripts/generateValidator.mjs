// @ts-check
// Writes src/core/generated/catalogueValidator.ts: data/catalogue.schema.json compiled by Ajv at build
// time (see scripts/lib/catalogueValidatorSource.mjs). `--check` only says whether the file is fresh.
import { catalogueValidatorSource } from './lib/catalogueValidatorSource.mjs';
import { catalogueSchema, writeGenerated } from './lib/writeGenerated.mjs';

writeGenerated('src/core/generated/catalogueValidator.ts', catalogueValidatorSource(catalogueSchema()), 'npm run generate:validator');
