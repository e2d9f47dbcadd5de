// mtlint's version, from the package.json beside the built-in rules (what --version prints).

import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { BUILTIN_RULES_DIR } from './engine/load.js';

export const VERSION: string = (JSON.parse(readFileSync(join(dirname(BUILTIN_RULES_DIR), 'package.json'), 'utf8')) as { version: string }).version;
