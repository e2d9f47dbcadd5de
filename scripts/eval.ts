// Measures mtlint's precision on the shared development data and writes docs/quality.md:
// false alarms on clean English, precision and recall against expert MQM error spans
// (newstest2020 zh→en), and how often a human post-editor changed what mtlint flagged (MLQE-PE).
// Usage: npm run eval -- --data ../shared/data [--out docs/quality.md] [--no-write] [--dump FILE]

import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { diffWords } from 'diff';
import { lintText } from '../src/engine/lint.js';
import { loadRules, type Rule } from '../src/engine/load.js';
import type { Finding } from '../src/types.js';
import { articles, countWords, readTsv, type Article } from './tsv.js';
import { evalBbc } from './bbc.js';
import { auditQuality } from './audit-quality.js';
import { measureRecall, recallSection } from './names-recall.js';

const argv = process.argv.slice(2);
const arg = (name: string): string | undefined => {
  const i = argv.indexOf(name);
  return i >= 0 ? argv[i + 1] : undefined;
};
const DATA = arg('--data') ?? join(process.cwd(), '..', 'shared', 'data');
const OUT = arg('--out') ?? join(process.cwd(), 'docs', 'quality.md');
const DUMP = arg('--dump');
if (!existsSync(DATA)) {
  process.stderr.write(`eval: data folder ${DATA} not found (pass --data DIR)\n`);
  process.exit(2);
}

/** In-scope MQM categories: what mtlint's rules are meant to catch. */
const IN_SCOPE = [
  'Fluency/Spelling',
  'Fluency/Punctuation',
  'Locale convention/Name format',
  'Accuracy/Untranslated text',
  'Fluency/Character encoding',
];
/** A rule needs this many labelled hits before its precision is judged. */
const MIN_HITS = 5;
const MIN_PRECISION = 0.5;

// Every rule runs (disabled ones too, so their numbers are shown); totals count enabled ones.
const allRules = loadRules({ verify: false });
const enabledIds = new Set(allRules.filter((r) => r.enabled).map((r) => r.id));
const rules: Rule[] = allRules.map((r) => ({ ...r, enabled: true }));

interface Tally {
  /** Findings on each clean set (all false alarms). */
  clean: Record<string, number>;
  mqmHits: number;
  mqmCorrect: number;
  mlqeHits: number;
  mlqeChanged: number;
  /** Findings on unlabelled MT output (ru-en WMT21 systems). */
  mtHits: number;
  /** Findings on the BBC year judged real defects of the article (right findings, not false alarms). */
  bbcDefects: number;
}
const newTally = (): Tally => ({ clean: {}, mqmHits: 0, mqmCorrect: 0, mlqeHits: 0, mlqeChanged: 0, mtHits: 0, bbcDefects: 0 });
const byRule = new Map<string, Tally>(allRules.map((r) => [r.id, newTally()]));
const dump: string[] = [];
const context = (text: string, f: Finding) =>
  JSON.stringify(text.slice(Math.max(0, f.start - 40), f.start) + '⟦' + f.text + '⟧' + text.slice(f.end, f.end + 40));

// 1. Clean English: every finding is a false alarm.
const cleanSets: { name: string; docs: Article[]; words: number }[] = [];
{
  const clean = readTsv(join(DATA, 'clean-english-dev/newstest2021.en-X.refs.tsv'));
  const refs = readTsv(join(DATA, 'mt-dev/newstest2021.ru-en.refs.tsv'));
  for (const [name, docs] of [
    ['clean-english-dev (journalists)', articles(clean, 'doc_id', 'src')],
    ['newstest2021 ru-en ref_A', articles(refs, 'doc_id', 'ref_A')],
    ['newstest2021 ru-en ref_B', articles(refs, 'doc_id', 'ref_B')],
  ] as [string, Article[]][]) {
    let words = 0;
    for (const doc of docs) {
      words += countWords(doc.text);
      for (const f of lintText(doc.text, rules)) {
        const t = byRule.get(f.ruleId)!;
        t.clean[name] = (t.clean[name] ?? 0) + 1;
        dump.push(`clean\t${name}\t${doc.id}\t${f.ruleId}\t${context(doc.text, f)}`);
      }
    }
    cleanSets.push({ name, docs, words });
  }
}

// 1b. A year of BBC News, each article one document: edited news that still has a few real
// typos, so the findings judged real defects (scripts/bbc-judged.tsv) are not false alarms.
const bbc = evalBbc(DATA, rules, enabledIds);
if (bbc) {
  for (const f of bbc.falseAlarms) {
    const t = byRule.get(f.ruleId)!;
    t.clean[bbc.name] = (t.clean[bbc.name] ?? 0) + 1;
  }
  for (const f of bbc.defects) byRule.get(f.ruleId)!.bbcDefects++;
  for (const line of bbc.dump) dump.push(line);
  cleanSets.push({ name: bbc.name, docs: [], words: bbc.words });
}

