// Inline suppression comments in Markdown and HTML, applied to findings by source offset:
//
//   <!-- mtlint-disable [rule|pack …] -->            off from here (all rules, or those named)
//   <!-- mtlint-enable [rule|pack …] -->             on again from here
//   <!-- mtlint-disable-line [rule|pack …] -->       off on the comment's own line
//   <!-- mtlint-disable-next-line [rule|pack …] -->  off on the line after the comment
//
// Text after ` -- ` inside the comment is a free-form reason and is ignored.

import { computeLineStarts, positionAt } from '../text/lines.js';
import type { Finding } from '../types.js';
import { UsageError } from './errors.js';

export type DirectiveType = 'disable' | 'enable' | 'disable-line' | 'disable-next-line';

export interface Directive {
  type: DirectiveType;
  /** Rule ids or packs; empty means every rule. */
  rules: string[];
  /** Source offsets of the whole comment. */
  start: number;
  end: number;
}

const COMMENT = /<!--([\s\S]*?)-->/g;
const DIRECTIVE = /^\s*mtlint-(disable-next-line|disable-line|disable|enable)(?=\s|$)([\s\S]*)$/;

/** The mtlint directives among the HTML comments in source[from, to). */
export function findDirectives(source: string, from = 0, to = source.length): Directive[] {
  const out: Directive[] = [];
  // Most texts have no comment at all.
  const first = source.indexOf('<!--', from);
  if (first < 0 || first + 4 > to) return out;
  const slice = source.slice(from, to);
  COMMENT.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = COMMENT.exec(slice)) !== null) {
    const d = parseDirective(m[1], from + m.index, from + m.index + m[0].length);
    if (d) out.push(d);
  }
  return out;
}

/** A directive from the body of one comment (between `<!--` and `-->`), or null if it is not one. */
export function parseDirective(body: string, start: number, end: number): Directive | null {
  const m = DIRECTIVE.exec(body);
  if (!m) return null;
  const list = m[2].split(/\s--\s|^--\s|\s--$/)[0];
  const rules = list.split(/[\s,]+/).filter(Boolean);
  return { type: m[1] as DirectiveType, rules, start, end };
}

const selects = (sel: string, ruleId: string) => sel === '*' || ruleId === sel || ruleId.startsWith(sel.replace(/\/$/, '') + '/');

/** Throws a one-line error naming the file and line for a directive that names no known rule or pack. */
export function checkDirectives(directives: readonly Directive[], ruleIds: readonly string[], source: string, path: string): void {
  let starts: number[] | undefined;
  for (const d of directives) {
    for (const sel of d.rules) {
      if (!ruleIds.some((id) => selects(sel, id))) {
        starts ??= computeLineStarts(source);
        const line = positionAt(starts, d.start).line;
        throw new UsageError(`${path}:${line}: mtlint-${d.type} names no rule or pack \`${sel}\` (see mtlint --list-rules)`);
      }
    }
  }
}

/** The findings no directive turns off. The last directive in effect before a finding that names its rule decides. */
export function suppress<T extends Finding>(findings: T[], directives: readonly Directive[], source: string): T[] {
  if (directives.length === 0) return findings;
  const sorted = [...directives].sort((a, b) => a.start - b.start);
  const ranged = sorted.filter((d) => d.type === 'disable' || d.type === 'enable');
  const lined = sorted.filter((d) => d.type === 'disable-line' || d.type === 'disable-next-line');
  const starts = computeLineStarts(source);
  const lineOff = new Map<number, string[][]>();
  for (const d of lined) {
    const line = positionAt(starts, d.start).line + (d.type === 'disable-next-line' ? positionAt(starts, d.end).line - positionAt(starts, d.start).line + 1 : 0);
    const list = lineOff.get(line) ?? [];
    list.push(d.rules.length > 0 ? d.rules : ['*']);
    lineOff.set(line, list);
  }
  return findings.filter((f) => {
    const onLine = lineOff.get(positionAt(starts, f.start).line);
    if (onLine?.some((sels) => sels.some((s) => selects(s, f.ruleId)))) return false;
    let off = false;
    for (const d of ranged) {
      // A disable takes effect after its comment, an enable at its comment.
      if ((d.type === 'disable' ? d.end : d.start) > f.start) break;
      const sels = d.rules.length > 0 ? d.rules : ['*'];
      if (sels.some((s) => selects(s, f.ruleId))) off = d.type === 'disable';
    }
    return !off;
  });
}
