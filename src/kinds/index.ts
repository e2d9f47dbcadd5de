// The registry of rule kinds: a rule file's `kind:` names one of these.

import type { Kind } from './kind.js';
import { boilerplate } from './boilerplate.js';
import { name } from './name.js';
import { phrase } from './phrase.js';
import { quotes } from './quotes.js';
import { repetition } from './repetition.js';
import { script } from './script.js';
import { source } from './source.js';
import { style } from './style.js';

export const KINDS: Record<string, Kind> = { boilerplate, name, phrase, quotes, repetition, script, source, style };
