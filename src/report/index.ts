// The registry of output formats; each lives in its own file as a pure function.

import { checkstyle } from './checkstyle.js';
import { diff } from './diff.js';
import { github } from './github.js';
import { json } from './json.js';
import { junit } from './junit.js';
import { ndjson } from './ndjson.js';
import type { Formatter } from './result.js';
import { sarif } from './sarif.js';
import { stylish } from './stylish.js';

// Each formatter is a small pure function; a package one of them uses (diff) is required on first use.
export const FORMATTERS: Record<string, Formatter> = { stylish, json, diff, sarif, github, checkstyle, junit, ndjson };
/** Formats meant for people; the others are read by programs (no progress output next to them). */
export const HUMAN_FORMATS = new Set(['stylish']);
export type { FileResult, FormatOptions, Formatter } from './result.js';
