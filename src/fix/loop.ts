// The fix loop (after ESLint's): lint, apply the fixes of the chosen level in non-overlapping
// passes, re-lint, at most 10 passes, stop when nothing applies or the text repeats; lint once
// more at the end so the caller gets the findings that remain.

import type { Edit, Finding } from '../types.js';
import { applyEdits } from './apply.js';

export type FixLevel = 'safe' | 'suggest';
export const MAX_PASSES = 10;

export interface FixResult {
  output: string;
  /** Findings whose edit was applied, from every pass (offsets refer to that pass's text). */
  fixed: Finding[];
  /** Findings in the final text. */
  remaining: Finding[];
  /** The edits applied in each pass, sorted, each pass's offsets into the previous pass's text. */
  applied: Edit[][];
  passes: number;
}

/** The edit a finding contributes at a level: its fix, or with `suggest` its first suggestion. */
export function editFor(f: Finding, level: FixLevel): Edit | null {
  if (f.fix) return f.fix;
  if (level === 'suggest' && f.suggestions.length > 0) return f.suggestions[0];
  return null;
}

export function fixText(text: string, lint: (text: string) => Finding[], level: FixLevel = 'safe'): FixResult {
  const seen = new Set<string>([text]);
  const fixed: Finding[] = [];
  const applied: Edit[][] = [];
  let current = text;
  let findings = lint(current);
  let passes = 0;
  while (passes < MAX_PASSES) {
    const withEdits = findings.filter((f) => editFor(f, level) !== null);
    if (withEdits.length === 0) break;
    const byEdit = new Map<Edit, Finding>();
    for (const f of withEdits) byEdit.set(editFor(f, level)!, f);
    const pass = applyEdits(current, [...byEdit.keys()]);
    passes++;
    if (pass.applied.length === 0 || seen.has(pass.text)) break;
    for (const e of pass.applied) fixed.push(byEdit.get(e)!);
    applied.push(pass.applied);
    seen.add(pass.text);
    current = pass.text;
    findings = lint(current);
  }
  return { output: current, fixed, remaining: findings, applied, passes };
}
