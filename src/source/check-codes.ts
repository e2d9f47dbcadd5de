// Things a translation carries over unchanged: URLs, e-mail addresses, @handles, Latin-script
// #hashtags, and quotations. One present on one side only is reported: `missing` on the
// translation of its unit, `added` on the translation's own code. A quotation counts when the
// source quotes three words or more and the translation quotes nothing (speech turned into
// reported speech is sometimes right: a report, never a fix).
//
//   source  Подробности на https://kremlin.ru/events   target  Details on the website.
//                                                              ^^^^^^^^^^^^^^^^^^^^^^^ missing https://kremlin.ru/events

import type { TextDocument } from '../text/document.js';
import type { Match } from '../types.js';
import type { SourcePairs } from './pairs.js';

export type CodeReport = 'missing' | 'added' | 'quote';

interface Code {
  start: number;
  end: number;
  text: string;
  /** What two codes must share to be the same (a URL without its scheme and trailing slash, lower case). */
  key: string;
}

const CODE = /\b(?:https?|ftp):\/\/[^\s<>"“”«»]+|\bwww\.[^\s<>"“”«»]+|\b[a-z0-9-]+(?:\.[a-z0-9-]+)*\.(?:com|org|net|gov|edu|int|info|io|eu|ru|рф|ua|by|kz|de|at|ch|fr|es|it|pl|cz|sk|uk|us|cn|jp|kr|in)(?:\/[^\s<>"“”«»]*)?(?![\p{L}\p{N}@])|[\p{L}\p{N}._%+-]+@[\p{L}\p{N}.-]+\.\p{L}{2,}|(?<![\p{L}\p{N}@#])@[A-Za-z0-9_]{2,}|(?<![\p{L}\p{N}&#])#[A-Za-z][A-Za-z0-9_]+/gu;

export function codesOf(text: string): Code[] {
  const out: Code[] = [];
  for (const m of text.matchAll(CODE)) {
    const raw = m[0].replace(/[.,;:!?)\]]+$/, '');
    const key = raw
      .toLowerCase()
      .replace(/^(?:https?|ftp):\/\//, '')
      .replace(/^www\./, '')
      .replace(/\/$/, '');
    out.push({ start: m.index, end: m.index + raw.length, text: raw, key });
  }
  return out;
}

/** Quotations of three words or more: «…», „…“, "…", “…”, 「…」, ‹…›. */
const QUOTATION = /«([^»]+)»|„([^“”]+)[“”]|"([^"]+)"|“([^”]+)”|「([^」]+)」|『([^』]+)』|‹([^›]+)›/g;

function quotations(text: string): string[] {
  const out: string[] = [];
  for (const m of text.matchAll(QUOTATION)) {
    const inner = m.slice(1).find((g) => g !== undefined) ?? '';
    const words = inner.match(/[\p{L}\p{N}]+/gu) ?? [];
    const han = (inner.match(/[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}]/gu) ?? []).length;
    if (words.length >= 3 || han >= 6) out.push(inner);
  }
  return out;
}

export function codeMatches(doc: TextDocument, sp: SourcePairs, report: CodeReport): Match[] {
  const out: Match[] = [];
  for (const p of sp.pairs) {
    if (p.end <= p.start || p.source.trim() === '') continue;
    const target = doc.text.slice(p.start, p.end);
    if (report === 'quote') {
      const src = quotations(p.source);
      // A translation quotes with straight, curly or single quotation marks.
      if (src.length > 0 && !/["“”«»„]|(?:^|\s)['‘][^'’]+['’](?=[\s.,;:!?]|$)/.test(target)) out.push({ start: p.start, end: p.end, data: { source: clip(src[0], 60), unit: p.id } });
      continue;
    }
    const src = codesOf(p.source);
    const tgt = codesOf(target);
    if (report === 'missing') {
      for (const c of src) if (!tgt.some((t) => t.key === c.key)) out.push({ start: p.start, end: p.end, data: { code: c.text, unit: p.id } });
    } else {
      for (const c of tgt) if (!src.some((s) => s.key === c.key)) out.push({ start: p.start + c.start, end: p.start + c.end, data: { code: c.text, unit: p.id } });
    }
  }
  return out;
}

function clip(s: string, n: number): string {
  const flat = s.replace(/\s+/g, ' ').trim();
  return flat.length <= n ? flat : `${flat.slice(0, n - 1)}…`;
}
