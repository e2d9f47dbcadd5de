// Misspelled names of people and places: a capitalised word that is close to a name the gazetteer
// knows and has evidence for it (mode `gazetteer`), a foreign-language form the gazetteer lists as
// wrong (mode `wrong`), or a rare spelling of a name the same article spells otherwise several
// times (mode `document`).
//
//   gazetteer  Ukrainian negotiator David Arachhamia said …   (Davyd Arakhamia; "David" is his given name)
//                                         ^^^^^^^^^^
//   wrong      the talks in Kiew on Monday                     (German form of Kyiv)
//                           ^^^^
//   document   Lavrov … Lavrov … Lavrov … Lavor further stated (the article spells it Lavrov 6 times)
//                                         ^^^^^
//
// The gazetteer is a TSV file next to the rule (rules/names/gazetteer.tsv, built by
// scripts/names/build-gazetteer.ts): type, name, accepted, wrong, other, id. It is read once per
// process on first use and indexed by first letter and length, so the cost per word does not grow
// with the number of names; the fuzzy neighbours of each distinct word are cached.

import { existsSync, readFileSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, resolve } from 'node:path';
import { RuleError } from '../engine/errors.js';
import { DocumentCache, type TextDocument } from '../text/document.js';
import { tokenize } from '../text/tokens.js';
import type { Edit, Match, RuleSpec } from '../types.js';
import { Options, type Kind, type KindEnv } from './kind.js';

const MODES = ['gazetteer', 'wrong', 'document'] as const;
type Mode = (typeof MODES)[number];

/** Options each mode accepts (besides `mode`), and their defaults. */
const MODE_OPTIONS: Record<Mode, string[]> = {
  gazetteer: ['gazetteer', 'people', 'places', 'min_length', 'max_distance', 'min_similarity'],
  wrong: ['gazetteer', 'people', 'places'],
  document: ['gazetteer', 'people', 'places', 'min_length', 'max_distance', 'min_similarity', 'min_count', 'min_ratio', 'max_rare', 'defer_to_gazetteer'],
};

interface Thresholds {
  /** Shortest word (in letters) that may be flagged. */
  minLength: number;
  /** Largest restricted Damerau-Levenshtein distance; words of 4 letters or fewer allow 1. */
  maxDistance: number;
  /** Smallest Jaro-Winkler similarity. */
  minSimilarity: number;
}

/** The defaults of mode `gazetteer`; mode `document` defers to what they find. */
const GAZETTEER_DEFAULTS: Thresholds = { minLength: 5, maxDistance: 2, minSimilarity: 0.88 };
const DOCUMENT_DEFAULTS = { minLength: 5, maxDistance: 2, minSimilarity: 0.9, minCount: 3, minRatio: 3, maxRare: 2 };

export const name: Kind = {
  name: 'name',
  english: true,
  options: ['mode', ...new Set(Object.values(MODE_OPTIONS).flat())],
  compile(spec: RuleSpec, env: KindEnv) {
    const opts = new Options(spec);
    const mode = opts.oneOf('mode', MODES);
    for (const key of Object.keys(spec.options)) {
      if (key !== 'mode' && !MODE_OPTIONS[mode].includes(key)) opts.fail(key, `not an option of mode ${mode}`);
    }
    const source = gazetteerSource(spec, opts);
    const gaz = () => loadGazetteer(source, env);
    if (mode === 'wrong') return (doc) => wrongForms(doc, gaz());
    const defaults = mode === 'gazetteer' ? GAZETTEER_DEFAULTS : DOCUMENT_DEFAULTS;
    const t: Thresholds = {
      minLength: integer(opts, 'min_length', defaults.minLength, 2, 20),
      maxDistance: integer(opts, 'max_distance', defaults.maxDistance, 1, 3),
      minSimilarity: fraction(opts, 'min_similarity', defaults.minSimilarity),
    };
    if (mode === 'gazetteer') {
      return (doc) => {
        const g = gaz();
        return toMatches(doc, linkToGazetteer(doc, g, t, env), (c) => ({ name: whoIsMeant(doc, c) }));
      };
    }
    const defer: unknown = spec.options.defer_to_gazetteer ?? true;
    if (typeof defer !== 'boolean') opts.fail('defer_to_gazetteer', 'expected true or false');
    const d: DocumentThresholds = {
      ...t,
      minCount: integer(opts, 'min_count', DOCUMENT_DEFAULTS.minCount, 2, 1000),
      minRatio: opts.number('min_ratio', DOCUMENT_DEFAULTS.minRatio),
      maxRare: integer(opts, 'max_rare', DOCUMENT_DEFAULTS.maxRare, 1, 100),
      defer: defer as boolean,
    };
    if (d.minRatio < 1) opts.fail('min_ratio', 'expected a number of at least 1');
    return (doc) => reconcile(doc, gaz(), d, env);
  },
};

function integer(opts: Options, key: string, fallback: number, min: number, max: number): number {
  const v = opts.number(key, fallback);
  if (!Number.isInteger(v) || v < min || v > max) opts.fail(key, `expected a whole number from ${min} to ${max}`);
  return v;
}

function fraction(opts: Options, key: string, fallback: number): number {
  const v = opts.number(key, fallback);
  if (v <= 0 || v > 1) opts.fail(key, 'expected a number above 0 and at most 1');
  return v;
}

// --- the gazetteer ---------------------------------------------------------------------------

export type EntityType = 'person' | 'place' | 'term';

export interface Entity {
  type: EntityType;
  name: string;
  /** The preferred form's tokens. */
  tokens: string[];
  /** Preferred and accepted forms with as many tokens as the preferred one (aligned by position). */
  forms: string[][];
  /** Known only as one of thousands of legislators: a fuzzy match must be one edit away. */
  minor?: boolean;
}

/** One spelling of one name token of an entity: a fuzzy target. */
interface Key {
  readonly fold: string;
  readonly entity: Entity;
  readonly pos: number;
}

interface WrongForm {
  tokens: string[];
  /** The preferred name of the entity, for the message. */
  name: string;
  fix: string;
}

export interface Gazetteer {
  /** Identifies the source (files and inline entries), for caches. */
  id: string;
  /** Compiled indexes of gazetteer files, consulted besides the sets and maps below. */
  indexes: LoadedIndex[];
  /** Entities read from TSV text or inline entries, in order. */
  entities: Entity[];
  /** Folded tokens of every known form (preferred, accepted, other, terms): never flagged. */
  known: Set<string>;
  /** Folded tokens of preferred and accepted forms and terms: a wrong form equal to one is not flagged. */
  accepted: Set<string>;
  /** Fuzzy targets by `${first letter}${length}`. */
  keys: Map<string, Key[]>;
  /** Wrong forms by their first token. */
  wrong: Map<string, WrongForm[]>;
  /** Fuzzy neighbours of each distinct word, per thresholds. */
  neighbours: Map<string, Map<string, Neighbour[]>>;
}

interface InlineEntry {
  type: 'person' | 'place';
  name: string;
  accepted: string[];
  wrong: string[];
}

interface Source {
  files: string[];
  inline: InlineEntry[];
  key: string;
}

function gazetteerSource(spec: RuleSpec, opts: Options): Source {
  const raw = spec.options.gazetteer ?? 'gazetteer.tsv';
  const given = typeof raw === 'string' ? [raw] : opts.stringList('gazetteer');
  const files: string[] = [];
  for (const g of given) {
    if (g === 'none') continue;
    const file = resolve(dirname(spec.file), g);
    if (!existsSync(file)) opts.fail('gazetteer', `file not found: ${file}`);
    files.push(file);
  }
  const inline = [
    ...inlineEntries(opts, 'people', 'person'),
    ...inlineEntries(opts, 'places', 'place'),
  ];
  return { files, inline, key: `${files.join('\u0001')}\u0000${JSON.stringify(inline)}` };
}

