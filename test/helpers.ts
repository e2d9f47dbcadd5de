// Helpers shared by the tests: paths, and a rule loaded from the built-in rules by id.

import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { loadRules, type Rule } from '../src/engine/load.js';

export const ROOT = fileURLToPath(new URL('../..', import.meta.url));
export const SHARED = fileURLToPath(new URL('../../../shared', import.meta.url));
export const HAS_SHARED = existsSync(SHARED);

let all: Rule[] | undefined;
/** Every built-in rule, loaded (and example-verified) once per test process. */
export function builtinRules(): Rule[] {
  return (all ??= loadRules());
}

export function rule(id: string): Rule {
  const r = builtinRules().find((x) => x.id === id);
  if (!r) throw new Error(`no rule ${id}`);
  return r;
}