// 2. MQM (newstest2020 zh→en): a finding is correct when it overlaps an annotated error span.
interface Span {
  start: number;
  end: number;
  category: string;
}
const recall = new Map<string, { total: number; found: number }>(IN_SCOPE.map((c) => [c, { total: 0, found: 0 }]));
let mqmWords = 0;
{
  const rows = readTsv(join(DATA, 'mt-dev/newstest2020_zhen.segments.tsv'));
  for (const r of rows) r.article = `${r.set}\u0000${r.system}\u0000${r.doc}`;
  for (const doc of articles(rows, 'article', 'target')) {
    mqmWords += countWords(doc.text);
    const spans = doc.segments.map((seg) => errorSpans(seg.row.target, seg.row.errors_json).map((s) => ({ ...s, start: s.start + seg.start, end: s.end + seg.start })));
    const all = spans.flat();
    const findings = lintText(doc.text, rules);
    for (const f of findings) {
      const t = byRule.get(f.ruleId)!;
      t.mqmHits++;
      const hit = all.some((s) => overlaps(f, s));
      if (hit) t.mqmCorrect++;
      dump.push(`mqm\t${hit ? 'ok' : 'NO'}\t${doc.id.replace(/\u0000/g, '/')}\t${f.ruleId}\t${context(doc.text, f)}`);
    }
    const enabledFindings = findings.filter((f) => enabledIds.has(f.ruleId));
    const seen = new Set<string>();
    for (const s of all) {
      const stat = recall.get(s.category);
      const key = `${s.category}\u0000${s.start}\u0000${s.end}`;
      if (!stat || seen.has(key)) continue;
      seen.add(key);
      stat.total++;
      if (enabledFindings.some((f) => overlaps(f, s))) stat.found++;
    }
  }
}

// 3. MLQE-PE ru→en: was the flagged span changed by the human post-editor?
let mlqeWords = 0;
{
  for (const row of readTsv(join(DATA, 'mt-dev/ru-en.dev.tsv'))) {
    const mt = row.mt;
    mlqeWords += countWords(mt);
    const findings = lintText(mt, rules);
    if (findings.length === 0) continue;
    const changed = changedRanges(mt, row.pe_detok_approx);
    for (const f of findings) {
      const t = byRule.get(f.ruleId)!;
      t.mlqeHits++;
      const hit = changed.some((c) => touches(f, c));
      if (hit) t.mlqeChanged++;
      dump.push(`mlqe\t${hit ? 'changed' : 'kept'}\t${row.segid}\t${f.ruleId}\t${context(mt, f)}`);
    }
  }
}

// 4. Unlabelled MT output (WMT21 ru→en systems): how often rules fire on real MT.
let mtWords = 0;
{
  const hyps = readTsv(join(DATA, 'mt-dev/newstest2021.ru-en.hyps.tsv'));
  for (const r of hyps) r.article = `${r.system}\u0000${r.doc_id}`;
  for (const doc of articles(hyps, 'article', 'hyp')) {
    mtWords += countWords(doc.text);
    for (const f of lintText(doc.text, rules)) {
      byRule.get(f.ruleId)!.mtHits++;
      dump.push(`mt\t-\t${doc.id.replace(/\u0000/g, '/')}\t${f.ruleId}\t${context(doc.text, f)}`);
    }
  }
}

/** Error spans of one segment in UTF-16 offsets (MQM offsets count code points). */
function errorSpans(target: string, json: string): Span[] {
  let errors: unknown[][];
  try {
    errors = JSON.parse(json) as unknown[][];
  } catch {
    return [];
  }
  const cpToUnit: number[] = [];
  let unit = 0;
  for (const ch of target) {
    cpToUnit.push(unit);
    unit += ch.length;
  }
  cpToUnit.push(unit);
  const at = (cp: number) => cpToUnit[Math.min(Math.max(cp, 0), cpToUnit.length - 1)];
  const out: Span[] = [];
  for (const e of errors) {
    const [, category, , side, start, end, kind] = e as [string, string, string, string, number, number, string];
    if (side !== 'target' || (kind !== 'exact' && kind !== 'mapped')) continue;
    if (typeof start !== 'number' || typeof end !== 'number' || end <= start) continue;
    out.push({ start: at(start), end: at(end), category });
  }
  return out;
}

function overlaps(f: { start: number; end: number }, s: { start: number; end: number }): boolean {
  return f.start < s.end && s.start < f.end;
}
/** Overlap, counting an insertion point inside or at the edge of the finding. */
function touches(f: { start: number; end: number }, c: { start: number; end: number }): boolean {
  return c.start === c.end ? c.start >= f.start && c.start <= f.end : overlaps(f, c);
}

