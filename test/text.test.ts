// The text model: line starts and positions (CRLF, lone CR, astral characters), tokens,
// paragraphs, sentences and protected ranges, all in UTF-16 offsets.

import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { TextDocument } from '../src/text/document.js';
import { computeLineStarts, positionAt } from '../src/text/lines.js';
import fc from 'fast-check';
import { normalizeWord, tokenize, WORD } from '../src/text/tokens.js';
import { lintDocument, lintText, pieces, PIECES_FROM } from '../src/engine/lint.js';
import { loadRules } from '../src/engine/load.js';
import { printsOf } from '../src/text/prints.js';
import { mergeRanges } from '../src/text/protected.js';
import { readdirSync, readFileSync } from 'node:fs';

test('word fingerprints: one per normalised word, the same for the same word, distinct over the samples\' and the gazetteer\'s words', () => {
  const doc = new TextDocument("Kyiv’s talks. KYIV'S talks, kyiv's Talks");
  const p = doc.wordPrints;
  const print = (i: number) => `${p[i * 2]},${p[i * 2 + 1]}`;
  assert.is(p.length, doc.words.length * 2);
  assert.equal([print(2), print(4)], [print(0), print(0)]);
  assert.equal([print(3), print(5)], [print(1), print(1)]);
  assert.is.not(print(0), print(1));
  // Every distinct word of the samples and of the gazetteer (names and their variants, often one letter apart) gets its own fingerprint.
  const words = new Map<string, string>();
  const files = [...readdirSync('samples').filter((f) => f.endsWith('.txt')).map((f) => `samples/${f}`), 'rules/names/gazetteer.tsv'];
  for (const file of files) {
    const tokens = tokenize(readFileSync(file, 'utf8'));
    const prints = printsOf(tokens);
    tokens.forEach((t, i) => {
      const key = `${prints[i * 2]},${prints[i * 2 + 1]}`;
      const seen = words.get(key);
      if (seen !== undefined) assert.is(seen, t.norm);
      words.set(key, t.norm);
    });
  }
  assert.ok(words.size > 50_000, `${words.size} distinct words`);
});

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
  assert.equal(tokenize('don’t stop‑gap it’s').map((t) => t.norm), ["don't", 'stop-gap', "it's"]);
  const text = '😀 stop';
  assert.is(tokenize(text)[0].start, 3);
});

/** The tokenizer's definition: the word regular expression, run over text[from, to). */
function referenceTokens(text: string, from: number, to: number) {
  const re = new RegExp(WORD.source, 'gu');
  re.lastIndex = from;
  const slice = text.slice(0, to);
  const out = [];
  for (let m = re.exec(slice); m !== null; m = re.exec(slice)) out.push({ start: m.index, end: m.index + m[0].length, text: m[0], norm: normalizeWord(m[0]) });
  return out;
}

test('every character of the BMP is classed as the word regular expression classes it (the tables filled in advance included)', () => {
  const bad: string[] = [];
  for (let c = 0; c < 0x10000; c++) {
    if (c >= 0xd800 && c <= 0xdfff) continue;
    // Alone, after a word character and between two: a word, a joiner or neither.
    for (const text of [String.fromCharCode(c), `a${String.fromCharCode(c)}`, `a${String.fromCharCode(c)}b`]) {
      const got = tokenize(text).map((t) => t.text).join('|');
      const want = referenceTokens(text, 0, text.length).map((t) => t.text).join('|');
      if (got !== want) bad.push(`U+${c.toString(16)}`);
    }
  }
  assert.equal(bad.slice(0, 10), []);
});

