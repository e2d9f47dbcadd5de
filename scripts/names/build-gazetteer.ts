// Builds rules/names/gazetteer.tsv, the name list the `name` kind reads, from the shared gazetteer
// data (read in place, never copied) plus the hand-kept scripts/names/curated.tsv.
//
// Usage: npm run build && tsc -p tsconfig.test.json && node .test-build/scripts/names/build-gazetteer.js
//        [--data ../shared/data/gazetteer] [--out rules/names/gazetteer.tsv] [--index-only]
//
// Next to each TSV it writes `<name>.index`, the compiled form the kind loads (tokens split
// and folded ahead of time); --index-only recompiles those from the TSVs after a hand edit.
//
// Output: one entity per line, tab-separated: type (person | place | term), preferred name,
// accepted forms, wrong forms, other forms ("|"-separated), id (Wikidata QID, geonames:ID, cca2:XX
// or curated:slug). Accepted forms are English spellings that are not flagged; wrong forms are
// flagged with the preferred name as the fix; other forms (names in other languages, official
// long names, demonyms, loosely aligned variants) are known, so never flagged, and never proposed.

import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { compileGazetteer, indexPath } from '../../src/names/compiled-index.js';

type EntityType = 'person' | 'place' | 'term';

interface Entity {
  type: EntityType;
  name: string;
  accepted: Set<string>;
  wrong: Set<string>;
  other: Set<string>;
  id: string;
  /** Sort key for places sharing a name: the most populous wins a curated merge. */
  population: number;
  /** Known only from the legislators' lists. */
  minor: boolean;
}

const arg = (flag: string, fallback: string): string => {
  const i = process.argv.indexOf(flag);
  return i > 0 ? process.argv[i + 1] : fallback;
};
const DATA = arg('--data', join(process.cwd(), '..', 'shared', 'data', 'gazetteer'));
const OUT = arg('--out', join(process.cwd(), 'rules', 'names', 'gazetteer.tsv'));
const CURATED = join(process.cwd(), 'scripts', 'names', 'curated.tsv');

if (process.argv.includes('--index-only')) {
  writeIndexes();
  process.exit(0);
}
if (!existsSync(DATA)) {
  process.stderr.write(`build-gazetteer: ${DATA} not found (pass --data DIR)\n`);
  process.exit(2);
}

const require = createRequire(import.meta.url);
const jaroWinkler = require('natural/lib/natural/distance/jaro-winkler_distance.js') as (a: string, b: string) => number;

// --- reading -------------------------------------------------------------------------------

/** Rows of a CSV file with a header (RFC 4180 quoting). */
function readCsv(path: string): Record<string, string>[] {
  const text = readFileSync(path, 'utf8');
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        cell += '"';
        i++;
      } else if (c === '"') quoted = false;
      else cell += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') {
      row.push(cell);
      cell = '';
    } else if (c === '\n' || c === '\r') {
      if (c === '\r' && text[i + 1] === '\n') i++;
      row.push(cell);
      rows.push(row);
      row = [];
      cell = '';
    } else cell += c;
  }
  if (cell !== '' || row.length > 0) rows.push([...row, cell]);
  return toRecords(rows);
}

function readTsv(path: string): Record<string, string>[] {
  const lines = readFileSync(path, 'utf8').split(/\r?\n/).filter((l) => l.trim() !== '');
  return toRecords(lines.map((l) => l.split('\t')));
}

function toRecords(rows: string[][]): Record<string, string>[] {
  const [header, ...body] = rows;
  return body.filter((r) => r.some((c) => c !== '')).map((r) => Object.fromEntries(header.map((h, i) => [h, r[i] ?? ''])));
}

// --- names ---------------------------------------------------------------------------------

const HONORIFICS = /^(?:(?:Shri|Smt|Dr|Mr|Mrs|Ms|Prof|Sir|Dame|Hojjatoleslam|val-Moslemin|Archbishop|Cardinal|Pope|Prince|Princess|Sheikh|Sheikha|King|Queen|Emir)\.?\s+)+/;

