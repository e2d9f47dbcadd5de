// A second development set for the Russian names-removed check (source/missing-name), beyond the WMT21
// references that scripts/source/eval.ts measures: names removed, as eval.ts removes them, from
//  - the MLQE-PE ru-en post-edits (../shared/data/mt-dev/ru-en.{train,dev}.tsv: a source sentence and a
//    human post-edit of its MT; Reddit threads, Wikiquote proverbs), a document per doc_id, a unit per
//    sentence;
//  - the WMT21 ru-en MT outputs (newstest2021.ru-en.hyps.tsv, every system), only the documents of the
//    calibration half (the held-out half's sources stay unread).
// It prints recall per set and the findings on the unchanged texts (which, for MT output, may be real
// errors of the MT: read them); --dump FILE writes every miss and every clean finding, one a line.
// Usage: npm run build && tsc -p tsconfig.test.json && node .test-build/scripts/source/names-dev.js [--data ../shared/data] [--dump FILE] [--set mlqe|mt]

import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { loadRules } from '../../src/engine/load.js';
import { nameTrace } from '../../src/source/check-names.js';
import type { NameRun } from '../../src/source/names.js';
import { readTsv, type Row } from '../tsv.js';
import type { BiDoc } from './data.js';
import { found, injections, lintDoc, random } from './eval.js';

const argv = process.argv.slice(2);
const arg = (name: string) => (argv.includes(name) ? argv[argv.indexOf(name) + 1] : undefined);
const data = arg('--data') ?? join(process.cwd(), '..', 'shared', 'data');
const only = arg('--set');
const rules = loadRules({ verify: false })
  .filter((r) => r.id === 'source/missing-name')
  .map((r) => ({ ...r, enabled: true }));

/** Rows grouped by a key, first-seen order. */
function groupBy(rows: Row[], key: (r: Row) => string): Row[][] {
  const m = new Map<string, Row[]>();
  for (const r of rows) {
    const k = key(r);
    const list = m.get(k);
    if (list) list.push(r);
    else m.set(k, [r]);
  }
  return [...m.values()];
}

/** One paragraph per segment (a sentence of MLQE-PE; a WMT segment), in documents of at most 30 (the check's article reach). */
function docs(name: string, rows: Row[], docKey: (r: Row) => string, src: (r: Row) => string, tgt: (r: Row) => string): BiDoc[] {
  const out: BiDoc[] = [];
  for (const group of groupBy(rows, docKey)) {
    for (let i = 0; i < group.length; i += 30) {
      const part = group.slice(i, i + 30).filter((r) => src(r).trim() !== '' && tgt(r).trim() !== '');
      if (part.length > 0) out.push({ id: `${name} ${docKey(part[0])} #${i / 30 + 1}`, lang: 'ru', half: 'calibrate', paragraphs: part.map((r) => ({ source: [src(r).trim()], target: [tgt(r).trim()] })) });
    }
  }
  return out;
}

const sets: { name: string; docs: BiDoc[] }[] = [];
if (only !== 'mt') {
  const rows = [...readTsv(join(data, 'mt-dev/ru-en.train.tsv')), ...readTsv(join(data, 'mt-dev/ru-en.dev.tsv'))];
  sets.push({ name: 'MLQE-PE ru-en', docs: docs('mlqe', rows, (r) => r.doc_id, (r) => r.src, (r) => r.pe_detok_approx) });
}
if (only !== 'mlqe') {
  // The calibration half of the WMT21 documents (data.ts: the even documents in file order).
  const refs = readTsv(join(data, 'mt-dev/newstest2021.ru-en.refs.tsv'));
  const order = [...new Set(refs.map((r) => r.doc_id))];
  const calibrate = new Set(order.filter((_, k) => k % 2 === 0));
  const source = new Map(refs.map((r) => [`${r.doc_id}\u0000${r.seg_id}`, r.src]));
  const hyps = readTsv(join(data, 'mt-dev/newstest2021.ru-en.hyps.tsv')).filter((r) => calibrate.has(r.doc_id));
  sets.push({ name: 'WMT21 ru-en MT (calibrate half)', docs: docs('mt', hyps, (r) => `${r.system} ${r.doc_id}`, (r) => source.get(`${r.doc_id}\u0000${r.seg_id}`) ?? '', (r) => r.hyp) });
}

const dump: string[] = [];
let seed = 1;
for (const set of sets) {
  let total = 0;
  let hit = 0;
  let clean = 0;
  for (const doc of set.docs) {
    const rnd = random(seed++);
    const before = lintDoc(doc, rules);
    for (const f of before.findings) {
      clean++;
      dump.push(`clean\t${set.name}\t${doc.id}\t${f.text.slice(0, 100)}\t${f.message}`);
    }
    for (const inj of injections(doc, rnd)) {
      if (inj.kind !== 'name removed') continue;
      total++;
      // (Why each run of the unit was not reported: nameTrace, as scripts/source/why-names.ts reads it.)
      const events: { reason: string; run: NameRun; pair?: { start: number } }[] = [];
      nameTrace.on = (reason, run) => run && events.push({ reason, run, pair: nameTrace.pair });
      const { text, findings, units } = lintDoc(inj.doc, rules);
      nameTrace.on = undefined;
      const unit = units[inj.paragraph];
      const why = events.filter((e) => e.pair?.start === unit.start).map((e) => `${e.run.tokens.map((t) => t.text).join(' ')}: ${e.reason}`);
      if (found(inj, before.findings, text, findings, unit)) hit++;
      else dump.push(`missed\t${set.name}\t${doc.id}\t${inj.removed}\t${[...new Set(why)].join('; ')}\t${doc.paragraphs[inj.paragraph].source.join(' ')}\t${text.slice(unit.start, unit.end)}`);
    }
  }
  console.log(`${set.name}: names removed ${hit}/${total} (${total ? (hit / total).toFixed(2) : '–'}); findings on the unchanged texts ${clean}`);
}
const out = arg('--dump');
if (out) writeFileSync(out, `${dump.join('\n')}\n`);
