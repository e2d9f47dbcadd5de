// How an edit reads, for reports: the words it replaces, the words it puts in, and a few words
// either side on the same line — taken from the text the rules checked, so that a fix reads the
// same whatever the input format (the source edit of an HTML block deletion covers markup; its
// view is the block's words).
//
//   … president. Later [-Rechan-]{+Recean+} said the …

import type { Edit } from '../types.js';

export interface EditView {
  /** A few words before the edit, on its line (`…` first when cut). */
  before: string;
  /** The text the edit replaces. */
  old: string;
  /** The text it puts in (as read, not as encoded for the source). */
  new: string;
  /** A few words after it, on its line (`…` last when cut). */
  after: string;
}

/** The view of `edit` in `text` (the text its offsets refer to). */
export function editView(text: string, edit: Edit): EditView {
  return {
    before: contextWords(text.slice(Math.max(0, edit.start - 60), edit.start), -1),
    old: text.slice(edit.start, edit.end),
    new: edit.text,
    after: contextWords(text.slice(edit.end, edit.end + 60), 1),
  };
}

/** Up to six words (and the spaces between) next to an edit, on its line. */
function contextWords(s: string, dir: 1 | -1): string {
  const line = dir === 1 ? s.split(/\r?\n|\r/)[0] : s.split(/\r?\n|\r/).pop()!;
  const words = line.split(/(?<=\s)|(?=\s)/);
  const keep = dir === 1 ? words.slice(0, 6) : words.slice(-6);
  const text = keep.join('');
  const cut = text.length < line.length;
  return dir === 1 ? text + (cut ? '…' : '') : (cut ? '…' : '') + text;
}