/** `people:` / `places:` in the rule file: `- {name, accepted: [...], wrong: [...]}` or a bare name. */
function inlineEntries(opts: Options, key: string, type: 'person' | 'place'): InlineEntry[] {
  return opts.list(key, []).map((raw, i) => {
    if (typeof raw === 'string') return { type, name: raw, accepted: [], wrong: [] };
    if (typeof raw !== 'object' || raw === null) opts.fail(key, `[${i}]: expected a name or {name, accepted, wrong}`);
    const e = raw as Record<string, unknown>;
    for (const k of Object.keys(e)) if (!['name', 'accepted', 'wrong'].includes(k)) opts.fail(key, `[${i}]: unknown key ${k}`);
    const list = (k: string): string[] => {
      const v = e[k] ?? [];
      if (!Array.isArray(v) || v.some((x) => typeof x !== 'string' || x.trim() === '')) opts.fail(key, `[${i}].${k}: expected a list of names`);
      return v as string[];
    };
    if (typeof e.name !== 'string' || e.name.trim() === '') opts.fail(key, `[${i}].name: expected a name`);
    return { type, name: e.name as string, accepted: list('accepted'), wrong: list('wrong') };
  });
}

const gazetteers = new Map<string, Gazetteer>();
const countryWords = new WeakMap<KindEnv, Set<string>>();

const emptyGazetteer = (id: string): Gazetteer => ({ id, indexes: [], entities: [], known: new Set(), accepted: new Set(), keys: new Map(), wrong: new Map(), neighbours: new Map() });

/** The gazetteer of the given files (compiled indexes where fresh) and inline entries, built once per process. */
export function loadGazetteer(source: Source, env: KindEnv): Gazetteer {
  let g = gazetteers.get(source.key);
  if (g) return g;
  g = emptyGazetteer(source.key);
  for (const file of source.files) {
    const index = readIndex(file);
    if (index) {
      g.indexes.push(index);
      for (const w of index.wrong) push(g.wrong, w.tokens[0], w);
    } else readGazetteerFile(g, file);
  }
  for (const e of source.inline) addEntity(g, e.type, e.name, e.accepted, e.wrong, [], (m) => {
    throw new Error(`${e.name}: ${m}`);
  });
  // Countries, capitals and demonyms of the shared list are known names too.
  for (const w of countryList(env)) {
    g.known.add(w);
    g.accepted.add(w);
  }
  gazetteers.set(source.key, g);
  return g;
}

/** The gazetteer files a rule of this kind reads (for other kinds that reuse the names). */
export function gazetteerOf(spec: RuleSpec, env: KindEnv): () => Gazetteer {
  const source = gazetteerSource(spec, new Options(spec));
  return () => loadGazetteer(source, env);
}

function countryList(env: KindEnv): Set<string> {
  let words = countryWords.get(env);
  if (!words) {
    words = new Set();
    for (const raw of env.list('countries')) {
      const c = raw as Record<string, unknown>;
      const names = [c.name, c.capital, c.demonym, ...(Array.isArray(c.aliases) ? c.aliases : [])];
      for (const n of names) if (typeof n === 'string') for (const t of tokenize(n)) words.add(fold(t.text));
    }
    countryWords.set(env, words);
  }
  return words;
}

const TYPES: EntityType[] = ['person', 'place', 'term'];

function readGazetteerFile(g: Gazetteer, file: string): void {
  parseGazetteer(g, readFileSync(file, 'utf8'), file);
}

function parseGazetteer(g: Gazetteer, text: string, file: string): void {
  const lines = text.split(/\r?\n/);
  lines.forEach((line, i) => {
    if (line.trim() === '' || line.startsWith('#')) return;
    const fail = (m: string): never => {
      throw new RuleError(file, i + 1, m);
    };
    const [type, name, accepted = '', wrong = '', other = '', , flags = ''] = line.split('\t');
    if (!TYPES.includes(type as EntityType)) fail(`unknown type ${JSON.stringify(type)} (expected ${TYPES.join(', ')})`);
    if (!name || name.trim() === '') fail('missing name');
    const split = (cell: string) => (cell === '' ? [] : cell.split('|'));
    addEntity(g, type as EntityType, name, split(accepted), split(wrong), split(other), fail, flags.split(',').includes('minor'));
  });
}

function addEntity(g: Gazetteer, type: EntityType, name: string, accepted: string[], wrong: string[], other: string[], fail: (m: string) => never, minor = false): void {
  const tokens = words(name);
  if (tokens.length === 0) fail(`no words in ${JSON.stringify(name)}`);
  const entity: Entity = { type, name, tokens, forms: [tokens], ...(minor ? { minor } : {}) };
  g.entities.push(entity);
  for (const form of [name, ...accepted]) {
    const t = words(form);
    if (t.length === tokens.length && form !== name) entity.forms.push(t);
    for (const w of t) {
      g.known.add(fold(w));
      g.accepted.add(fold(w));
    }
  }
  for (const form of other) for (const w of words(form)) g.known.add(fold(w));
  for (const form of wrong) {
    const t = words(form);
    if (t.length === 0) fail(`no words in wrong form ${JSON.stringify(form)}`);
    const fix = t.length === tokens.length || type !== 'person' ? name : tokens[tokens.length - 1];
    if (t.length !== 1 && t.length !== tokens.length) fail(`wrong form ${JSON.stringify(form)} must be one word or as many words as ${JSON.stringify(name)}`);
    push(g.wrong, t[0], { tokens: t, name, fix });
  }
  // People are found by any capitalised name word after the first (surnames, second given
  // names); places by every word.
  const seen = new Set<string>();
  for (const form of entity.forms) {
    form.forEach((w, pos) => {
      if ((type === 'person' && pos === 0) || type === 'term' || !isNameWord(w)) return;
      const key: Key = { fold: fold(w), entity, pos };
      if (seen.has(`${pos}\u0000${key.fold}`)) return;
      seen.add(`${pos}\u0000${key.fold}`);
      push(g.keys, bucket(key.fold, key.fold.length), key);
    });
  }
}

// --- the compiled index ------------------------------------------------------------------------

/*
 * A gazetteer TSV compiled ahead of time (scripts/names/build-gazetteer.ts writes
 * `<name>.index` next to it), so that start-up does not split, tokenize and fold thousands of
 * names. Plain text in sections, read lazily: the known and accepted tokens are sorted lists
 * searched by bisection; an entity line or a bucket of fuzzy targets is parsed the first time it
 * is needed. The first line records the TSV's size: an index whose size disagrees is ignored
 * and the TSV is read instead. The file is read as Latin-1 (its UTF-8 bytes, one character each:
 * no decoding of the megabyte at start-up); what is searched is encoded the same way, and what
 * is taken from it decoded. Sorted sections are in byte order, which bisection over bytes needs.
 *
 *   mtlint-gazetteer-index 1 <bytes of the TSV>
 *   @known      folded tokens that are known only, one a line, sorted
 *   @accepted   folded tokens of preferred and accepted forms, one a line, sorted
 *   @entities   type TAB name TAB forms (tokens space-separated, forms "|"-separated) [TAB minor]
 *   @keys       bucket TAB fold,entity,pos fold,entity,pos …
 *   @wrong      tokens (space-separated) TAB preferred name TAB fix
 *   @groups     spellings TAB next words TAB previous words (space-separated; see spellingGroups)
 */

