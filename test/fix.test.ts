// The fixer: one pass applies sorted, non-overlapping edits; the loop re-lints, stops on
// repetition or after 10 passes; fixing is idempotent and keeps BOM, CRLF and final newline.

import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { applyEdits } from '../src/fix/apply.js';
import { changes, type Change } from '../src/fix/changes.js';
import { MAX_PASSES, fixText } from '../src/fix/loop.js';
import { decode, encode } from '../src/io/source.js';
import { lintText } from '../src/engine/lint.js';
import type { Finding } from '../src/types.js';
import { builtinRules } from './helpers.js';

test('applyEdits applies in position order whatever the input order', () => {
  const r = applyEdits('abcdef', [
    { start: 4, end: 5, text: 'E' },
    { start: 0, end: 1, text: 'A' },
  ]);
  assert.is(r.text, 'AbcdEf');
  assert.is(r.applied.length, 2);
});

test('applyEdits skips an overlapping edit for the next pass', () => {
  const r = applyEdits('abcdef', [
    { start: 1, end: 4, text: 'X' },
    { start: 2, end: 5, text: 'Y' },
  ]);
  assert.is(r.text, 'aXef');
  assert.equal(r.skipped, [{ start: 2, end: 5, text: 'Y' }]);
});

test('applyEdits: adjacent edits both apply; two insertions at one point do not', () => {
  assert.is(applyEdits('abc', [{ start: 0, end: 1, text: 'A' }, { start: 1, end: 2, text: 'B' }]).text, 'ABc');
  const r = applyEdits('abc', [{ start: 1, end: 1, text: 'x' }, { start: 1, end: 1, text: 'y' }]);
  assert.is(r.text, 'axbc');
  assert.is(r.skipped.length, 1);
});

test('applyEdits rejects an edit outside the text', () => {
  assert.throws(() => applyEdits('abc', [{ start: 2, end: 9, text: '' }]), /out of range/);
});

test('fixText applies overlapping fixes over several passes, then stops', () => {
  // A fake linter: every "aa" becomes "a", one finding per overlapping pair.
  const lint = (t: string): Finding[] => {
    const out: Finding[] = [];
    for (let i = 0; i + 1 < t.length; i++) {
      if (t[i] === 'a' && t[i + 1] === 'a') out.push(fake(i, i + 2, 'a'));
    }
    return out;
  };
  const r = fixText('aaaa', lint);
  assert.is(r.output, 'a');
  assert.ok(r.passes >= 2 && r.passes <= MAX_PASSES);
  assert.is(r.remaining.length, 0);
});

test('fixText stops when the text repeats (a fix that undoes itself)', () => {
  const lint = (t: string): Finding[] => [fake(0, 1, t[0] === 'x' ? 'y' : 'x')];
  const r = fixText('x', lint);
  assert.ok(r.passes <= 3, `stopped after ${r.passes} passes`);
});

test('fixText never exceeds the pass limit', () => {
  let n = 0;
  const lint = (t: string): Finding[] => [fake(0, 0, String(n++))];
  const r = fixText('', lint);
  assert.is(r.passes, MAX_PASSES);
});

test('suggest level applies suggestions; safe level does not', () => {
  const f: Finding = { ...fake(0, 3, ''), fix: null, suggestions: [{ start: 0, end: 3, text: 'dog' }] };
  const lint = (t: string) => (t === 'cat' ? [f] : []);
  assert.is(fixText('cat', lint, 'safe').output, 'cat');
  assert.is(fixText('cat', lint, 'suggest').output, 'dog');
});

const SEEDLIKE =
  'Lavrov said the Moscow holder had changed.\r\n\r\nHe spoke to Russian country television.\r\n\r\nLeave a Reply\r\n';

test('fixing real rules is idempotent and keeps CRLF, BOM and the final newline', () => {
  const rules = builtinRules();
  const lint = (t: string) => lintText(t, rules);
  const bytes = Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(SEEDLIKE, 'utf8')]);
  const file = decode(bytes, 'x.txt');
  assert.ok(file.bom);
  const once = fixText(file.text, lint).output;
  assert.is(once, "Lavrov said Moscow's position had changed.\r\n\r\nHe spoke to Russian state television.\r\n");
  assert.is(fixText(once, lint).output, once, 'idempotent');
  const out = encode(file, once);
  assert.equal([...out.subarray(0, 3)], [0xef, 0xbb, 0xbf], 'BOM kept');
  assert.ok(out.toString('utf8').endsWith('television.\r\n'), 'CRLF and final newline kept');
  assert.not.ok(/[^\r]\n/.test(once), 'no bare LF introduced');
});

function fake(start: number, end: number, text: string): Finding {
  return {
    ruleId: 'test/fake', kind: 'phrase', severity: 'error', confidence: 1, start, end,
    text: '', message: '', fix: { start, end, text }, suggestions: [],
  };
}

/** The original (kept and removed pieces) and the fixed text (kept and inserted) a list of changes spells. */
function sides(c: Change[]): [string, string] {
  return [c.filter(([op]) => op <= 0).map(([, t]) => t).join(''), c.filter(([op]) => op >= 0).map(([, t]) => t).join('')];
}

test('changes: a phrase fix reads as the phrase removed and the phrase inserted, not as word swaps', () => {
  const text = 'He said the Moscow holder had changed.';
  const at = text.indexOf('the Moscow holder');
  const edit = { start: at, end: at + 'the Moscow holder'.length, text: "Moscow's position" };
  assert.equal(changes(text, [[edit]]), [
    [0, 'He said '],
    [-1, 'the Moscow holder'],
    [1, "Moscow's position"],
    [0, ' had changed.'],
  ]);
});

test('changes: later passes compose with earlier ones (an insertion edited again, a removal kept)', () => {
  // Pass 1: "aaaa" → "a" in two edits; pass 2 replaces the text inserted by pass 1 and kept text after it.
  const r = fixText('x aa aa y', (t) => {
    const out: Finding[] = [];
    const i = t.indexOf('aa');
    if (i >= 0) out.push(fake(i, i + 2, 'b'));
    const j = t.indexOf('b a');
    if (j >= 0) out.push(fake(j, j + 3, 'c'));
    return out;
  });
  const c = changes('x aa aa y', r.applied);
  assert.ok(r.passes >= 2, `passes: ${r.passes}`);
  assert.equal(sides(c), ['x aa aa y', r.output]);
  // Nothing inserted by one pass and removed by the next shows.
  for (const [op, t] of c) if (op === 1) assert.ok(r.output.includes(t), t);
});

test('changes: the kept and removed pieces spell the original, the kept and inserted the output (random passes)', () => {
  let seed = 7;
  const rnd = (n: number) => ((seed = (seed * 1103515245 + 12345) % 2 ** 31), seed % n);
  for (let run = 0; run < 300; run++) {
    const original = Array.from({ length: rnd(30) }, () => 'ab c\n'[rnd(5)]).join('');
    let text = original;
    const passes = [];
    for (let p = 0; p < 1 + rnd(4); p++) {
      const edits = Array.from({ length: rnd(4) }, () => {
        const start = rnd(text.length + 1);
        return { start, end: start + rnd(text.length - start + 1), text: ['', 'X', 'YZ'][rnd(3)] };
      });
      const pass = applyEdits(text, edits);
      passes.push(pass.applied);
      text = pass.text;
    }
    const c = changes(original, passes);
    assert.equal(sides(c), [original, text], JSON.stringify({ original, passes }));
    for (let i = 1; i < c.length; i++) assert.ok(c[i][0] !== c[i - 1][0], 'adjacent pieces of one kind are joined');
  }
});

test.run();
