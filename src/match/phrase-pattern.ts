// The phrase patterns' language: how a pattern is read into steps (words, `{X:class}` slots,
// `[ … ]` around the flagged part, the special steps #cap, #num and #stop) and the lexicon of
// classes its slots may name (built from the shared country list, or given in the rule).

import { derived } from '../engine/derived.js';
import { normalizeWord, tokenize, type Token } from '../text/tokens.js';
import type { ClassIndex, ClassValue, Step } from './phrase-trie.js';

interface Country {
  name: string;
  capital?: string;
  demonym: string;
  aliases?: string[];
}

/** Classes built from the shared country list (rules/lists/countries.yaml). */
const LIST_CLASSES: Record<string, (c: Country) => (string | undefined)[]> = {
  country: (c) => [c.name, ...(c.aliases ?? [])],
  capital: (c) => [c.capital],
  place: (c) => [c.name, ...(c.aliases ?? []), c.capital],
  demonym: (c) => [c.demonym],
};

/** Special steps usable in patterns and in `unless_before` / `unless_after`. */
export const ONE_WORD: Record<string, (t: Token) => boolean> = {
  '#cap': (t) => /^\p{Lu}/u.test(t.text),
  '#num': (t) => /^\p{N}/u.test(t.text),
};

export const ONE_WORD_STEPS = Object.entries(ONE_WORD);

/**
 * Zero-width steps (patterns only): `#stop` matches where the previous word is followed by a
 * full stop, question or exclamation mark, semicolon, line break or the end of the text
 * (closing quotes and brackets may come first).
 */
const ZERO_WIDTH: Record<string, (text: string, prev: Token) => boolean> = {
  '#stop': (text, prev) => {
    let i = prev.end;
    while (i < text.length && (text[i] === '"' || text[i] === '”' || text[i] === "'" || text[i] === '’' || text[i] === ')')) i++;
    return i >= text.length || '.!?;…\n\r'.includes(text[i]);
  },
};

export const ZERO_WIDTH_STEPS = Object.entries(ZERO_WIDTH);

/** The shared lists the built-in classes come from (the kinds' KindEnv). */
interface Lists {
  list(name: string): unknown[];
}

/** Built-in classes, built once per set of shared lists: rules that use the same class share its index (and, merged, one walk). */
const listClasses = new WeakMap<Lists, Map<string, ClassIndex>>();

/** What a rule's patterns may use: its classes (built-in and inline). */
export class Lexicon {
  readonly #index = new Map<string, ClassIndex>();
  constructor(private readonly env: Lists) {}

  has(cls: string): boolean {
    return this.#index.has(cls) || cls in LIST_CLASSES;
  }

  get(cls: string): ClassIndex {
    const index = this.#index.get(cls);
    if (index) return index;
    let shared = listClasses.get(this.env);
    if (!shared) listClasses.set(this.env, (shared = new Map()));
    let list = shared.get(cls);
    if (!list) {
      list = new Map();
      shared.set(cls, list);
      for (const c of this.env.list('countries') as Country[]) {
        const attrs: Record<string, string> = { country: c.name, demonym: c.demonym };
        if (c.capital) attrs.capital = c.capital;
        for (const v of LIST_CLASSES[cls](c)) if (v) add(list, wordsOf(v), true, attrs);
      }
    }
    return list;
  }

  /** Adds a rule's `classes` option (class name → list of words); `fail` reports what is wrong with it. */
  addInline(raw: unknown, fail: (m: string) => never): void {
    if (raw === undefined) return;
    if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) fail('expected a mapping of class name to a list of words');
    for (const [cls, values] of Object.entries(raw as Record<string, unknown>)) {
      if (cls in LIST_CLASSES) fail(`${cls} is a built-in class`);
      if (!Array.isArray(values) || values.some((v) => typeof v !== 'string')) fail(`${cls}: expected a list of words`);
      const index: ClassIndex = new Map();
      for (const v of values as string[]) add(index, wordsOf(v), v !== v.toLowerCase(), {});
      this.#index.set(cls, index);
    }
  }
}