const INDEX_MAGIC = 'mtlint-gazetteer-index 1';
const SECTIONS = ['known', 'accepted', 'entities', 'keys', 'wrong', 'groups'] as const;
export const indexPath = (tsv: string) => tsv.replace(/\.tsv$/, '') + '.index';

/** Compiles a gazetteer TSV's text to the text of its index. */
export function compileGazetteer(text: string, file: string): string {
  const g = emptyGazetteer(file);
  parseGazetteer(g, text, file);
  const ids = new Map(g.entities.map((e, i) => [e, i]));
  const sorted = (xs: Iterable<string>) => [...xs].sort(byUtf8);
  const out = [`${INDEX_MAGIC} ${Buffer.byteLength(text, 'utf8')}`];
  out.push('@known', ...sorted([...g.known].filter((k) => !g.accepted.has(k))));
  out.push('@accepted', ...sorted(g.accepted));
  out.push('@entities', ...g.entities.map((e) => `${e.type}\t${e.name}\t${e.forms.map((f) => f.join(' ')).join('|')}${e.minor ? '\tminor' : ''}`));
  out.push('@keys', ...sorted(g.keys.keys()).map((b) => `${b}\t${g.keys.get(b)!.map((k) => `${k.fold},${ids.get(k.entity)},${k.pos}`).join(' ')}`));
  out.push('@wrong', ...[...g.wrong.values()].flat().map((w) => `${w.tokens.join(' ')}\t${w.name}\t${w.fix}`));
  out.push('@groups', ...spellingGroups(g.entities).map((gr) => [gr.forms, gr.next ?? [], gr.prev ?? []].map((l) => l.join(' ')).join('\t')));
  return out.join('\n') + '\n';
}

/** UTF-8 byte order (code point order; differs from `<` only above U+D7FF). */
const byUtf8 = (a: string, b: string) => Buffer.compare(Buffer.from(a), Buffer.from(b));
/** A string as the Latin-1 reading of its UTF-8 bytes, and back. */
const asBytes = (s: string) => (/^[\x00-\x7f]*$/.test(s) ? s : Buffer.from(s, 'utf8').toString('latin1'));
const fromBytes = (s: string) => (/^[\x00-\x7f]*$/.test(s) ? s : Buffer.from(s, 'latin1').toString('utf8'));

/** A compiled index (text read as Latin-1), parsed piece by piece as the kind asks. */
export class LoadedIndex {
  readonly known: SortedLines;
  readonly accepted: SortedLines;
  readonly wrong: WrongForm[];
  /** The @groups lines (bytes): parseGroupSection reads them. */
  readonly groupSection: string;
  private readonly entitySection: string;
  private entityStarts: number[] | undefined;
  private readonly entityCache = new Map<number, Entity>();
  /** The @keys lines, sorted by bucket: searched by bisection when a bucket is first asked for. */
  private readonly keySection: string;
  private readonly bucketCache = new Map<string, Key[] | undefined>();

  constructor(text: string) {
    const parts = new Map<string, string>();
    let at = text.indexOf('\n@known\n');
    for (let i = 0; i < SECTIONS.length; i++) {
      const begin = at + SECTIONS[i].length + 3;
      const next = i + 1 < SECTIONS.length ? text.indexOf(`\n@${SECTIONS[i + 1]}\n`, begin - 1) : text.length - 1;
      parts.set(SECTIONS[i], begin > next ? '' : text.slice(begin, next));
      at = next;
    }
    const lines = (name: string) => (parts.get(name) ? fromBytes(parts.get(name)!).split('\n') : []);
    this.known = new SortedLines(parts.get('known')!, true);
    this.accepted = new SortedLines(parts.get('accepted')!, true);
    this.entitySection = parts.get('entities')!;
    this.keySection = parts.get('keys')!;
    this.wrong = lines('wrong').map((line) => {
      const [tokens, name, fix] = line.split('\t');
      return { tokens: tokens.split(' '), name, fix };
    });
    this.groupSection = parts.get('groups')!;
  }

  /** Start offsets of the entity lines, found on first use. */
  private starts(): number[] {
    if (!this.entityStarts) {
      const starts = this.entitySection === '' ? [] : [0];
      for (let i = this.entitySection.indexOf('\n'); i >= 0; i = this.entitySection.indexOf('\n', i + 1)) starts.push(i + 1);
      this.entityStarts = starts;
    }
    return this.entityStarts;
  }

  private line(i: number): string {
    const starts = this.starts();
    return fromBytes(this.entitySection.slice(starts[i], i + 1 < starts.length ? starts[i + 1] - 1 : undefined));
  }

  get size(): number {
    return this.starts().length;
  }

  entity(i: number): Entity {
    let e = this.entityCache.get(i);
    if (!e) {
      const [type, name, forms, flags] = this.line(i).split('\t');
      const tokens = forms.split('|').map((f) => f.split(' '));
      e = { type: type as EntityType, name, tokens: tokens[0], forms: tokens, ...(flags === 'minor' ? { minor: true } : {}) };
      this.entityCache.set(i, e);
    }
    return e;
  }

  keys(b: string): Key[] | undefined {
    if (this.bucketCache.has(b)) return this.bucketCache.get(b);
    const line = this.bucketLine(asBytes(b));
    const keys = line?.split(' ').map((k) => {
      const [fold, entity, pos] = k.split(',');
      return new IndexKey(fold, Number(pos), this, Number(entity));
    });
    this.bucketCache.set(b, keys);
    return keys;
  }

  /** The keys of bucket `b` (as bytes) as written after its tab, by bisection over the @keys lines. */
  private bucketLine(b: string): string | undefined {
    const t = this.keySection;
    let lo = 0;
    let hi = t.length;
    // Invariant: every line starting before lo has a bucket < b; every line starting at or after hi, ≥ b.
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      const start = t.lastIndexOf('\n', mid - 1) + 1;
      let end = t.indexOf('\n', start);
      if (end < 0) end = t.length;
      const tab = t.indexOf('\t', start);
      const bucket = t.slice(start, tab);
      if (bucket === b) return fromBytes(t.slice(tab + 1, end));
      if (bucket < b) lo = end + 1;
      else hi = start;
    }
    return undefined;
  }
}

/** Sorted `\n`-separated lines, searched by bisection over the text itself (no split at load). */
export class SortedLines {
  /** Answers so far: a batch asks about the same few thousand words again and again. */
  private readonly seen = new Map<string, boolean>();

  /** `bytes`: the text is UTF-8 read as Latin-1, in byte order. */
  constructor(
    private readonly text: string,
    private readonly bytes = false,
  ) {}

  has(k: string): boolean {
    let found = this.seen.get(k);
    if (found === undefined) {
      found = this.search(this.bytes ? asBytes(k) : k);
      // NOTE: bounded; a batch of many articles sees many distinct words.
      if (this.seen.size >= 100_000) this.seen.clear();
      this.seen.set(k, found);
    }
    return found;
  }

  private search(k: string): boolean {
    const t = this.text;
    let lo = 0;
    let hi = t.length;
    // Invariant: every line starting before lo is < k; every line starting at or after hi is ≥ k.
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      const start = t.lastIndexOf('\n', mid - 1) + 1;
      // The line compared with k in place (no slice): c < 0, 0, > 0 as the line is <, =, > k.
      let i = 0;
      let c = 0;
      for (;;) {
        const a = start + i < t.length ? t.charCodeAt(start + i) : 10;
        const b = i < k.length ? k.charCodeAt(i) : -1;
        if (a === 10) {
          c = b === -1 ? 0 : -1;
          break;
        }
        if (b === -1 || a !== b) {
          c = b === -1 ? 1 : a - b;
          break;
        }
        i++;
      }
      if (c === 0) return true;
      if (c < 0) {
        const end = t.indexOf('\n', start + i);
        lo = end < 0 ? t.length : end + 1;
      } else hi = start;
    }
    return false;
  }
}

