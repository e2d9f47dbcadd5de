// The text model: line starts and positions (CRLF, lone CR, astral characters), tokens,
// paragraphs, sentences and protected ranges, all in UTF-16 offsets.

import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { TextDocument } from '../src/text/document.js';
import { computeLineStarts, positionAt } from '../src/text/lines.js';
import { tokenize } from '../src/text/tokens.js';

test('line starts for LF, CRLF and lone CR', () => {
  assert.equal(computeLineStarts('a\nb\r\nc\rd'), [0, 2, 5, 7]);
  assert.equal(computeLineStarts(''), [0]);
  assert.equal(computeLineStarts('x\n'), [0, 2]);
});

test('positionAt is 1-based and counts UTF-16 code units', () => {
  const text = '😀 ab\r\ncd';
  const starts = computeLineStarts(text);
  assert.equal(positionAt(starts, text.indexOf('a')), { line: 1, column: 4 }); // 😀 is two code units
  assert.equal(positionAt(starts, text.indexOf('d')), { line: 2, column: 2 });
  assert.equal(positionAt(starts, text.length), { line: 2, column: 3 });
});

test('tokens join inner apostrophes and hyphens and keep offsets', () => {
  const toks = tokenize('Kyiv’s Russian-Ukrainian talks, don\'t 😀 stop');
  assert.equal(toks.map((t) => t.text), ['Kyiv’s', 'Russian-Ukrainian', 'talks', "don't", 'stop']);
  assert.is(toks[0].norm, "kyiv's");
  const text = '😀 stop';
  assert.is(tokenize(text)[0].start, 3);
});

test('paragraphs are blank-line separated and trimmed', () => {
  const doc = new TextDocument('One.\r\n\r\n  Two a.\nTwo b.\n\n\nThree.\n');
  assert.equal(doc.paragraphs.map((p) => doc.text.slice(p.start, p.end)), ['One.', 'Two a.\nTwo b.', 'Three.']);
});

test('sentences split after full stops but not after abbreviations or initials', () => {
  const doc = new TextDocument('Mr. Smith met George W. Bush in the U.S. on Monday. They spoke. “Yes,” he said! Then left.');
  assert.equal(doc.sentences.map((s) => doc.text.slice(s.start, s.end)), [
    'Mr. Smith met George W. Bush in the U.S. on Monday.',
    'They spoke.',
    '“Yes,” he said!',
    'Then left.',
  ]);
});

test('protected ranges cover URLs and e-mail addresses, not trailing punctuation', () => {
  const text = 'See https://example.com/a_b. Mail news@example.org, or www.example.net.';
  const doc = new TextDocument(text);
  const got = doc.protectedRanges.map(([s, e]) => text.slice(s, e));
  assert.equal(got, ['https://example.com/a_b', 'news@example.org', 'www.example.net']);
  assert.ok(doc.isProtected(text.indexOf('example.com'), text.indexOf('example.com') + 3));
  assert.not.ok(doc.isProtected(0, 3));
});

test('wordsIn returns the tokens inside a range', () => {
  const doc = new TextDocument('alpha beta gamma delta');
  assert.equal(doc.wordsIn(6, 16).map((t) => t.text), ['beta', 'gamma']);
});

test.run();
