// Runs compiled rules over a document and passes their matches through one pipeline:
// matches → findings (message, fix or suggestions by safety) → drop protected ranges, and the
// findings of rules that assume English on lines in another language → sort by position → one
// finding per rule and span, none that another rule's on its span supersedes.

import { TextDocument, type Block } from '../text/document.js';
import { foreignLines } from '../text/language.js';
import { isEnglishWord } from './english.js';
import type { Edit, Finding, FixSafety, Match } from '../types.js';
import type { Checker, CheckerGroup } from '../kinds/kind.js';
import type { Rule } from './load.js';

const SAFETY_ORDER: FixSafety[] = ['none', 'suggest', 'safe'];

export function lintDocument(doc: TextDocument, rules: readonly Rule[]): Finding[] {
  const grouped = runGroups(doc, rules);
  const findings: Finding[] = [];
  // Lines not in English, looked for only when a rule that assumes English is on.
  let foreign: Block[] | undefined;
  for (const rule of rules) {
    if (!rule.enabled) continue;
    for (const m of grouped.get(rule.check) ?? rule.check(doc)) {
      if (!rule.coversProtected && doc.isProtected(m.start, m.end)) continue;
      if (rule.english && within((foreign ??= foreignLines(doc, isEnglishWord)), m.start)) continue;
      findings.push(toFinding(rule, m, doc.text));
    }
  }
  return dropSuperseded(dedupeSorted(sortFindings(findings)), rules);
}

/** Without the findings a rule on the same span supersedes (its `supersedes`: the same problem, told with less evidence). */
function dropSuperseded(findings: Finding[], rules: readonly Rule[]): Finding[] {
  const by = new Map<string, readonly string[]>();
  for (const r of rules) if (r.enabled && r.supersedes) by.set(r.id, r.supersedes);
  if (by.size === 0) return findings;
  const gone = new Set<string>();
  for (const f of findings) for (const id of by.get(f.ruleId) ?? []) gone.add(`${f.start}:${f.end}:${id}`);
  return gone.size === 0 ? findings : findings.filter((f) => !gone.has(`${f.start}:${f.end}:${f.ruleId}`));
}

/** The offset lies in one of the sorted, disjoint blocks. */
function within(blocks: Block[], offset: number): boolean {
  let lo = 0;
  let hi = blocks.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (blocks[mid].end <= offset) lo = mid + 1;
    else hi = mid;
  }
  return lo < blocks.length && blocks[lo].start <= offset;
}

/** The enabled rules' checkers that run as a group (all the phrase rules: one pass), by group. */
function groupsOf(rules: readonly Rule[]): Map<CheckerGroup, Checker[]> {
  const groups = new Map<CheckerGroup, Checker[]>();
  for (const rule of rules) {
    const group = rule.enabled ? rule.check.group : undefined;
    if (!group) continue;
    const members = groups.get(group);
    if (members) members.push(rule.check);
    else groups.set(group, [rule.check]);
  }
  return groups;
}

/**
 * Builds what the selected rules would otherwise build for their first document (the phrase
 * rules' one matcher for exactly this selection), so that loading a rule set pays for it.
 */
export function prepareRules(rules: readonly Rule[]): void {
  for (const [group, members] of groupsOf(rules)) group.prepare?.(members);
}

/** Matches of the enabled rules whose checkers run as a group. */
function runGroups(doc: TextDocument, rules: readonly Rule[]): Map<Checker, Match[]> {
  const out = new Map<Checker, Match[]>();
  for (const [group, members] of groupsOf(rules)) {
    const results = group.run(doc, members);
    members.forEach((c, k) => out.set(c, results[k]));
  }
  return out;
}

/** Texts longer than this (UTF-16 units) are linted in pieces of about PIECE. */
export const PIECES_FROM = 1_000_000;
export const PIECE = 50_000;

/**
 * What a caller knows about a text beyond the text itself (the original a translation was made
 * from), handed to each document before the kinds run; `offset` is where the document starts in
 * `text` (a piece of a long text starts further on).
 */
export type Attach = (doc: TextDocument, offset: number) => void;

/**
 * Findings in `text` (`lineOf`: the line of the user's file an offset comes from, for a text
 * read out of markup; `attach`: what the caller knows besides the text, see Attach). A very long
 * text (a whole feed pasted into one file) is linted in pieces
 * of about 50,000 characters cut at blank lines, so that memory stays bounded and checks that
 * look across a document (repeated sentences, a name's spellings) look within the piece — ten or
 * so articles — rather than across thousands. Smaller pieces also die young in V8's heap: on a
 * 20 MB text file, pieces of 250,000 characters took 9.4 s and 411 MB, of 50,000 7.0 s and 225 MB.
 */