/** A fuzzy target of an index; its entity is parsed when first asked for. */
class IndexKey implements Key {
  constructor(
    readonly fold: string,
    readonly pos: number,
    private readonly index: LoadedIndex,
    private readonly id: number,
  ) {}

  get entity(): Entity {
    return this.index.entity(this.id);
  }
}

function readIndex(tsv: string): LoadedIndex | undefined {
  const file = indexPath(tsv);
  if (!existsSync(file)) return undefined;
  const text = readFileSync(file, 'latin1');
  const firstLine = text.slice(0, text.indexOf('\n'));
  if (firstLine !== `${INDEX_MAGIC} ${statSync(tsv).size}`) return undefined;
  return new LoadedIndex(text);
}

/** A folded token the gazetteer knows (any form). */
export function knows(g: Gazetteer, f: string): boolean {
  return g.known.has(f) || g.indexes.some((i) => i.known.has(f) || i.accepted.has(f));
}

/** A folded token of a preferred or accepted form. */
export function accepts(g: Gazetteer, f: string): boolean {
  return g.accepted.has(f) || g.indexes.some((i) => i.accepted.has(f));
}

/** Spellings of one name word that mean the same name, and the words that must stand beside it. */
export interface SpellingGroup {
  forms: string[];
  /** For a given name (Sergey in Sergey Lavrov): one of these must follow. */
  next?: string[];
  /** For a later word of a place (Novgorod in Nizhny Novgorod): one of these must come before. */
  prev?: string[];
}

/**
 * The spelling groups of names with accepted variants, by word position: the surname alone
 * (Zelenskyy|Zelensky|Zelenskiy), a given name only before one of the surname's spellings
 * (Sergey|Sergei before Lavrov), a later word of a place only after the first. Sorted, without
 * duplicates (several people share Sergey|Sergei before Lavrov).
 */
export function spellingGroups(entities: Entity[]): SpellingGroup[] {
  const out = new Map<string, SpellingGroup>();
  const sorted = (xs: string[]) => [...new Set(xs)].sort();
  for (const e of entities) {
    if (e.forms.length < 2) continue;
    const n = e.tokens.length;
    for (let p = 0; p < n; p++) {
      const forms = sorted(e.forms.map((f) => f[p]));
      if (forms.length < 2 || forms.some((f) => !/^\p{Lu}/u.test(f))) continue;
      const group: SpellingGroup = { forms };
      if (p < n - 1) group.next = sorted(e.forms.map((f) => f[p + 1]));
      else if (p > 0 && e.type !== 'person') group.prev = sorted(e.forms.map((f) => f[p - 1]));
      out.set([group.forms, group.next ?? [], group.prev ?? []].map((l) => l.join(' ')).join('\t'), group);
    }
  }
  return [...out.keys()].sort().map((k) => out.get(k)!);
}

/** The spelling groups of every name of the gazetteer (compiled ahead of time for indexes). */
export function spellingGroupsOf(g: Gazetteer): SpellingGroup[] {
  return [...spellingGroups(g.entities), ...g.indexes.flatMap((i) => parseGroupSection(i.groupSection))];
}

/** The spelling groups of an index's @groups lines (bytes). */
export function parseGroupSection(section: string): SpellingGroup[] {
  return (section ? fromBytes(section).split('\n') : []).map((line) => {
    const [forms, next, prev] = line.split('\t').map((l) => (l === '' ? [] : l.split(' ')));
    return { forms, ...(next.length > 0 ? { next } : {}), ...(prev.length > 0 ? { prev } : {}) };
  });
}

function push<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

const words = (s: string) => tokenize(s).map((t) => t.text);
const bucket = (folded: string, length: number) => `${folded[0]}${length}`;

