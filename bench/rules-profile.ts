// Where the time goes, rule by rule: lints a 2 MB slice of the bench corpus (article by article)
// with every default rule, several passes, and prints each rule's best time per MB and a SHA-1 of
// all findings (a change that only makes things faster must keep it). Not part of `npm run bench`:
//   npm run build && tsc -p bench/tsconfig.json && node .test-build/bench/rules-profile.js [MB] [passes]

import { createHash } from 'node:crypto';
import { fileURLToPath } from 'node:url';
import { performance } from 'node:perf_hooks';
import { loadRules } from '../src/engine/load.js';
import { lintDocument } from '../src/engine/lint.js';
import { TextDocument } from '../src/text/document.js';
import { ARTICLE_SEPARATOR, corpusText, loadCorpus } from './data.js';

const root = fileURLToPath(new URL('../..', import.meta.url));
const mb = Number(process.argv[2] ?? 2);
const passes = Number(process.argv[3] ?? 5);
const { text } = corpusText(loadCorpus(root), mb * 1e6);
const docs = text.split(ARTICLE_SEPARATOR);
const rules = loadRules({ verify: false }).filter((r) => r.enabled);
const best = new Map<string, number>();
let bestAll = Infinity;
let bestTok = Infinity;
let hash = '';
for (let p = 0; p < passes; p++) {
  const t0 = performance.now();
  const h = createHash('sha1');
  for (const d of docs) h.update(JSON.stringify(lintDocument(new TextDocument(d), rules)));
  bestAll = Math.min(bestAll, performance.now() - t0);
  hash = h.digest('hex');
  const t1 = performance.now();
  for (const d of docs) new TextDocument(d).words;
  bestTok = Math.min(bestTok, performance.now() - t1);
  for (const kind of new Set(rules.map((r) => r.kind))) {
    const group = rules.filter((r) => r.kind === kind);
    const s = performance.now();
    for (const d of docs) lintDocument(new TextDocument(d), group);
    const ms = performance.now() - s;
    best.set(`kind ${kind} (${group.length} rules)`, Math.min(best.get(`kind ${kind} (${group.length} rules)`) ?? Infinity, ms));
  }
  for (const r of rules) {
    const s = performance.now();
    for (const d of docs) lintDocument(new TextDocument(d), [r]);
    const ms = performance.now() - s;
    best.set(r.id, Math.min(best.get(r.id) ?? Infinity, ms));
  }
}
const per = (ms: number) => (ms / mb).toFixed(1).padStart(7);
console.log(`all rules: ${per(bestAll)} ms/MB (${(mb * 1000 / bestAll).toFixed(2)} MB/s), findings sha1 ${hash.slice(0, 12)}`);
console.log(`document + words alone: ${per(bestTok)} ms/MB`);
for (const [id, ms] of [...best].sort((a, b) => b[1] - a[1])) console.log(`${per(ms)}  ${id}`);
