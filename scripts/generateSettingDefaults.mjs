// @ts-check
// Writes src/core/generated/settingDefaults.ts: the settings' defaults, read from package.json
// (see scripts/lib/settingDefaultsSource.mjs). `--check` only says whether the file is fresh.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { repoRoot } from './lib/runtime.mjs';
import { settingDefaultsSource } from './lib/settingDefaultsSource.mjs';
import { writeGenerated } from './lib/writeGenerated.mjs';

const manifest = JSON.parse(fs.readFileSync(path.join(repoRoot, 'package.json'), 'utf8'));
writeGenerated('src/core/generated/settingDefaults.ts', settingDefaultsSource(manifest), 'npm run generate:settings');