test('the scanning tokenizer = the word regular expression (ASCII, accents, combining marks, astral, lone surrogates, joiners)', () => {
  const pieces = ['a', 's', 't', 'a', 's', 't', 'Z', '9', 'é', 'É', 'ß', 'İ', 'Ω', 'я', 'Я', '中', '\u0301', '😀', '𝐀', '𝟗', '\ud800', '\udc00', "'", '’', '‑', '-', '–', ' ', '\n', '.', ',', '_', '"', '\u00a0', 'ǅ', 'Ⅻ', '٣'];
  fc.assert(
    fc.property(fc.array(fc.constantFrom(...pieces), { maxLength: 40 }), fc.nat(), fc.nat(), (parts, a, b) => {
      const text = parts.join('');
      const from = text.length ? a % (text.length + 1) : 0;
      const to = from + (text.length - from ? b % (text.length - from + 1) : 0);
      // Offsets come from word and paragraph boundaries, never from inside a surrogate pair.
      const splits = (k: number) => /[\ud800-\udbff]/.test(text[k - 1] ?? '') && /[\udc00-\udfff]/.test(text[k] ?? '');
      fc.pre(!splits(from) && !splits(to));
      assert.equal(tokenize(text, from, to), referenceTokens(text, from, to));
    }),
    { numRuns: 3000 },
  );
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

/** The protected ranges' definition: each pattern run over the whole text (the matches merged as the module merges them). */
function referenceProtected(text: string): [number, number][] {
  const patterns = [
    /\b(?:https?|ftp):\/\/[^\s<>"“”]+/giu,
    /\bwww\.[^\s<>"“”]+/giu,
    /\b[\p{L}\p{N}._%+-]+@[\p{L}\p{N}.-]+\.\p{L}{2,}\b/giu,
    /(?<![\p{L}\p{N}])@[A-Za-z0-9_]{2,}/gu,
  ];
  const found: [number, number][] = [];
  for (const re of patterns) {
    for (const m of text.matchAll(re)) {
      let end = m.index + m[0].length;
      while (end > m.index && /[.,;:!?)\]]/.test(text[end - 1])) end--;
      found.push([m.index, end]);
    }
  }
  return mergeRanges(found);
}

test('protected ranges, searched only around their literals, = each pattern run over the whole text', () => {
  const pieces = ['http://', 'https://', 'httpſ://', 'ftp://', '://', 'a.b/c', 'x.org/p?q=1', 'www.', 'WWW.', 'example.com', 'a.b', '@', 'c.de', 'x', 'мэр', 'почта.рф', 'handle', '_h', ' ', ' ', '\n', '\u00a0', '\u2003', '.', ',', ')', 'é', '"', '“', '<', '😀', 'text', 'K'];
  fc.assert(
    fc.property(fc.array(fc.constantFrom(...pieces), { maxLength: 30 }), (parts) => {
      const text = parts.join('');
      assert.equal(new TextDocument(text).protectedRanges, referenceProtected(text), JSON.stringify(text));
    }),
    { numRuns: 3000 },
  );
});

test('wordsIn returns the tokens inside a range', () => {
  const doc = new TextDocument('alpha beta gamma delta');
  assert.equal(doc.wordsIn(6, 16).map((t) => t.text), ['beta', 'gamma']);
});

test('pieces: cover the text exactly, cut after blank lines, about the size asked', () => {
  const para = (i: number) => `Paragraph ${i} says something about the talks.\nIt has two lines.`;
  const joined = Array.from({ length: 3000 }, (_, i) => para(i)).join('\n\n');
  const ps = pieces(joined, 10_000);
  assert.ok(ps.length > 10);
  assert.is(ps[0][0], 0);
  assert.is(ps[ps.length - 1][1], joined.length);
  for (let k = 1; k < ps.length; k++) {
    assert.is(ps[k][0], ps[k - 1][1]);
    assert.ok(joined.slice(0, ps[k][0]).endsWith('\n\n'), 'cut after a blank line');
    assert.ok(ps[k - 1][1] - ps[k - 1][0] >= 10_000 && ps[k - 1][1] - ps[k - 1][0] < 10_200);
  }
  // No blank line: cut after a line break; no line break: after white space; none at all: anywhere.
  const lines = 'word '.repeat(10).trim() + '\n';
  const noBlank = lines.repeat(2000);
  for (const [, e] of pieces(noBlank, 5_000).slice(0, -1)) assert.is(noBlank[e - 1], '\n');
  const spaces = 'word '.repeat(5000);
  for (const [, e] of pieces(spaces, 5_000).slice(0, -1)) assert.is(spaces[e - 1], ' ');
  const solid = 'x'.repeat(40_000);
  assert.is(pieces(solid, 5_000).map(([s, e]) => solid.slice(s, e)).join(''), solid);
});

test('a text over PIECES_FROM is linted in pieces: same phrase findings as one document, line numbers of the whole text', () => {
  const rules = loadRules({ verify: false });
  const calques = rules.filter((r) => r.id.startsWith('calques/'));
  const dup = rules.filter((r) => r.id === 'repetition/duplicate-sentence');
  const article = (i: number) =>
    `Article ${i}\n\nRussian country television reported on Tuesday that the Moscow holder had not changed since the talks began.\n\n` +
    `The spokesperson of the ministry said that a criminal case had been opened against the two suspects in the city.\n`;
  const parts: string[] = [];
  let length = 0;
  for (let i = 0; length <= PIECES_FROM + 50_000; i++) {
    parts.push(article(i));
    length += parts[parts.length - 1].length + 2;
  }
  // The last article repeats its own sentence: reported with its line in the whole text.
  const repeated = 'Officials in the region said the bridge would reopen to traffic after the repairs were finished next month.';
  parts.push(`Last\n\n${repeated}\n\nSomething else happened on the same day in another city of the region.\n\n${repeated}\n`);
  const text = parts.join('\n');
  assert.ok(text.length > PIECES_FROM);
  const whole = lintDocument(new TextDocument(text), calques);
  const inPieces = lintText(text, calques);
  assert.ok(whole.length > 1000);
  assert.equal(inPieces, whole);
  for (const f of inPieces.slice(-5)) assert.is(text.slice(f.start, f.end), f.text);
  const found = lintText(text, dup);
  const last = found[found.length - 1];
  assert.is(text.slice(last.start, last.end), repeated);
  const firstLine = text.slice(0, text.indexOf(repeated)).split('\n').length;
  assert.match(last.message, `line ${firstLine} `);
});

test.run();