function add(index: ClassIndex, words: string[], exact: boolean, attrs: Record<string, string>): void {
  const value: ClassValue = { words, norms: words.map(normalizeWord), exact, attrs };
  const key = value.norms[0];
  const bucket = index.get(key);
  if (bucket) bucket.push(value);
  else index.set(key, [value]);
}

function wordsOf(text: string): string[] {
  return tokenize(text).map((t) => t.text);
}

/** A pattern's steps before its classes are resolved: JSON data, so that the build can record those of the built-in rules. */
type SyntaxStep = { lit: string; raw: string } | { special: string } | { cls: string; name: string };
type Syntax = { steps: SyntaxStep[]; spanFrom: number; spanTo: number } | { error: string };

/** A pattern's steps, its class slots resolved through the lexicon, and its [ … ] span; `fail` reports what is wrong with it. */
export function parsePattern(pattern: string, fail: (m: string) => never, lexicon: Lexicon) {
  const syntax = derived('phrasePattern', pattern, patternSyntax);
  if ('error' in syntax) fail(syntax.error);
  // Words and special steps are used as they are; class slots get their class's values.
  let steps: readonly Step[] = syntax.steps as readonly Step[];
  if (syntax.steps.some((s) => 'cls' in s)) {
    steps = syntax.steps.map((s): Step => {
      if (!('cls' in s)) return s;
      if (!lexicon.has(s.cls)) fail(`unknown class ${s.cls}`);
      return { cls: s.cls, name: s.name, values: lexicon.get(s.cls) };
    });
  }
  return { steps, spanFrom: syntax.spanFrom, spanTo: syntax.spanTo };
}

/** The steps of a pattern and its [ … ] span, or what is wrong with it. */
export function patternSyntax(pattern: string): Syntax {
  const steps: SyntaxStep[] = [];
  let spanFrom = -1;
  let spanTo = -1;
  for (let part of pattern.trim().split(/\s+/)) {
    if (part.startsWith('[')) {
      if (spanFrom >= 0) return { error: 'only one [ … ] span is allowed' };
      spanFrom = steps.length;
      part = part.slice(1);
    }
    const closes = part.endsWith(']');
    if (closes) part = part.slice(0, -1);
    const slot = part.startsWith('{') ? /^\{(\w*):(\w+)\}$/.exec(part) : null;
    if (slot) steps.push({ cls: slot[2], name: slot[1] });
    else if (part in ONE_WORD || part in ZERO_WIDTH) steps.push({ special: part });
    else {
      const words = literalSteps(part);
      if (!words) return { error: `cannot use ${JSON.stringify(part)} in a pattern (words only)` };
      steps.push(...words);
    }
    if (closes) {
      if (spanFrom < 0 || spanTo >= 0) return { error: 'unbalanced [ ]' };
      spanTo = steps.length;
    }
  }
  if (spanFrom >= 0 && spanTo < 0) return { error: 'unbalanced [ ]' };
  if (spanFrom < 0) {
    spanFrom = 0;
    spanTo = steps.length;
  }
  if (spanTo <= spanFrom) return { error: 'empty [ ] span' };
  return { steps, spanFrom, spanTo };
}

/** A pattern's literal part (say `Kyiv’s`) → its steps; a term list repeats its words often. */
const literals = new Map<string, readonly { lit: string; raw: string }[] | null>();

/** The steps of a literal part of a pattern; undefined when it is not made of words. */
function literalSteps(part: string): readonly { lit: string; raw: string }[] | undefined {
  let steps = literals.get(part);
  if (steps === undefined) {
    const toks = tokenize(part);
    const words = toks.length > 0 && toks.map((t) => t.text).join('') === part.replace(/[^\p{L}\p{M}\p{N}'’‑-]/gu, '');
    steps = words ? toks.map((t) => ({ lit: t.norm, raw: t.text })) : null;
    // NOTE: bounded; a big term list has tens of thousands of distinct words.
    if (literals.size >= 100_000) literals.clear();
    literals.set(part, steps);
  }
  return steps ?? undefined;
}
