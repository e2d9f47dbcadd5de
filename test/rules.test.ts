// The data-driven suite: every rule file parses, its id matches its path, it credits a source,
// and its own examples hold (flagged texts fix to their output and leave the rule silent;
// clean texts stay clean). Plus pack meta-checks.

import { readdirSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { verifyExamples } from '../src/engine/examples.js';
import { BUILTIN_RULES_DIR, makeEnv, parseRuleFile } from '../src/engine/load.js';
import { KINDS } from '../src/kinds/index.js';
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
  for (const pack of ['calques', 'names', 'quotes', 'residue', 'repetition', 'script']) assert.ok(packs.has(pack), pack);
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
    const rule = { ...spec, check: KINDS[spec.kind].compile(spec, env) };
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
