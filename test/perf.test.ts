// Start-up shortcuts give the same answers as the slow paths: the precompiled rules
// (dist/rules.json) against the YAML, the English word list's look-up (through dist/english.json
// and without it) against a Set.

import { createRequire } from 'node:module';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { BUILTIN_RULES_DIR, compileRulesDir, ENGLISH_INDEX, englishWords, hashRules, isEnglishWord, loadRules, makeEnv } from '../src/engine/load.js';
import { writeFileSync, cpSync, readFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { findHazard } from '../src/engine/regex-safety.js';
import { tempDir } from './helpers.js';

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

test('precompiled rules: the patterns recorded as safe are every rule pattern, and safe', () => {
  const compiled = compileRulesDir(BUILTIN_RULES_DIR);
  assert.ok(compiled.safe.length > 50);
  for (const key of compiled.safe) {
    const slash = key.indexOf('/');
    assert.is(findHazard(key.slice(slash + 1), key.slice(0, slash)), null, key);
  }
  assert.ok(compiled.safe.some((k) => k.startsWith('iu/')) && compiled.safe.some((k) => k.startsWith('u/')));
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

test.run();
