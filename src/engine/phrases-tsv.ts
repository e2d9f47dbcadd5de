// A newsroom's own term list as a rule: `phrase<TAB>correction` per line, `#` comments, loaded
// into the same phrase matcher as the built-in phrase rules (`--phrases FILE.tsv`).
//
//   counterfeit news<TAB>fake news

import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import type { RuleSpec } from '../types.js';
import { RuleError, UsageError } from './errors.js';
import { BUILTIN_RULES_DIR, compileRule, makeEnv, type Rule } from './load.js';
import { describe } from '../io/source.js';

export function loadPhraseTsv(path: string): Rule {
  let source: string;
  try {
    source = readFileSync(path, 'utf8');
  } catch (e) {
    throw new UsageError(`${path}: ${describe(e)}`);
  }
  const entries: { match: string; fix: string }[] = [];
  const lines: number[] = [];
  source.split(/\r?\n/).forEach((line, i) => {
    if (line.trim() === '' || line.trimStart().startsWith('#')) return;
    const cells = line.split('\t');
    if (cells.length !== 2 || cells[0].trim() === '') {
      throw new RuleError(path, i + 1, 'expected `phrase<TAB>correction`');
    }
        if (/[{}[\]]/.test(cells[0])) throw new RuleError(path, i + 1, 'a phrase may not contain { } [ ]');
    entries.push({ match: cells[0].trim(), fix: cells[1].trim() });
    lines.push(i + 1);
  });
  const spec: RuleSpec = {
    id: `phrases/${basename(path).replace(/\.[^.]*$/, '')}`,
    kind: 'phrase',
    severity: 'warning',
    confidence: 0.8,
    message: 'Use `{fix}` rather than `{match}` (term list).',
    description: `Phrase list ${path}.`,
    source: path,
    fix: 'safe',
    enabled: true,
    examples: { flag: [], pass: [] },
    options: { entries },
    file: path,
    lines: {},
  };
  try {
    return compileRule(spec, makeEnv(BUILTIN_RULES_DIR));
  } catch (e) {
    // Point at the TSV line rather than the synthetic `entries` key.
    const m = e instanceof RuleError ? /entries\[(\d+)\]: (.*)/.exec(e.message) : null;
    if (m) throw new RuleError(path, lines[Number(m[1])], m[2]);
    throw e;
  }
}
