// The rule loader and pipeline: errors name the rule file and line; a rule whose examples fail
// refuses to load; protected ranges are dropped centrally; findings are sorted and deduplicated.

import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { RuleError } from '../src/engine/errors.js';
import { lintText } from '../src/engine/lint.js';
import { loadRules, type Rule } from '../src/engine/load.js';
import { regexHazard } from '../src/engine/regex-safety.js';
import { tempDir } from './helpers.js';

const GOOD = `kind: phrase
severity: warning
confidence: 0.8
fix: safe
message: "Use \`{fix}\` rather than \`{match}\`."
description: A test rule that replaces counterfeit news.
source: Problematic Paper Screener (test).
entries:
  - match: counterfeit news
    fix: fake news
examples:
  flag:
    - text: It was counterfeit news.
      output: It was fake news.
  pass:
    - It was fake news.
`;

function rulesDir(files: Record<string, string>): string {
  const dir = tempDir('mtlint-rules-');
  for (const [name, body] of Object.entries(files)) {
    mkdirSync(join(dir, name.split('/')[0]), { recursive: true });
    writeFileSync(join(dir, name), body);
  }
  return dir;
}

function loadError(files: Record<string, string>): RuleError {
  try {
    loadRules({ dirs: [rulesDir(files)] });
  } catch (e) {
    if (e instanceof RuleError) return e;
    throw e;
  }
  throw new Error('expected a RuleError');
}

test('a valid rule loads with its id from the path', () => {
  const rules = loadRules({ dirs: [rulesDir({ 'spin/counterfeit.yaml': GOOD })] });
  assert.equal(rules.map((r) => r.id), ['spin/counterfeit']);
  const f = lintText('Counterfeit news spreads, see https://x.org/counterfeit news', rules);
  assert.is(f.length, 1, 'the match inside the URL is dropped');
  assert.is(f[0].fix?.text, 'Fake news', 'case follows the replaced text');
  assert.is(f[0].message, 'Use `Fake news` rather than `Counterfeit news`.');
});

test('malformed YAML names the file and line', () => {
  const e = loadError({ 'spin/bad.yaml': 'kind: phrase\nseverity: [warning\nconfidence: 1\n' });
  assert.match(e.message, /spin\/bad\.yaml:\d+: invalid YAML/);
  assert.ok(e.line >= 2);
});

test('an unknown key is an error on its line', () => {
  const e = loadError({ 'spin/x.yaml': GOOD.replace('entries:', 'colour: red\nentries:') });
  assert.match(e.message, /x\.yaml:8: colour: unknown key for kind phrase/);
});

test('a bad severity, confidence or fix value is an error', () => {
  assert.match(loadError({ 'a/b.yaml': GOOD.replace('severity: warning', 'severity: fatal') }).message, /b\.yaml:2: severity/);
  assert.match(loadError({ 'a/b.yaml': GOOD.replace('confidence: 0.8', 'confidence: 3') }).message, /b\.yaml:3: confidence/);
  assert.match(loadError({ 'a/b.yaml': GOOD.replace('fix: safe', 'fix: always') }).message, /b\.yaml:4: fix/);
});

test('an invalid regular expression names the rule file and key line', () => {
  const body = `kind: boilerplate
severity: error
confidence: 0.9
fix: safe
message: Delete.
description: A residue rule with a broken pattern.
source: test case for the loader.
lines:
  - "leave a (reply"
examples:
  flag:
    - text: "x\\n\\nleave a reply"
      output: "x"
  pass: ["y"]
`;
  assert.match(loadError({ 'r/broken.yaml': body }).message, /broken\.yaml:8: lines: invalid regular expression/);
});

test('a rule whose examples fail refuses to load', () => {
  const wrongOutput = GOOD.replace('output: It was fake news.', 'output: It was false news.');
  assert.match(loadError({ 'a/b.yaml': wrongOutput }).message, /example failed: .*fixed to "It was fake news\."/);
  const notFlagged = GOOD.replace('- text: It was counterfeit news.', '- text: It was real news.');
  assert.match(loadError({ 'a/b.yaml': notFlagged }).message, /example failed: not flagged/);
  const cleanFlagged = GOOD.replace('- It was fake news.', '- More counterfeit news.');
  assert.match(loadError({ 'a/b.yaml': cleanFlagged }).message, /flagged "counterfeit news" in a `pass` example/);
});

test('a fixing rule without an expected output fails; missing examples fail', () => {
  assert.match(loadError({ 'a/b.yaml': GOOD.replace('      output: It was fake news.\n', '') }).message, /needs `output`/);
  assert.match(loadError({ 'a/b.yaml': GOOD.replace(/examples:[\s\S]*/, '') }).message, /examples: required/);
});

test('an unknown kind is named', () => {
  assert.match(loadError({ 'a/b.yaml': GOOD.replace('kind: phrase', 'kind: magic') }).message, /b\.yaml:1: kind: expected one of/);
});