/** Ranges of `mt` (UTF-16 offsets) that the post-edit removed or replaced, and insertion points. */
function changedRanges(mt: string, pe: string): { start: number; end: number }[] {
  const out: { start: number; end: number }[] = [];
  let pos = 0;
  for (const part of diffWords(mt, pe)) {
    if (part.added) {
      out.push({ start: pos, end: pos });
    } else {
      if (part.removed) out.push({ start: pos, end: pos + part.value.length });
      pos += part.value.length;
    }
  }
  return out;
}

// ---- report ----
const pct = (n: number, d: number) => (d === 0 ? '–' : (n / d).toFixed(2));
const per10k = (n: number, words: number) => ((n / words) * 10000).toFixed(2);

function sum(ids: string[]): Tally {
  const t = newTally();
  for (const id of ids) {
    const r = byRule.get(id)!;
    for (const [k, v] of Object.entries(r.clean)) t.clean[k] = (t.clean[k] ?? 0) + v;
    t.mqmHits += r.mqmHits;
    t.mqmCorrect += r.mqmCorrect;
    t.mlqeHits += r.mlqeHits;
    t.mlqeChanged += r.mlqeChanged;
    t.mtHits += r.mtHits;
    t.bbcDefects += r.bbcDefects;
  }
  return t;
}
const cleanTotal = (t: Tally) => Object.values(t.clean).reduce((a, b) => a + b, 0);
const labelled = (t: Tally) => cleanTotal(t) + t.mqmHits + t.mlqeHits + t.bbcDefects;
const correct = (t: Tally) => t.mqmCorrect + t.mlqeChanged + t.bbcDefects;

function row(name: string, t: Tally, note = ''): string {
  const cells = [
    name,
    ...cleanSets.map((s) => `${t.clean[s.name] ?? 0} (${per10k(t.clean[s.name] ?? 0, s.words)})${s.name === bbc?.name ? `, ${t.bbcDefects} defects` : ''}`),
    `${t.mqmCorrect}/${t.mqmHits} (${pct(t.mqmCorrect, t.mqmHits)})`,
    `${t.mlqeChanged}/${t.mlqeHits} (${pct(t.mlqeChanged, t.mlqeHits)})`,
    String(t.mtHits),
    `${labelled(t)}`,
    labelled(t) >= MIN_HITS ? pct(correct(t), labelled(t)) : '–',
  ];
  return `| ${cells.join(' | ')} |${note ? ` ${note} |` : ''}`;
}

const enabled = [...enabledIds];
const total = sum(enabled);
const packs = [...new Set(allRules.map((r) => r.id.split('/')[0]))].sort();
const header = [
  'rule',
  ...cleanSets.map((s) => `${s.name}: false alarms (per 10k words)${s.name === bbc?.name ? ', real defects found' : ''}`),
  'MQM zh→en: correct/findings (precision)',
  'MLQE ru→en: post-edited/findings (share)',
  'ru→en MT findings (unlabelled)',
  'labelled hits',
  'precision',
];
const tableHead = `| ${header.join(' | ')} |\n|${header.map(() => '---').join('|')}|`;

