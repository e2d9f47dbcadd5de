// Property tests over random documents (ASCII and Unicode with astral characters and combining
// marks, CRLF and LF, with and without BOM and final newline, quotes of every kind, phrases and
// names from the packs spliced in), each checked with a random subset of the rules:
//   1. fixing is idempotent;
//   2. the diff output applies (jsdiff's applyPatch; `git apply` in a sample) and gives exactly
//      the --fix output;
//   3. every byte outside the applied edits is unchanged; BOM, line endings, final newline kept;
//   4. applied edits never overlap; offsets, line and column agree for every finding;
//   5. the same input gives the same findings in the same order.
// `npm run test:long` (or MTLINT_PROPERTY_RUNS=N) runs 10,000 cases instead of the quick default.

import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { applyPatch } from 'diff';
import fc from 'fast-check';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { lintText } from '../src/engine/lint.js';
import type { Rule } from '../src/engine/load.js';
import { fixText, type FixLevel } from '../src/fix/loop.js';
import { decode, encode } from '../src/io/source.js';
import { FORMATTERS } from '../src/report/index.js';
import { locate } from '../src/report/result.js';
import type { Edit } from '../src/types.js';
import { builtinRules } from './helpers.js';

const LONG = process.argv.includes('--long') || process.env.MTLINT_LONG === '1';
const RUNS = Number(process.env.MTLINT_PROPERTY_RUNS ?? (LONG ? 10000 : 300));

const FRAGMENTS = [
  // artifacts the packs know
  'the Moscow holder', 'Russian country television', 'his colleague Ukraine', 'the Ukrainian party',
  'eliminated all the possibilities of', 'the establishment of Russia', 'the the', 'The the',
  'Leave a Reply', 'Your email address will not be published.', 'Also read: more news',
  'Direct renewal of the war here', 'Share on Facebook Twitter', 'Lavrov', 'Lavor', 'Sergey Lavrov',
  'Volodymyr Zelskyy', 'Zelenskyy', 'David Arachhamia', 'Kyiv', 'Kiev', 'caf\u00c3\u00a9', '\u00e2\u20ac\u2122',
  '\u041a\u0443iv', 'M\u043escow', '\u041c\u043e\u0441\u043a\u0432\u0430', '\u5317\u4eac', 'counterfeit news',
  // quotes and apostrophes of every kind
  '\u201c', '\u201d', '\u2018', '\u2019', '"', "'", '\u00ab', '\u00bb', 'Kyiv\u2019s', "don't", '\u201990s',
  '\u201cwe will talk,\u201d he said', '"yes"',
  // Unicode: accents, combining marks, astral characters, right-to-left, zero-width
  'caf\u00e9', 'cafe\u0301', '\ud83d\ude00', '\ud835\udc00', 'na\u00efve', '\u05e9\u05dc\u05d5\u05dd', '\u200b', '\u00a0',
  // plain words and punctuation
  'said', 'talks', 'Moscow', 'on Monday', 'he', 'and', '.', ',', '\u2014', '-', '(', ')', '*', 'https://example.com/the the',
  'news@example.org', '12', '1,000',
];
const SEPARATORS = [' ', ' ', ' ', '', '\n', '\r\n', '\n\n', '\r\n\r\n', '\t', '  '];

interface Doc {
  text: string;
  bom: boolean;
}

const docArb: fc.Arbitrary<Doc> = fc
  .record({
    parts: fc.array(fc.tuple(fc.constantFrom(...FRAGMENTS), fc.constantFrom(...SEPARATORS)), { maxLength: 40 }),
    crlf: fc.boolean(),
    bom: fc.boolean(),
    finalNewline: fc.boolean(),
    noise: fc.string({ unit: 'grapheme', maxLength: 8 }),
  })
  .map(({ parts, crlf, bom, finalNewline, noise }) => {
    let text = parts.map(([w, s]) => w + s).join('') + noise;
    if (crlf) text = text.replace(/\r?\n/g, '\r\n');
    text = text.replace(/[\r\n]+$/, '') + (finalNewline ? (crlf ? '\r\n' : '\n') : '');
    return { text, bom };
  });

// Rule ids, not rule objects, so that a counterexample prints readably.
const rulesArb = (all: Rule[]) => fc.subarray(all.map((r) => r.id), { minLength: 1 });
const levelArb = fc.constantFrom<FixLevel>('safe', 'suggest');

function apply(text: string, edits: Edit[]): string {
  // A deliberately naive reference: splice from the end.
  let out = text;
  for (const e of [...edits].sort((a, b) => b.start - a.start)) out = out.slice(0, e.start) + e.text + out.slice(e.end);
  return out;
}