/** Lower case without accents: Erdoğan and Erdogan are the same name. */
export function fold(s: string): string {
  // Plain ASCII letters need no decomposition.
  if (/^[A-Za-z' -]*$/.test(s)) return s.toLowerCase();
  return s
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .replace(/[’‘`]/g, "'")
    .replace(/ł/g, 'l')
    .replace(/Ł/g, 'L')
    .replace(/ø/g, 'o')
    .replace(/ß/g, 'ss')
    .replace(/đ/g, 'd')
    .replace(/ı/g, 'i')
    .toLowerCase();
}

/** A capitalised name word of two or more letters (not a particle such as "da" or "von"). */
function isNameWord(w: string): boolean {
  return w.length >= 2 && /^\p{Lu}/u.test(w) && !/\p{N}/u.test(w);
}

// --- string similarity (natural, deep-imported: the package root loads corpora and logs) -----

interface Natural {
  metaphone: { process(w: string): [string, string] };
}
let natural: Natural | undefined;
function nat(): Natural {
  if (!natural) {
    const require = createRequire(import.meta.url);
    const DoubleMetaphone = require('natural/lib/natural/phonetics/double_metaphone.js') as new () => Natural['metaphone'];
    natural = {
      metaphone: new DoubleMetaphone(),
    };
  }
  return natural;
}

/**
 * Restricted Damerau-Levenshtein distance (optimal string alignment): insertions, deletions,
 * substitutions and transpositions of two adjacent units, each 1; with `transpose` false, plain
 * Levenshtein. The same numbers as natural's DamerauLevenshteinDistance({restricted: true}) and
 * LevenshteinDistance (tests compare them; NOTE: natural's unrestricted variant returns 0 for
 * Zelensky/Zelenskyy), in three reused rows instead of natural's object per matrix cell, which
 * made these two ≈ 10 % of a cold batch's linting.
 */
export function editDistance(a: string, b: string, transpose = true): number {
  const n = a.length;
  const m = b.length;
  if (n === 0 || m === 0) return n + m;
  if (rowLength <= m) {
    rowLength = m + 1;
    [before, prev, cur] = [new Int32Array(rowLength), new Int32Array(rowLength), new Int32Array(rowLength)];
  }
  for (let j = 0; j <= m; j++) prev[j] = j;
  for (let i = 1; i <= n; i++) {
    cur[0] = i;
    const ai = a.charCodeAt(i - 1);
    for (let j = 1; j <= m; j++) {
      const bj = b.charCodeAt(j - 1);
      let d = Math.min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (ai === bj ? 0 : 1));
      if (transpose && i > 1 && j > 1 && ai === b.charCodeAt(j - 2) && a.charCodeAt(i - 2) === bj) d = Math.min(d, before[j - 2] + 1);
      cur[j] = d;
    }
    [before, prev, cur] = [prev, cur, before];
  }
  return prev[m];
}
let rowLength = 0;
let before = new Int32Array(0);
let prev = new Int32Array(0);
let cur = new Int32Array(0);

/** Which units of each word the Jaro matching has taken (reused; grown for longer words). */
let takenA = new Uint8Array(32);
let takenB = new Uint8Array(32);

/**
 * Jaro-Winkler similarity: the same numbers as natural's JaroWinklerDistance (the same steps in the
 * same order, so the same floating-point results; a test compares them), without its two arrays
 * per call — the fuzzy search asks for it some hundred thousand times in a batch.
 */
export function similarity(a: string, b: string): number {
  if (a === b) return 1;
  const la = a.length;
  const lb = b.length;
  let jaro = 0;
  if (la > 0 && lb > 0) {
    if (takenA.length < la) takenA = new Uint8Array(la * 2);
    if (takenB.length < lb) takenB = new Uint8Array(lb * 2);
    takenA.fill(0, 0, la);
    takenB.fill(0, 0, lb);
    const window = Math.floor(Math.max(la, lb) / 2.0) - 1;
    let m = 0;
    for (let i = 0; i < la; i++) {
      const c = a.charCodeAt(i);
      const end = Math.min(i + window + 1, lb);
      for (let k = Math.max(0, i - window); k < end; k++) {
        if (takenB[k] === 1 || b.charCodeAt(k) !== c) continue;
        takenA[i] = 1;
        takenB[k] = 1;
        m++;
        break;
      }
    }
    if (m > 0) {
      let t = 0;
      for (let i = 0, k = 0; i < la; i++) {
        if (takenA[i] === 0) continue;
        while (takenB[k] === 0) k++;
        if (a.charCodeAt(i) !== b.charCodeAt(k)) t++;
        k++;
      }
      t = t / 2.0;
      jaro = (m / la + m / lb + (m - t) / m) / 3.0;
    }
  }
  const l = winklerPrefix(a, b);
  return jaro + l * 0.1 * (1 - jaro);
}

/** The letters (at most four) both words start with: what Winkler's bonus counts. */
function winklerPrefix(a: string, b: string): number {
  let l = 0;
  while (l < 4 && l < a.length && l < b.length && a.charCodeAt(l) === b.charCodeAt(l)) l++;
  return l;
}

function soundsAlike(a: string, b: string): boolean {
  const [pa, sa] = nat().metaphone.process(a);
  const [pb, sb] = nat().metaphone.process(b);
  return pa === pb || pa === sb || sa === pb;
}

interface Closeness {
  distance: number;
  similarity: number;
}

/**
 * The consonants of a folded word, with the letters transliterations disagree on merged: vowels
 * and y dropped, doubled letters single, w as v, ph as f, hard c as k (Locomotiv/Lokomotiv), a
 * final -ff as -v (Tinkoff/Tinkov).
 */
export function consonantSkeleton(folded: string): string {
  let skeleton = skeletons.get(folded);
  if (skeleton === undefined) {
    skeleton = skeletonOf(folded);
    // NOTE: bounded; dropped rather than grown forever.
    if (skeletons.size >= 50_000) skeletons.clear();
    skeletons.set(folded, skeleton);
  }
  return skeleton;
}

/** Skeletons so far: the gazetteer's keys are compared with many words (seven replacements each). */
const skeletons = new Map<string, string>();

function skeletonOf(folded: string): string {
  return folded
    .replace(/ff$/, 'v')
    .replace(/w/g, 'v')
    .replace(/ph/g, 'f')
    .replace(/ck/g, 'k')
    .replace(/c(?=[aou])/g, 'k')
    .replace(/[aeiouy'-]/g, '')
    .replace(/(.)\1+/g, '$1');
}

/**
 * How close two folded words are, or null when too far apart for the thresholds or when they
 * differ only as transliterations do (Chouhan/Chauhan, Vasiliev/Vasilyev, Degtyaryov/Degtyarev):
 * such a pair is more often two accepted spellings, or two people, than a slip.
 */
function close(a: string, b: string, t: Thresholds): Closeness | null {
  if (a === b || a[0] !== b[0]) return null;
  const limit = Math.min(a.length, b.length) <= 4 ? 1 : t.maxDistance;
  if (Math.abs(a.length - b.length) > limit + 1) return null;
  // Most gazetteer keys of a bucket share too few letters to reach the similarity: refuse them
  // without computing it (the margin keeps the bound safe from rounding).
  if (similarityAtMost(a, b) < t.minSimilarity - 1e-9) return null;
  const sim = similarity(a, b);
  if (sim < t.minSimilarity) return null;
  const distance = editDistance(a, b);
  // A transposition (Lavrvo) is a slip even when only vowels moved.
  if (consonantSkeleton(a) === consonantSkeleton(b) && editDistance(a, b, false) === distance) return null;
  // One edit more is allowed for long words that sound the same (Arakchamiya/Arakhamia).
  if (distance > limit && !(distance === limit + 1 && Math.min(a.length, b.length) >= 7 && soundsAlike(a, b))) return null;
  return { distance, similarity: sim };
}

const closeCache = new WeakMap<Thresholds, Map<string, Closeness | null>>();

/** `close`, remembered per pair of folded words: articles of a batch pair the same names again. */
function closeMemo(a: string, b: string, t: Thresholds): Closeness | null {
  // The cheap refusals first, without a key.
  if (a === b || a[0] !== b[0]) return null;
  let cache = closeCache.get(t);
  if (!cache) closeCache.set(t, (cache = new Map()));
  const key = `${a}\u0000${b}`;
  let c = cache.get(key);
  if (c === undefined) {
    c = close(a, b, t);
    // NOTE: bounded; dropped rather than grown forever.
    if (cache.size >= 100_000) cache.clear();
    cache.set(key, c);
  }
  return c;
}

/** Letter counts of the word last given to `sharedLetters` as `a`, and of `b`'s letters taken so far. */
const letterCount = new Int32Array(65536);
const letterTaken = new Int32Array(65536);
let countedWord = '';

/** How many letters (UTF-16 code units, with repeats) the two words have in common. */
function sharedLetters(a: string, b: string): number {
  if (a !== countedWord) {
    for (let i = 0; i < countedWord.length; i++) letterCount[countedWord.charCodeAt(i)] = 0;
    for (let i = 0; i < a.length; i++) letterCount[a.charCodeAt(i)]++;
    countedWord = a;
  }
  let m = 0;
  for (let i = 0; i < b.length; i++) {
    const c = b.charCodeAt(i);
    if (letterTaken[c] < letterCount[c]) {
      letterTaken[c]++;
      m++;
    }
  }
  for (let i = 0; i < b.length; i++) letterTaken[b.charCodeAt(i)] = 0;
  return m;
}

/**
 * An upper bound of the Jaro-Winkler similarity: its m matching letters are at most the
 * shared letters, (m − t)/m is at most 1, and the prefix bonus lifts jaro by l × 0.1 × (1 − jaro)
 * for the l ≤ 4 letters both words start with.
 */
function similarityAtMost(a: string, b: string): number {
  return winklerBound(sharedLetters(a, b), a.length, b.length, winklerPrefix(a, b));
}

/** The largest Jaro-Winkler similarity of two words of these lengths with at most m matching letters and a common prefix of at most l letters. */
function winklerBound(m: number, lengthA: number, lengthB: number, l: number): number {
  const jaro = (m / lengthA + m / lengthB + 1) / 3;
  return jaro + l * 0.1 * (1 - jaro);
}

/** The letters of a word as bits (code unit & 31): a letter whose bit one word lacks is in none of its letters. */
export function letterMask(word: string): number {
  let mask = 0;
  for (let i = 0; i < word.length; i++) mask |= 1 << (word.charCodeAt(i) & 31);
  return mask;
}

/**
 * The word's first four code units, a byte each (the low eight bits; 0 past its end). Two words'
 * heads agree in at least as many leading bytes as the letters the words start with in common.
 */
export function headOf(word: string): number {
  let head = 0;
  for (let i = 0; i < 4 && i < word.length; i++) head |= (word.charCodeAt(i) & 0xff) << (i * 8);
  return head;
}

/**
 * The bound of similarityAtMost from letter masks and heads alone (no loop over the letters): the
 * shared letters are at most one word's letters less those whose bit the other word lacks, and
 * the common prefix at most the heads' leading bytes in common.
 */
export function similarityBound(lengthA: number, maskA: number, headA: number, lengthB: number, maskB: number, headB: number): number {
  const m = Math.min(lengthA - bitCount(maskA & ~maskB), lengthB - bitCount(maskB & ~maskA));
  const x = headA ^ headB;
  const l = (x & 0xff) !== 0 ? 0 : (x & 0xff00) !== 0 ? 1 : (x & 0xff0000) !== 0 ? 2 : (x & 0xff000000) !== 0 ? 3 : 4;
  return winklerBound(m, lengthA, lengthB, l);
}

function bitCount(x: number): number {
  x -= (x >>> 1) & 0x55555555;
  x = (x & 0x33333333) + ((x >>> 2) & 0x33333333);
  return (Math.imul((x + (x >>> 4)) & 0x0f0f0f0f, 0x01010101) >>> 24) & 0xff;
}

const keyLetters = new WeakMap<Key[], { masks: Int32Array; heads: Int32Array; lengths: Int32Array }>();

/** Each key's letter mask, head and length, per bucket list (computed on its first visit). */
function lettersOf(keys: Key[]): { masks: Int32Array; heads: Int32Array; lengths: Int32Array } {
  let l = keyLetters.get(keys);
  if (!l) {
    l = { masks: new Int32Array(keys.length), heads: new Int32Array(keys.length), lengths: new Int32Array(keys.length) };
    for (let k = 0; k < keys.length; k++) {
      l.masks[k] = letterMask(keys[k].fold);
      l.heads[k] = headOf(keys[k].fold);
      l.lengths[k] = keys[k].fold.length;
    }
    keyLetters.set(keys, l);
  }
  return l;
}

interface Neighbour extends Closeness {
  key: Key;
}

/** Gazetteer keys close to a folded word, cached per distinct word. */
function neighbours(g: Gazetteer, folded: string, t: Thresholds): Neighbour[] {
  const tKey = `${t.maxDistance}/${t.minSimilarity}`;
  let cache = g.neighbours.get(tKey);
  if (!cache) g.neighbours.set(tKey, (cache = new Map()));
  let found = cache.get(folded);
  if (found) return found;
  found = [];
  const n = folded.length;
  const mask = letterMask(folded);
  const head = headOf(folded);
  const visit = (keys: Key[] | undefined) => {
    if (!keys) return;
    const { masks, heads, lengths } = lettersOf(keys);
    for (let k = 0; k < keys.length; k++) {
      if (similarityBound(n, mask, head, lengths[k], masks[k], heads[k]) < t.minSimilarity - 1e-9) continue;
      const c = close(folded, keys[k].fold, t);
      if (c) found!.push({ key: keys[k], ...c });
    }
  };
  // The buckets' lists gazetteer's own first, then each index's, without concatenating them.
  for (let len = n - t.maxDistance - 1; len <= n + t.maxDistance + 1; len++) {
    const b = bucket(folded, len);
    visit(g.keys.get(b));
    for (const index of g.indexes) visit(index.keys(b));
  }
  // NOTE: a batch run sees many distinct words; the cache is dropped rather than grown forever.
  if (cache.size > 50_000) cache.clear();
  cache.set(folded, found);
  return found;
}

// --- the words of a document that may be names ------------------------------------------------

interface NameWord {
  /** Index in doc.words. */
  index: number;
  start: number;
  /** End of the name itself: a possessive ’s is left out. */
  end: number;
  text: string;
  fold: string;
  /** What the kind knows about this token, shared by its every occurrence. */
  info: NameInfo;
}

/**
 * A distinct token as a name word, with the answers the rules looked up for it last (one per
 * question, for the gazetteer or cache they were asked of): property reads instead of a map
 * look-up per occurrence.
 */
interface NameInfo {
  text: string;
  fold: string;
  wrongIn?: Gazetteer;
  wrong?: WrongForm[];
  nearIn?: Map<string, Neighbour[]>;
  near?: Neighbour[];
}

const nameWordCache = new DocumentCache<NameWord[]>();

/** What a token is as a name word, or null when it is none; per distinct token. */
const tokenNames = new Map<string, NameInfo | null>();

function asNameWord(token: string): NameInfo | null {
  let n = tokenNames.get(token);
  if (n !== undefined) return n;
  n = null;
  if (/^\p{Lu}/u.test(token) && !/[\p{N}‑-]/u.test(token)) {
    const text = token.replace(/['’]s$/u, '');
    if (!(text.length > 1 && text === text.toUpperCase())) n = { text, fold: fold(text) };
  }
  // NOTE: bounded; a batch of many articles sees many distinct words.
  if (tokenNames.size >= 100_000) tokenNames.clear();
  tokenNames.set(token, n);
  return n;
}

/** Capitalised words of letters (not ALL CAPS, no digits or hyphens), possessive ’s removed. */
function nameWords(doc: TextDocument): NameWord[] {
  let out = nameWordCache.get(doc);
  if (out) return out;
  out = [];
  const all = doc.words;
  for (let index = 0; index < all.length; index++) {
    const w = all[index];
    // Cheap first test before the per-token cache: most words start with a lower-case ASCII letter.
    const c = w.text.charCodeAt(0);
    if ((c >= 97 && c <= 122) || (c >= 48 && c <= 57)) continue;
    const n = asNameWord(w.text);
    if (n) out.push({ index, start: w.start, end: w.start + n.text.length, text: n.text, fold: n.fold, info: n });
  }
  nameWordCache.set(doc, out);
  return out;
}

/** Only spaces (and at most one line break) between two words. */
function adjacent(text: string, end: number, start: number): boolean {
  return /^[ \t\u00a0]*(?:\r?\n[ \t\u00a0]*)?$/.test(text.slice(end, start));
}

const knownMemo = new WeakMap<Gazetteer, WeakMap<KindEnv, Map<string, boolean>>>();

/** Known to the gazetteer or an English word; per distinct spelling. */
function isKnown(g: Gazetteer, w: NameWord, env: KindEnv): boolean {
  let perEnv = knownMemo.get(g);
  if (!perEnv) knownMemo.set(g, (perEnv = new WeakMap()));
  let memo = perEnv.get(env);
  if (!memo) perEnv.set(env, (memo = new Map()));
  let known = memo.get(w.text);
  if (known === undefined) {
    known = knows(g, w.fold) || env.isEnglishWord(w.text.toLowerCase()) || env.isEnglishWord(w.fold);
    if (memo.size >= 100_000) memo.clear();
    memo.set(w.text, known);
  }
  return known;
}

// --- mode wrong --------------------------------------------------------------------------------

function wrongForms(doc: TextDocument, g: Gazetteer): Match[] {
  const out: Match[] = [];
  const ws = nameWords(doc);
  for (let i = 0; i < ws.length; i++) {
    const first = ws[i];
    const info = first.info;
    if (info.wrongIn !== g) {
      info.wrongIn = g;
      info.wrong = g.wrong.get(first.text);
    }
    const listed = info.wrong;
    if (!listed) continue;
    const forms = listed.slice().sort((a, b) => b.tokens.length - a.tokens.length);
    /** The longest wrong forms found here; several people may share a wrongly spelled surname. */
    let found: WrongForm[] = [];
    let last = first;
    for (const form of forms) {
      if (found.length > 0 && form.tokens.length < found[0].tokens.length) break;
      if (form.tokens.length === 1 && accepts(g, first.fold)) continue;
      let end = first;
      let ok = true;
      for (let k = 1; k < form.tokens.length && ok; k++) {
        const next = nameWordAt(ws, i, first.index + k);
        ok = !!next && next.text === form.tokens[k] && adjacent(doc.text, end.end, next.start) && doc.words[end.index].end === end.end;
        if (next) end = next;
      }
      if (!ok) continue;
      found.push(form);
      last = end;
    }
    if (found.length === 0) continue;
    found = found.filter((f, k) => found.findIndex((x) => x.fix === f.fix) === k);
    out.push({
      start: first.start,
      end: last.end,
      replacements: found.map((f) => ({ start: first.start, end: last.end, text: f.fix })),
      ...(found.length > 1 ? { safety: 'suggest' as const, message: 'Check `{match}`: it is another language’s spelling of {choices}.' } : {}),
      data: { name: found[0].name, choices: found.map((f) => `\`${f.fix}\``).join(' or ') },
    });
    while (i + 1 < ws.length && ws[i + 1].index <= last.index) i++;
  }
  return out;
}

