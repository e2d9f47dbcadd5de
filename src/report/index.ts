// The registry of output formats; each lives in its own file as a pure function.

import { createRequire } from 'node:module';
import type { Formatter } from './result.js';
import { stylish } from './stylish.js';

// The other formatters are required when first looked up (a run uses one format; sarif, junit,
// checkstyle and diff bring XML, hashing and the `diff` package with them).
const require = createRequire(import.meta.url);
const lazy = <K extends string>(file: string, name: K) => () => (require(file) as Record<K, Formatter>)[name];
const formatters = {
  stylish: () => stylish,
  json: lazy('./json.js', 'json'),
  diff: lazy('./diff.js', 'diff'),
  sarif: lazy('./sarif.js', 'sarif'),
  github: lazy('./github.js', 'github'),
  checkstyle: lazy('./checkstyle.js', 'checkstyle'),
  junit: lazy('./junit.js', 'junit'),
  ndjson: lazy('./ndjson.js', 'ndjson'),
};

export const FORMATTERS: Record<string, Formatter> = {};
for (const [name, get] of Object.entries(formatters)) Object.defineProperty(FORMATTERS, name, { enumerable: true, get });
/** Formats meant for people; the others are read by programs (no progress output next to them). */
export const HUMAN_FORMATS = new Set(['stylish']);
export type { FileResult, FormatOptions, Formatter } from './result.js';
