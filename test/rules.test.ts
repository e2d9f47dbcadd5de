// The data-driven suite: every rule file parses, its id matches its path, it credits a source,
// and its own examples hold (flagged texts fix to their output and leave the rule silent;
// clean texts stay clean). Plus pack meta-checks.

import { readdirSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { verifyExamples } from '../src/engine/examples.js';
import { BUILTIN_RULES_DIR, compileRule, makeEnv, parseRuleFile } from '../src/engine/load.js';
import { builtinRules } from './helpers.js';

function ruleFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) return name === 'lists' && dir === BUILTIN_RULES_DIR ? [] : ruleFiles(p);
    return /\.ya?ml$/.test(name) && dir !== BUILTIN_RULES_DIR ? [p] : [];
  });
}

const files = ruleFiles(BUILTIN_RULES_DIR);
const env = makeEnv(BUILTIN_RULES_DIR);

test('there are rules in every pack the seed needs', () => {
  const packs = new Set(files.map((f) => relative(BUILTIN_RULES_DIR, f).split(/[\\/]/)[0]));
  for (const pack of ['calques', 'names', 'quotes', 'residue', 'repetition', 'script', 'spinner']) assert.ok(packs.has(pack), pack);
});

/** Specs of every rule in a pack. */
const packSpecs = (pack: string) =>
  files.filter((f) => relative(BUILTIN_RULES_DIR, f).split(/[\\/]/)[0] === pack).map((f) => parseRuleFile(f, BUILTIN_RULES_DIR));
const count = (pack: string, key: string) => packSpecs(pack).reduce((n, s) => n + ((s.options[key] as unknown[] | undefined)?.length ?? 0), 0);

test('pack sizes: calques ≥ 150 entries, spinner ≥ 300 entries, residue ≥ 60 patterns', () => {
  assert.ok(count('calques', 'entries') >= 150, `calques has ${count('calques', 'entries')} entries`);
  assert.ok(count('spinner', 'entries') >= 300, `spinner has ${count('spinner', 'entries')} entries`);
  const residue = count('residue', 'lines') + count('residue', 'inline');
  assert.ok(residue >= 60, `residue has ${residue} patterns`);
});

test('spinner pack: credits the Problematic Paper Screener, has an allow-list and reports density', () => {
  const specs = packSpecs('spinner');
  assert.ok(specs.length >= 1);
  for (const s of specs) {
    assert.match(s.source, /Problematic Paper Screener/);
    assert.match(s.source, /CC BY 4\.0/);
    assert.is(s.options.density, true, `${s.id} reports density`);
    assert.ok(((s.options.allow as unknown[] | undefined)?.length ?? 0) > 0, `${s.id} has an allow-list`);
    assert.match(s.message, /\{density\}/);
  }
});

test('every calque entry states context or is more than one word', () => {
  for (const s of packSpecs('calques')) {
    for (const e of s.options.entries as { match: string; unless_before?: string[]; unless_after?: string[] }[]) {
      const words = e.match.replace(/[[\]]/g, '').trim().split(/[\s-]+/);
      assert.ok(words.length >= 2 || e.unless_before || e.unless_after, `${s.id}: ${e.match} has no context`);
    }
  }
});

for (const file of files) {
  const id = relative(BUILTIN_RULES_DIR, file).replace(/\.ya?ml$/, '').split(/[\\/]/).join('/');
  test(`rule ${id}: metadata and examples`, () => {
    const spec = parseRuleFile(file, BUILTIN_RULES_DIR);
    assert.is(spec.id, id, 'id comes from the path');
    assert.ok(/^[a-z0-9-]+\/[a-z0-9-]+$/.test(spec.id), `id ${spec.id} is <pack>/<kebab-name>`);
    assert.ok(spec.source.length > 10, 'source says where the knowledge came from');
    assert.ok(spec.description.length > 20, 'description explains the rule');
    assert.ok(spec.examples.flag.length >= 1 && spec.examples.pass.length >= 1);
    if (spec.fix !== 'none') assert.ok(spec.examples.flag.every((e) => e.output !== undefined), 'fixing rule gives outputs');
    const rule = compileRule(spec, env);
    verifyExamples(rule);
  });
}

test('loading the built-in rules verifies every example', () => {
  const rules = builtinRules();
  assert.is(rules.length, files.length);
  assert.equal(
    rules.map((r) => r.id),
    [...rules.map((r) => r.id)].sort(),
    'rules come back sorted by id',
  );
});

test.run();
