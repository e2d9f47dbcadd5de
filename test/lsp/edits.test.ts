// The language server's own arithmetic: fix-loop passes folded into one set of edits
// (composePasses) and LSP positions from mtlint offsets (LineIndex), on random and chosen cases.

import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { applyEdits } from '../../src/fix/apply.js';
import { composePasses } from '../../src/lsp/edits.js';
import { LineIndex } from '../../src/lsp/positions.js';
import type { Edit } from '../../src/types.js';
import { rng } from '../helpers.js';

const TOKENS = ['a', 'b', 'c', ' ', '\n', '\r\n', '😀', '😁', 'é'];

/** Random text of whole tokens, with the offsets between tokens (edits never split a surrogate pair, as mtlint's do not). */
function randomText(r: () => number, max: number): { text: string; cuts: number[] } {
  let text = '';
  const cuts = [0];
  const n = Math.floor(r() * max);
  for (let i = 0; i < n; i++) {
    text += TOKENS[Math.floor(r() * TOKENS.length)];
    cuts.push(text.length);
  }
  return { text, cuts };
}

/** A pass as the fix loop makes one: random edits, and applyEdits keeps those that do not overlap. */
function randomPass(r: () => number, text: string, cuts: number[]): Edit[] {
  const edits: Edit[] = [];
  for (let k = Math.floor(r() * 4); k > 0; k--) {
    const i = Math.floor(r() * cuts.length);
    const j = Math.min(cuts.length - 1, i + Math.floor(r() * 3));
    edits.push({ start: cuts[i], end: cuts[j], text: randomText(r, 3).text });
  }
  return applyEdits(text, edits).applied.filter((e) => e.start !== e.end || e.text !== '');
}

const splitsPair = (text: string, at: number) => at > 0 && at < text.length && /[\ud800-\udbff]/.test(text[at - 1]) && /[\udc00-\udfff]/.test(text[at]);

test('composePasses: the folded edits give the text the passes give, sorted, without overlaps or split surrogate pairs (5,000 random cases)', () => {
  const r = rng(17);
  for (let n = 0; n < 5000; n++) {
    const { text, cuts } = randomText(r, 14);
    const passes: Edit[][] = [];
    let current = text;
    let currentCuts = cuts;
    for (let p = 1 + Math.floor(r() * 3); p > 0; p--) {
      const pass = randomPass(r, current, currentCuts);
      if (pass.length === 0) continue;
      passes.push(pass);
      current = applyEdits(current, pass).text;
      // Token boundaries of the new text: recompute from its code points.
      currentCuts = [0];
      for (const ch of current.split(/(\r\n|[\s\S])/u).filter(Boolean)) currentCuts.push(currentCuts[currentCuts.length - 1] + ch.length);
    }
    const edits = composePasses(text, passes);
    const applied = applyEdits(text, edits);
    const ctx = JSON.stringify({ text, passes, edits });
    assert.is(applied.text, current, ctx);
    assert.is(applied.skipped.length, 0, ctx);
    for (let i = 1; i < edits.length; i++) assert.ok(edits[i - 1].end <= edits[i].start, ctx);
    for (const e of edits) assert.ok(!splitsPair(text, e.start) && !splitsPair(text, e.end) && !(e.start === e.end && e.text === ''), ctx);
  }
});

test('composePasses: a line deletion and a fix next to it stay two edits; a second pass that extends a deletion becomes one', () => {
  const text = 'Stub line\n\nLavor said.\n\nLeave a Reply\n\nYour email';
  const lavor = text.indexOf('Lavor');
  const reply = text.indexOf('Leave');
  const pass1: Edit[] = [
    { start: 0, end: lavor, text: '' },
    { start: lavor, end: lavor + 5, text: 'Lavrov' },
    { start: reply, end: reply + 'Leave a Reply\n\n'.length, text: '' },
  ];
  const t1 = applyEdits(text, pass1).text;
  const pass2: Edit[] = [{ start: t1.indexOf('\n\nYour'), end: t1.length, text: '' }];
  const edits = composePasses(text, [pass1, pass2]);
  assert.equal(edits, [
    { start: 0, end: lavor, text: '' },
    { start: lavor + 3, end: lavor + 5, text: 'rov' },
    { start: text.indexOf('\n\nLeave'), end: text.length, text: '' },
  ]);
  assert.is(applyEdits(text, edits).text, 'Lavrov said.');
});

test('LineIndex: UTF-16 characters after astral characters, CRLF and lone CR lines, positions past a line end', () => {
  const text = '🙂🙂 Lavrov\r\nsaid 𝕏 the Moscow holder\rend';
  const lines = new LineIndex(text);
  const at = text.indexOf('the Moscow');
  // `said 𝕏 ` is 8 UTF-16 units (𝕏 is two).
  assert.equal(lines.position(at), { line: 1, character: 8 });
  assert.equal(lines.position(text.indexOf('Lavrov')), { line: 0, character: 5 });
  assert.equal(lines.position(text.indexOf('end')), { line: 2, character: 0 });
  assert.is(lines.offset({ line: 1, character: 8 }), at);
  assert.is(lines.offset({ line: 0, character: 99 }), text.indexOf('\r\n'));
  assert.is(lines.offset({ line: 9, character: 0 }), text.length);
  assert.is(lines.lineEnd(1), text.indexOf('\rend'));
  for (let o = 0; o <= text.length; o++) {
    if (text[o - 1] === '\r' && text[o] === '\n') continue;
    assert.is(lines.offset(lines.position(o)), o, `offset ${o}`);
  }
});

test.run();
