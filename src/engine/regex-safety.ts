// Refuses rule patterns that can backtrack catastrophically. JavaScript's regular expressions
// backtrack, and a pattern such as /(a+)+$/ takes time exponential in the length of a line that
// almost matches; nothing can interrupt a running match, so such a pattern is refused when the
// rule loads. Two shapes are caught, both under a quantifier that repeats many times (`*`, `+`,
// `{n,}`, or `{n,m}` with m above MANY):
//   nested repetition         (a+)+   (\w+\s?)*   (?:x.{0,50})+
//   overlapping alternatives  (a|a)*  (\w|\d)+    (?:.|\s)*
// The check is conservative in one direction only: a refused pattern really has the shape, and
// a rewrite without it (a possessive-style `(?=(a+))\1`, a bounded count, a disjoint class) loads.
// Polynomial cases (/\s*\s*$/) are left alone: line patterns see at most a few hundred
// characters.
//
//   (?:also read|see also)\s*[:|–—-]?   fine
//   (\w+\s?)+$                          refused: nested repetition `(\w+\s?)+`

/** A bounded quantifier repeating more times than this counts as unbounded. */
export const MANY = 10;

type Node =
  | { t: 'atom'; src: string }
  | { t: 'seq'; items: Node[] }
  | { t: 'alt'; alts: Node[] }
  | { t: 'group'; body: Node; src: string }
  | { t: 'quant'; body: Node; min: number; max: number; src: string };

/** Patterns found safe (flags, a slash, the source): in this process, or by `npm run build` for the built-in rules. */
const safe = new Set<string>();
export const safePatterns = (): string[] => [...safe];
export function markSafe(keys: string[]): void {
  for (const k of keys) safe.add(k);
}

/** True for a pattern already found to compile and be safe (by regexHazard after it compiled, here or in the build). */
export function knownSafe(source: string, flags = ''): boolean {
  return safe.has(`${flags}/${source}`);
}

/** Why `source` risks catastrophic backtracking, or null when it does not (remembered). Assumes it compiles. */
export function regexHazard(source: string, flags = ''): string | null {
  const key = `${flags}/${source}`;
  if (safe.has(key)) return null;
  const found = findHazard(source, flags);
  if (found === null) safe.add(key);
  return found;
}

/** regexHazard without the memory. */
export function findHazard(source: string, flags = ''): string | null {
  let tree: Node;
  try {
    tree = new Parser(source).parse();
  } catch {
    return null; // a syntax the parser does not follow: RegExp itself is the judge of validity
  }
  return hazard(tree, false, flags);
}

function repeatsMany(n: Node): boolean {
  return n.t === 'quant' && n.max > MANY;
}

function hazard(n: Node, underRepeat: boolean, flags: string): string | null {
  switch (n.t) {
    case 'atom':
      return null;
    case 'seq':
      for (const i of n.items) {
        const h = hazard(i, underRepeat, flags);
        if (h) return h;
      }
      return null;
    case 'group':
      return hazard(n.body, underRepeat, flags);
    case 'alt':
      if (underRepeat) {
        const overlap = overlappingAlternatives(n.alts, flags);
        if (overlap) return overlap;
      }
      for (const a of n.alts) {
        const h = hazard(a, underRepeat, flags);
        if (h) return h;
      }
      return null;
    case 'quant': {
      if (repeatsMany(n)) {
        for (const inner of repeatsIn(n.body)) {
          if (othersCovered(n.body, inner, charset(inner, flags), flags)) {
            return `nested repetition \`${n.src}\` (\`${inner.src}\` can take every character of a whole round)`;
          }
        }
        return hazard(n.body, true, flags);
      }
      return hazard(n.body, underRepeat, flags);
    }
  }
}

/** Every quantifier inside `n` that repeats many times. */
function repeatsIn(n: Node): (Node & { t: 'quant' })[] {
  switch (n.t) {
    case 'atom':
      return [];
    case 'seq':
      return n.items.flatMap(repeatsIn);
    case 'alt':
      return n.alts.flatMap(repeatsIn);
    case 'group':
      return repeatsIn(n.body);
    case 'quant':
      return repeatsMany(n) ? [n, ...repeatsIn(n.body)] : repeatsIn(n.body);
  }
}

function contains(n: Node, x: Node): boolean {
  if (n === x) return true;
  switch (n.t) {
    case 'atom':
      return false;
    case 'seq':
      return n.items.some((i) => contains(i, x));
    case 'alt':
      return n.alts.some((a) => contains(a, x));
    case 'group':
    case 'quant':
      return contains(n.body, x);
  }
}

