// Source-aware checks: with the original beside the translation (a bilingual file, or the
// original given with --source), what a monolingual linter cannot see — a number changed, a name
// dropped or mangled on its way from Cyrillic, a paragraph left untranslated, a sentence left out.
// One rule per `check` (and `report`); on a text without an original the rules say nothing.
//
//   numbers       source  …выявлены 15,5 миллиона случаев…   target  …155 million cases…
//                                                                      ^^^^^^^^^^^ (15.5 million)
//   names         source  Лавров заявил…                       target  Lavor said…
//                                                                      ^^^^^ (Lavrov)
//   untranslated  source  Die Regierung hat beschlossen…       target  Die Regierung hat beschlossen…
//                                                                      ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^
//   length        a translation far shorter (or longer) than its source predicts, per language
//   sentences     a source sentence with no counterpart in its paragraph's translation
//   paragraphs    a source paragraph (or unit) with no translation, or the reverse
//   codes         a URL, e-mail address, @handle or #hashtag on one side only
//
// The source's language is the one the input declares, else a guess from its text; each check
// says which languages it reads (`languages`, default all it can).

import { dirname, join, resolve } from 'node:path';
import { RealNames } from '../names/real-names.js';
import { compileRomanisation, type RomanisationTable } from '../source/romanise.js';
import { codeMatches, type CodeReport } from '../source/check-codes.js';
import { lengthMatches, paragraphMatches, sentenceMatches, untranslatedMatches, type Thresholds } from '../source/check-coverage.js';
import { nameMatches, type NameReport } from '../source/check-names.js';
import { numberMatches, type NumberReport } from '../source/check-numbers.js';
import { loadNameFacts } from '../source/names.js';
import { compileSourceFacts, sourcePairs, type SourceFacts, type SourcePairs } from '../source/pairs.js';
import type { TextDocument } from '../text/document.js';
import type { Match, RuleSpec } from '../types.js';
import { Options, type Kind, type KindEnv } from './kind.js';

const CHECKS = ['numbers', 'names', 'untranslated', 'length', 'sentences', 'paragraphs', 'codes'] as const;
type Check = (typeof CHECKS)[number];

/** What each check may report, the first being its default. */
const REPORTS: Record<Check, readonly string[]> = {
  numbers: ['changed', 'missing', 'added', 'separator'],
  names: ['misspelled', 'missing'],
  untranslated: ['paragraph'],
  length: ['short', 'long'],
  sentences: ['missing'],
  paragraphs: ['missing', 'extra'],
  codes: ['missing', 'added', 'quote'],
};

/** The kind's own options and the checks they belong to. */
const CHECK_OPTIONS: Record<string, readonly Check[]> = {
  report: CHECKS,
  languages: CHECKS,
  places: ['names'],
  gazetteer: ['names'],
  threshold: ['length', 'sentences'],
  min_ratio: ['length', 'sentences'],
  min_length: ['length', 'sentences', 'untranslated'],
};

/** Facts per rules folder (the lists a kind's env reads), compiled once. */
const factsByEnv = new WeakMap<KindEnv, SourceFacts>();
const tablesByEnv = new WeakMap<KindEnv, Map<string, RomanisationTable>>();

export const source: Kind = {
  name: 'source',
  options: ['check', ...Object.keys(CHECK_OPTIONS)],
  // A URL or handle on one side only is the finding itself.
  coversProtected: true,
  compile(spec: RuleSpec, env: KindEnv) {
    const opts = new Options(spec);
    const check = opts.oneOf('check', CHECKS);
    for (const key of Object.keys(spec.options)) {
      if (key !== 'check' && !CHECK_OPTIONS[key]?.includes(check)) opts.fail(key, `not an option of check ${check}`);
    }
    const report = opts.oneOf('report', REPORTS[check] as string[], REPORTS[check][0]);
    const languages = opts.stringList('languages', []).map((l) => l.toLowerCase());
    const facts = () => {
      let f = factsByEnv.get(env);
      if (!f) factsByEnv.set(env, (f = compileSourceFacts((name) => env.list(name))));
      return f;
    };
    const t: Thresholds = {
      threshold: opts.number('threshold', check === 'sentences' ? 6.5 : 4),
      minRatio: opts.number('min_ratio', check === 'length' ? 0.5 : 0.6),
      minLength: opts.number('min_length', check === 'untranslated' ? 20 : 40),
    };
    const run = inner(check, report, spec, opts, env, t);
    return (doc) => {
      const sp = sourcePairs(doc, facts());
      if (!sp || (languages.length > 0 && !languages.includes(sp.lang))) return [];
      return run(doc, sp, facts());
    };
  },
};

type Runner = (doc: TextDocument, sp: SourcePairs, facts: SourceFacts) => Match[];

function inner(check: Check, report: string, spec: RuleSpec, opts: Options, env: KindEnv, t: Thresholds): Runner {
  switch (check) {
    case 'numbers':
      return (doc, sp, facts) => numberMatches(doc, sp, facts, report as NumberReport);
    case 'names': {
      const dir = dirname(spec.file);
      const places = resolve(dir, opts.string('places', 'places.tsv'));
      const gazetteer = resolve(dir, opts.string('gazetteer', '../names/gazetteer.tsv'));
      const tables = () => {
        let m = tablesByEnv.get(env);
        if (!m) tablesByEnv.set(env, (m = compileRomanisation(env.list('romanisation'))));
        return m;
      };
      const real = new RealNames(join(dirname(gazetteer), 'real-names.txt'));
      const realName = (folded: string) => real.has(folded, false);
      return (doc, sp) => nameMatches(doc, sp, { facts: loadNameFacts(places, gazetteer), tables: tables(), isEnglishWord: env.isEnglishWord, realName }, report as NameReport);
    }
    case 'untranslated':
      return (doc, sp) => untranslatedMatches(doc, sp, t, env.isEnglishWord);
    case 'length':
      return (doc, sp) => lengthMatches(doc, sp, t, report as 'short' | 'long');
    case 'sentences':
      return (doc, sp, facts) => sentenceMatches(doc, sp, t, facts);
    case 'paragraphs':
      return (doc, sp) => paragraphMatches(doc, sp, report as 'missing' | 'extra');
    case 'codes':
      return (doc, sp) => codeMatches(doc, sp, report as CodeReport);
  }
}
