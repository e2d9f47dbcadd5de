// Start-up shortcuts give the same answers as the slow paths: the precompiled rules
// (dist/rules.json) against the YAML, the English word list's look-up (through dist/english.json
// and without it) against a Set.

import { createRequire } from 'node:module';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { BUILTIN_RULES_DIR, compileRulesDir, ENGLISH_INDEX, englishWords, hashRules, isEnglishWord, loadRules, makeEnv, rulesMatch, stampHolds, stampRules } from '../src/engine/load.js';
import { writeFileSync, cpSync, readFileSync, existsSync, readdirSync, rmSync, utimesSync } from 'node:fs';
import { join } from 'node:path';
import { findHazard } from '../src/engine/regex-safety.js';
import { literalPrefixes, requiredLiterals, stripLeadingAssertions } from '../src/match/line-prefilter.js';
import { tempDir } from './helpers.js';
import { lintText } from '../src/engine/lint.js';
import { attachBilingual } from '../src/source/context.js';
import { styleGroups } from '../src/kinds/style.js';
import { patternSyntax } from '../src/match/phrase-pattern.js';

const words = createRequire(import.meta.url)('an-array-of-english-words') as string[];

test('isEnglishWord: every listed word, and near misses, agree with a Set of the list', () => {
  const set = new Set(words);
  for (let i = 0; i < words.length; i += 7) assert.ok(isEnglishWord(words[i]), words[i]);
  for (const w of [words[0], words[words.length - 1], 'a', 'zzz', 'zyzzyvas']) assert.is(isEnglishWord(w), set.has(w), w);
  const misses = ['', 'Apple', 'qqq', 'aaa', 'zzzzzzz', 'kyiv', 'zelenskyy', 'don’t', 'naïve', 'a"', 'b,c', '[', 'abc1'];
  for (let i = 0; i < words.length; i += 997) misses.push(words[i] + 'q', words[i].slice(0, -1), words[i] + words[i]);
  for (const w of misses) assert.is(isEnglishWord(w), set.has(w), w);
  // Through the built index (npm test builds first) and without one: the same answers.
  assert.ok(existsSync(ENGLISH_INDEX));
  const viaIndex = englishWords();
  const inMemory = englishWords(join(tempDir('mtlint-english-'), 'none.json'));
  for (let i = 0; i < words.length; i += 5) {
    for (const w of [words[i], words[i] + 's', words[i].slice(1)]) {
      assert.is(viaIndex(w), set.has(w), w);
      assert.is(inMemory(w), set.has(w), w);
    }
  }
});

