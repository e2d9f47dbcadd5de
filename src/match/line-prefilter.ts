// Regular-expression prefilters: cheap necessary conditions that let a rule skip most lines (or
// whole texts) without running its patterns. From a pattern's source they read the literal text
// every match must begin with (`literalPrefixes`) or contain (`requiredLiterals`), following
// groups, alternatives, optional parts and small classes, and never claiming more than the
// pattern requires; `prefixSelect` turns many patterns' prefixes into one look-up per line.
//
//   (?:sign up|subscribe) to our newsletter     prefixes: "sign up to o", "subscribe to"
//   Photo: .{1,40}/(?:AFP|Reuters)              required: "Photo: " (the longest literal run)

/** From the trimmed line text[s, e) and its `headOf`: the patterns (by index) it may match, or null for none. */
export type LineSelect = (text: string, s: number, e: number, head: number) => readonly number[] | null;

/**
 * A regular expression that finds any of the literal texts, or null when some pattern has no
 * list or an empty text in it (then the condition says nothing). `flags` are the patterns' own.
 */
export function anyLiteral(lists: readonly (readonly string[] | null)[], flags: string): RegExp | null {
  const all: string[] = [];
  for (const list of lists) {
    if (!list || list.includes('')) return null;
    all.push(...list);
  }
  return new RegExp([...new Set(all)].map(escapeRegex).join('|'), flags);
}

const BRACE = /\{(\d+)(?:,\d*)?\}/y;

/** The {n}, {n,} or {n,m} quantifier at source[i]: its length and n; null when there is none there. */
function braceQuantifier(source: string, i: number): { length: number; min: number } | null {
  BRACE.lastIndex = i;
  const m = BRACE.exec(source);
  return m ? { length: m[0].length, min: Number(m[1]) } : null;
}

const escapeRegex = (x: string) => x.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');

/** `source` without the zero-width assertions it starts with (^, \b, look-arounds). */
export function stripLeadingAssertions(source: string): string {
  let s = source;
  for (;;) {
    if (s.startsWith('^')) s = s.slice(1);
    else if (s.startsWith('\\b')) s = s.slice(2);
    else if (/^\(\?<?[=!]/.test(s)) {
      const end = groupEnd(s);
      if (end < 0) return s;
      s = s.slice(end + 1);
    } else return s;
  }
}

/** Index of the ')' closing the group that opens at s[0], over escapes and classes; -1 if none. */
function groupEnd(s: string): number {
  let depth = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s[i];
    if (c === '\\') i++;
    else if (c === '[') {
      for (i++; i < s.length && s[i] !== ']'; i++) if (s[i] === '\\') i++;
    } else if (c === '(') depth++;
    else if (c === ')' && --depth === 0) return i;
  }
  return -1;
}

/**
 * The first two characters of the trimmed line text[s, e) as the literal prefixes see them
 * (prefixCode), as one number (c0 × 128 + c1; c1 = 0 for a line of one character). Computed once
 * per line for every rule's filter.
 */
export function headOf(text: string, s: number, e: number): number {
  return prefixCode(text.charCodeAt(s)) * 128 + (s + 1 < e ? prefixCode(text.charCodeAt(s + 1)) : 0);
}

/**
 * A character as the literal prefixes (lower-case ASCII) see it: ASCII lower-cased; ſ and K (the
 * Kelvin sign), the only others that a case-insensitive Unicode pattern matches to ASCII (to s
 * and k), as those; anything else as 0, which no prefix holds.
 */
function prefixCode(c: number): number {
  if (c < 128) return c >= 65 && c <= 90 ? c + 32 : c;
  return c === 0x17f ? 115 : c === 0x212a ? 107 : 0;
}

/** Most literal prefixes kept per rule; beyond this the prefixes stop growing. */
const MAX_PREFIXES = 32;
/** Longest literal prefix kept (characters). */
const PREFIX_LENGTH = 12;

