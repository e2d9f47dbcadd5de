// Measures the source-aware rules (rules/source/) for docs/quality.md, on the held-out half of the
// documents (the other half calibrates the length model, scripts/source/calibrate.ts):
//  - false alarms per 10,000 words on professional references against their sources (WMT21 ru, cs,
//    de, ja, zh → en; WMT20 zh → en human translations A and B);
//  - recall on errors injected into those references, one per copy of a document: a number
//    changed, a name removed or misspelled (ru, cs, de), a sentence dropped, a paragraph left in
//    the source language;
//  - precision against the MQM error spans of the WMT20 zh → en MT output.
// Findings judged real errors of the references (scripts/source/judged.tsv) are listed and not
// counted as false alarms.
// Usage (alone): npm run build && tsc -p tsconfig.test.json && node .test-build/scripts/source/eval.js [--data ../shared/data] [--dump FILE]
//   [--half calibrate] (measure the calibration half, to tune on) [--only name,sentence] (those injections only, no MQM)
// From scripts/eval.ts: evalSource(DATA) returns the section's lines.

import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { lintText } from '../../src/engine/lint.js';
import { isEnglishWord, loadRules, type Rule } from '../../src/engine/load.js';
import { attachBilingual } from '../../src/source/context.js';
import type { Finding } from '../../src/types.js';
import { countWords } from '../tsv.js';
import { mqmSystems, newstest2020, referenceSets, render, type BiDoc, type BiSet } from './data.js';

interface Judged {
  /** set name, document id, rule, flagged text. */
  key: string;
  verdict: string;
}

function judgedFindings(): Map<string, string> {
  const file = fileURLToPath(new URL('../../../scripts/source/judged.tsv', import.meta.url));
  const out = new Map<string, string>();
  if (!existsSync(file)) return out;
  for (const line of readFileSync(file, 'utf8').split('\n')) {
    if (line.startsWith('#') || line.trim() === '') continue;
    const [doc, rule, text, verdict] = line.split('\t');
    out.set(`${doc}\u0000${rule}\u0000${text}`, verdict);
  }
  return out;
}

export function lintDoc(doc: BiDoc, rules: Rule[], mutate?: (d: BiDoc) => BiDoc): { text: string; findings: Finding[]; units: { start: number; end: number }[] } {
  const d = mutate ? mutate(doc) : doc;
  const { text, units } = render(d);
  const findings = lintText(text, rules, undefined, attachBilingual({ sourceLang: d.lang, segments: units }));
  return { text, findings, units };
}

const sum = (xs: number[]) => xs.reduce((a, b) => a + b, 0);
const per10k = (n: number, words: number) => (words === 0 ? '–' : ((n / words) * 10000).toFixed(2));
const pct = (n: number, d: number) => (d === 0 ? '–' : (n / d).toFixed(2));

// ---- injections -------------------------------------------------------------------------------