/** A usable English-script form: Latin letters, starts with a capital, no digits or ids. */
function usable(name: string): boolean {
  return (
    /^\p{Lu}/u.test(name) &&
    /^[\p{Script=Latin}\p{M} .'’-]+$/u.test(name) &&
    !/^Q\d+$/.test(name) &&
    // Surname-first ALL-CAPS forms (KISHIDA Fumio) and codes.
    !name.split(/\s+/).some((t) => t.length > 1 && t === t.toUpperCase())
  );
}

function clean(name: string): string {
  return name
    .replace(/\s*\([^)]*\)\s*/g, ' ')
    .replace(HONORIFICS, '')
    .replace(/\s+/g, ' ')
    .trim();
}

function fold(s: string): string {
  return s.normalize('NFD').replace(/\p{M}/gu, '').replace(/’/g, "'").toLowerCase();
}

const tokens = (name: string) => name.split(/[\s]+/).filter(Boolean);

// --- the entity table ----------------------------------------------------------------------

const byId = new Map<string, Entity>();

function entity(type: EntityType, id: string, name: string, population = 0): Entity {
  let e = byId.get(id);
  if (!e) {
    e = { type, name, accepted: new Set(), wrong: new Set(), other: new Set(), id, population, minor: false };
    byId.set(id, e);
  } else {
    addVariant(e, name);
  }
  return e;
}

/**
 * Another spelling of a person: accepted when it lines up token by token with the preferred name
 * (same number of words, similar surname), otherwise only known.
 */
function addVariant(e: Entity, raw: string): void {
  const name = clean(raw);
  if (!usable(name) || name === e.name) return;
  const a = tokens(name);
  const b = tokens(e.name);
  const aligned =
    fold(name) === fold(e.name) ||
    (a.length === b.length && jaroWinkler(fold(a[a.length - 1]), fold(b[b.length - 1])) >= 0.8 && jaroWinkler(fold(a[0]), fold(b[0])) >= 0.6);
  (aligned ? e.accepted : e.other).add(name);
}

/** QIDs of Ukrainian and Russian office holders and legislators: their foreign spellings are known. */
const slavicIds = new Set<string>();
const slavic = (file: string) => /^(?:ukraine|russia)_/.test(file);

/** A patronymic (Nikolaevich, Volodymyrivna): news copy leaves it out. */
const PATRONYMIC = /(?:ovich|evich|ovych|evych|yich|ich|ovna|evna|ivna|yivna|ichna|ychna|ovitsj|ovitch)$/;

function addPerson(id: string, raw: string, slavicPerson = false): void {
  let name = clean(raw);
  if (!/^Q\d+$/.test(id) || !usable(name)) return;
  const t = tokens(name);
  let full: string | undefined;
  if (t.length === 3 && PATRONYMIC.test(t[1])) {
    full = name;
    name = `${t[0]} ${t[2]}`;
  }
  const e = entity('person', id, name);
  if (full) e.other.add(full);
  if (slavicPerson) slavicIds.add(id);
}

/**
 * A Ukrainian or Russian name spelled the way another language transliterates it: letters English
 * transliteration never uses (š, ł, ü …; w, x, q) or letter groups of German, Polish, Dutch or
 * Scandinavian spelling (sch, sz, cz, sj, tj, a consonant j).
 */
function foreignSpelling(name: string): boolean {
  return /[^\x00-\x7f’]|[wxq]|sch|sz|cz|sj|tj|dj|j[aeiouy]|[aeiou]j(?:\b|[^aeiouy])/i.test(name);
}

/**
 * A foreign spelling of a person: the whole name when it has as many words as the preferred one,
 * and its surname alone when that differs from every accepted surname.
 */
function addWrongPerson(e: Entity, raw: string): void {
  const a = tokens(raw);
  const b = tokens(e.name);
  if (a.length !== b.length) {
    e.other.add(raw);
    return;
  }
  e.wrong.add(raw);
  const surname = a[a.length - 1];
  const accepted = new Set([e.name, ...e.accepted].map((n) => fold(tokens(n)[tokens(n).length - 1])));
  if (surname.length >= 6 && foreignSpelling(surname) && !accepted.has(fold(surname)) && jaroWinkler(fold(surname), fold(b[b.length - 1])) >= 0.75) wrongSurnames.push([e, surname]);
}
const wrongSurnames: [Entity, string][] = [];

const L = (f: string) => join(DATA, 'leaders', f);