/**
 * The patterns (by index) a line may match (case-insensitive, whole line): those whose literal
 * prefixes it starts with, compared in lower case — a cheap necessary condition. A prefix is the
 * literal text a pattern must begin with, followed through groups, alternatives and optional
 * parts; it stops at anything else (a class, `.`, an escape, a repeat), so it never claims more
 * than the pattern requires. The line is compared as prefixCode sees it (`/s/iu` also matches
 * `ſ`, and nothing else outside ASCII matches an ASCII letter). A pattern without a usable prefix
 * makes every pattern a candidate.
 */
export function prefixCandidates(patterns: string[]): (line: string) => readonly number[] {
  const select = prefixSelect(patterns.map((p) => literalPrefixes(p)));
  return (line) => (line.length > 0 ? select(line, 0, line.length, headOf(line, 0, line.length)) : null) ?? [];
}

/** A node of the prefixes' trie, by ASCII code. */
interface PrefixNode {
  /** By character code. A Map: an array indexed by codes up to 127 costs ≈ 1.6 KB a node (MBs per rule set). */
  next: Map<number, PrefixNode>;
  /** The patterns (by index) with a prefix that ends here, or null. */
  ends: number[] | null;
}

/** The patterns (by index) whose literal prefixes a line begins with, in order; all of them when some pattern has no usable prefix. */
export function prefixSelect(prefixLists: (string[] | null)[]): LineSelect {
  const everyOne = prefixLists.map((_, i) => i);
  const all = new Map<string, number[]>();
  for (const [i, r] of prefixLists.entries()) {
    if (r === null) return () => everyOne;
    for (const x of r) {
      // Prefixes are lower-case ASCII (LITERAL); anything else turns the filter off.
      if (x === '' || !/^[\x00-\x7f]+$/.test(x) || x !== x.toLowerCase()) return () => everyOne;
      const list = all.get(x);
      if (list) list.push(i);
      else all.set(x, [i]);
    }
  }
  if (all.size === 0) return () => everyOne;
  // The heads (see headOf) some prefix may begin: most lines are refused here, with one look-up.
  const heads = new Uint8Array(128 * 128);
  for (const x of all.keys()) {
    const c0 = x.charCodeAt(0);
    if (x.length > 1) heads[c0 * 128 + x.charCodeAt(1)] = 1;
    else heads.fill(1, c0 * 128, c0 * 128 + 128);
  }
  const root: PrefixNode = { next: new Map(), ends: null };
  for (const [x, patterns] of all) {
    let node = root;
    for (let k = 0; k < x.length; k++) {
      let child = node.next.get(x.charCodeAt(k));
      if (!child) node.next.set(x.charCodeAt(k), (child = { next: new Map(), ends: null }));
      node = child;
    }
    // Each prefix is one key of `all`: its patterns, in order, once each (a pattern's prefixes are distinct).
    node.ends = patterns;
  }
  return (text, s, e, head) => {
    if (heads[head] === 0) return null;
    const to = Math.min(e, s + PREFIX_LENGTH);
    let found: number[] | null = null;
    let node: PrefixNode | undefined = root;
    for (let k = s; k < to; k++) {
      node = node.next.get(prefixCode(text.charCodeAt(k)));
      if (node === undefined) break;
      // Longer prefixes may belong to other patterns: all the ends on the way count.
      if (node.ends !== null) found = found === null ? node.ends : [...new Set([...found, ...node.ends])].sort((a, b) => a - b);
    }
    return found;
  };
}

