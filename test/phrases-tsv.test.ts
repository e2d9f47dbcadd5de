// Term lists from TSV: loaded into the phrase matcher, case-preserving, errors name the line.

import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { RuleError } from '../src/engine/errors.js';
import { lintText } from '../src/engine/lint.js';
import { loadPhraseTsv } from '../src/engine/phrases-tsv.js';
import { mtlint, tempDir } from './helpers.js';

function tsv(body: string): string {
  const path = join(tempDir('mtlint-tsv-'), 'terms.tsv');
  writeFileSync(path, body);
  return path;
}

test('a TSV term list flags and fixes its phrases, keeping case', () => {
  const rule = loadPhraseTsv(tsv('# our list\ncounterfeit news\tfake news\r\n\nbig data\tlarge data\n'));
  assert.is(rule.id, 'phrases/terms');
  const f = lintText('Counterfeit news and BIG DATA, not big  data.', [rule]);
  assert.equal(f.map((x) => [x.text, x.fix?.text]), [
    ['Counterfeit news', 'Fake news'],
    ['BIG DATA', 'LARGE DATA'],
    ['big  data', 'large data'],
  ]);
});

test('a malformed line is an error naming the file and line', () => {
  const path = tsv('counterfeit news\tfake news\nno tab here\n');
  try {
    loadPhraseTsv(path);
    assert.unreachable();
  } catch (e) {
    assert.instance(e, RuleError);
    assert.match((e as Error).message, /terms\.tsv:2: expected `phrase<TAB>correction`/);
  }
  assert.throws(() => loadPhraseTsv(tsv('a {X:country}\tb\n')), /terms\.tsv:1: a phrase may not contain/);
});

test('10,000 entries load into one matcher', () => {
  const lines = Array.from({ length: 10000 }, (_, i) => `term${i} word\tfixed${i}`).join('\n');
  const rule = loadPhraseTsv(tsv(lines));
  const f = lintText('It was term9999 word and term42 word.', [rule]);
  assert.equal(f.map((x) => x.fix?.text), ['fixed9999', 'fixed42']);
});

test('--phrases (repeatable) adds term lists to the CLI; --fix applies them', () => {
  const dir = tempDir('mtlint-tsv-cli-');
  const a = join(dir, 'house.tsv');
  const b = join(dir, 'desk.tsv');
  const article = join(dir, 'article.txt');
  writeFileSync(a, '# house style\ncounterfeit news\tfake news\n');
  writeFileSync(b, 'big data\tlarge data\n');
  writeFileSync(article, 'Counterfeit news about big data.\n');
  const r = mtlint(['--format', 'json', '--phrases', a, '--phrases', b, '--rule', 'phrases', article]);
  assert.is(r.code, 0, r.stderr);
  const findings = (JSON.parse(r.stdout) as { files: { findings: { ruleId: string; text: string }[] }[] }).files.flatMap((f) => f.findings);
  assert.equal(findings.map((f) => [f.ruleId, f.text]), [['phrases/house', 'Counterfeit news'], ['phrases/desk', 'big data']]);
  const fixed = mtlint(['--fix', '--stdout', '--phrases', a, '--phrases', b, article]);
  assert.is(fixed.stdout, 'Fake news about large data.\n');
  // Without --phrases neither term is known.
  const plain = mtlint(['--format', 'json', '--rule', 'calques', article]);
  assert.is(plain.code, 0, plain.stderr);
  assert.equal((JSON.parse(plain.stdout) as { files: { findings: unknown[] }[] }).files.flatMap((f) => f.findings), []);
});

test('--phrases: a bad line, a missing file or no value is one line on stderr and exit 2', () => {
  const dir = tempDir('mtlint-tsv-cli-');
  const bad = join(dir, 'bad.tsv');
  const article = join(dir, 'article.txt');
  writeFileSync(bad, 'counterfeit news\tfake news\n# fine\nno tab on this line\n');
  writeFileSync(article, 'Counterfeit news.\n');
  const r = mtlint(['--phrases', bad, article]);
  assert.is(r.code, 2);
  assert.is(r.stdout, '');
  assert.is(r.stderr, `mtlint: ${bad}:3: expected \`phrase<TAB>correction\`\n`);
  const missing = mtlint(['--phrases', join(dir, 'none.tsv'), article]);
  assert.is(missing.code, 2);
  assert.is(missing.stderr.split('\n').length, 2);
  assert.match(missing.stderr, /none\.tsv/);
  const empty = mtlint(['--phrases', '', article]);
  assert.is(empty.code, 2);
  assert.match(empty.stderr, /--phrases needs a file/);
});

test.run();
