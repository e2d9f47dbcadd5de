// The edits of "fix all" as an editor wants them: the fix loop applies its fixes in passes, each
// pass's offsets into the text the previous one left; an editor needs one set of non-overlapping
// edits into the text it has. `composePasses` folds the passes into that set, so that a fix-all
// touches only what `--fix` changes (cursors and marks elsewhere stay where they were).
//
//   pass 1: "Leave a Reply⏎⏎Your email…"  → delete "Leave a Reply⏎⏎"
//   pass 2: (in pass 1's text)            → delete "Your email…"
//   one edit into the original            → delete "Leave a Reply⏎⏎Your email…"

import { applyEdits, type Edit } from '../index.js';

/** Edits into `text` whose result is that of applying each pass in turn. */
export function composePasses(text: string, passes: readonly (readonly Edit[])[]): Edit[] {
  let edits: Edit[] | undefined;
  let current = text;
  for (const pass of passes) {
    const next = applyEdits(current, pass);
    if (next.skipped.length > 0) throw new Error('composePasses: a pass has overlapping edits');
    edits = edits ? compose(text, edits, current, next.applied) : next.applied;
    current = next.text;
  }
  return edits ?? [];
}

/**
 * `first` (sorted, non-overlapping, into `t0`, giving `t1`) then `second` (into `t1`) as edits
 * into `t0`. Edits that overlap in t1's offsets become one edit, and so do edits that touch there when one
 * of them is a second-pass edit.
 */
function compose(t0: string, first: readonly Edit[], t1: string, second: readonly Edit[]): Edit[] {
  interface Item {
    /** Span in t1. */
    a: number;
    b: number;
    /** A first-pass edit: its length change; a second-pass edit: undefined. */
    delta?: number;
    edit: Edit;
  }
  const items: Item[] = [];
  let shift = 0;
  for (const e of first) {
    const a = e.start + shift;
    items.push({ a, b: a + e.text.length, delta: e.text.length - (e.end - e.start), edit: e });
    shift += e.text.length - (e.end - e.start);
  }
  for (const e of second) items.push({ a: e.start, b: e.end, edit: e });
  items.sort((x, y) => x.a - y.a || x.b - y.b);

  const out: Edit[] = [];
  /** Length change of the first-pass edits wholly before the current cluster. */
  let before = 0;
  for (let i = 0; i < items.length; ) {
    const a = items[i].a;
    let b = a;
    /** A second-pass edit ends at b: what starts there joins it. */
    let open = false;
    let j = i;
    // Overlapping edits join; touching ones only when one is of the second pass (its span in t1 is bounded by the other's text).
    for (; j < items.length && (j === i || items[j].a < b || (items[j].a === b && (open || items[j].delta === undefined))); j++) {
      const y = items[j];
      if (y.b > b) open = false;
      if (y.delta === undefined && y.b >= b) open = true;
      b = Math.max(b, y.b);
    }
    const cluster = items.slice(i, j);
    const members = cluster.reduce((s, x) => s + (x.delta ?? 0), 0);
    const start = a - before;
    const end = start + (b - a) - members;
    const inner = cluster.filter((x) => x.delta === undefined).map((x) => ({ ...x.edit, start: x.edit.start - a, end: x.edit.end - a }));
    out.push(trim(t0, { start, end, text: applyEdits(t1.slice(a, b), inner).text }));
    before += members;
    i = j;
  }
  // Trimmed, two neighbours can end up insertions at one point: they are one insertion, in order.
  const merged: Edit[] = [];
  for (const e of out) {
    const last = merged[merged.length - 1];
    if (last && last.start === last.end && e.start === e.end && last.start === e.start) last.text += e.text;
    else if (e.start !== e.end || e.text !== '') merged.push({ ...e });
  }
  return merged;
}

/** The edit without the text it leaves as it was at either end (never splitting a surrogate pair). */
function trim(text: string, e: Edit): Edit {
  const old = text.slice(e.start, e.end);
  let p = 0;
  const max = Math.min(old.length, e.text.length);
  while (p < max && old.charCodeAt(p) === e.text.charCodeAt(p)) p++;
  if (p > 0 && isHigh(old.charCodeAt(p - 1))) p--;
  let s = 0;
  while (s < max - p && old.charCodeAt(old.length - 1 - s) === e.text.charCodeAt(e.text.length - 1 - s)) s++;
  if (s > 0 && isLow(old.charCodeAt(old.length - s))) s--;
  return { start: e.start + p, end: e.end - s, text: e.text.slice(p, e.text.length - s) };
}

const isHigh = (c: number) => c >= 0xd800 && c <= 0xdbff;
const isLow = (c: number) => c >= 0xdc00 && c <= 0xdfff;
