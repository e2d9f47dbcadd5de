// Property tests over random documents (ASCII and Unicode with astral characters and combining
// marks, CRLF and LF, with and without BOM and final newline, quotes of every kind, and text from
// the packs spliced in: every rule's examples and the names gazetteer, read from the loaded rules
// so the documents follow the packs as they grow), each checked with a random subset of rules:
//   1. fixing is idempotent;
//   2. the diff output applies (jsdiff's applyPatch here; `git apply` on the real command line's
//      `--format diff` below) and gives exactly the --fix output;
//   3. every byte outside the applied edits is unchanged; BOM, line endings, final newline kept;
//   4. applied edits never overlap; offsets, line and column agree for every finding;
//   5. the same input gives the same findings in the same order: twice in a process, and on the
//      command line across runs and with the worker pool (--jobs).
// `npm run test:long` (MTLINT_LONG=1) runs 10,000 cases instead of the quick default;
// MTLINT_PROPERTY_RUNS=N and MTLINT_SEED=S choose the count and replay a seed.

import { spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { applyPatch } from 'diff';
import fc from 'fast-check';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { lintText } from '../src/engine/lint.js';
import { BUILTIN_RULES_DIR, type Rule } from '../src/engine/load.js';
import { applyEdits } from '../src/fix/apply.js';
import { fixText, type FixLevel } from '../src/fix/loop.js';
import { decode, encode } from '../src/io/source.js';
import { FORMATTERS } from '../src/report/index.js';
import { locate } from '../src/report/result.js';
import type { Edit, Finding } from '../src/types.js';
import { builtinRules, mtlint, tempDir } from './helpers.js';

const LONG = process.argv.includes('--long') || process.env.MTLINT_LONG === '1';
const RUNS = Number(process.env.MTLINT_PROPERTY_RUNS ?? (LONG ? 10000 : 300));
const SEED = process.env.MTLINT_SEED ? Number(process.env.MTLINT_SEED) : undefined;

// Fragments of no pack: quotes and apostrophes of every kind, Unicode (accents, combining marks,
// astral characters, right-to-left, zero-width, no-break space), plain words and punctuation.
const GENERAL = [
  '\u201c', '\u201d', '\u2018', '\u2019', '"', "'", '\u00ab', '\u00bb', '\u201e', '\u2039', '\u203a', '\u300c', '\u300d',
  'Kyiv\u2019s', "don't", '\u201990s', '\u201cwe will talk,\u201d he said', '"yes"', "'no'", '\u00ab\u00a0non\u00a0\u00bb',
  'caf\u00e9', 'cafe\u0301', 'e\u0301\u0302', '\ud83d\ude00', '\ud83c\uddfa\ud83c\udde6', '\ud835\udc00', 'na\u00efve', '\u05e9\u05dc\u05d5\u05dd',
  '\u0645\u0631\u062d\u0628\u0627', '\u200b', '\u200d', '\u00a0', '\ufeff', '\u5317\u4eac', '\u041c\u043e\u0441\u043a\u0432\u0430',
  'said', 'talks', 'Moscow', 'on Monday', 'he', 'and', 'the', '.', ',', ';', ':', '!', '?', '\u2014', '\u2013', '-', '(', ')', '*', '#',
  'https://example.com/the the', 'news@example.org', '12', '1,000', '3.5', '<b>', '&amp;',
];
const SEPARATORS = [' ', ' ', ' ', '', '\n', '\r\n', '\n\n', '\r\n\r\n', '\t', '  '];

/**
 * Text from the packs: every rule's `flag` examples whole (each an artifact some rule fixes or
 * flags), every example text in runs of 1 to 4 words, and the gazetteer's names and spellings.
 */
function packFragments(rules: readonly Rule[]): { flags: string[]; examples: string[]; names: string[] } {
  const flags = new Set<string>();
  const examples = new Set<string>();
  for (const r of rules) {
    for (const f of r.examples.flag) if (f.text.trim() !== '') flags.add(f.text);
    const texts = [...r.examples.flag.flatMap((f) => [f.text, ...(f.output !== undefined ? [f.output] : [])]), ...r.examples.pass];
    for (const t of texts) {
      if (t.trim() === '') continue;
      const words = t.split(/\s+/).filter(Boolean);
      for (let i = 0; i < words.length; i++) {
        for (let n = 1; n <= 4 && i + n <= words.length; n++) examples.add(words.slice(i, i + n).join(' '));
      }
    }
  }
  const names = new Set<string>();
  const gazetteer = readFileSync(join(BUILTIN_RULES_DIR, 'names', 'gazetteer.tsv'), 'utf8');
  for (const line of gazetteer.split(/\r?\n/)) {
    if (line.startsWith('#') || line.trim() === '') continue;
    const [, name, accepted, wrong, other] = line.split('\t');
    for (const v of [name, ...[accepted, wrong, other].flatMap((c) => (c ? c.split('|') : []))]) if (v) names.add(v);
  }
  return { flags: [...flags].sort(), examples: [...examples].sort(), names: [...names].sort() };
}

interface Doc {
  text: string;
  bom: boolean;
}

function docArb(rules: readonly Rule[], maxParts = 40): fc.Arbitrary<Doc> {
  const { flags, examples, names } = packFragments(rules);
  assert.ok(flags.length > 100 && examples.length > 500 && names.length > 1000, `pack fragments: ${flags.length}, ${examples.length}, ${names.length}`);
  const fragment = fc.oneof(
    { arbitrary: fc.constantFrom(...flags), weight: 2 },
    { arbitrary: fc.constantFrom(...examples), weight: 3 },
    { arbitrary: fc.constantFrom(...names), weight: 2 },
    { arbitrary: fc.constantFrom(...GENERAL), weight: 4 },
    { arbitrary: fc.string({ unit: 'grapheme', maxLength: 4 }), weight: 1 },
  );
  return fc
    .record({
      parts: fc.array(fc.tuple(fragment, fc.constantFrom(...SEPARATORS)), { maxLength: maxParts }),
      crlf: fc.boolean(),
      bom: fc.boolean(),
      finalNewline: fc.boolean(),
    })
    .map(({ parts, crlf, bom, finalNewline }) => {
      let text = parts.map(([w, s]) => w + s).join('');
      text = crlf ? text.replace(/\r?\n/g, '\r\n') : text.replace(/\r\n/g, '\n');
      text = text.replace(/[\r\n]+$/, '') + (finalNewline ? (crlf ? '\r\n' : '\n') : '');
      // A file cannot start with U+FEFF as text: those bytes are its BOM.
      if (text.startsWith('\ufeff')) return { text: text.slice(1), bom: true };
      return { text, bom };
    });
}

// Rule ids, not rule objects, so that a counterexample prints readably.
const rulesArb = (all: Rule[]) => {
  const ids = all.map((r) => r.id);
  return fc.oneof({ arbitrary: fc.constant(ids), weight: 1 }, { arbitrary: fc.subarray(ids, { minLength: 1 }), weight: 2 });
};
const levelArb = fc.constantFrom<FixLevel>('safe', 'suggest');

/** A deliberately naive reference: splice from the end. */
function splice(text: string, edits: readonly Edit[]): string {
  let out = text;
  for (const e of [...edits].sort((a, b) => b.start - a.start)) out = out.slice(0, e.start) + e.text + out.slice(e.end);
  return out;
}

function lineEndings(text: string) {
  return { crlf: (text.match(/\r\n/g) ?? []).length, bareLf: (text.match(/(?<!\r)\n/g) ?? []).length, bareCr: (text.match(/\r(?!\n)/g) ?? []).length };
}

/** Line and column (1-based, UTF-16 units; CRLF, CR and LF each one break) of an offset, computed the slow way. */
function position(text: string, offset: number): { line: number; column: number } {
  const head = text.slice(0, offset);
  const breaks = head.match(/\r\n|\r|\n/g) ?? [];
  const lineStart = Math.max(head.lastIndexOf('\n'), head.lastIndexOf('\r')) + 1;
  return { line: breaks.length + 1, column: offset - lineStart + 1 };
}

function checkFindings(text: string, findings: Finding[]): void {
  for (const f of locate({ path: 'a.txt', text, findings })) {
    assert.ok(0 <= f.start && f.start <= f.end && f.end <= text.length, 'finding in range');
    assert.is(f.text, text.slice(f.start, f.end), 'finding text is the slice at its offsets');
    const s = position(text, f.start);
    const e = position(text, f.end);
    assert.equal([f.line, f.column, f.endLine, f.endColumn], [s.line, s.column, e.line, e.column], 'line and column agree with offsets');
    for (const edit of [...(f.fix ? [f.fix] : []), ...f.suggestions]) {
      assert.ok(0 <= edit.start && edit.start <= edit.end && edit.end <= text.length, 'edit in range');
    }
  }
  for (let i = 1; i < findings.length; i++) {
    const a = findings[i - 1];
    const b = findings[i];
    assert.ok(a.start < b.start || (a.start === b.start && a.end <= b.end), 'findings sorted by position');
  }
}

test(`properties of lint and fix hold on ${RUNS} random documents`, () => {
  const all = builtinRules();
  let cases = 0;
  let changed = 0;
  fc.assert(
    fc.property(docArb(all), rulesArb(all), levelArb, (doc, ids, level) => {
      cases++;
      const rules = all.filter((r) => ids.includes(r.id));
      const lint = (t: string) => lintText(t, rules);
      const result = fixText(doc.text, lint, level);
      if (result.output !== doc.text) changed++;

      // 1. idempotent: fixing the fixed text changes nothing
      assert.is(fixText(result.output, lint, level).output, result.output, 'fixing twice changes nothing');

      // 3 and 4. each pass's edits are sorted and disjoint (no two insertions at one point); the
      // output is exactly the input with the recorded edits, so every other byte is unchanged
      let current = doc.text;
      let touchedEnd = false;
      for (const edits of result.applied) {
        if (edits.some((e) => e.end === current.length)) touchedEnd = true;
        for (let i = 1; i < edits.length; i++) {
          const [a, b] = [edits[i - 1], edits[i]];
          assert.ok(a.end <= b.start, 'applied edits overlap');
          assert.not.ok(a.start === a.end && b.start === b.end && a.start === b.start, 'two insertions at one point');
        }
        for (const e of edits) assert.ok(e.start >= 0 && e.end <= current.length && e.start <= e.end, 'edit in range');
        assert.is(applyEdits(current, edits).text, splice(current, edits), 'applyEdits agrees with the naive splice');
        current = splice(current, edits);
      }
      assert.is(result.output, current, 'output is exactly the input with the recorded edits');
      const before = lineEndings(doc.text);
      const after = lineEndings(result.output);
      if (before.bareLf === 0) assert.is(after.bareLf, 0, 'a CRLF file stays CRLF');
      if (before.crlf === 0) assert.is(after.crlf, 0, 'an LF file stays LF');
      assert.ok(after.bareCr <= before.bareCr, 'no bare CR introduced');
      const finalNewline = (t: string) => /\r?\n$/.test(t);
      if (finalNewline(doc.text) && result.output.trim() !== '') assert.ok(finalNewline(result.output), 'final newline kept');
      // Absent stays absent, unless a fix removed what followed the last line break (a stray invisible character).
      if (!finalNewline(doc.text) && !touchedEnd) assert.not.ok(finalNewline(result.output), 'no final newline added');
      // Bytes: the file's own bytes decode to the text, the output encodes with the same BOM, and
      // the common prefix and suffix of input and output bytes cover everything outside the edits.
      const inBytes = encode({ bom: doc.bom, encoding: 'utf8' }, doc.text);
      const outBytes = encode({ bom: doc.bom, encoding: 'utf8' }, result.output);
      assert.is(decode(inBytes, 'x').text, doc.text, 'input round trip');
      assert.is(decode(outBytes, 'x').bom, doc.bom, 'BOM kept');
      assert.is(decode(outBytes, 'x').text, result.output, 'output round trip');
      if (result.applied.length === 1) {
        const edits = result.applied[0];
        const head = Buffer.byteLength(doc.text.slice(0, edits[0].start)) + (doc.bom ? 3 : 0);
        const tail = Buffer.byteLength(doc.text.slice(edits[edits.length - 1].end));
        assert.ok(inBytes.subarray(0, head).equals(outBytes.subarray(0, head)), 'bytes before the first edit unchanged');
        assert.ok(inBytes.subarray(inBytes.length - tail).equals(outBytes.subarray(outBytes.length - tail)), 'bytes after the last edit unchanged');
      }

      // 2. the diff applies and gives the fixed text
      const bom = doc.bom ? '\ufeff' : '';
      const patch = FORMATTERS.diff([{ path: 'a.txt', text: doc.text, findings: [], output: result.output, bom: doc.bom }], {
        color: false,
        diffContext: 1,
      });
      assert.is(patch === '', result.output === doc.text, 'a diff exactly when something changed');
      const patched = patch === '' ? bom + doc.text : applyPatch(bom + doc.text, patch);
      assert.is(patched, bom + result.output, 'the patch applies and gives the --fix output');

      // 4 and 5. offsets and positions agree, in the input and in what remains; deterministic
      const findings = lint(doc.text);
      assert.equal(lint(doc.text), findings, 'same findings twice');
      checkFindings(doc.text, findings);
      checkFindings(result.output, result.remaining);
    }),
    { numRuns: RUNS, seed: SEED },
  );
  assert.is(cases, RUNS);
  // Not a property, a check that the generator reaches the fixer at all.
  assert.ok(changed > RUNS / 10, `only ${changed} of ${RUNS} documents had something to fix`);
  if (LONG) console.log(`  ${cases} cases, ${changed} with fixes`);
});

/** A batch of random documents written as files a000.txt… (with their BOM). */
function writeBatch(dir: string, docs: Doc[]): string[] {
  mkdirSync(dir, { recursive: true });
  return docs.map((doc, i) => {
    const name = `a${String(i).padStart(3, '0')}.txt`;
    writeFileSync(join(dir, name), encode({ bom: doc.bom, encoding: 'utf8' }, doc.text));
    return name;
  });
}

const BATCHES = LONG ? 10 : 1;
const PER_BATCH = LONG ? 100 : 30;

test(`the command line's --format diff applies with git apply and equals --fix (${BATCHES} × ${PER_BATCH} files)`, () => {
  const all = builtinRules();
  const samples = fc.sample(docArb(all, 25), { numRuns: BATCHES * PER_BATCH, seed: SEED ?? 42 });
  for (let b = 0; b < BATCHES; b++) {
    const root = tempDir('mtlint-prop-');
    const docs = samples.slice(b * PER_BATCH, (b + 1) * PER_BATCH);
    const names = writeBatch(join(root, 'patched'), docs);
    cpSync(join(root, 'patched'), join(root, 'fixed'), { recursive: true });
    const diff = mtlint(['--format', 'diff', '--fix-level', 'suggest', ...names], { cwd: join(root, 'patched') });
    assert.ok(diff.code === 0 || diff.code === 1, diff.stderr);
    const fixed = mtlint(['--fix', '--fix-level', 'suggest', ...names], { cwd: join(root, 'fixed') });
    assert.ok(fixed.code === 0 || fixed.code === 1, fixed.stderr);
    if (diff.stdout !== '') {
      writeFileSync(join(root, 's.patch'), diff.stdout);
      const r = spawnSync('git', ['apply', '--whitespace=nowarn', join('..', 's.patch')], { cwd: join(root, 'patched'), encoding: 'utf8' });
      assert.is(r.status, 0, `git apply: ${r.stderr}`);
    }
    let changed = 0;
    for (const name of names) {
      const p = readFileSync(join(root, 'patched', name));
      const f = readFileSync(join(root, 'fixed', name));
      assert.ok(p.equals(f), `${name}: git apply of the diff equals --fix`);
      if (!f.equals(encode({ bom: docs[names.indexOf(name)].bom, encoding: 'utf8' }, docs[names.indexOf(name)].text))) changed++;
    }
    assert.ok(changed > 0, 'some files were changed');
  }
});

test(`findings are the same across runs and with the worker pool (${BATCHES} × ${PER_BATCH} files)`, () => {
  const all = builtinRules();
  const samples = fc.sample(docArb(all, 25), { numRuns: BATCHES * PER_BATCH, seed: (SEED ?? 42) + 1 });
  for (let b = 0; b < BATCHES; b++) {
    const dir = join(tempDir('mtlint-prop-'), 'docs');
    const docs = samples.slice(b * PER_BATCH, (b + 1) * PER_BATCH);
    const names = writeBatch(dir, docs);
    const run = (jobs: string) => {
      const r = mtlint(['--format', 'json', '--jobs', jobs, ...names], { cwd: dir });
      assert.ok(r.code === 0 || r.code === 1, r.stderr);
      return r.stdout;
    };
    const one = run('1');
    assert.is(run('1'), one, 'the same output on a second run');
    assert.is(run('2'), one, '--jobs 2 gives the same output as --jobs 1');
    assert.is(run('3'), one, '--jobs 3 gives the same output as --jobs 1');
    // And the same findings as the library in this process.
    const files = (JSON.parse(one) as { files: { path: string; findings: { ruleId: string; start: number; end: number }[] }[] }).files;
    assert.equal(files.map((f) => f.path), names);
    const enabled = all.filter((r) => r.enabled);
    files.forEach((f, i) => {
      const here = lintText(docs[i].text, enabled).map((x) => [x.ruleId, x.start, x.end]);
      assert.equal(f.findings.map((x) => [x.ruleId, x.start, x.end]), here, `${f.path}: CLI and library agree`);
    });
    assert.equal(readdirSync(dir).sort(), names, 'nothing written');
  }
});

test.run();