const BOILERPLATE = (pattern: string) => `kind: boilerplate
severity: error
confidence: 0.9
fix: safe
message: Delete.
description: A residue rule.
source: test case for the loader.
lines:
  - ${JSON.stringify(pattern)}
examples:
  flag:
    - text: "x\\n\\naaa"
      output: "x"
  pass: ["y"]
`;

test('findings come sorted by position, end and rule, one per rule and span (the first reported)', () => {
  const rule = (id: string, matches: { start: number; end: number; message: string }[]): Rule => ({
    id, kind: 'phrase', severity: 'warning', confidence: 1, message: 'm', description: 'd', source: 's', fix: 'none',
    enabled: true, examples: { flag: [], pass: [] }, options: {}, file: `${id}.yaml`, lines: {}, check: () => matches,
  });
  const text = 'one two three four';
  const found = lintText(text, [
    rule('b/x', [{ start: 8, end: 13, message: 'b first' }, { start: 0, end: 3, message: 'b' }, { start: 8, end: 13, message: 'b again' }]),
    rule('a/x', [{ start: 8, end: 13, message: 'a' }, { start: 0, end: 7, message: 'a long' }, { start: 8, end: 13, message: 'a again' }]),
  ]);
  assert.equal(found.map((f) => [f.start, f.end, f.ruleId, f.message]), [
    [0, 3, 'b/x', 'b'],
    [0, 7, 'a/x', 'a long'],
    [8, 13, 'a/x', 'a'],
    [8, 13, 'b/x', 'b first'],
  ]);
});

test('a rule that supersedes another drops its finding on the same span only, and only when it runs', () => {
  const rule = (id: string, matches: { start: number; end: number }[], supersedes?: string[]): Rule => ({
    id, kind: 'phrase', severity: 'warning', confidence: 1, message: id, description: 'd', source: 's', fix: 'none',
    enabled: true, ...(supersedes ? { supersedes } : {}), examples: { flag: [], pass: [] }, options: {}, file: `${id}.yaml`, lines: {}, check: () => matches,
  });
  const english = rule('names/x', [{ start: 0, end: 3 }, { start: 4, end: 7 }]);
  const source = rule('source/x', [{ start: 0, end: 3 }, { start: 4, end: 9 }], ['names/x']);
  const ids = (rules: Rule[]) => lintText('one two three', rules).map((f) => `${f.ruleId}@${f.start}-${f.end}`);
  assert.equal(ids([english, source]), ['source/x@0-3', 'names/x@4-7', 'source/x@4-9']);
  assert.equal(ids([english, { ...source, enabled: false }]), ['names/x@0-3', 'names/x@4-7']);
});

test('supersedes must list rule ids', () => {
  assert.match(loadError({ 'a/b.yaml': GOOD.replace('fix: safe', 'fix: safe\nsupersedes: names') }).message, /b\.yaml:5: supersedes: expected a list of rule ids/);
  assert.equal(loadRules({ dirs: [rulesDir({ 'a/b.yaml': GOOD.replace('fix: safe', 'fix: safe\nsupersedes: [names/misspelled-name]') })] })[0].supersedes, ['names/misspelled-name']);
});

test('a pattern that can backtrack catastrophically is refused at load, naming the file and line', () => {
  const e = loadError({ 'r/redos.yaml': BOILERPLATE('(a+)+') });
  assert.match(e.message, /redos\.yaml:8: lines: regular expression \/\(a\+\)\+\/ refused: nested repetition/);
  assert.match(loadError({ 'r/alt.yaml': BOILERPLATE('(?:a|a)+') }).message, /alt\.yaml:8: .*overlapping alternatives/);
  // The same intent written without the nesting loads and works.
  const rules = loadRules({ dirs: [rulesDir({ 'r/ok.yaml': BOILERPLATE('a+') })] });
  assert.is(rules.length, 1);
});

test('regexHazard: nested repetition and overlapping alternatives inside a repeat are found', () => {
  const refused = ['(a+)+$', '(a*)*b', '(\\w+\\s?)+$', '(x.{0,50})+y', '([a-z]+)*$', '(?:\\d+,?)+$', '(a{1,20}){1,20}$', '(?<n>a+)+', '(a|a)*$', '(\\w|\\d)+$', '(?:.|\\s)*x'];
  for (const p of refused) assert.ok(regexHazard(p, 'u'), `should refuse /${p}/`);
});

test('regexHazard: unambiguous repeats, bounded counts and plain patterns pass', () => {
  const fine = [
    '(\\s*,\\s*)+', '(\\w+\\s)+$', "(?:[\\p{Lu}][\\p{L}'-]+ )+x", "(?: [\\p{Lu}][\\p{L}'-]+){0,3}", 'leave a (?:reply|comment)(?: to .{1,60})?',
    '(?:a|b|c)+', '(?:ab|cd)+', '(?=(a+))\\1+', '[(]+', '\\(+a+\\)+', '\\p{Script=Cyrillic}', 'a{2,}',
  ];
  for (const p of fine) assert.is(regexHazard(p, 'u'), null, `should accept /${p}/`);
});

test.run();
