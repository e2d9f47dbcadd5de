// Term lists from TSV: loaded into the phrase matcher, case-preserving, errors name the line.

import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { RuleError } from '../src/engine/errors.js';
import { lintText } from '../src/engine/lint.js';
import { loadPhraseTsv } from '../src/engine/phrases-tsv.js';

function tsv(body: string): string {
  const path = join(mkdtempSync(join(tmpdir(), 'mtlint-tsv-')), 'terms.tsv');
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

test.run();
