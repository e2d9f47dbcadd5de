// House style for names: the spellings a chosen profile prefers (mode `profile`: AP writes
// Zelenskyy, Reuters Zelenskiy, the BBC Zelensky) and one spelling per name within an article
// (mode `consistent`, and a profile for the names it does not list). The accepted spellings of
// each name come from the names gazetteer (Zelenskyy|Zelensky|Zelenskiy; Kyiv|Kiev).
//
//   profile     Talks in Kiev resumed.            (styles/ap: Kyiv, not Kiev; chicken Kiev stays)
//                        ^^^^
//   consistent  Zelensky said … Zelensky added … Zelenskyy left.   (the article's own majority wins)
//                                                ^^^^^^^^^

import type { TextDocument } from '../text/document.js';
import type { Match, RuleSpec } from '../types.js';
import { Options, type Kind, type KindEnv } from './kind.js';
import { derived } from '../engine/derived.js';
import { parseGroupSection, spellingGroupsOf } from '../names/compiled-index.js';
import type { Gazetteer } from '../names/gazetteer.js';
import { gazetteerOf } from '../names/load.js';

const MODES = ['consistent', 'profile'] as const;

/** A spelling group (see name.ts, spellingGroups): JSON data, so that the build can record the built-in ones. */
interface Group {
  forms: string[];
  next?: string[];
  prev?: string[];
}

/** Groups by each of their spellings, so an article only looks at the groups of its own words. */
interface GroupIndex {
  groups: Map<string, Group[]>;
  /** Some spelling starts with a lower-case a–z (else such words are skipped unseen). */
  lower: boolean;
}

interface Preference {
  use: string;
  /** Phrases in which the dispreferred spelling stays (chicken Kiev). */
  keep: RegExp[];
}

