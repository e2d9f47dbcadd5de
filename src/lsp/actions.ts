// What the code actions offer, as mtlint edits: the title of a fix or suggestion, the edits of
// "fix all safe findings" (the fix loop's passes folded into one set: exactly what `--fix`
// writes), and the comment that turns a rule off on one line of Markdown or HTML, checked by
// linting the text with it before it is offered.
//
//   He said the Moscow holder had changed.  →  He said the Moscow holder had changed. <!-- mtlint-disable-line calques/position-holder -->

import { applyEdits, fix, lint, type Edit, type InputFormat, type LintFinding, type LintOptions } from '../index.js';
import { composePasses } from './edits.js';
import type { LineIndex } from './positions.js';

/** Formats in which a comment can turn a rule off (`<!-- mtlint-disable-line … -->`). */
export const COMMENT_FORMATS: ReadonlySet<InputFormat> = new Set(['markdown', 'html']);

/** "Replace `the Moscow holder` with `Moscow's position`", "Delete `Leave a Reply⏎⏎`", "Insert `,`". */
export function editTitle(text: string, e: Edit): string {
  const old = text.slice(e.start, e.end);
  if (old === '') return `Insert ${quote(e.text)}`;
  if (e.text === '') return `Delete ${quote(old)}`;
  return `Replace ${quote(old)} with ${quote(e.text)}`;
}

function quote(s: string): string {
  let shown = s.replace(/\r\n|\n|\r/g, '⏎');
  if (shown.length > 60) shown = `${shown.slice(0, 40)}…${shown.slice(-15)}`;
  return `\`${shown}\``;
}

/** Edits into `text` that give what `fix` (the `--fix` loop, safe fixes) gives. */
export function fixAllEdits(text: string, options: LintOptions): Edit[] {
  const result = fix(text, { ...options, level: 'safe' });
  const edits = composePasses(text, result.applied);
  // NOTE: composePasses is tested to give the loop's output; should it ever not, one edit over the
  // changed span still gives the text `--fix` writes.
  if (applyEdits(text, edits).text === result.output) return edits;
  let p = 0;
  while (p < text.length && p < result.output.length && text[p] === result.output[p]) p++;
  let s = 0;
  while (s < text.length - p && s < result.output.length - p && text[text.length - 1 - s] === result.output[result.output.length - 1 - s]) s++;
  return [{ start: p, end: text.length - s, text: result.output.slice(p, result.output.length - s) }];
}

const DISABLE_LINE = /<!--\s*mtlint-disable-line((?:\s+[^\s>-][^\s>]*)+)\s*-->$/;

/**
 * The edit that turns `ruleId` off on `line` (0-based): a `mtlint-disable-line` comment at the
 * line's end (before trailing spaces, which may be a Markdown line break), or the rule added to
 * the one already there. Null when the text with it does not lint as it should: that rule quiet
 * on that line and every other finding unchanged (a comment where HTML reads it as text, in a
 * Markdown table row, …).
 */
export function disableLineEdit(lines: LineIndex, findings: readonly LintFinding[], options: LintOptions, ruleId: string, line: number): Edit | null {
  const text = lines.text;
  const lineStart = lines.offset({ line, character: 0 });
  let at = lines.lineEnd(line);
  while (at > lineStart && (text[at - 1] === ' ' || text[at - 1] === '\t')) at--;
  const existing = DISABLE_LINE.exec(text.slice(lineStart, at));
  const edit: Edit = existing
    ? { start: at - existing[0].length + existing[0].indexOf(existing[1]) + existing[1].length, end: 0, text: ` ${ruleId}` }
    : { start: at, end: at, text: `${at > lineStart ? ' ' : ''}<!-- mtlint-disable-line ${ruleId} -->` };
  edit.end = edit.start;
  const key = (f: LintFinding, shift: number) => `${f.ruleId} ${f.start + (f.start >= edit.start ? shift : 0)} ${f.end + (f.end > edit.start ? shift : 0)}`;
  const expected = findings.filter((f) => !(f.ruleId === ruleId && lines.lineOf(f.start) === line)).map((f) => key(f, edit.text.length));
  let after: LintFinding[];
  try {
    after = lint(applyEdits(text, [edit]).text, options);
  } catch {
    return null;
  }
  const got = after.map((f) => key(f, 0));
  return got.length === expected.length && got.every((k, i) => k === expected[i]) ? edit : null;
}