/** The name word that is word `index` of the document, looked for from ws[from] on. */
function nameWordAt(ws: NameWord[], from: number, index: number): NameWord | undefined {
  let p = from;
  while (p < ws.length && ws[p].index < index) p++;
  return p < ws.length && ws[p].index === index ? ws[p] : undefined;
}

// --- mode gazetteer ----------------------------------------------------------------------------

interface Candidate extends Neighbour {
  /** The spelling to propose: the form of this name word the article already uses, else the preferred one. */
  fix: string;
  entity: Entity;
}

/** Per distinct flagged spelling: its occurrences and the candidates with evidence. */
type Links = Map<string, { words: NameWord[]; candidates: Candidate[] }>;

const linkCache = new DocumentCache<Map<string, Links>>();
/** Each rule's thresholds as a string (part of the caches' keys), written once. */
const thresholdKeys = new WeakMap<Thresholds, string>();
/** Per environment and gazetteer + thresholds: each distinct spelling's gazetteer neighbours, none when it is short, known or a listed wrong form. */
const nearMemo = new WeakMap<KindEnv, Map<string, Map<string, Neighbour[]>>>();

/**
 * Words close to a gazetteer name, with evidence that they mean it: the word before is one of the
 * person's given names (David Arachhamia), or the person or place is named correctly elsewhere
 * in the article and the word is one edit away. Every other occurrence of a linked spelling in
 * the article is linked too (Volodymyr Zelskyy … Zelskyy).
 */
