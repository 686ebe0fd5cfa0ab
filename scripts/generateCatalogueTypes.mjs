// @ts-check
// Writes src/core/generated/catalogueFile.ts: the types of a catalogue file, generated from
// data/catalogue.schema.json (see scripts/lib/catalogueTypesSource.mjs). `--check` only says whether the file is fresh.
import { catalogueTypesSource } from './lib/catalogueTypesSource.mjs';
import { catalogueSchema, writeGenerated } from './lib/writeGenerated.mjs';

writeGenerated('src/core/generated/catalogueFile.ts', await catalogueTypesSource(catalogueSchema()), 'npm run generate:types');
