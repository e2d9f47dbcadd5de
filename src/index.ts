// The library API: `lint` and `fix` a text, `loadRules` to choose the rules. The CLI is built on
// these same functions.

import { lintText } from './engine/lint.js';
import { loadRules, type LoadOptions, type Rule } from './engine/load.js';
import { fixText, type FixLevel, type FixResult } from './fix/loop.js';
import type { Finding } from './types.js';

export interface LintOptions {
  /** Rules to run (from `loadRules`); default: every built-in rule that is enabled. */
  rules?: readonly Rule[];
}

export interface FixOptions extends LintOptions {
  /** `safe` applies fixes only; `suggest` applies the first suggestion of each finding too. */
  level?: FixLevel;
}

let builtin: Rule[] | undefined;
function defaultRules(): Rule[] {
  return (builtin ??= loadRules({ verify: false }));
}

/** Findings in `text`, sorted by position; offsets are UTF-16 code units into `text`. */
export function lint(text: string, options: LintOptions = {}): Finding[] {
  return lintText(text, options.rules ?? defaultRules());
}

/** Applies fixes in non-overlapping passes and re-lints; returns the corrected text and what remains. */
export function fix(text: string, options: FixOptions = {}): FixResult {
  const rules = options.rules ?? defaultRules();
  return fixText(text, (t) => lintText(t, rules), options.level ?? 'safe');
}

export { loadRules };
export { applyEdits } from './fix/apply.js';
export type { Rule, LoadOptions, FixLevel, FixResult };
export type { Edit, Finding, FixSafety, Severity } from './types.js';
export { RuleError, UsageError } from './engine/errors.js';