function linkToGazetteer(doc: TextDocument, g: Gazetteer, t: Thresholds, env: KindEnv): Links {
  let tKey = thresholdKeys.get(t);
  if (tKey === undefined) thresholdKeys.set(t, (tKey = JSON.stringify(t)));
  const cacheKey = `${g.id}\u0000${tKey}`;
  let perDoc = linkCache.get(doc);
  if (!perDoc) linkCache.set(doc, (perDoc = new Map()));
  const cached = perDoc.get(cacheKey);
  if (cached) return cached;

  let nearBy = nearMemo.get(env);
  if (!nearBy) nearMemo.set(env, (nearBy = new Map()));
  let nearOf = nearBy.get(cacheKey);
  if (!nearOf) nearBy.set(cacheKey, (nearOf = new Map()));
  const ws = nameWords(doc);
  // Built only when a word near a gazetteer name needs them (few articles have one).
  let counts: Map<string, number> | undefined;
  let folds: Set<string> | undefined;
  const countsOf = () => {
    if (!counts) {
      counts = new Map();
      for (const x of ws) counts.set(x.text, (counts.get(x.text) ?? 0) + 1);
    }
    return counts;
  };
  const foldsOf = () => (folds ??= new Set(ws.map((x) => x.fold)));
  const links: Links = new Map();
  const mentioned = new Map<Entity, boolean>();

  for (let p = 0; p < ws.length; p++) {
    const w = ws[p];
    const info = w.info;
    let near = info.nearIn === nearOf ? info.near! : undefined;
    if (near === undefined) {
      near = nearOf.get(w.text);
      if (near === undefined) {
        near = w.text.length < t.minLength || isKnown(g, w, env) || g.wrong.has(w.text) ? [] : neighbours(g, w.fold, t);
        // NOTE: bounded; dropped rather than grown forever.
        if (nearOf.size >= 100_000) nearOf.clear();
        nearOf.set(w.text, near);
      }
      info.nearIn = nearOf;
      info.near = near;
    }
    if (near.length === 0) continue;
    const prev = p > 0 && ws[p - 1].index === w.index - 1 ? ws[p - 1] : undefined;
    const prevOk = prev && doc.words[prev.index].end === prev.end && adjacent(doc.text, prev.end, w.start) ? prev : undefined;
    const found: Candidate[] = [];
    for (const n of near) {
      const e = n.key.entity;
      if (derived(w.fold, n.key.fold)) continue;
      if (e.minor && n.distance > 1) continue;
      const byGivenName = e.type === 'person' && prevOk !== undefined && isGivenName(prevOk.fold, e, n.key.pos);
      const byMention = n.distance <= 1 && w.text.length >= 5 && isMentioned(e, foldsOf(), env, mentioned);
      if (byGivenName || byMention) found.push({ ...n, entity: e, fix: preferredSpelling(e, n.key.pos, countsOf()) });
    }
    let entry = links.get(w.text);
    if (!entry) links.set(w.text, (entry = { words: [], candidates: [] }));
    entry.words.push(w);
    for (const c of found) if (!entry.candidates.some((x) => x.entity === c.entity && x.fix === c.fix)) entry.candidates.push(c);
  }
  for (const [text, entry] of links) if (entry.candidates.length === 0) links.delete(text);
  perDoc.set(cacheKey, links);
  return links;
}

/** The word before matches a name word that comes before `pos` in one of the person's forms. */
function isGivenName(prev: string, e: Entity, pos: number): boolean {
  // Two-letter words (Li, Le, Al) say too little.
  if (prev.length < 3) return false;
  for (const form of e.forms) {
    for (let k = 0; k < pos; k++) {
      if (!isNameWord(form[k])) continue;
      const given = fold(form[k]);
      if (given === prev) return true;
      if (given[0] !== prev[0] || Math.min(given.length, prev.length) < 4) continue;
      // David ≈ Davyd, Volodimir ≈ Volodymyr: one edit, or the same sound.
      const d = editDistance(given, prev);
      if (d <= 1 || (d === 2 && soundsAlike(given, prev) && similarity(given, prev) >= 0.85)) return true;
    }
  }
  return false;
}

/** The entity is named in the article by one of its name words (one that is not also an English word). */
function isMentioned(e: Entity, folds: Set<string>, env: KindEnv, memo: Map<Entity, boolean>): boolean {
  let m = memo.get(e);
  if (m === undefined) {
    m = false;
    for (const form of e.forms) {
      form.forEach((w, pos) => {
        const f = fold(w);
        if ((e.type === 'person' && pos === 0) || !isNameWord(w) || !folds.has(f) || env.isEnglishWord(f)) return;
        m = true;
      });
    }
    memo.set(e, m);
  }
  return m;
}

/** The spelling of name word `pos` the article already uses most, else the preferred one. */
function preferredSpelling(e: Entity, pos: number, counts: Map<string, number>): string {
  let best = e.tokens[pos];
  let bestCount = counts.get(best) ?? 0;
  for (const form of e.forms) {
    const n = counts.get(form[pos]) ?? 0;
    if (n > bestCount) {
      best = form[pos];
      bestCount = n;
    }
  }
  return best;
}

/** One match per occurrence; candidates that disagree make a suggestion list. */
function toMatches(doc: TextDocument, links: Links, data: (c: Candidate[]) => Record<string, string>): Match[] {
  const out: Match[] = [];
  for (const { words, candidates } of links.values()) {
    const fixes = [...new Set(candidates.sort(byCloseness).map((c) => c.fix))];
    const values = { ...data(candidates), choices: fixes.map((f) => `\`${f}\``).join(' or ') };
    for (const w of words) {
      const replacements: Edit[] = fixes.map((text) => ({ start: w.start, end: w.end, text }));
      out.push({
        start: w.start,
        end: w.end,
        replacements,
        ...(fixes.length > 1 ? { safety: 'suggest' as const, message: 'Check the spelling of `{match}`: did you mean {choices}?' } : {}),
        data: values,
      });
    }
  }
  return out.sort((a, b) => a.start - b.start);
}