/**
 * Whether one round of the outer repeat can consist of `inner`'s repetitions alone, in the sense
 * that everything else the round must match could also be matched by `inner` (characters in
 * `cs`): then a run of such characters splits between rounds in exponentially many ways.
 * (a+)+ and (\w+\s?)+ qualify; (\s*,\s*)+ and (\w+\s)+ do not: each round needs a character the
 * inner repeat cannot take.
 */
function othersCovered(n: Node, inner: Node, cs: string[], flags: string): boolean {
  if (n === inner) return true;
  switch (n.t) {
    case 'atom':
      return covered(n, cs, flags);
    case 'seq':
      return n.items.every((i) => (contains(i, inner) ? othersCovered(i, inner, cs, flags) : covered(i, cs, flags)));
    case 'alt':
      return n.alts.some((a) => contains(a, inner) && othersCovered(a, inner, cs, flags));
    case 'group':
    case 'quant':
      return othersCovered(n.body, inner, cs, flags);
  }
}

/** Whether `n` can match the empty string or a string of characters from `cs` (as far as the sample shows). */
function covered(n: Node, cs: string[], flags: string): boolean {
  switch (n.t) {
    case 'atom':
      return isZeroWidth(n.src) || cs.some((c) => matchesChar(n.src, c, flags));
    case 'seq':
      return n.items.every((i) => covered(i, cs, flags));
    case 'alt':
      return n.alts.some((a) => covered(a, cs, flags));
    case 'group':
      return isLookaround(n.src) || covered(n.body, cs, flags);
    case 'quant':
      return n.min === 0 || covered(n.body, cs, flags);
  }
}

/** The sample characters some atom inside `n` matches. */
function charset(n: Node, flags: string): string[] {
  const atoms: string[] = [];
  const walk = (m: Node): void => {
    if (m.t === 'atom') atoms.push(m.src);
    else if (m.t === 'seq') m.items.forEach(walk);
    else if (m.t === 'alt') m.alts.forEach(walk);
    else if (m.t === 'quant' || !isLookaround(m.src)) walk(m.body);
  };
  walk(n);
  return SAMPLE.filter((c) => atoms.some((a) => !isZeroWidth(a) && matchesChar(a, c, flags)));
}

function isZeroWidth(atom: string): boolean {
  // Anchors and word boundaries; a backreference may match the empty string too.
  return /^(?:\^|\$|\\[bB]|\\[1-9]\d*|\\k<)/.test(atom);
}

function isLookaround(groupSrc: string): boolean {
  return /^\(\?(?:=|!|<=|<!)/.test(groupSrc);
}

const charCache = new Map<string, RegExp | null>();
function matchesChar(atom: string, c: string, flags: string): boolean {
  const f = flags.replace(/[gyd]/g, '');
  const key = `${f}/${atom}`;
  let re = charCache.get(key);
  if (re === undefined) {
    try {
      re = new RegExp(`^(?:${atom})$`, f);
    } catch {
      re = null;
    }
    charCache.set(key, re);
  }
  return re !== null && re.test(c);
}

/**
 * Alternatives of a repeated group that can match the same text: two written identically, or two
 * single-character alternatives that share a character (tested on a sample of characters).
 */
function overlappingAlternatives(alts: Node[], flags: string): string | null {
  const srcs = alts.map(toSource);
  for (let i = 0; i < srcs.length; i++) {
    for (let j = i + 1; j < srcs.length; j++) {
      if (srcs[i] === srcs[j]) return `overlapping alternatives \`${srcs[i]}|${srcs[j]}\` inside a repeat`;
    }
  }
  const single = alts.map((a) => (isSingleChar(a) ? toSource(a) : null));
  for (let i = 0; i < single.length; i++) {
    for (let j = i + 1; j < single.length; j++) {
      const a = single[i];
      const b = single[j];
      if (a === null || b === null) continue;
      const shared = sharedChar(a, b, flags);
      if (shared !== null) return `overlapping alternatives \`${a}|${b}\` inside a repeat (both match ${JSON.stringify(shared)})`;
    }
  }
  return null;
}

function isSingleChar(n: Node): boolean {
  if (n.t === 'atom') return !isZeroWidth(n.src);
  if (n.t === 'seq') return n.items.length === 1 && isSingleChar(n.items[0]);
  if (n.t === 'group') return !isLookaround(n.src) && isSingleChar(n.body);
  return false;
}

const SAMPLE = (() => {
  const chars: string[] = [];
  for (let c = 0x20; c < 0x7f; c++) chars.push(String.fromCharCode(c));
  chars.push('\t', '\n', '\r', '\u00a0', '\u00e9', '\u00c9', '\u2019', '\u201c', '\u2014', '\u0430', '\u0410', '\u4e2d', '\u200b', '\ud83d\ude00');
  return chars;
})();

function sharedChar(a: string, b: string, flags: string): string | null {
  return SAMPLE.find((c) => matchesChar(a, c, flags) && matchesChar(b, c, flags)) ?? null;
}

function toSource(n: Node): string {
  switch (n.t) {
    case 'atom':
      return n.src;
    case 'seq':
      return n.items.map(toSource).join('');
    case 'alt':
      return n.alts.map(toSource).join('|');
    case 'group':
    case 'quant':
      return n.src;
  }
}

// The parser's tokens, matched in place (sticky) rather than on a copy of the rest of the source:
// slicing at every atom made parsing quadratic in the pattern's length (≈ 25 ms of start-up for
// the long combined patterns).
const GROUP_OPEN = /\?(?::|=|!|<=|<!|<[^>]+>|[a-zA-Z-]+:)/y;
const ESCAPE = /\\(?:[pP]\{[^}]*\}|u\{[0-9a-fA-F]+\}|u[0-9a-fA-F]{4}|x[0-9a-fA-F]{2}|c[a-zA-Z]|k<[^>]+>|\d+|[\s\S])/y;
const QUANTIFIER = /(?:([*+?])|\{(\d+)(?:(,)(\d*))?\})\??/y;

