// The registry of output formats; each lives in its own file as a pure function.

import { diff } from './diff.js';
import { json } from './json.js';
import type { Formatter } from './result.js';
import { stylish } from './stylish.js';

export const FORMATTERS: Record<string, Formatter> = { stylish, json, diff };
export type { FileResult, FormatOptions, Formatter } from './result.js';
