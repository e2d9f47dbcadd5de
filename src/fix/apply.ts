// Applies edits to a text in one pass: sorted by position, an edit that overlaps one already
// taken is skipped (it waits for the next pass, after a re-lint).

import type { Edit } from '../types.js';

export interface PassResult {
  text: string;
  applied: Edit[];
  skipped: Edit[];
}

export function applyEdits(text: string, edits: readonly Edit[]): PassResult {
  const sorted = [...edits].sort((a, b) => a.start - b.start || a.end - b.end);
  const applied: Edit[] = [];
  const skipped: Edit[] = [];
  let out = '';
  let cursor = 0;
  for (const e of sorted) {
    if (e.start < 0 || e.end > text.length || e.start > e.end) throw new RangeError(`edit out of range: ${JSON.stringify(e)}`);
    // Two insertions at the same point, or an edit starting inside the previous one, overlap.
    const last = applied[applied.length - 1];
    if (e.start < cursor || (last && e.start === cursor && e.start === e.end && last.start === last.end)) {
      skipped.push(e);
      continue;
    }
    out += text.slice(cursor, e.start) + e.text;
    cursor = e.end;
    applied.push(e);
  }
  out += text.slice(cursor);
  return { text: out, applied, skipped };
}