function lineEndings(text: string) {
  return { crlf: (text.match(/\r\n/g) ?? []).length, bareLf: (text.match(/(?<!\r)\n/g) ?? []).length };
}

test(`properties of lint and fix hold on ${RUNS} random documents`, () => {
  const all = builtinRules();
  fc.assert(
    fc.property(docArb, rulesArb(all), levelArb, (doc, ids, level) => {
      const rules = all.filter((r) => ids.includes(r.id));
      const lint = (t: string) => lintText(t, rules);
      const result = fixText(doc.text, lint, level);

      // 1. idempotent
      assert.is(fixText(result.output, lint, level).output, result.output, 'fixing twice changes nothing');

      // 3 and 4. each pass's edits are sorted and disjoint; the text outside them is unchanged
      let current = doc.text;
      for (const edits of result.applied) {
        for (let i = 1; i < edits.length; i++) assert.ok(edits[i - 1].end <= edits[i].start, 'edits overlap');
        for (const e of edits) assert.ok(e.start >= 0 && e.end <= current.length && e.start <= e.end);
        current = apply(current, edits);
      }
      assert.is(result.output, current, 'output is exactly the input with the recorded edits');
      const before = lineEndings(doc.text);
      const after = lineEndings(result.output);
      if (before.bareLf === 0) assert.is(after.bareLf, 0, 'a CRLF file stays CRLF');
      if (before.crlf === 0) assert.is(after.crlf, 0, 'an LF file stays LF');
      if (result.output.trim() !== '') {
        assert.is(/\r?\n$/.test(result.output), /\r?\n$/.test(doc.text), 'final newline kept (or still absent)');
      }
      const bytes = encode({ bom: doc.bom, encoding: 'utf8' }, result.output);
      assert.is(decode(bytes, 'x').bom, doc.bom, 'BOM kept');
      assert.is(decode(bytes, 'x').text, result.output, 'round trip through bytes');

      // 2. the diff applies and gives the fixed text
      const bom = doc.bom ? '\ufeff' : '';
      const patch = FORMATTERS.diff([{ path: 'a.txt', text: doc.text, findings: [], output: result.output, bom: doc.bom }], {
        color: false,
        diffContext: 1,
      });
      const patched = patch === '' ? bom + doc.text : applyPatch(bom + doc.text, patch);
      assert.is(patched, bom + result.output, 'the patch applies and gives the --fix output');

      // 4 and 5. offsets and positions agree; findings are deterministic
      const findings = lint(doc.text);
      assert.equal(lint(doc.text), findings, 'same findings twice');
      for (const f of locate({ path: 'a.txt', text: doc.text, findings })) {
        assert.is(f.text, doc.text.slice(f.start, f.end));
        const head = doc.text.slice(0, f.start);
        const breaks = head.match(/\r\n|\r|\n/g) ?? [];
        assert.is(f.line, breaks.length + 1, 'line');
        const lineStart = Math.max(head.lastIndexOf('\n'), head.lastIndexOf('\r')) + 1;
        assert.is(f.column, f.start - lineStart + 1, 'column');
      }
      for (let i = 1; i < findings.length; i++) {
        const a = findings[i - 1];
        const b = findings[i];
        assert.ok(a.start < b.start || (a.start === b.start && a.end <= b.end), 'sorted by position');
      }
    }),
    { numRuns: RUNS, seed: process.env.MTLINT_SEED ? Number(process.env.MTLINT_SEED) : undefined },
  );
});

test('the diff of random documents applies with git apply', () => {
  const all = builtinRules();
  const dir = mkdtempSync(join(tmpdir(), 'mtlint-prop-'));
  fc.assert(
    fc.property(docArb, (doc) => {
      const lint = (t: string) => lintText(t, all);
      const output = fixText(doc.text, lint).output;
      const file = join(dir, 'a.txt');
      writeFileSync(file, encode({ bom: doc.bom, encoding: 'utf8' }, doc.text));
      const patch = FORMATTERS.diff([{ path: 'a.txt', text: doc.text, findings: [], output, bom: doc.bom }], { color: false, diffContext: 1 });
      if (patch === '') return;
      writeFileSync(join(dir, 's.patch'), patch);
      const r = spawnSync('git', ['apply', '--whitespace=nowarn', 's.patch'], { cwd: dir, encoding: 'utf8' });
      assert.is(r.status, 0, r.stderr);
      assert.equal(readFileSync(file), encode({ bom: doc.bom, encoding: 'utf8' }, output));
    }),
    { numRuns: LONG ? 500 : 25 },
  );
});

test.run();
