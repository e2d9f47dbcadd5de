// Real names the gazetteer does not know are never "corrected" (issue 14, rule 2). Given names and
// surnames are drawn, seeded, from the US lists in ../shared/data/names-lists — most of them one or
// two letters from a gazetteer person's given name or surname, or from a place — and each pair is
// put into a short news article that also names the famous person or the place in full: the
// evidence the names rules look for is there, and still no safe fix may be made. The same
// articles with the real-names list switched off do get fixes (the test can fail). Skipped when
// ../shared is absent.

import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { lintText } from '../../src/engine/lint.js';
import { BUILTIN_RULES_DIR, compileRule, isEnglishWord, makeEnv, type Rule } from '../../src/engine/load.js';
import { fold } from '../../src/names/fold.js';
import { knows, type Entity } from '../../src/names/gazetteer.js';
import { gazetteerOf } from '../../src/names/load.js';
import { editDistance } from '../../src/names/similarity.js';
import { builtinRules, rng, SHARED, skip } from '../helpers.js';

const LISTS = join(SHARED, 'data', 'names-lists');
const present = existsSync(join(LISTS, 'ssa-given-names.tsv')) && existsSync(join(LISTS, 'census1990-surnames.tsv'));
/** Given names given to fewer newborns are not in rules/names/real-names.txt (scripts/names/build-real-names.ts). */
const MIN_BIRTHS = 100;

const cap = (s: string) => s.slice(0, 1).toUpperCase() + s.slice(1).toLowerCase();

/** Names of a list column, capitalised, that the gazetteer and the English word list do not know. */
function readList(file: string, column: number, keep: (cells: string[]) => boolean, unknown: (name: string) => boolean): string[] {
  const out = new Set<string>();
  for (const line of readFileSync(join(LISTS, file), 'utf8').split('\n').slice(1)) {
    const cells = line.split('\t');
    const name = cap(cells[column] ?? '');
    if (/^[A-Z][a-z]{3,}$/.test(name) && keep(cells) && unknown(name)) out.add(name);
  }
  return [...out].sort();
}

/** List names within two edits of `target` (any first letter), found through buckets by length and first or last two letters. */
class NearIndex {
  private readonly buckets = new Map<string, string[]>();
  constructor(names: string[]) {
    for (const n of names) {
      const f = n.toLowerCase();
      for (const k of [`${f.length}<${f.slice(0, 2)}`, `${f.length}>${f.slice(-2)}`]) {
        const list = this.buckets.get(k) ?? [];
        list.push(n);
        this.buckets.set(k, list);
      }
    }
  }
  near(target: string): string[] {
    const t = target.toLowerCase();
    const out = new Set<string>();
    for (let len = t.length - 2; len <= t.length + 2; len++) {
      for (const k of [`${len}<${t.slice(0, 2)}`, `${len}>${t.slice(-2)}`]) {
        for (const n of this.buckets.get(k) ?? []) {
          const d = editDistance(n.toLowerCase(), t);
          if (d >= 1 && d <= 2) out.add(n);
        }
      }
    }
    return [...out].sort();
  }
}

interface Article {
  text: string;
  /** What the pair is near, for the failure message. */
  near: string;
}

const ROLES = ['teacher', 'nurse', 'farmer', 'lawyer', 'engineer', 'shop owner', 'student', 'pensioner'];
const DAYS = ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday'];

/** A few news sentences about `given surname` that also name `famous` (a person or a place) in full. */
function article(r: () => number, given: string, surname: string, famous: string, place: string): string {
  const pick = <T>(xs: T[]) => xs[Math.floor(r() * xs.length)];
  return [
    `${given} ${surname}, a ${pick(ROLES)} from ${place}, said on ${pick(DAYS)} that the plan would go ahead.`,
    `${surname} had written to ${famous} last year, and the reply came in March.`,
    `“We will see what happens next,” ${surname} added. ${given} ${surname} left before the vote.`,
  ].join('\n\n');
}

