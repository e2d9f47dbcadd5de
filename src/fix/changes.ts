// The changes a fix run made, as one list of pieces of text: kept, removed or inserted. Built from
// the edits themselves, pass after pass, not by diffing the texts afterwards — so a phrase fix
// reads as the phrase it replaces ("[-Moscow holder-]{+Moscow's position+}"), never as the word
// swaps a word diff would find.
//
// Invariants: the kept and removed pieces, in order, are the original text; the kept and inserted
// pieces are the fixed text.

import type { Edit } from '../types.js';

/** 0 kept, -1 removed, 1 inserted. */
export type ChangeOp = 0 | -1 | 1;
export type Change = [ChangeOp, string];

/** The changes of `passes` (FixResult.applied: each pass's edits, sorted, offsets into the previous pass's text) to `original`. */
export function changes(original: string, passes: readonly (readonly Edit[])[]): Change[] {
  let pieces: Change[] = original === '' ? [] : [[0, original]];
  for (const edits of passes) pieces = applyPass(pieces, edits);
  return merged(pieces);
}

/** Applies one pass's edits (offsets into the current text: the kept and inserted pieces). */
function applyPass(pieces: Change[], edits: readonly Edit[]): Change[] {
  const out: Change[] = [];
  let at = 0; // offset in the current text where the next piece starts
  let k = 0;
  let rest: Change | undefined = pieces[0]; // the unconsumed part of pieces[k]
  const next = () => (rest = pieces[++k]);
  // Moves the pieces before current offset `to` to the output, each transformed by `keep`.
  const advance = (to: number, inEdit: boolean) => {
    while (rest) {
      const [op, text] = rest;
      if (op === -1) {
        // Removed earlier: takes no room in the current text; stays where it is.
        out.push(rest);
        next();
        continue;
      }
      if (at >= to) return;
      const take = Math.min(text.length, to - at);
      const part = text.slice(0, take);
      // Inside an edit, a kept piece is removed, and a piece inserted by an earlier pass is gone.
      if (!inEdit) out.push([op, part]);
      else if (op === 0) out.push([-1, part]);
      at += take;
      if (take === text.length) next();
      else rest = [op, text.slice(take)];
    }
  };
  for (const e of edits) {
    advance(e.start, false);
    advance(e.end, true);
    if (e.text !== '') out.push([1, e.text]);
  }
  advance(Infinity, false);
  return out;
}

/** Adjacent pieces of one kind joined; a removal placed before the insertion beside it. */
function merged(pieces: Change[]): Change[] {
  const out: Change[] = [];
  for (const p of pieces) {
    if (p[1] === '') continue;
    const last = out[out.length - 1];
    if (last && last[0] === p[0]) last[1] += p[1];
    else if (last && last[0] === 1 && p[0] === -1) {
      // (Removed text after an insertion at the same point reads better first: [-old-]{+new+}.)
      const prev = out[out.length - 2];
      if (prev && prev[0] === -1) prev[1] += p[1];
      else out.splice(out.length - 1, 0, [-1, p[1]]);
    } else out.push([p[0], p[1]]);
  }
  return out;
}
