// The quotes kind: unclosed and orphan quotation marks per paragraph, the continued-quotation
// convention, apostrophes, mismatched pairs, UTF-16 offsets and CRLF text; the seed article and
// the false-alarm rate on clean English when ../shared is present.

import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { RuleError } from '../../src/engine/errors.js';
import { lintText } from '../../src/engine/lint.js';
import { makeEnv, BUILTIN_RULES_DIR } from '../../src/engine/load.js';
import { fixText } from '../../src/fix/loop.js';
import { quotes } from '../../src/kinds/quotes.js';
import { computeLineStarts, positionAt } from '../../src/text/lines.js';
import type { RuleSpec } from '../../src/types.js';
import { articles as tsvArticles, readTsv } from '../../scripts/tsv.js';
import { HAS_SHARED, SHARED, rule, skip } from '../helpers.js';

const unbalanced = (text: string) => lintText(text, [rule('quotes/unbalanced-quote')]);
// Off by default (docs/quality.md); enabled here to test the kind.
const mismatched = (text: string) => lintText(text, [{ ...rule('quotes/mismatched-quote'), enabled: true }]);
const spans = (text: string, lint: (t: string) => ReturnType<typeof lintText>) =>
  lint(text).map((f) => [f.start, f.end, f.text]);

test('an opening quote never closed is reported at the opening mark, with no fix', () => {
  const text = 'He said Ukraine presented a draft consisting of “unacceptable by Kyiv. Not interested.\n\nKyiv rejected it.';
  const found = unbalanced(text);
  assert.equal(spans(text, unbalanced), [[text.indexOf('“'), text.indexOf('“') + 1, '“']]);
  assert.is(found[0].fix, null);
  assert.equal(found[0].suggestions, []);
  assert.match(found[0].message, /never closed/);
});

test('balanced quotations are silent', () => {
  assert.equal(unbalanced('Lavrov said the “military operation” would go on. “We will continue,” he said.'), []);
  assert.equal(unbalanced('He said "no" and she said \'yes\', then "it\'s over."'), []);
  assert.equal(unbalanced('He said: “They called it ‘special’, and it was not.”'), []);
});

test('a closing quote without an opening one is reported at the closing mark', () => {
  const text = 'The minister said the talks had failed.” He left.';
  assert.equal(spans(text, unbalanced), [[39, 40, '”']]);
  assert.match(unbalanced(text)[0].message, /no opening quote/);
});

test('a quotation continued over paragraphs re-opens each one and closes at its end', () => {
  const lf = '“The first paragraph of the quotation.\n\n“The second one.\n\n“And the last, which closes it.”\n\nAfter.';
  assert.equal(unbalanced(lf), []);
  assert.equal(unbalanced(lf.replace(/\n/g, '\r\n')), [], 'CRLF paragraphs');
  // Straight quotes follow the same convention.
  assert.equal(unbalanced('"One paragraph.\n\n"Two paragraphs."'), []);
  // Inside one block, a line that re-opens the quotation continues it too.
  assert.equal(unbalanced('He said “yes.\n“Next line, still quoted.”'), []);
});

test('a continued quotation whose next paragraph does not re-open is reported', () => {
  const text = '“The first paragraph of the quotation.\n\nThe second paragraph, unquoted.\n\nThe end.';
  assert.equal(spans(text, unbalanced), [[0, 1, '“']]);
  // The last paragraph of a continued quotation must still close.
  const open = '“One.\n\n“Two, never closed.';
  assert.equal(spans(open, unbalanced), [[7, 8, '“']]);
});

test('copy split one sentence per paragraph: a quotation closed paragraphs later is not an error', () => {
  const text = '"Due to an injury I have been out for a year.\n\nI had an operation.\n\nI think I need more time," he said.';
  assert.equal(unbalanced(text), []);
});

test('apostrophes are not quotes', () => {
  const text = [
    'Lavrov accused Kyiv’s negotiator; Bucha’s dead were found.',
    'The players’ union met in the ’90s to play rock ’n’ roll.',
    "Don't say the players' union won't, O'Neill said of the '90s and rock 'n' roll.",
    'He said ‘Bucha’s dead deserve justice.’',
    'The 12" pipe and the 6\'5" forward.',
  ].join('\n\n');
  assert.equal(unbalanced(text), []);
  assert.equal(mismatched(text), []);
});

test('a detached apostrophe in a name (Xi \'an) is not reported as an open quote', () => {
  assert.equal(unbalanced("They met in Xi 'an and Chang 'an Avenue."), []);
  const text = "Ovechkin: 'Washington missed hockey.";
  assert.equal(spans(text, unbalanced), [[10, 11, "'"]]);
});