if (!present) {
  skip('unknown real names', '../shared/data/names-lists absent');
} else {
  const rules = builtinRules().filter((x) => x.enabled);
  const env = makeEnv(BUILTIN_RULES_DIR);
  const g = gazetteerOf(rules.find((x) => x.id === 'names/misspelled-name')!, env)();
  const unknown = (name: string) => !knows(g, fold(name)) && !isEnglishWord(name.toLowerCase());
  const given = readList('ssa-given-names.tsv', 0, (c) => Number(c[2]) >= MIN_BIRTHS, unknown);
  const surnames = readList('census1990-surnames.tsv', 0, () => true, unknown);
  const entities: Entity[] = g.indexes.flatMap((ix) => Array.from({ length: ix.size }, (_, i) => ix.entity(i)));
  const nameWord = (w: string | undefined): w is string => w !== undefined && /^\p{Lu}\p{Ll}{3,}$/u.test(w);
  const people = entities.filter((e) => e.type === 'person' && e.tokens.length >= 2 && nameWord(e.tokens[0]) && nameWord(e.tokens.at(-1)));
  const places = entities.filter((e) => e.type === 'place' && e.tokens.every(nameWord));
  const r = rng(14);
  const shuffled = <T>(xs: T[]) => xs.map((x) => [r(), x] as const).sort((a, b) => a[0] - b[0]).map((x) => x[1]);
  const pick = <T>(xs: T[]) => xs[Math.floor(r() * xs.length)];
  const nearGiven = new NearIndex(given);
  const nearSurname = new NearIndex(surnames);
  const articles: Article[] = [];
  let near = 0;

  // A person's given name with a real surname one or two letters from the person's surname (Donald
  // Trumbo beside Donald Trump), and a real given name near the person's given name before the
  // person's surname (Doris Johnson beside Boris Johnson).
  for (const p of shuffled(people)) {
    if (near >= 300) break;
    const [first, last] = [p.tokens[0], p.tokens.at(-1)!];
    const s = nearSurname.near(last);
    const gn = nearGiven.near(first);
    const place = pick(places).tokens.join(' ');
    if (s.length > 0) {
      articles.push({ text: article(r, first, pick(s), p.tokens.join(' '), place), near: p.name });
      near++;
    }
    if (gn.length > 0) {
      articles.push({ text: article(r, pick(gn), last, p.tokens.join(' '), place), near: p.name });
      near++;
    }
  }
  // A real name one or two letters from a place named in the same article.
  let nearPlaces = 0;
  for (const pl of shuffled(places)) {
    if (nearPlaces >= 100) break;
    const word = pl.tokens.at(-1)!;
    const candidates = [...nearSurname.near(word), ...nearGiven.near(word)];
    if (candidates.length === 0) continue;
    const name = pick(candidates);
    const text = surnames.includes(name) ? article(r, pick(given), name, pl.tokens.join(' '), pl.tokens.join(' ')) : article(r, name, pick(surnames), pl.tokens.join(' '), pl.tokens.join(' '));
    articles.push({ text, near: pl.name });
    nearPlaces++;
  }
  // And pairs drawn at random, beside a random famous person.
  while (articles.length < 600) {
    const p = pick(people);
    articles.push({ text: article(r, pick(given), pick(surnames), p.tokens.join(' '), pick(places).tokens.join(' ')), near: '' });
  }

  /** Every safe fix of a names rule in the articles, with what the pair was near. */
  const fixes = (rs: readonly Rule[]) =>
    articles.flatMap((a) =>
      lintText(a.text, rs)
        .filter((f) => f.ruleId.startsWith('names/') && f.fix)
        .map((f) => `${f.text} → ${f.fix!.text} (near ${a.near || 'nothing'}): ${a.text.split('\n')[0]}`),
    );

  test('at least 500 real given-name + surname pairs, 300 of them one or two letters from a gazetteer person and 100 from a place', () => {
    assert.ok(articles.length >= 500, `${articles.length} articles`);
    assert.ok(near >= 300, `${near} near a person`);
    assert.ok(nearPlaces >= 100, `${nearPlaces} near a place`);
  });

  test('no safe fix on a real name the gazetteer does not know', () => {
    const found = fixes(rules);
    assert.is(found.length, 0, `${found.length} safe fixes:\n${found.slice(0, 20).join('\n')}`);
  });

  test('with the real-names list switched off, the same articles get safe fixes (the test above can fail)', () => {
    const off = rules.map((x) => (x.kind === 'name' && x.options.mode !== 'wrong' ? compileRule({ ...x, options: { ...x.options, real_names: 'none' } }, env) : x));
    const n = fixes(off).length;
    assert.ok(n >= 20, `${n} safe fixes without the list`);
  });
}

test.run();