test('precompiled rules: the JSON holds every rule spec and list as parsed from the YAML', () => {
  const compiled = compileRulesDir(BUILTIN_RULES_DIR);
  assert.ok(compiled.specs.length > 10);
  const env = makeEnv(BUILTIN_RULES_DIR);
  for (const [name, entries] of Object.entries(compiled.lists)) assert.equal(entries, env.list(name));
  // Rules loaded through dist/rules.json (when fresh) and straight from the YAML are the same.
  const viaJson = loadRules({ verify: false });
  const viaYaml = loadRules({ verify: false, dirs: [BUILTIN_RULES_DIR + '/'] });
  const strip = (r: { check: unknown; file: string }) => ({ ...r, check: undefined, file: r.file.replace(/\/\//g, '/') });
  assert.equal(viaJson.map(strip), viaYaml.map(strip));
});

test('precompiled rules: a rule that is off is compiled when something reads its checker, and then finds what the YAML rule finds', () => {
  const viaJson = loadRules({ verify: false });
  const viaYaml = loadRules({ verify: false, dirs: [BUILTIN_RULES_DIR + '/'] });
  const off = viaJson.filter((r) => !r.enabled);
  assert.ok(off.some((r) => r.id === 'styles/ap'), 'styles/ap is off by default');
  for (const rule of off) {
    assert.type(Object.getOwnPropertyDescriptor(rule, 'check')?.get, 'function', `${rule.id} not compiled yet`);
    const yamlRule = viaYaml.find((r) => r.id === rule.id)!;
    assert.ok(rule.examples.flag.length > 0, rule.id);
    for (const ex of rule.examples.flag) {
      // A source-aware rule's example comes with its original.
      const original = () => ex.source && attachBilingual({ original: ex.source.text, sourceLang: ex.source.lang });
      const found = lintText(ex.text, [{ ...rule, enabled: true }], undefined, original());
      assert.ok(found.length > 0, `${rule.id}: ${ex.text}`);
      assert.equal(found, lintText(ex.text, [{ ...yamlRule, enabled: true }], undefined, original()));
    }
    assert.is(Object.getOwnPropertyDescriptor(rule, 'check')?.get, undefined, `${rule.id} compiled once, then kept`);
  }
  for (const rule of viaJson.filter((r) => r.enabled)) assert.type(Object.getOwnPropertyDescriptor(rule, 'check')?.value, 'function', rule.id);
});

test('precompiled rules: the patterns recorded as safe are every rule pattern, and safe', () => {
  const compiled = compileRulesDir(BUILTIN_RULES_DIR);
  assert.ok(compiled.safe.length > 50);
  for (const key of compiled.safe) {
    const slash = key.indexOf('/');
    assert.is(findHazard(key.slice(slash + 1), key.slice(0, slash)), null, key);
  }
  assert.ok(compiled.safe.some((k) => k.startsWith('iu/')) && compiled.safe.some((k) => k.startsWith('u/')));
});

test('precompiled rules: the facts recorded as derived from the patterns are what their functions derive now', () => {
  const compiled = compileRulesDir(BUILTIN_RULES_DIR);
  const fns: Record<string, (p: string) => unknown> = {
    literalPrefixes: (p) => literalPrefixes(p),
    inlinePrefixes: (p) => literalPrefixes(stripLeadingAssertions(p), true),
    requiredLiterals: (p) => requiredLiterals(p),
    styleGroups: (p) => styleGroups(p),
    phrasePattern: (p) => patternSyntax(p),
  };
  const seen = new Set<string>();
  for (const [key, value] of compiled.derived) {
    const [name, input] = key.split('\0');
    assert.ok(fns[name], `unknown derived fact ${name}`);
    assert.equal(fns[name](input), value, key);
    seen.add(name);
  }
  assert.equal([...seen].sort(), Object.keys(fns).sort());
  // Written to JSON and read back, the same.
  assert.equal(JSON.parse(JSON.stringify(compiled.derived)), compiled.derived);
});

test('precompiled rules: the hash changes with any rule file or list', () => {
  const dir = tempDir('mtlint-hash-');
  cpSync(BUILTIN_RULES_DIR, dir, { recursive: true });
  const before = hashRules(dir);
  assert.is(hashRules(dir), before);
  const rule = join(dir, 'calques', 'according-to.yaml');
  assert.ok(existsSync(rule));
  writeFileSync(rule, readFileSync(rule, 'utf8') + '\n');
  const afterRule = hashRules(dir);
  assert.is.not(afterRule, before);
  const list = join(dir, 'lists', 'countries.yaml');
  writeFileSync(list, readFileSync(list, 'utf8') + '\n');
  assert.is.not(hashRules(dir), afterRule);
});

test('precompiled rules: the stamp holds until a file is written, added or removed; then the hash decides', () => {
  const dir = tempDir('mtlint-stamp-');
  cpSync(BUILTIN_RULES_DIR, dir, { recursive: true });
  // Every time a minute back, so that a change made now is newer whatever the clock's resolution.
  const past = new Date(Date.now() - 60_000);
  const age = (d: string) => {
    for (const e of readdirSync(d, { withFileTypes: true })) if (e.isDirectory()) age(join(d, e.name));
    for (const e of readdirSync(d)) utimesSync(join(d, e), past, past);
    utimesSync(d, past, past);
  };
  const fresh = () => {
    age(dir);
    return { stamp: stampRules(dir), hash: hashRules(dir) };
  };
  const rule = join(dir, 'calques', 'according-to.yaml');
  const list = join(dir, 'lists', 'countries.yaml');

  let compiled = fresh();
  assert.ok(stampHolds(dir, compiled.stamp));
  assert.ok(compiled.stamp.files.some(([f]) => f === join('lists', 'countries.yaml')));
  // Written again with the same text: the stamp no longer holds, the hash still matches.
  writeFileSync(rule, readFileSync(rule));
  assert.not.ok(stampHolds(dir, compiled.stamp));
  assert.ok(rulesMatch(dir, compiled));
  for (const change of [
    () => writeFileSync(rule, readFileSync(rule, 'utf8').replace('according', 'accordinG')), // same size
    () => writeFileSync(list, readFileSync(list, 'utf8') + '\n'),
    () => writeFileSync(join(dir, 'calques', 'new-rule.yaml'), readFileSync(rule)),
    () => rmSync(rule),
  ]) {
    compiled = fresh();
    change();
    assert.not.ok(stampHolds(dir, compiled.stamp), change.toString());
    assert.not.ok(rulesMatch(dir, compiled), change.toString());
  }
});

test.run();