/** The document's folded name words, for whoIsMeant. */
const foldCache = new DocumentCache<Set<string>>();

/**
 * The entity the best candidates name, for the message: when several people share the surname
 * (Sergey and Aleksey Lavrov), the one whose given name the article also uses; when that does not
 * settle it, the spelling alone.
 */
function whoIsMeant(doc: TextDocument, candidates: Candidate[]): string {
  const best = candidates.filter((c) => c.fix === candidates[0].fix);
  const entities = [...new Set(best.map((c) => c.entity))];
  if (entities.length === 1) return entities[0].name;
  let folds = foldCache.get(doc);
  if (!folds) foldCache.set(doc, (folds = new Set(nameWords(doc).map((w) => w.fold))));
  const named = entities.filter((e) => e.forms.some((f) => f.length > 1 && folds.has(fold(f[0]))));
  return named.length === 1 ? named[0].name : candidates[0].fix;
}

function byCloseness(a: Closeness, b: Closeness): number {
  return a.distance - b.distance || b.similarity - a.similarity;
}

// --- mode document -----------------------------------------------------------------------------

interface DocumentThresholds extends Thresholds {
  minCount: number;
  minRatio: number;
  maxRare: number;
  defer: boolean;
}

/**
 * A rare capitalised spelling close to a frequent one in the same article ("Lavor" once, "Lavrov"
 * six times). Left alone: English words, names the gazetteer knows, derived words (Biden/Bidens,
 * Russia/Russian), feminine forms of Slavic surnames (Ivanov/Ivanova, Zelenskyy/Zelenska), and a
 * rare word that is part of a longer name the frequent one never appears in (Chiang Saen/China).
 */
function reconcile(doc: TextDocument, g: Gazetteer, t: DocumentThresholds, env: KindEnv): Match[] {
  const ws = nameWords(doc);
  const byText = new Map<string, NameWord[]>();
  for (const w of ws) push(byText, w.text, w);
  // The frequent spellings by first letter (`close` refuses words of different first letters), in text order.
  const frequent = new Map<string, { text: string; occurrences: NameWord[]; fold: string; mask: number; head: number; english?: boolean }[]>();
  for (const [text, list] of byText) {
    const f = list[0].fold;
    if (list.length >= t.minCount) push(frequent, f[0], { text, occurrences: list, fold: f, mask: letterMask(f), head: headOf(f) });
  }
  if (frequent.size === 0) return [];
  const deferred = t.defer ? linkToGazetteer(doc, g, GAZETTEER_DEFAULTS, env) : undefined;
  const out: Match[] = [];
  for (const [text, list] of byText) {
    const w = list[0];
    if (list.length > t.maxRare || text.length < t.minLength || isKnown(g, w, env) || g.wrong.has(text) || deferred?.has(text)) continue;
    const candidates = frequent.get(w.fold[0]);
    if (!candidates) continue;
    const n = w.fold.length;
    const mask = letterMask(w.fold);
    const head = headOf(w.fold);
    const found: (Closeness & { text: string; count: number })[] = [];
    for (const f of candidates) {
      // What `close` would refuse first, from lengths, letter masks and heads (a long article has thousands of pairs).
      if (Math.abs(f.fold.length - n) > t.maxDistance + 1 || similarityBound(n, mask, head, f.fold.length, f.mask, f.head) < t.minSimilarity - 1e-9) continue;
      if (f.occurrences.length < t.minRatio * list.length || derived(w.fold, f.fold)) continue;
      // A frequent spelling that is an English word is not a name unless the gazetteer knows it.
      if ((f.english ??= env.isEnglishWord(f.text.toLowerCase()) && !accepts(g, f.fold))) continue;
      const c = closeMemo(w.fold, f.fold, t);
      if (c && sharesNameContext(doc, list, f.occurrences)) found.push({ ...c, text: f.text, count: f.occurrences.length });
    }
    if (found.length === 0) continue;
    found.sort((a, b) => byCloseness(a, b) || b.count - a.count);
    for (const occ of list) {
      out.push({
        start: occ.start,
        end: occ.end,
        replacements: found.map((f) => ({ start: occ.start, end: occ.end, text: f.text })),
        ...(found.length > 1 ? { safety: 'suggest' as const } : {}),
        data: { count: found[0].count },
      });
    }
  }
  return out.sort((a, b) => a.start - b.start);
}

/**
 * True unless the rare spelling sits in a multi-word name (a capitalised word right before it,
 * not at a sentence start, or right after it) that the frequent spelling never sits in.
 */
function sharesNameContext(doc: TextDocument, rare: NameWord[], frequent: NameWord[]): boolean {
  const context = (w: NameWord): string[] => {
    const out: string[] = [];
    const prev = doc.words[w.index - 1];
    const next = doc.words[w.index + 1];
    if (prev && /^\p{Lu}/u.test(prev.text) && adjacent(doc.text, prev.end, w.start) && !startsSentence(doc, prev.start)) out.push(`<${prev.text}`);
    if (next && /^\p{Lu}/u.test(next.text) && doc.words[w.index].end === w.end && adjacent(doc.text, w.end, next.start)) out.push(`>${next.text}`);
    return out;
  };
  const rareContext = rare.flatMap(context);
  if (rareContext.length === 0) return true;
  const frequentContext = new Set(frequent.flatMap(context));
  return rareContext.some((c) => frequentContext.has(c));
}

function startsSentence(doc: TextDocument, offset: number): boolean {
  const before = doc.text.slice(Math.max(0, offset - 3), offset);
  return offset === 0 || /(?:^|[.!?…:]["'”’)\]]?\s+|\n\s*|["“‘(])$/u.test(before);
}

/** Endings that make another word from a name: plurals, demonyms, -isms (Biden/Bidens, Ukraine/Ukrainian, Emirates/Emirati). */
const ENDINGS = ['s', 'es', 'n', 'ns', 'an', 'ans', 'ian', 'ians', 'ese', 'i', 'is', 'ite', 'ites', 'ism', 'ist', 'ists', 'ic', 'ish', 'er', 'ers', 'a', 'y'];
/** What a name may lose before an ending: Ukrain-e → Ukrain-ian, Emirat-es → Emirat-i. */
const STEM_END = /(?:ia|es|a|s|y|e|o)$/;
const MASCULINE = /(sk(?:yy|yi|iy|ii|ij|y|i)|(?:ts|dz)k(?:yy|yi|iy|y|i)|ov|ev|yov|in|yn)$/;
const FEMININE = /(sk(?:a|aya|aja)|(?:ts|dz)k(?:a|aya)|ova|eva|yova|ina|yna)$/;

/**
 * One folded word is made from the other (an ending, or two or more letters more: Chinaso from
 * China), or the two are a surname's masculine and feminine forms (Ivanov/Ivanova).
 */
export function derived(a: string, b: string): boolean {
  for (const [x, y] of [
    [a, b],
    [b, a],
  ]) {
    if (y.length > x.length && y.startsWith(x) && (y.length - x.length >= 2 || ENDINGS.includes(y.slice(x.length)))) return true;
    const m = STEM_END.exec(x);
    if (m && ENDINGS.includes(y.slice(x.length - m[0].length)) && y.startsWith(x.slice(0, x.length - m[0].length))) return true;
    const mx = MASCULINE.exec(x);
    const fy = FEMININE.exec(y);
    if (mx && fy && x.slice(0, x.length - mx[1].length) === y.slice(0, y.length - fy[1].length)) return true;
  }
  return false;
}