/** A deterministic generator, so that the injected errors are the same on every run. */
export function random(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s * 1664525 + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

export interface Injection {
  kind: 'number' | 'name removed' | 'name misspelled' | 'sentence dropped' | 'untranslated';
  /** The paragraph changed, and the span of the change in its rendered text (for misspellings and numbers). */
  paragraph: number;
  doc: BiDoc;
  /** Rules whose finding on the paragraph counts as detection. */
  rules: string[];
  /** For a misspelling: the misspelled word, which the finding must cover. */
  word?: string;
  /** For a removal: what was removed (for the dump); for a misspelling, the word misspelled. */
  removed?: string;
}

const NUMBER_RULES = ['source/changed-number', 'source/missing-number', 'source/added-number'];
const NAME_LATIN = /(?<=[a-z,;:]\s)(\p{Lu}[\p{Ll}\p{M}'’-]{3,})(?:\s\p{Lu}[\p{Ll}\p{M}'’-]{2,})*/gu;
/** Words that are capitalised in English but name no person or place: months and days of the week. */
const CALENDAR = /^(?:January|February|March|April|May|June|July|August|September|October|November|December|Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)$/;
/** A match that is only the front of a hyphenated word ("Covid-" of Covid-19, "Baden-" of Baden-Württemberg): removing it leaves the rest. */
const fragment = (m: RegExpMatchArray, text: string) => /-$/.test(m[0]) || /^[-\p{L}\d]/u.test(text.slice(m.index! + m[0].length));

function withParagraph(doc: BiDoc, k: number, target: string[]): BiDoc {
  return { ...doc, paragraphs: doc.paragraphs.map((p, i) => (i === k ? { ...p, target } : p)) };
}

/** Injected copies of one document: at most one of each kind per paragraph chosen at random. */
export function injections(doc: BiDoc, rnd: () => number): Injection[] {
  const out: Injection[] = [];
  doc.paragraphs.forEach((p, k) => {
    const target = p.target.join(' ');
    const source = p.source.join(' ');
    // A number the source also writes in digits, one digit changed.
    const numbers = [...target.matchAll(/(?<![\d.,])\d+(?:[.,]\d+)?(?![\d])/g)].filter((m) => source.includes(m[0].replace(/,(\d{3})/, '$1')) || source.includes(m[0]));
    if (numbers.length > 0 && rnd() < 0.5) {
      const m = numbers[Math.floor(rnd() * numbers.length)];
      const digits = m[0];
      const at = digits.search(/\d(?=\D*$)/);
      const d = Number(digits[at]);
      const changed = digits.slice(0, at) + String((d + 1 + Math.floor(rnd() * 8)) % 10) + digits.slice(at + 1);
      const segs = p.target.map((s) => s.replace(new RegExp(`(?<![\\d.,])${digits.replace(/[.]/g, '\\.')}(?!\\d)`), changed));
      if (segs.join(' ') !== target) out.push({ kind: 'number', paragraph: k, doc: withParagraph(doc, k, segs), rules: NUMBER_RULES });
    }
    // A name the translation carries from the source: removed, or one letter changed.
    if (doc.lang === 'ru' || doc.lang === 'cs' || doc.lang === 'de') {
      // A name the paragraph's translation writes once, every word of it (removing one of two, or "Kirill
      // Panchenko" before "Panchenko", leaves it named).
      // (A person's or a place's name: not an adjective or a demonym, Russian, Estonian, Czechs; not a
      // month or a day; not the front of a hyphenated word.)
      const names = [...target.matchAll(NAME_LATIN)].filter(
        (m) =>
          !isEnglishWord(m[1].toLowerCase()) &&
          !/(?:ian|ese|ish|ans|ians|an)$/.test(m[1]) &&
          !CALENDAR.test(m[1]) &&
          !fragment(m, target) &&
          carried(m[1], source, doc.lang) &&
          m[0].split(/\s+/).every((w) => target.split(w.replace(/['’]s$/, '')).length === 2),
      );
      if (names.length > 0) {
        const m = names[Math.floor(rnd() * names.length)];
        const removed = p.target.map((s) => s.replace(m[0], '').replace(/\s{2,}/g, ' '));
        out.push({ kind: 'name removed', paragraph: k, doc: withParagraph(doc, k, removed), rules: ['source/missing-name'], removed: m[0] });
        const word = misspell(m[1], rnd);
        if (word && !isEnglishWord(word.toLowerCase())) {
          const segs = p.target.map((s) => s.replace(m[1], word));
          out.push({ kind: 'name misspelled', paragraph: k, doc: withParagraph(doc, k, segs), rules: ['source/misspelled-name'], word, removed: m[1] });
        }
      }
    }
    // A sentence dropped from a paragraph of two or more.
    if (p.target.length >= 2 && rnd() < 0.5) {
      const drop = Math.floor(rnd() * p.target.length);
      out.push({ kind: 'sentence dropped', paragraph: k, doc: withParagraph(doc, k, p.target.filter((_, i) => i !== drop)), rules: ['source/missing-sentence', 'source/short-translation'] });
    }
    // A paragraph left in the source language.
    if (rnd() < 0.2) out.push({ kind: 'untranslated', paragraph: k, doc: withParagraph(doc, k, p.source), rules: ['source/untranslated'] });
  });
  return out;
}

/** The translation's word is the source's name: carried letter for letter (Latin) or by its romanisation's consonants (Cyrillic). */
function carried(word: string, source: string, lang: string): boolean {
  if (lang !== 'ru') return source.normalize('NFD').replace(/\p{M}/gu, '').includes(word.normalize('NFD').replace(/\p{M}/gu, ''));
  const skeleton = (w: string) => w.toLowerCase().replace(/[aeiouyьъаеёиоуыэюя]/g, '').slice(0, 3);
  const cyr: Record<string, string> = { б: 'b', в: 'v', г: 'g', д: 'd', ж: 'zh', з: 'z', к: 'k', л: 'l', м: 'm', н: 'n', п: 'p', р: 'r', с: 's', т: 't', ф: 'f', х: 'kh', ц: 'ts', ч: 'ch', ш: 'sh', щ: 'shch' };
  const latin = (w: string) => [...w.toLowerCase()].map((c) => cyr[c] ?? c).join('');
  const want = skeleton(word);
  return want.length === 3 && (source.match(/\p{Lu}\p{Ll}+/gu) ?? []).some((w) => /\p{Script=Cyrillic}/u.test(w) && skeleton(latin(w)) === want);
}

/** One random edit inside a word (not its first letter): a swap, a deletion, a doubled or a changed letter. */
function misspell(word: string, rnd: () => number): string | null {
  if (word.length < 4) return null;
  const i = 1 + Math.floor(rnd() * (word.length - 2));
  const kind = Math.floor(rnd() * 4);
  const letters = 'aeioulnrstkmvd';
  let out: string;
  if (kind === 0) out = word.slice(0, i) + word[i + 1] + word[i] + word.slice(i + 2);
  else if (kind === 1) out = word.slice(0, i) + word.slice(i + 1);
  else if (kind === 2) out = word.slice(0, i) + word[i] + word.slice(i);
  else out = word.slice(0, i) + letters[Math.floor(rnd() * letters.length)] + word.slice(i + 1);
  return out === word ? null : out;
}

// ---- the measurement ----------------------------------------------------------------------------

/** Whether a rule of the injection's kind reports it on its paragraph (`unit`) and did not on the clean copy (a misspelling: on the misspelled word). */
export function found(inj: Injection, clean: readonly Finding[], text: string, findings: readonly Finding[], unit: { start: number; end: number }): boolean {
  const before = new Set(clean.filter((f) => inj.rules.includes(f.ruleId)).map((f) => `${f.ruleId}\u0000${f.text}`));
  return findings.some((f) => {
    if (!inj.rules.includes(f.ruleId) || f.end < unit.start || f.start > unit.end) return false;
    // (A possessive's name is the word without its 's: Krelin's is flagged as Krelin.)
    if (inj.word) return text.slice(f.start, f.end) === inj.word || text.slice(f.start, f.end) === inj.word.replace(/['’]s$/, '');
    return !before.has(`${f.ruleId}\u0000${f.text}`);
  });
}

export interface SourceEval {
  lines: string[];
  dump: string[];
}

export interface EvalOptions {
  /** Which half of the documents to measure: the held-out one (reported) or the calibration one (for tuning). */
  half?: BiDoc['half'];
  /** Only these kinds of injected error (and no MQM section), for a quicker run while tuning. */
  only?: string[];
}

export function evalSource(data: string, opts: EvalOptions = {}): SourceEval | null {
  const half = opts.half ?? 'report';
  const wanted = (kind: string) => !opts.only || opts.only.some((o) => kind.startsWith(o));
  if (!existsSync(join(data, 'mt-dev', 'newstest2021.ru-en.refs.tsv'))) return null;
  const rules = loadRules({ verify: false })
    .filter((r) => r.id.startsWith('source/'))
    .map((r) => ({ ...r, enabled: true }));
  const enabled = new Set(loadRules({ verify: false }).filter((r) => r.id.startsWith('source/') && r.enabled).map((r) => r.id));
  const ruleIds = rules.map((r) => r.id);
  const judged = judgedFindings();
  const dump: string[] = [];
  const context = (text: string, f: Finding) => JSON.stringify(text.slice(Math.max(0, f.start - 40), f.start) + '⟦' + f.text.slice(0, 120) + '⟧' + text.slice(f.end, f.end + 40));

  // 1. False alarms on the references (held-out half).
  const sets = referenceSets(data);
  const fa = new Map<string, Map<string, number>>();
  const defects: string[] = [];
  const setWords = new Map<string, number>();
  for (const set of sets) {
    let words = 0;
    const byRule = new Map<string, number>();
    for (const doc of set.docs) {
      if (doc.half !== half) continue;
      const { text, findings } = lintDoc(doc, rules);
      words += countWords(text);
      for (const f of findings) {
        const verdict = judged.get(`${doc.id}\u0000${f.ruleId}\u0000${f.text.slice(0, 80)}`);
        dump.push(`clean\t${verdict ? 'defect' : 'FA'}\t${doc.id}\t${f.ruleId}\t${f.text.slice(0, 80)}\t${context(text, f)}\t${f.message}`);
        if (verdict) {
          defects.push(`| ${set.name} | ${f.ruleId} | ${f.text.length > 60 ? `${f.text.slice(0, 57)}…` : f.text} | ${verdict} |`);
          continue;
        }
        byRule.set(f.ruleId, (byRule.get(f.ruleId) ?? 0) + 1);
      }
    }
    fa.set(set.name, byRule);
    setWords.set(set.name, words);
  }

  // 1b. The same documents as one file without document boundaries (a TSV or an XLIFF of many
  // articles): what a check that looks across the article (a name the translation carries elsewhere)
  // finds when the article is the whole file.
  const oneFile = new Map<string, number>();
  for (const set of opts.only ? [] : sets) {
    const docs = set.docs.filter((d) => d.half === half);
    const docOf = docs.flatMap((d) => d.paragraphs.map(() => d.id));
    const { text, findings, units } = lintDoc({ id: `${set.name} (one file)`, lang: set.lang, half, paragraphs: docs.flatMap((d) => d.paragraphs) }, rules);
    let n = 0;
    for (const f of findings) {
      if (!enabled.has(f.ruleId)) continue;
      const id = docOf[units.findIndex((u) => f.start >= u.start && f.start <= u.end)] ?? '';
      if (judged.has(`${id}\u0000${f.ruleId}\u0000${f.text.slice(0, 80)}`)) continue;
      n++;
      dump.push(`one file\tFA\t${id}\t${f.ruleId}\t${f.text.slice(0, 80)}\t${context(text, f)}\t${f.message}`);
    }
    oneFile.set(set.name, n);
  }

  // 2. Recall on injected errors (held-out half of the references).
  const recall = new Map<string, { total: number; found: number; byLang: Map<string, [number, number]> }>();
  let seed = 1;
  for (const set of sets) {
    for (const doc of set.docs) {
      if (doc.half !== half) continue;
      const clean = lintDoc(doc, rules);
      for (const inj of injections(doc, random(seed++))) {
        if (!wanted(inj.kind)) continue;
        const { text, findings, units } = lintDoc(inj.doc, rules);
        const unit = units[inj.paragraph];
        const hit = found(inj, clean.findings, text, findings, unit);
        let r = recall.get(inj.kind);
        if (!r) recall.set(inj.kind, (r = { total: 0, found: 0, byLang: new Map() }));
        r.total++;
        if (hit) r.found++;
        const l = r.byLang.get(set.lang) ?? [0, 0];
        r.byLang.set(set.lang, [l[0] + 1, l[1] + (hit ? 1 : 0)]);
        if (!hit) dump.push(`missed\t${inj.kind}\t${doc.id}\t¶${inj.paragraph + 1}\t${inj.word ?? inj.removed ?? ''}\t${JSON.stringify(text.slice(unit.start, unit.end).slice(0, 200))}`);
        // (A misspelling found: what the finding proposes, beside the name the injection misspelt.)
        if (hit && inj.word) {
          const f = findings.find((x) => inj.rules.includes(x.ruleId) && x.start >= unit.start && x.end <= unit.end && inj.word!.startsWith(x.text));
          const proposed = f ? (f.fix ? [f.fix.text] : f.suggestions.map((s) => s.text)) : [];
          dump.push(`found\t${inj.kind}\t${doc.id}\t${inj.word}\t${inj.removed}\t${proposed.join('|') || '(none)'}\t${f?.fix ? 'fix' : 'suggest'}`);
        }
      }
    }
  }

  // 3. Precision against MQM spans (WMT20 zh → en MT output, held-out half).
  const mqm = new Map<string, { hits: number; overlap: number; segment: number }>();
  let mqmWords = 0;
  for (const system of opts.only ? [] : mqmSystems(data)) {
    const set: BiSet = newstest2020(data, system, true);
    for (const doc of set.docs) {
      if (doc.half !== half) continue;
      const { text, findings, units } = lintDoc(doc, rules);
      mqmWords += countWords(text);
      const r = render(doc);
      const spans = doc.paragraphs.flatMap((p, k) => (p.spans ?? []).flatMap((segSpans, i) => segSpans.map((s) => ({ ...s, start: s.start + r.offsets[k][i], end: s.end + r.offsets[k][i], unit: k }))));
      for (const f of findings) {
        const t = mqm.get(f.ruleId) ?? { hits: 0, overlap: 0, segment: 0 };
        t.hits++;
        const overlapping = spans.filter((s) => (f.start < s.end && s.start < f.end) || (f.start === f.end && f.start >= s.start && f.start <= s.end));
        if (overlapping.length > 0) t.overlap++;
        const unit = units.findIndex((u) => f.start >= u.start && f.end <= u.end);
        if (overlapping.some((s) => s.category.startsWith('Accuracy')) || spans.some((s) => s.unit === unit && s.category.startsWith('Accuracy'))) t.segment++;
        mqm.set(f.ruleId, t);
        dump.push(`mqm\t${overlapping.length > 0 ? 'ok' : 'NO'}\t${doc.id}\t${f.ruleId}\t${f.text.slice(0, 80)}\t${context(text, f)}\t${overlapping.map((s) => s.category).join(';')}`);
      }
    }
  }

  // ---- report ----
  const lines: string[] = [];
  lines.push('## Source-aware checks (rules/source/)');
  lines.push('');
  lines.push('Generated by scripts/source/eval.ts. The checks need the original: each set below is read as bilingual');
  lines.push('documents (a WMT document, or ten lines in order where the files have no document ids), paragraphs of up');
  lines.push('to three sentences, each a unit with its source. Only the **held-out half** of the documents (odd');
  lines.push('positions) is measured; the even half calibrated the length model (scripts/source/calibrate.ts →');
  lines.push('rules/lists/length-ratios.yaml). The number, name and script readers were developed reading findings on');
  lines.push('these sets (both halves): held-out data of other years and pairs will show what that tuning is worth.');
  lines.push('');
  lines.push('### False alarms on professional translations');
  lines.push('');
  lines.push('Findings judged real errors of the reference (a number or name the translator changed or dropped; listed');
  lines.push('below, from scripts/source/judged.tsv) are not counted.');
  lines.push('');
  const header = ['set', 'words', ...ruleIds.map((id) => id.replace('source/', '')), 'all enabled', 'per 10,000 words'];
  lines.push(`| ${header.join(' | ')} |`);
  lines.push(`|${header.map(() => '---').join('|')}|`);
  let totalWords = 0;
  let totalFa = 0;
  const totals = new Map<string, number>();
  const perDocument = new Map<string, number>();
  for (const set of sets) {
    const byRule = fa.get(set.name)!;
    const words = setWords.get(set.name)!;
    const all = sum(ruleIds.filter((id) => enabled.has(id)).map((id) => byRule.get(id) ?? 0));
    perDocument.set(set.name, all);
    totalWords += words;
    totalFa += all;
    for (const id of ruleIds) totals.set(id, (totals.get(id) ?? 0) + (byRule.get(id) ?? 0));
    lines.push(`| ${set.name} | ${words} | ${ruleIds.map((id) => byRule.get(id) ?? 0).join(' | ')} | ${all} | ${per10k(all, words)} |`);
  }
  lines.push(`| **all** | ${totalWords} | ${ruleIds.map((id) => totals.get(id) ?? 0).join(' | ')} | ${totalFa} | **${per10k(totalFa, totalWords)}** |`);
  lines.push('');
  const off = ruleIds.filter((id) => !enabled.has(id));
  if (off.length > 0) lines.push(`Rules off by default (counted in their column, not in "all enabled"): ${off.join(', ')}.`);
  lines.push('');
  if (oneFile.size > 0) {
    lines.push('The same held-out documents of each set as **one file without document boundaries** (as a TSV or an');
    lines.push('XLIFF holding many articles reads): false alarms of the enabled rules, judged findings left out as above.');
    lines.push('');
    lines.push('| set | words | per document | one file | one file, per 10,000 words |');
    lines.push('|---|---|---|---|---|');
    let w = 0;
    let a = 0;
    let b = 0;
    for (const set of sets) {
      const perDoc = perDocument.get(set.name)!;
      const words = setWords.get(set.name)!;
      w += words;
      a += perDoc;
      b += oneFile.get(set.name)!;
      lines.push(`| ${set.name} | ${words} | ${perDoc} | ${oneFile.get(set.name)} | ${per10k(oneFile.get(set.name)!, words)} |`);
    }
    lines.push(`| **all** | ${w} | ${a} | ${b} | **${per10k(b, w)}** |`);
    lines.push('');
  }
  lines.push('### Recall on injected errors');
  lines.push('');
  lines.push('Each error is injected into its own copy of a held-out document (fixed seed); it is found when a rule of');
  lines.push('its kind reports it on that paragraph and did not on the clean copy (a misspelling: on the misspelled word).');
  lines.push('Numbers: a number the source also writes, one digit changed. Names: a capitalised word of the translation');
  lines.push('that carries a name of the source (ru by its consonants, cs and de letter for letter), with the words of');
  lines.push('its name, removed; or one letter swapped, dropped, doubled or changed. Sentences: one sentence of a');
  lines.push('paragraph of two or three dropped. Untranslated: a paragraph replaced by its source.');
  lines.push('');
  lines.push('| error | injected | found | recall | by source language |');
  lines.push('|---|---|---|---|---|');
  for (const [kind, r] of recall) {
    const langs = [...r.byLang].map(([l, [n, f]]) => `${l} ${f}/${n}`).join(', ');
    lines.push(`| ${kind} | ${r.total} | ${r.found} | **${pct(r.found, r.total)}** | ${langs} |`);
  }
  lines.push('');
  lines.push('### Precision against MQM error spans (WMT20 zh → en MT output)');
  lines.push('');
  lines.push(`The 8 MT systems' output (held-out half, ${mqmWords} words) beside the Chinese sources. A finding is`);
  lines.push('correct when it overlaps an expert error span of any category ("span"), or, for findings that cover a');
  lines.push('whole paragraph (missing numbers, names, sentences), when its paragraph has an Accuracy error ("paragraph").');
  lines.push('');
  lines.push('| rule | findings | overlap a span | precision (span) | in a paragraph with an Accuracy error | precision (paragraph) |');
  lines.push('|---|---|---|---|---|---|');
  let h = 0;
  let o = 0;
  let s = 0;
  for (const id of ruleIds) {
    const t = mqm.get(id);
    if (!t) continue;
    if (enabled.has(id)) {
      h += t.hits;
      o += t.overlap;
      s += t.segment;
    }
    lines.push(`| ${id}${enabled.has(id) ? '' : ' *(off)*'} | ${t.hits} | ${t.overlap} | ${pct(t.overlap, t.hits)} | ${t.segment} | ${pct(t.segment, t.hits)} |`);
  }
  lines.push(`| **all enabled** | ${h} | ${o} | **${pct(o, h)}** | ${s} | **${pct(s, h)}** |`);
  lines.push('');
  if (defects.length > 0) {
    lines.push('### Findings judged real errors of the references (not counted above)');
    lines.push('');
    lines.push('| set | rule | flagged | what the reference got wrong |');
    lines.push('|---|---|---|---|');
    lines.push(...defects);
    lines.push('');
  }
  return { lines, dump };
}

// Run alone: print the section (and write the dump).
if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const argv = process.argv.slice(2);
  const arg = (name: string) => (argv.includes(name) ? argv[argv.indexOf(name) + 1] : undefined);
  const data = arg('--data') ?? join(process.cwd(), '..', 'shared', 'data');
  const result = evalSource(data, { half: arg('--half') === 'calibrate' ? 'calibrate' : 'report', only: arg('--only')?.split(',') });
  if (!result) {
    process.stderr.write(`source eval: ${data} has no mt-dev data\n`);
    process.exit(2);
  }
  process.stdout.write(result.lines.join('\n') + '\n');
  const dump = arg('--dump');
  if (dump) writeFileSync(dump, result.dump.join('\n') + '\n');
}