test('offsets are UTF-16 code units: astral characters before the match count twice', () => {
  const text = '😀🇺🇦 He said “no.\r\n\r\nThe end.';
  const [f] = unbalanced(text);
  assert.is(f.start, text.indexOf('“'));
  assert.is(f.start, 15);
  assert.is(text.slice(f.start, f.end), '“');
});

test('mismatched pairs: the odd mark is reported with a suggestion, never a fix', () => {
  const cases: [string, string][] = [
    ['It was a “military operation" on Monday.', 'It was a “military operation” on Monday.'],
    ['It was a "military operation” on Monday.', 'It was a “military operation” on Monday.'],
    ['It was a ”military operation” on Monday.', 'It was a “military operation” on Monday.'],
    ['It was a “military operation“ on Monday.', 'It was a “military operation” on Monday.'],
    ["It was a ‘military operation' on Monday.", 'It was a ‘military operation’ on Monday.'],
  ];
  for (const [text, fixed] of cases) {
    const [f, ...rest] = mismatched(text);
    assert.equal(rest, [], text);
    assert.is(f.fix, null, text);
    assert.is(f.suggestions.length, 1, text);
    assert.is(fixText(text, mismatched, 'safe').output, text, '--fix alone leaves it');
    assert.is(fixText(text, mismatched, 'suggest').output, fixed, text);
    assert.equal(unbalanced(text), [], `a mismatched pair is still a pair: ${text}`);
  }
});

test('guillemets pair with each other; a guillemet closed by a curly quote is reported without a fix', () => {
  assert.equal(mismatched('He said «hello» and „hallo“.'), []);
  const text = 'He said «hello”.';
  const [f] = mismatched(text);
  assert.equal([f.start, f.text, f.suggestions, f.fix], [14, '”', [], null]);
});

test('quote marks inside a URL are ignored', () => {
  const text = "See https://example.com/files/'draft for details.";
  assert.equal(unbalanced(text), []);
  assert.equal(unbalanced(text.replace('https://example.com', 'the folder')).length, 1, 'outside a URL it would be reported');
});

test('options are validated with the rule file and key in the error', () => {
  const spec: RuleSpec = {
    id: 'quotes/x', kind: 'quotes', severity: 'error', confidence: 1, message: 'm', description: 'd', source: 's',
    fix: 'none', enabled: true, examples: { flag: [], pass: [] }, options: { check: 'both' }, file: 'rules/quotes/x.yaml',
    lines: { check: 3 },
  };
  const env = makeEnv(BUILTIN_RULES_DIR);
  assert.throws(() => quotes.compile(spec, env), (e: unknown) => e instanceof RuleError && /x\.yaml:3: check: expected one of/.test(e.message));
  const bad = { ...spec, options: { check: 'unbalanced', single_quotes: 'no' }, lines: { single_quotes: 4 } };
  assert.throws(() => quotes.compile(bad, env), (e: unknown) => e instanceof RuleError && /:4: single_quotes/.test(e.message));
});

const SEED = join(SHARED, 'seed', 'article.txt');
if (existsSync(SEED)) {
  test('seed article: only the unclosed quote on line 15 is reported', () => {
    const text = readFileSync(SEED, 'utf8');
    const found = [...unbalanced(text), ...mismatched(text)];
    const starts = computeLineStarts(text);
    assert.equal(found.map((f) => [positionAt(starts, f.start).line, f.text, text.slice(f.start, f.start + 14)]), [[15, '“', '“unacceptable ']]);
  });
} else skip('seed article', '../shared/seed absent');

/** Article texts of a TSV: rows grouped by `docCol`, `textCol` joined one paragraph per row. */
const articles = (file: string, docCol: string, textCol: string): string[] => tsvArticles(readTsv(file), docCol, textCol).map((a) => a.text);

if (HAS_SHARED) {
  test('clean English news: at most one quote finding per 10,000 words', () => {
    const sets: [string, string, string][] = [
      ['clean-english-dev/newstest2021.en-X.refs.tsv', 'doc_id', 'src'],
      ['mt-dev/newstest2021.ru-en.refs.tsv', 'doc_id', 'ref_A'],
      ['mt-dev/newstest2021.ru-en.refs.tsv', 'doc_id', 'ref_B'],
    ];
    for (const [file, doc, col] of sets) {
      const texts = articles(join(SHARED, 'data', file), doc, col);
      const words = texts.reduce((n, t) => n + t.split(/\s+/).filter(Boolean).length, 0);
      const found = texts.reduce((n, t) => n + unbalanced(t).length + mismatched(t).length, 0);
      assert.ok((found / words) * 10000 <= 1, `${file} ${col}: ${found} findings in ${words} words`);
    }
  });
} else skip('clean English news', '../shared/data absent');

test.run();