// Heads of state and government (current rows only), foreign ministers, 2022 cabinets,
// Ukrainian and Russian cabinets and office holders since 2000.
for (const r of readCsv(L('heads_of_state_and_government_wikidata.csv'))) {
  if (r.end_year === '') addPerson(r.officeholder, r.officeholderLabel);
}
for (const r of readCsv(L('heads_of_state_and_government_enwiki.csv'))) {
  if (r.end_year === '' && byId.has(r.officeholder)) addVariant(byId.get(r.officeholder)!, r.officeholderlabel);
}
for (const r of readCsv(L('foreign_ministers_wikidata.csv'))) addPerson(r.person, r.name);
for (const r of readCsv(L('foreign_ministers_enwiki_list.csv'))) {
  const e = byId.get(r.person);
  if (e) addVariant(e, r.name);
  else addPerson(r.person, r.name);
}
for (const r of readTsv(L('cabinets_current_2022.tsv'))) addPerson(r.wikidata_id, r.person);
for (const f of ['ukraine_cabinet_current.csv', 'russia_cabinet_current.csv', 'ukraine_officeholders_21st_century.csv', 'russia_officeholders_21st_century.csv']) {
  for (const r of readCsv(L(f))) addPerson(r.personID, r.person, slavic(f));
}
// Members of the Verkhovna Rada, the State Duma and the Federation Council (regional assemblies
// are left out). Wikidata's English label is sometimes another language's (Łeonid Kozaczenko,
// Vitaly Milonow): such labels are skipped.
for (const f of ['ukraine_legislators.csv', 'russia_legislators.csv']) {
  for (const r of readCsv(L(f))) {
    if (!/^(?:People's Deputy of Ukraine|member of the State Duma|member of the Federation Council of Russia)$/.test(r.position)) continue;
    if (foreignSpelling(r.person)) continue;
    const known = byId.has(r.personID);
    addPerson(r.personID, r.person, true);
    if (!known && byId.has(r.personID)) byId.get(r.personID)!.minor = true;
  }
}
// Spellings on the governments' own English sites.
for (const r of readTsv(join(DATA, 'variants', 'official_site_vs_wikidata_name_pairs.tsv'))) {
  const e = byId.get(r.wikidata_id);
  if (e && r.differs === '1') addVariant(e, r.name_as_on_source_site);
}

// Every Latin-script spelling of members of the 8th Rada (Wikidata labels in all languages):
// English-style spellings that line up with the preferred name are accepted, spellings with
// another language's letters or letter groups (Tymošenko, Tymoschenko, Turczynow) are wrong in
// English copy, the rest are known. A cluster is linked to a person by a spelling that names
// exactly one Ukrainian person in the table.
{
  const byName = new Map<string, Set<string>>();
  for (const e of byId.values()) {
    if (e.type !== 'person' || !slavicIds.has(e.id)) continue;
    for (const n of [e.name, ...e.accepted, ...e.other]) {
      const k = fold(n);
      if (!byName.has(k)) byName.set(k, new Set());
      byName.get(k)!.add(e.id);
    }
  }
  for (const r of readTsv(join(DATA, 'variants', 'everypolitician_ukraine_rada_variant_clusters.tsv'))) {
    const variants = r.latin_variants.split('|').map(clean).filter(usable);
    const ids = new Set(variants.flatMap((v) => [...(byName.get(fold(v)) ?? [])]));
    if (ids.size !== 1) continue;
    const e = byId.get([...ids][0])!;
    for (const v of variants) {
      if (v === e.name) continue;
      if (foreignSpelling(v)) addWrongPerson(e, v);
      else addVariant(e, v);
    }
  }
}

// Countries: GeoNames' English short name. (Official names, other spellings and demonyms go to
// rules/names/countries.tsv, built below from mledoze/countries under its own licence.)
const capitals = new Set<string>();
for (const line of readFileSync(join(DATA, 'geonames', 'countryInfo.tsv'), 'utf8').split(/\r?\n/)) {
  const cells = line.split('\t');
  if (line.startsWith('#') || cells.length < 17 || !usable(cells[4])) continue;
  entity('place', `cca2:${cells[0]}`, cells[4]);
  if (cells[5]) capitals.add(`${cells[0]}\u0000${cells[5]}`);
}

// Cities of at least 100,000 people, capitals, and the smaller cities of Ukraine, Russia and
// Belarus that the war news names. GeoNames alternates are known forms only (many are other
// languages' exonyms); for cities of a million, alternates with another language's letters
// (Kijów, Charków, Moscú, München) that name nothing else are wrong in English copy.
const CITY = (cc: string, pop: number, code: string, name: string) =>
  pop >= 100_000 || code === 'PPLC' || capitals.has(`${cc}\u0000${name}`) || (cc === 'UA' && pop >= 15_000) || (cc === 'BY' && pop >= 50_000);
const exonymCandidates: [Entity, string][] = [];
for (const r of readTsv(join(DATA, 'geonames', 'cities15000_latin_variants.tsv'))) {
  const pop = Number(r.population);
  if (!CITY(r.country_code, pop, r.feature_code, r.name) || !usable(r.name)) continue;
  const e = entity('place', `geonames:${r.geonameid}`, r.name, pop);
  if (r.asciiname !== r.name && usable(r.asciiname)) e.accepted.add(r.asciiname);
  for (const v of r.latin_alternate_names.split('|')) {
    if (v.length > 2 && v.length <= 40 && usable(v) && v !== e.name) {
      e.other.add(v);
      if (pop >= 1_000_000 && /^\p{Script=Latin}+$/u.test(v) && v.length >= 5 && /[^\x00-\x7f]/.test(v) && !/[^\x00-\x7f]/.test(e.name)) exonymCandidates.push([e, v]);
    }
  }
}

// --- curated rows --------------------------------------------------------------------------

const slug = (s: string) => fold(s).replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '');

function findEntity(type: EntityType, id: string, forms: string[]): Entity | undefined {
  if (id && byId.has(id)) return byId.get(id);
  const wanted = new Set(forms.map(fold));
  let best: Entity | undefined;
  for (const e of byId.values()) {
    if (e.type !== type || !(wanted.has(fold(e.name)) || [...e.accepted].some((a) => wanted.has(fold(a))))) continue;
    if (!best || e.population > best.population) best = e;
  }
  return best;
}

const split = (cell: string | undefined) => (cell ?? '').split('|').map((s) => s.trim()).filter(Boolean);

readFileSync(CURATED, 'utf8')
  .split(/\r?\n/)
  .forEach((line, i) => {
    if (line.trim() === '' || line.startsWith('#')) return;
    const [type, name, accepted, wrong, other, id] = line.split('\t');
    if (type !== 'person' && type !== 'place' && type !== 'term') throw new Error(`${CURATED}:${i + 1}: unknown type ${type}`);
    const acc = split(accepted);
    const found = findEntity(type, id ?? '', [name, ...acc]);
    const e = found ?? entity(type, id || `curated:${type}:${slug(name)}`, name);
    if (found && e.name !== name) {
      e.accepted.add(e.name);
      e.name = name;
    }
    e.minor = false;
    for (const a of acc) e.accepted.add(a);
    for (const w of split(wrong)) e.wrong.add(w);
    for (const o of split(other)) e.other.add(o);
  });

// --- foreign forms that are wrong in English copy ------------------------------------------

// A candidate is kept only when it names nothing else the table knows, is not an English word,
// and is more than the preferred name with accents (Zürich is not wrong for Zurich).
{
  const english = new Set(require('an-array-of-english-words') as string[]);
  const owners = new Map<string, Set<string>>();
  for (const e of byId.values()) {
    for (const n of [e.name, ...e.accepted, ...e.other]) {
      for (const t of tokens(n)) {
        const k = fold(t);
        if (!owners.has(k)) owners.set(k, new Set());
        owners.get(k)!.add(e.name);
      }
    }
  }
  const ok = (e: Entity, w: string) => {
    const k = fold(w);
    const own = owners.get(k);
    const preferred = [e.name, ...e.accepted].flatMap(tokens).map(fold);
    return !english.has(k) && !english.has(w.toLowerCase()) && !preferred.includes(k) && (!own || [...own].every((n) => n === e.name));
  };
  for (const [e, w] of exonymCandidates) if (ok(e, w)) e.wrong.add(w);
  for (const [e, w] of wrongSurnames) if (ok(e, w)) e.wrong.add(w);
}

// --- output --------------------------------------------------------------------------------

const ORDER: EntityType[] = ['person', 'place', 'term'];
const rows = [...byId.values()].sort(
  (a, b) => ORDER.indexOf(a.type) - ORDER.indexOf(b.type) || (a.name < b.name ? -1 : a.name > b.name ? 1 : a.id < b.id ? -1 : 1),
);
const lines = rows.map((e) => {
  for (const w of e.wrong) {
    e.accepted.delete(w);
    e.other.delete(w);
  }
  e.accepted.delete(e.name);
  for (const a of e.accepted) e.other.delete(a);
  e.other.delete(e.name);
  const list = (s: Set<string>) => [...s].sort().join('|');
  if (e.type === 'term') return `term\t${e.name}`;
  return [e.type, e.name, list(e.accepted), list(e.wrong), list(e.other), e.id, ...(e.minor ? ['minor'] : [])].join('\t');
});
const header = [
  '# mtlint names gazetteer, built by scripts/names/build-gazetteer.ts; edit scripts/names/curated.tsv, not this file.',
  '# People: Wikidata (CC0) via the EveryPolitician scrapers (every-politician-scrapers/world-leaders-2021,',
  '#   /world, and the cabinet repositories of 14 countries, 2022) and everypolitician/everypolitician-data',
  '#   (8th Verkhovna Rada name variants, from Wikidata labels); spellings as printed on kmu.gov.ua/en and',
  '#   government.ru/en; English Wikipedia lists of current leaders and foreign ministers (CC BY-SA 4.0)',
  '#   consulted for alternative spellings of the same people. Places: GeoNames (CC BY 4.0, credit "GeoNames, geonames.org"): countryInfo and',
  '#   cities15000 (cities of 100,000+, capitals, Ukrainian cities of 15,000+). Spellings used by',
  '#   English-language news added by hand (scripts/names/curated.tsv). This file: CC BY 4.0, same credits.',
  '# flags: `minor` marks people known only as one of thousands of legislators (fuzzy matches must be one edit away).',
  '# type\tname\taccepted\twrong\tother\tid\tflags',
];
writeFileSync(OUT, [...header, ...lines, ''].join('\n'));
const count = (t: EntityType) => rows.filter((e) => e.type === t).length;
const withWrong = (t: EntityType) => rows.filter((e) => e.type === t && e.wrong.size > 0).length;
process.stdout.write(`${OUT}: ${count('person')} people (${withWrong('person')} with wrong forms), ${count('place')} places (${withWrong('place')} with wrong forms), ${count('term')} terms\n`);

// --- countries.tsv: official names, other spellings and demonyms (mledoze/countries, ODbL) ------

// NOTE: kept in a file of its own because the ODbL asks a derived database to stay under the ODbL;
// the rest of the gazetteer is CC BY 4.0 / CC0.
{
  const file = join(DATA, 'countries', 'countries_names.tsv');
  const out = join(OUT, '..', 'countries.tsv');
  const terms = new Set<string>();
  for (const r of readTsv(file)) {
    for (const n of [r.official_name, ...r.alt_spellings.split('|'), r.demonym_eng_m, r.demonym_eng_f]) {
      const v = clean(n ?? '');
      if (v.length > 3 && usable(v)) terms.add(v);
    }
  }
  const countryHeader = [
    '# Country names for mtlint: official names, other spellings and English demonyms, known to the name kind',
    '# (never flagged, never proposed). Built by scripts/names/build-gazetteer.ts from mledoze/countries',
    '# (github.com/mledoze/countries @ 5e9f370050f83ad2ba4cb885f75d66114badf72c, dist/countries.json).',
    '# This file is a derived database made available under the Open Database License (ODbL) v1.0:',
    '# https://opendatacommons.org/licenses/odbl/1-0/ — credit "mledoze/countries, ODbL".',
    '# type\tname',
  ];
  writeFileSync(out, [...countryHeader, ...[...terms].sort().map((t) => `term\t${t}`), ''].join('\n'));
  process.stdout.write(`${out}: ${terms.size} terms\n`);
}

writeIndexes();

/** Compiles gazetteer.tsv and countries.tsv into the indexes the name kind loads. */
function writeIndexes(): void {
  for (const tsv of [OUT, join(OUT, '..', 'countries.tsv')]) {
    writeFileSync(indexPath(tsv), compileGazetteer(readFileSync(tsv, 'utf8'), tsv));
    process.stdout.write(`${indexPath(tsv)} written\n`);
  }
}