export function lintText(text: string, rules: readonly Rule[], lineOf?: (offset: number) => number, attach?: Attach): Finding[] {
  if (text.length <= PIECES_FROM) {
    const doc = new TextDocument(text, { lineOf });
    attach?.(doc, 0);
    return lintDocument(doc, rules);
  }
  const out: Finding[] = [];
  let line = 1;
  for (const [start, end] of pieces(text, PIECE)) {
    const doc = new TextDocument(text.slice(start, end), { firstLine: line, lineOf: lineOf && ((o) => lineOf(o + start)) });
    attach?.(doc, start);
    for (const f of lintDocument(doc, rules)) out.push(shift(f, start));
    line += doc.lineStarts.length - 1;
  }
  return out;
}

/** [start, end) pieces covering `text`, each about `size` long, cut after a blank line (else a line break, else white space). */
export function pieces(text: string, size: number): [number, number][] {
  const out: [number, number][] = [];
  let start = 0;
  while (text.length - start > size * 1.5) {
    const from = start + size;
    const limit = Math.min(text.length, from + size);
    let cut = -1;
    const blank = /\n[ \t]*\r?\n/g;
    blank.lastIndex = from;
    const m = blank.exec(text);
    if (m && m.index < limit) cut = m.index + m[0].length;
    if (cut < 0) {
      const nl = text.indexOf('\n', from);
      if (nl >= 0 && nl < limit) cut = nl + 1;
    }
    if (cut < 0) {
      const ws = /\s/g;
      ws.lastIndex = from;
      const w = ws.exec(text);
      cut = w && w.index < limit ? w.index + 1 : limit;
    }
    out.push([start, cut]);
    start = cut;
  }
  out.push([start, text.length]);
  return out;
}

function shift(f: Finding, by: number): Finding {
  const edit = (e: Edit): Edit => ({ ...e, start: e.start + by, end: e.end + by });
  return { ...f, start: f.start + by, end: f.end + by, fix: f.fix && edit(f.fix), suggestions: f.suggestions.map(edit) };
}

function toFinding(rule: Rule, m: Match, text: string): Finding {
  const replacements = (m.replacements ?? []).filter((e) => text.slice(e.start, e.end) !== e.text);
  let safety = weaker(rule.fix, m.safety ?? 'safe');
  if (replacements.length > 1 && safety === 'safe') safety = 'suggest';
  const matched = text.slice(m.start, m.end);
  const first = replacements[0];
  const fixText = first ? fixedSpan(text, m, first) : '';
  const message = fill(m.message ?? rule.message, { match: matched, fix: fixText, ...m.data });
  return {
    ruleId: rule.id,
    kind: rule.kind,
    severity: rule.severity,
    confidence: m.confidence ?? rule.confidence,
    start: m.start,
    end: m.end,
    text: matched,
    message,
    fix: safety === 'safe' && first ? first : null,
    suggestions: safety === 'suggest' ? replacements : [],
  };
}

/** The flagged span as it reads after the edit (the edit may cover less than the span). */
function fixedSpan(text: string, m: Match, edit: Edit): string {
  const start = Math.min(m.start, edit.start);
  const end = Math.max(m.end, edit.end);
  return text.slice(start, edit.start) + edit.text + text.slice(edit.end, end);
}

function weaker(a: FixSafety, b: FixSafety): FixSafety {
  return SAFETY_ORDER[Math.min(SAFETY_ORDER.indexOf(a), SAFETY_ORDER.indexOf(b))];
}

/** Message templates split at their {placeholders} (odd positions are the names): a few dozen, split once. */
const templates = new Map<string, string[]>();

function fill(template: string, values: Record<string, string | number>): string {
  let parts = templates.get(template);
  if (!parts) {
    if (templates.size >= 1000) templates.clear();
    templates.set(template, (parts = template.split(/\{(\w+)\}/)));
  }
  let out = parts[0];
  for (let i = 1; i < parts.length; i += 2) out += (parts[i] in values ? String(values[parts[i]]) : `{${parts[i]}}`) + parts[i + 1];
  return out;
}

/** One finding per rule and span (the first reported): sorted findings have their duplicates next to them (the sort is stable). */
function dedupeSorted(findings: Finding[]): Finding[] {
  let n = 0;
  for (let i = 0; i < findings.length; i++) {
    const f = findings[i];
    const p = n > 0 ? findings[n - 1] : undefined;
    if (p && p.start === f.start && p.end === f.end && p.ruleId === f.ruleId) continue;
    findings[n++] = f;
  }
  findings.length = n;
  return findings;
}

export function sortFindings(findings: Finding[]): Finding[] {
  return findings.sort((a, b) => a.start - b.start || a.end - b.end || (a.ruleId < b.ruleId ? -1 : a.ruleId > b.ruleId ? 1 : 0));
}
