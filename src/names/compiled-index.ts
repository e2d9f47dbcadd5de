// The gazetteer TSV compiled ahead of time, read lazily section by section.

import { existsSync, readFileSync, statSync } from 'node:fs';
import { emptyGazetteer, parseGazetteer, spellingGroups, type Entity, type EntityType, type Gazetteer, type Key, type SpellingGroup, type WrongForm } from './gazetteer.js';

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
 *   mtlint-gazetteer-index 2 <bytes of the TSV>
 *   @known      folded tokens that are known only, one a line, sorted
 *   @accepted   folded tokens of preferred and accepted forms, one a line, sorted
 *   @entities   type TAB name TAB forms (tokens space-separated, forms "|"-separated) [TAB minor]
 *   @keys       bucket TAB fold,entity,pos fold,entity,pos …
 *   @given      fold of a given name TAB entity,pos entity,pos …
 *   @wrong      tokens (space-separated) TAB preferred name TAB fix
 *   @groups     spellings TAB next words TAB previous words (space-separated; see spellingGroups)
 */

const INDEX_MAGIC = 'mtlint-gazetteer-index 2';
const SECTIONS = ['known', 'accepted', 'entities', 'keys', 'given', 'wrong', 'groups'] as const;
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
  out.push('@given', ...sorted(g.given.keys()).map((f) => `${f}\t${g.given.get(f)!.map((k) => `${ids.get(k.entity)},${k.pos}`).join(' ')}`));
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
  /** The @given lines, sorted by folded given name. */
  private readonly givenSection: string;
  private readonly givenCache = new Map<string, Key[]>();

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
    this.givenSection = parts.get('given')!;
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
    const line = lineOf(this.keySection, asBytes(b));
    const keys = line?.split(' ').map((k) => {
      const [fold, entity, pos] = k.split(',');
      return new IndexKey(fold, Number(pos), this, Number(entity));
    });
    this.bucketCache.set(b, keys);
    return keys;
  }

  /** The people with the given name `f` (folded), and its position in their forms. */
  given(f: string): Key[] {
    let keys = this.givenCache.get(f);
    if (!keys) {
      const line = lineOf(this.givenSection, asBytes(f));
      keys = (line?.split(' ') ?? []).map((k) => {
        const [entity, pos] = k.split(',');
        return new IndexKey(f, Number(pos), this, Number(entity));
      });
      // NOTE: bounded; a batch of many articles sees many distinct words.
      if (this.givenCache.size >= 100_000) this.givenCache.clear();
      this.givenCache.set(f, keys);
    }
    return keys;
  }
}

/** What a line of section `t` that starts with `head` (as bytes) says after its tab, by bisection over the sorted lines. */
function lineOf(t: string, head: string): string | undefined {
  let lo = 0;
  let hi = t.length;
  // Invariant: every line starting before lo has a head < head; every line starting at or after hi, ≥ head.
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    const start = t.lastIndexOf('\n', mid - 1) + 1;
    let end = t.indexOf('\n', start);
    if (end < 0) end = t.length;
    const tab = t.indexOf('\t', start);
    const h = t.slice(start, tab);
    if (h === head) return fromBytes(t.slice(tab + 1, end));
    if (h < head) lo = end + 1;
    else hi = start;
  }
  return undefined;
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

export function readIndex(tsv: string): LoadedIndex | undefined {
  const file = indexPath(tsv);
  if (!existsSync(file)) return undefined;
  const text = readFileSync(file, 'latin1');
  const firstLine = text.slice(0, text.indexOf('\n'));
  if (firstLine !== `${INDEX_MAGIC} ${statSync(tsv).size}`) return undefined;
  return new LoadedIndex(text);
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