function sticky(re: RegExp, s: string, at: number): RegExpExecArray | null {
  re.lastIndex = at;
  return re.exec(s);
}

/** A recursive-descent reader of JavaScript regular-expression syntax, enough to see its structure. */
class Parser {
  #i = 0;
  constructor(readonly s: string) {}

  parse(): Node {
    const n = this.alternation();
    if (this.#i < this.s.length) throw new Error(`unexpected ${this.s[this.#i]}`);
    return n;
  }

  alternation(): Node {
    const alts = [this.sequence()];
    while (this.s[this.#i] === '|') {
      this.#i++;
      alts.push(this.sequence());
    }
    return alts.length === 1 ? alts[0] : { t: 'alt', alts };
  }

  sequence(): Node {
    const items: Node[] = [];
    while (this.#i < this.s.length && this.s[this.#i] !== '|' && this.s[this.#i] !== ')') {
      const from = this.#i;
      const atom = this.atom();
      items.push(this.quantifier(atom, from));
    }
    return { t: 'seq', items };
  }

  atom(): Node {
    const s = this.s;
    const from = this.#i;
    const c = s[this.#i];
    if (c === '(') {
      this.#i++;
      if (s[this.#i] === '?') {
        const m = sticky(GROUP_OPEN, s, this.#i);
        if (!m) throw new Error('unknown group');
        this.#i += m[0].length;
      }
      const body = this.alternation();
      if (s[this.#i] !== ')') throw new Error('unclosed group');
      this.#i++;
      return { t: 'group', body, src: s.slice(from, this.#i) };
    }
    if (c === '[') {
      this.#i++;
      if (s[this.#i] === '^') this.#i++;
      if (s[this.#i] === ']') this.#i++;
      while (this.#i < s.length && s[this.#i] !== ']') this.#i += s[this.#i] === '\\' ? 2 : 1;
      if (s[this.#i] !== ']') throw new Error('unclosed class');
      this.#i++;
      return { t: 'atom', src: s.slice(from, this.#i) };
    }
    if (c === '\\') {
      const m = sticky(ESCAPE, s, this.#i);
      if (!m) throw new Error('bad escape');
      this.#i += m[0].length;
      return { t: 'atom', src: m[0] };
    }
    const cp = s.codePointAt(this.#i)!;
    this.#i += cp > 0xffff ? 2 : 1;
    return { t: 'atom', src: s.slice(from, this.#i) };
  }

  quantifier(body: Node, from: number): Node {
    const m = sticky(QUANTIFIER, this.s, this.#i);
    if (!m) return body;
    this.#i += m[0].length;
    let min: number;
    let max: number;
    if (m[1] === '*') [min, max] = [0, Infinity];
    else if (m[1] === '+') [min, max] = [1, Infinity];
    else if (m[1] === '?') [min, max] = [0, 1];
    else {
      min = Number(m[2]);
      max = m[3] ? (m[4] ? Number(m[4]) : Infinity) : min;
    }
    return { t: 'quant', body, min, max, src: this.s.slice(from, this.#i) };
  }
}
