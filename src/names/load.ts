// Which gazetteer a rule reads (its files and inline entries) and loading it once per process.

import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { Options, type KindEnv } from '../kinds/kind.js';
import { tokenize } from '../text/tokens.js';
import type { RuleSpec } from '../types.js';
import { readIndex } from './compiled-index.js';
import { fold } from './fold.js';
import { RealNames } from './real-names.js';
import { addEntity, emptyGazetteer, parseGazetteer, push, type Gazetteer } from './gazetteer.js';

interface InlineEntry {
  type: 'person' | 'place';
  name: string;
  accepted: string[];
  wrong: string[];
}

interface Source {
  files: string[];
  inline: InlineEntry[];
  /** The list of real given names and surnames (option `real_names`), if any. */
  realNames: string | undefined;
  /** Towns' names, one a line before a tab (option `towns`), if any: a town is never another name misspelt. */
  towns: string | undefined;
  key: string;
}

export function gazetteerSource(spec: RuleSpec, opts: Options): Source {
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
  // The real names: the rule's `real_names` file (or `none`), else `real-names.txt` beside the first gazetteer file.
  let realNames: string | undefined;
  if (opts.has('real_names')) {
    const names = opts.string('real_names');
    realNames = names === 'none' ? undefined : resolve(dirname(spec.file), names);
    if (realNames && !existsSync(realNames)) opts.fail('real_names', `file not found: ${realNames}`);
  } else if (files.length > 0 && existsSync(join(dirname(files[0]), 'real-names.txt'))) realNames = join(dirname(files[0]), 'real-names.txt');
  // Towns: the rule's `towns` file, if it names one.
  const towns = opts.has('towns') ? resolve(dirname(spec.file), opts.string('towns')) : undefined;
  if (towns && !existsSync(towns)) opts.fail('towns', `file not found: ${towns}`);
  return { files, inline, realNames, towns, key: `${files.join('\u0001')}\u0000${JSON.stringify(inline)}\u0000${realNames ?? ''}\u0000${towns ?? ''}` };
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

/** The gazetteer of the given files (compiled indexes where fresh) and inline entries, built once per process. */
export function loadGazetteer(source: Source, env: KindEnv): Gazetteer {
  let g = gazetteers.get(source.key);
  if (g) return g;
  g = emptyGazetteer(source.key);
  if (source.realNames) g.realNames = new RealNames(source.realNames);
  // (The towns, ~60 ms to read and fold, only when a word first comes to be judged: most texts never need them.)
  if (source.towns) {
    const file = source.towns;
    let towns: Set<string> | undefined;
    g.isTown = (word) => (towns ??= new Set(readFileSync(file, 'utf8').split('\n').filter((l) => l && !l.startsWith('#')).map((l) => fold(l.slice(0, l.includes('\t') ? l.indexOf('\t') : undefined))))).has(word);
  }
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

function readGazetteerFile(g: Gazetteer, file: string): void {
  parseGazetteer(g, readFileSync(file, 'utf8'), file);
}