export const style: Kind = {
  name: 'style',
  english: true,
  options: ['mode', 'prefer', 'groups', 'gazetteer', 'consistency', 'avoid'],
  compile(spec: RuleSpec, env: KindEnv) {
    const opts = new Options(spec);
    const mode = opts.oneOf('mode', MODES);
    if (mode === 'consistent' && opts.has('prefer')) opts.fail('prefer', 'only a profile (mode: profile) prefers spellings');
    const prefer = mode === 'profile' ? preferences(opts) : new Map<string, Preference>();
    const consistency = spec.options.consistency ?? true;
    if (typeof consistency !== 'boolean') opts.fail('consistency', 'expected true or false');
    const inline = opts.list('groups', []).map((g, i) => {
      if (!Array.isArray(g) || g.length < 2 || g.some((x) => typeof x !== 'string' || !/^\p{L}[\p{L}\p{M}'’-]*$/u.test(x))) {
        opts.fail('groups', `[${i}]: expected a list of two or more single-word spellings`);
      }
      return { forms: g as string[] };
    });
    const gaz = opts.has('gazetteer') ? gazetteerOf(spec, env) : undefined;
    const avoid = new Set(opts.stringList('avoid'));
    let index: GroupIndex | undefined;
    const decided = new Set([...prefer.keys(), ...[...prefer.values()].map((p) => p.use)]);
    return (doc) => {
      const out = mode === 'profile' ? preferred(doc, prefer) : [];
      if (!consistency) return out;
      index ??= indexGroups([...inline, ...(gaz ? groupsOf(gaz()) : [])]);
      return [...out, ...inconsistent(doc, index, decided, avoid)].sort((a, b) => a.start - b.start);
    };
  },
};

// --- mode profile --------------------------------------------------------------------------------

/** `prefer:` a list of {use, not: [...], keep: [...]}: single words, keep phrases contain a `not` word. */
function preferences(opts: Options): Map<string, Preference> {
  const out = new Map<string, Preference>();
  const word = (x: unknown) => typeof x === 'string' && /^\p{L}[\p{L}\p{M}'’-]*$/u.test(x);
  opts.list('prefer').forEach((raw, i) => {
    const e = (raw ?? {}) as Record<string, unknown>;
    for (const k of Object.keys(e)) if (!['use', 'not', 'keep', 'source'].includes(k)) opts.fail('prefer', `[${i}]: unknown key ${k}`);
    if (!word(e.use)) opts.fail('prefer', `[${i}].use: expected one word`);
    const not = e.not;
    if (!Array.isArray(not) || not.length === 0 || !not.every(word)) opts.fail('prefer', `[${i}].not: expected a list of single words`);
    const keep = e.keep ?? [];
    if (!Array.isArray(keep) || keep.some((k) => typeof k !== 'string' || k.trim() === '')) opts.fail('prefer', `[${i}].keep: expected a list of phrases`);
    for (const n of not as string[]) {
      if (out.has(n)) opts.fail('prefer', `[${i}]: ${n} is listed twice`);
      const phrases = (keep as string[]).filter((k) => k.split(/\s+/).includes(n));
      out.set(n, { use: e.use as string, keep: phrases.map((k) => new RegExp(`(?<![\\p{L}\\p{N}])${escape(k).replace(/\s+/g, '\\s+')}(?![\\p{L}\\p{N}])`, 'gu')) });
    }
    for (const k of keep as string[]) if (!(not as string[]).some((n) => k.split(/\s+/).includes(n))) opts.fail('prefer', `[${i}].keep: “${k}” contains none of ${(not as string[]).join(', ')}`);
  });
  return out;
}

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

interface Word {
  index: number;
  start: number;
  /** The end of the word without a possessive ’s. */
  end: number;
  text: string;
}

/** A word without its possessive ’s (as /['’]s$/u would remove it, without a regex per word). */
function strip(text: string): string {
  const n = text.length;
  if (n >= 2 && text.charCodeAt(n - 1) === 115) {
    const q = text.charCodeAt(n - 2);
    if (q === 39 || q === 0x2019) return text.slice(0, n - 2);
  }
  return text;
}

/** Word `index` of a document, possessive ’s left out; undefined past either end. */
function wordAt(doc: TextDocument, index: number): Word | undefined {
  const w = doc.words[index];
  if (w === undefined) return undefined;
  const text = strip(w.text);
  return { index, start: w.start, end: w.start + text.length, text };
}

function preferred(doc: TextDocument, prefer: Map<string, Preference>): Match[] {
  const out: Match[] = [];
  const all = doc.words;
  for (let i = 0; i < all.length; i++) {
    const p = prefer.get(strip(all[i].text));
    if (!p) continue;
    const w = wordAt(doc, i)!;
    if (p.keep.some((re) => covers(doc.text, re, w))) continue;
    out.push({ start: w.start, end: w.end, replacements: [{ start: w.start, end: w.end, text: p.use }], data: { preferred: p.use } });
  }
  return out;
}

/** A match of `re` in the text covers the word. */
function covers(text: string, re: RegExp, w: Word): boolean {
  re.lastIndex = 0;
  for (let m = re.exec(text); m; m = re.exec(text)) {
    if (m.index <= w.start && m.index + m[0].length >= w.end) return true;
    if (m.index > w.end) return false;
  }
  return false;
}

// --- consistency ---------------------------------------------------------------------------------

const groupCache = new WeakMap<Gazetteer, Group[]>();

/** Between the @groups sections of a gazetteer's indexes, in the input of styleGroups. */
const SECTIONS_JOINED = '\n@\n';

/**
 * The gazetteer's spelling groups. One read wholly from compiled indexes (as the built-in ones
 * are) has them worked out by the build (derived.ts): from the indexes' @groups lines.
 */
export function groupsOf(g: Gazetteer): Group[] {
  let groups = groupCache.get(g);
  if (!groups) {
    groups = g.entities.length === 0 ? derived('styleGroups', g.indexes.map((i) => i.groupSection).join(SECTIONS_JOINED), styleGroups) : unambiguous(spellingGroupsOf(g));
    groupCache.set(g, groups);
  }
  return groups;
}

/** The groups of the @groups sections of a gazetteer's indexes (joined as groupsOf joins them). */
export const styleGroups = (sections: string): Group[] => unambiguous(sections.split(SECTIONS_JOINED).flatMap(parseGroupSection));

/** A lone word that two names spell differently (Zelensky: Volodymyr Zelenskyy's variant, and Olena Zelenska's if she were listed so) belongs to neither group. */
function unambiguous(raw: Group[]): Group[] {
  const signatures = new Map<string, Set<string>>();
  for (const gr of raw) {
    if (gr.next || gr.prev) continue;
    const sig = gr.forms.join('|');
    for (const f of gr.forms) {
      if (!signatures.has(f)) signatures.set(f, new Set());
      signatures.get(f)!.add(sig);
    }
  }
  const ambiguous = new Set([...signatures].filter(([, s]) => s.size > 1).map(([f]) => f));
  return raw.map((gr) => (gr.next || gr.prev ? gr : { forms: gr.forms.filter((f) => !ambiguous.has(f)) })).filter((gr) => gr.forms.length >= 2);
}

function indexGroups(groups: Group[]): GroupIndex {
  const index = new Map<string, Group[]>();
  let lower = false;
  for (const gr of groups) {
    for (const f of gr.forms) {
      const c = f.charCodeAt(0);
      if (c >= 97 && c <= 122) lower = true;
      const list = index.get(f);
      if (list) list.push(gr);
      else index.set(f, [gr]);
    }
  }
  return { groups: index, lower };
}

/**
 * Names spelled two ways in one article: the other spellings are flagged with the most frequent
 * one (on a tie, the first used) as the fix. A spelling to `avoid` (outdated, or rare in English
 * news: Kiev, Zelenskyi) is never the fix, however often the article uses it: the most frequent
 * of the others is, as a suggestion — so is a tie. A spelling in the same sentence as the chosen
 * one is left alone ("Kyiv, formerly Kiev"). Groups that the profile decides are skipped.
 */
function inconsistent(doc: TextDocument, index: GroupIndex, decided: Set<string>, avoid: Set<string>): Match[] {
  // Only the words that are some group's spelling, in order.
  const byText = new Map<string, Word[]>();
  const all = doc.words;
  for (let i = 0; i < all.length; i++) {
    const raw = all[i].text;
    if (!index.lower) {
      const c = raw.charCodeAt(0);
      if (c >= 97 && c <= 122) continue;
    }
    const text = strip(raw);
    if (!index.groups.has(text)) continue;
    const w: Word = { index: i, start: all[i].start, end: all[i].start + text.length, text };
    const list = byText.get(text);
    if (list) list.push(w);
    else byText.set(text, [w]);
  }
  const groups = new Set<Group>();
  for (const text of byText.keys()) for (const gr of index.groups.get(text)!) groups.add(gr);
  const out: Match[] = [];
  for (const gr of groups) {
    if (gr.forms.some((f) => decided.has(f))) continue;
    const used: [string, Word[]][] = [];
    for (const f of gr.forms) {
      const occ = (byText.get(f) ?? []).filter((w) => inContext(doc, w, gr));
      if (occ.length > 0) used.push([f, occ]);
    }
    if (used.length < 2) continue;
    used.sort((a, b) => b[1].length - a[1].length || a[1][0].start - b[1][0].start);
    const chosen = used.findIndex(([f]) => !avoid.has(f));
    if (chosen < 0) continue;
    const [major, majorOcc] = used[chosen];
    // Safe only when the chosen spelling is the article's own, unrivalled majority.
    const certain = chosen === 0 && used[1][1].length < majorOcc.length;
    const sentences = new Set(majorOcc.map((w) => sentenceOf(doc, w.start)));
    for (const [f, occ] of used) {
      if (f === major) continue;
      for (const w of occ) {
        if (sentences.has(sentenceOf(doc, w.start))) continue;
        out.push({
          start: w.start,
          end: w.end,
          replacements: [{ start: w.start, end: w.end, text: major }],
          ...(certain ? {} : { safety: 'suggest' as const }),
          message: 'Spell each name one way: `{fix}` (used {count}× in the article) rather than `{match}`.',
          data: { count: majorOcc.length },
        });
      }
    }
  }
  return out;
}

/** The word stands where the group's spelling means that name (before the surname, after the first word). */
function inContext(doc: TextDocument, w: Word, gr: Group): boolean {
  const adjacent = (a: Word, b: Word) => a.end === doc.words[a.index].end && /^[ \t\u00a0]+$/.test(doc.text.slice(a.end, b.start));
  if (gr.next) {
    const n = wordAt(doc, w.index + 1);
    return n !== undefined && gr.next.includes(n.text) && adjacent(w, n);
  }
  if (gr.prev) {
    const p = wordAt(doc, w.index - 1);
    return p !== undefined && gr.prev.includes(p.text) && adjacent(p, w);
  }
  return true;
}

function sentenceOf(doc: TextDocument, offset: number): number {
  const s = doc.sentences;
  let lo = 0;
  let hi = s.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >>> 1;
    if (s[mid].start <= offset) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}
