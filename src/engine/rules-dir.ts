// Where mtlint's own rules/ folder is: the nearest one above this module (dist/ or a test build).

import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** mtlint's own rules/ folder: the nearest one above this module (dist/ or a test build). */
export const BUILTIN_RULES_DIR = findUp(dirname(fileURLToPath(import.meta.url)), 'rules');

function findUp(from: string, name: string): string {
  for (let dir = from; ; dir = dirname(dir)) {
    if (existsSync(join(dir, name)) && existsSync(join(dir, 'package.json'))) return join(dir, name);
    if (dirname(dir) === dir) return join(from, '..', '..', name);
  }
}