const lines: string[] = [];
lines.push('# Quality on the development data');
lines.push('');
lines.push('Generated by `npm run eval -- --data ../shared/data` (scripts/eval.ts); do not edit by hand.');
lines.push('');
lines.push('How it is measured:');
lines.push('');
lines.push('- **False alarms**: findings on clean English — `clean-english-dev/newstest2021.en-X.refs.tsv` (original');
lines.push('  English news, column `src`) and the two professional references of `mt-dev/newstest2021.ru-en.refs.tsv`');
lines.push('  (`ref_A`, `ref_B`). Segments are grouped by `doc_id` into articles. Every finding there is counted as wrong.');
lines.push('- **BBC News year**: `clean-english-bbc/bbc-news-2004-2005.ndjson`, never tuned on by the rules\' examples: each');
lines.push('  article one document; findings a person judged real defects of the article are listed and not counted (see the');
lines.push('  section at the end).');
lines.push('- **MQM precision**: `mt-dev/newstest2020_zhen.segments.tsv`, grouped by set + system + doc into articles');
lines.push('  (10 systems, 2 of them human). A finding is correct when it overlaps an expert error span of any category');
lines.push('  (offsets `exact`/`mapped`, code points converted to UTF-16). **Recall** is over the in-scope categories.');
lines.push('- **MLQE share**: `mt-dev/ru-en.dev.tsv`, one segment at a time; a finding counts when the human post-edit');
lines.push('  (`pe_detok_approx`) changed a word inside it (jsdiff `diffWords` of `mt` against the post-edit).');
lines.push('- **Precision per rule** = (MQM correct + MLQE post-edited + BBC defects) / (clean findings + MQM findings + MLQE findings + BBC defects),');
lines.push(`  shown once a rule has at least ${MIN_HITS} labelled hits; a rule under ${MIN_PRECISION} is off by default (\`enabled: false\`).`);
lines.push('- The ru→en MT column (the 10 WMT21 systems in `newstest2021.ru-en.hyps.tsv`) has no labels: it shows how');
lines.push('  often a rule fires on real machine translation.');
lines.push('');
lines.push('## Summary (enabled rules)');
lines.push('');
lines.push('| set | words | false alarms | per 10,000 words |');
lines.push('|---|---|---|---|');
const devSets = cleanSets.filter((s) => s.name !== bbc?.name);
const devWords = devSets.reduce((a, s) => a + s.words, 0);
const devTotal = devSets.reduce((a, s) => a + (total.clean[s.name] ?? 0), 0);
for (const s of devSets) {
  const n = total.clean[s.name] ?? 0;
  lines.push(`| ${s.name} | ${s.words} | ${n} | ${per10k(n, s.words)} |`);
}
lines.push(`| all clean dev sets | ${devWords} | ${devTotal} | ${per10k(devTotal, devWords)} |`);
if (bbc) {
  const n = total.clean[bbc.name] ?? 0;
  lines.push(`| ${bbc.name} (${bbc.defectsEnabled} findings judged real defects not counted) | ${bbc.words} | ${n} | **${per10k(n, bbc.words)}** |`);
}
lines.push('');
lines.push(`- MQM zh→en (${mqmWords} words): ${total.mqmHits} findings, ${total.mqmCorrect} overlap an error span: precision **${pct(total.mqmCorrect, total.mqmHits)}**.`);
lines.push(`- MLQE-PE ru→en (${mlqeWords} words): ${total.mlqeHits} findings, ${total.mlqeChanged} changed by the post-editor: share **${pct(total.mlqeChanged, total.mlqeHits)}**.`);
lines.push(`- ru→en MT (${mtWords} words, unlabelled): ${total.mtHits} findings.`);
lines.push('');
lines.push('MQM recall, in-scope categories (distinct annotated spans overlapped by a finding of an enabled rule):');
lines.push('');
lines.push('| category | spans | found | recall |');
lines.push('|---|---|---|---|');
for (const [cat, r] of recall) lines.push(`| ${cat} | ${r.total} | ${r.found} | ${pct(r.found, r.total)} |`);
const rt = [...recall.values()].reduce((a, r) => ({ total: a.total + r.total, found: a.found + r.found }), { total: 0, found: 0 });
lines.push(`| all in scope | ${rt.total} | ${rt.found} | ${pct(rt.found, rt.total)} |`);
lines.push('');
lines.push('## Per pack (enabled rules)');
lines.push('');
lines.push(tableHead.replace('| rule |', '| pack |'));
for (const p of packs) lines.push(row(p, sum(enabled.filter((id) => id.startsWith(`${p}/`)))));
lines.push(row('**all**', total));
lines.push('');
lines.push('## Per rule');
lines.push('');
lines.push('Rules marked *off* are disabled by default; their numbers are shown for the record.');
lines.push('');
lines.push(tableHead);
const failing: string[] = [];
for (const r of allRules) {
  const t = byRule.get(r.id)!;
  const low = labelled(t) >= MIN_HITS && correct(t) / labelled(t) < MIN_PRECISION;
  if (low && r.enabled) failing.push(r.id);
  lines.push(row(`${r.id}${r.enabled ? '' : ' *(off)*'}`, t));
}
lines.push('');
if (failing.length > 0) lines.push(`**Under ${MIN_PRECISION} precision and still enabled:** ${failing.join(', ')}`);
else lines.push(`Every enabled rule with at least ${MIN_HITS} labelled hits has precision ≥ ${MIN_PRECISION}.`);
lines.push('');
if (bbc) lines.push(...bbc.section(enabledIds));
lines.push(...recallSection(measureRecall(DATA, rules.filter((r) => enabledIds.has(r.id)))));
lines.push('', ...(await auditQuality(DATA)));
const report = lines.join('\n');

process.stdout.write(report);
if (!argv.includes('--no-write')) {
  const old = existsSync(OUT) ? readFileSync(OUT, 'utf8') : '';
  if (old !== report) writeFileSync(OUT, report);
  process.stderr.write(`eval: wrote ${OUT}\n`);
}
if (DUMP) writeFileSync(DUMP, dump.join('\n') + '\n');