const LITERAL = /[A-Za-z0-9 ,'":;!&/#@%=<>_~`-]/;
/** A character that stands for itself outside ASCII (a surrogate, half of an astral character, does not). */
const isWideLiteral = (c: string | undefined) => c !== undefined && c > '\x7f' && !(c >= '\ud800' && c <= '\udfff');
const QUANTIFIER_START = /[?*+{]/;
const DIGITS = '0123456789';

interface Prefix {
  text: string;
  /** The pattern may continue with literal text after `text`. */
  open: boolean;
}

/**
 * Literal prefixes of `source`, or null when it cannot be followed. As the line filter compares
 * them (unless `keepCase`): ASCII in lower case, ſ and K as s and k, any other character outside
 * ASCII as U+0000 (what prefixCode makes of a line's characters). A class of a few characters
 * (`\d`, `[—–-]`, `[0-9]`) stands for each of them.
 */
export function literalPrefixes(source: string, keepCase = false): string[] | null {
  let i = 0;
  const s = source;
  let failed = false;
  const literal = (text: string): Prefix => {
    if (keepCase) return { text, open: true };
    let folded = '';
    for (let k = 0; k < text.length; k++) folded += String.fromCharCode(prefixCode(text.charCodeAt(k)));
    return { text: folded, open: true };
  };
  // alternation := sequence ('|' sequence)*
  const alternation = (): Prefix[] => {
    const out = [...sequence()];
    while (s[i] === '|') {
      i++;
      out.push(...sequence());
    }
    return out;
  };
  // The characters of the class that opens at s[i] ('['), i moved past it; null when the class
  // is negated, empty or holds anything but characters, escaped punctuation and short ranges.
  const bracket = (): string[] | null => {
    let j = i + 1;
    if (s[j] === '^') return null;
    const out: string[] = [];
    const member = (): string | null => {
      const c = s[j];
      if (c === undefined || (c >= '\ud800' && c <= '\udfff') || c === '[') return null;
      if (c !== '\\') {
        j++;
        return c;
      }
      const e = s[j + 1];
      if (e === undefined || !/[^A-Za-z0-9]/.test(e)) return null;
      j += 2;
      return e;
    };
    while (j < s.length && s[j] !== ']') {
      const from = member();
      if (from === null) return null;
      if (s[j] === '-' && s[j + 1] !== undefined && s[j + 1] !== ']') {
        j++;
        const to = member();
        if (to === null || to.charCodeAt(0) - from.charCodeAt(0) > MAX_PREFIXES) return null;
        for (let k = from.charCodeAt(0); k <= to.charCodeAt(0); k++) out.push(String.fromCharCode(k));
      } else out.push(from);
    }
    if (s[j] !== ']' || out.length === 0) return null;
    i = j + 1;
    return out;
  };
  // Reads one element (and its quantifier); returns its prefixes, or null to stop the sequence
  // (the element and the rest are skipped up to the end of the enclosing group).
  const element = (): { prefixes: Prefix[]; optional: boolean } | null => {
    const c = s[i];
    let body: Prefix[];
    if (c === '(') {
      if (s[i + 1] === '?' && s[i + 2] !== ':' && !(s[i + 2] === '<' && s[i + 3] !== '=' && s[i + 3] !== '!')) return null;
      i += s[i + 1] === '?' ? (s[i + 2] === ':' ? 3 : s.indexOf('>', i) + 1 - i) : 1;
      body = alternation();
      if (s[i] !== ')') {
        failed = true;
        return null;
      }
      i++;
    } else if (c === '\\' && s[i + 1] === 'd') {
      body = [...DIGITS].map(literal);
      i += 2;
    } else if (c === '\\' && i + 1 < s.length && /[^A-Za-z0-9]/.test(s[i + 1])) {
      body = [literal(s[i + 1])];
      i += 2;
    } else if (c === '[') {
      const chars = bracket();
      if (chars === null) return null;
      body = dedupe(chars.map(literal));
    } else if (c !== undefined && (LITERAL.test(c) || isWideLiteral(c))) {
      // A run of literal characters at once; its last one alone when a quantifier follows it.
      let j = i + 1;
      while (j < s.length && (LITERAL.test(s[j]) || isWideLiteral(s[j]))) j++;
      if (j - i > 1 && QUANTIFIER_START.test(s[j] ?? '')) j--;
      body = [literal(s.slice(i, j))];
      i = j;
    } else return null;
    const q = s[i];
    if (q === '?') {
      i++;
      if (s[i] === '?') i++;
      return { prefixes: body, optional: true };
    }
    if (q === '*') return null;
    const closed = body.map((b) => ({ text: b.text, open: false }));
    if (q === '+') return { prefixes: closed, optional: false };
    if (q === '{') {
      // {n}, {n,} or {n,m}: the element at least n times (optional when n is 0), then anything.
      const brace = braceQuantifier(s, i);
      if (!brace) return null;
      i += brace.length;
      if (s[i] === '?') i++;
      return { prefixes: closed, optional: brace.min === 0 };
    }
    return { prefixes: body, optional: false };
  };
  // Prefixes of `length` characters or more cut to that and closed, the same ones once.
  const cut = (xs: Prefix[], length: number) => dedupe(xs.map((a) => (a.text.length >= length ? { text: a.text.slice(0, length), open: false } : a)));
  // sequence := element*; stops at '|' or ')' of this level. A prefix stops growing at
  // PREFIX_LENGTH characters, and there are at most MAX_PREFIXES of them.
  const sequence = (): Prefix[] => {
    let acc: Prefix[] = [{ text: '', open: true }];
    while (i < s.length && s[i] !== '|' && s[i] !== ')') {
      const start = i;
      const el = acc.some((a) => a.open) ? element() : null;
      if (failed) return acc;
      if (el === null) {
        i = start;
        skipToLevelEnd();
        return acc.map((a) => ({ text: a.text, open: false }));
      }
      const next: Prefix[] = [];
      for (const a of acc) {
        if (!a.open) {
          next.push(a);
          continue;
        }
        if (el.optional) next.push(a);
        for (const b of el.prefixes) next.push({ text: a.text + b.text, open: b.open });
      }
      // Too many: shorter prefixes, down to one character, until few enough (each still a
      // necessary condition); else the ones before this element.
      let grown = cut(next, PREFIX_LENGTH);
      for (let length = PREFIX_LENGTH - 1; grown.length > MAX_PREFIXES && length > 0; length--) grown = cut(grown, length);
      if (grown.length > MAX_PREFIXES) {
        skipToLevelEnd();
        return acc.map((a) => ({ text: a.text, open: false }));
      }
      acc = grown;
    }
    return acc;
  };
  // Skips to the '|' or ')' that ends the current level, over nested groups and classes.
  const skipToLevelEnd = (): void => {
    let depth = 0;
    while (i < s.length) {
      const c = s[i];
      if (c === '\\') i += 2;
      else if (c === '[') {
        i++;
        while (i < s.length && s[i] !== ']') i += s[i] === '\\' ? 2 : 1;
        i++;
      } else if (c === '(') {
        depth++;
        i++;
      } else if (c === ')') {
        if (depth === 0) return;
        depth--;
        i++;
      } else if (c === '|' && depth === 0) return;
      else i++;
    }
  };
  const result = alternation();
  if (failed || i !== s.length) return null;
  return [...new Set(result.map((p) => p.text.slice(0, PREFIX_LENGTH)))];
}

/**
 * Literal texts of which every match of `source` contains at least one, or null when none is
 * found: the longest run of literal characters that is not optional, or the alternatives of a
 * group that is not optional when each of them has such a run (`(?:©|\(c\))`). Anything else (a
 * class, `.`, an escape such as `\d`, an optional part, a look-around) ends a run and is skipped.
 */
export function requiredLiterals(source: string): string[] | null {
  const s = source;
  let i = 0;
  let failed = false;
  // After an atom: skips its quantifier; true when the atom may be absent.
  const quantifier = (): boolean => {
    const q = s[i];
    let optional = false;
    if (q === '?' || q === '*') {
      optional = true;
      i++;
    } else if (q === '+') i++;
    else if (q === '{') {
      const brace = braceQuantifier(s, i);
      if (!brace) {
        failed = true;
        return true;
      }
      optional = brace.min === 0;
      i += brace.length;
    } else return false;
    if (s[i] === '?') i++;
    return optional;
  };
  // alternation := sequence ('|' sequence)*; the best literal set of each, null when one has none.
  const alternation = (): string[] | null => {
    const out: string[] = [];
    let ok = true;
    for (;;) {
      const best = sequence();
      if (best === null) ok = false;
      else out.push(...best);
      if (s[i] !== '|') break;
      i++;
    }
    return ok && out.length > 0 ? out : null;
  };
  const better = (a: string[] | null, b: string[] | null) => {
    if (b === null) return a;
    if (a === null) return b;
    const len = (x: string[]) => Math.min(...x.map((y) => y.length));
    return len(b) > len(a) ? b : a;
  };
  // sequence := atom*; stops at '|' or ')' of this level.
  const sequence = (): string[] | null => {
    let best: string[] | null = null;
    let run = '';
    const endRun = () => {
      if (run !== '') best = better(best, [run]);
      run = '';
    };
    while (i < s.length && s[i] !== '|' && s[i] !== ')' && !failed) {
      const c = s[i];
      if (c === '(') {
        endRun();
        const look = s[i + 1] === '?' && (s[i + 2] === '=' || s[i + 2] === '!' || (s[i + 2] === '<' && (s[i + 3] === '=' || s[i + 3] === '!')));
        if (s[i + 1] === '?') i += s[i + 2] === ':' ? 3 : look ? (s[i + 2] === '<' ? 4 : 3) : s.indexOf('>', i) + 1 - i;
        else i++;
        const inner = alternation();
        if (s[i] !== ')') {
          failed = true;
          break;
        }
        i++;
        if (!quantifier() && !look) best = better(best, inner);
        continue;
      }
      if (c === '[') {
        endRun();
        i++;
        while (i < s.length && s[i] !== ']') i += s[i] === '\\' ? 2 : 1;
        i++;
        quantifier();
        continue;
      }
      let ch: string | null = null;
      if (c === '\\') {
        const e = s[i + 1] ?? '';
        if (/[^A-Za-z0-9]/.test(e)) {
          ch = e;
          i += 2;
        } else {
          i += 2;
          // \p{…}, \u{…} or \uXXXX, \xXX, \cX, \k<name>: skip what belongs to the escape.
          if ((e === 'p' || e === 'P' || e === 'u') && s[i] === '{') i = s.indexOf('}', i) + 1;
          else if (e === 'u') i += 4;
          else if (e === 'x') i += 2;
          else if (e === 'c') i += 1;
          else if (e === 'k' && s[i] === '<') i = s.indexOf('>', i) + 1;
          if (i <= 0) {
            failed = true;
            break;
          }
        }
      } else if ('^$.'.includes(c)) i++;
      else if ('?*+{}]'.includes(c)) {
        failed = true;
        break;
      } else {
        ch = String.fromCodePoint(s.codePointAt(i)!);
        i += ch.length;
      }
      if (ch === null) {
        endRun();
        quantifier();
        continue;
      }
      const optional = quantifier();
      if (optional) endRun();
      else {
        run += ch;
        // A repeated character is required once; what follows it is not next to it.
        if (s[i - 1] === '+' || s[i - 1] === '}' || (s[i - 1] === '?' && (s[i - 2] === '+' || s[i - 2] === '}'))) endRun();
      }
    }
    endRun();
    return best;
  };
  const result = alternation();
  if (failed || i !== s.length) return null;
  return result;
}

function dedupe(xs: Prefix[]): Prefix[] {
  const seen = new Map<string, Prefix>();
  for (const x of xs) {
    const key = `${x.open ? 1 : 0}${x.text}`;
    if (!seen.has(key)) seen.set(key, x);
  }
  return [...seen.values()];
}
